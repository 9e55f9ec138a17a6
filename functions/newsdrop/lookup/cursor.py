"""Opaque, tamper-evident pagination cursors: HMAC-signed base64url of a position, bound to one query."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
from collections.abc import Callable, Mapping
from typing import Any

from newsdrop.errors import NewsdropError
from newsdrop.lookup.errors import InvalidCursor

# A cursor carries at most one DynamoDB key (or a month plus a key, or an offset); anything longer is forged.
MAX_CURSOR_LENGTH = 2048
_MAC_BYTES = 16  # 128-bit tag: forging one is infeasible, and the cursor stays short
# <base64url payload>.<base64url MAC>, exactly as encode() writes it: the MAC is _MAC_BYTES long, unpadded.
CURSOR_PATTERN = rf"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{{{(4 * _MAC_BYTES + 2) // 3}}}$"


def _b64encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class CursorSecretMissing(NewsdropError):
    """No secret to sign cursors with: the API refuses to run rather than sign with a guessable key."""

    code = "cursor_secret_missing"


def cursor_secret(env: Mapping[str, str] | None = None, read: Callable[[str], str] | None = None) -> bytes:
    """The key that signs cursors: the secret CURSOR_SECRET_ARN names, read at run time through ``read``.

    CURSOR_SECRET (a value) is for local development only. With neither, or an empty secret, this fails
    closed: a key derived from public names would let clients forge positions.
    """
    environ = os.environ if env is None else env
    arn = environ.get("CURSOR_SECRET_ARN", "")
    value = read(arn) if arn and read is not None else environ.get("CURSOR_SECRET", "")
    if not value:
        raise CursorSecretMissing(
            "no cursor secret is configured",
            hint="set CURSOR_SECRET_ARN to the Secrets Manager secret that signs cursors (template.yaml's "
            "CursorSecret) and allow secretsmanager:GetSecretValue on it",
        )
    return value.encode("utf-8")


class CursorCodec:
    """Signs positions into cursors and verifies them; ``scope`` names the query a cursor belongs to."""

    def __init__(self, secret: bytes) -> None:
        if not secret:
            raise ValueError("cursor secret must not be empty; set CURSOR_SECRET_ARN")
        self._secret = secret

    def _mac(self, scope: str, payload: bytes) -> bytes:
        message = scope.encode("utf-8") + b"\x00" + payload
        return hmac.new(self._secret, message, hashlib.sha256).digest()[:_MAC_BYTES]

    def encode(self, position: dict[str, Any], scope: str) -> str:
        # UTF-8, not \u escapes: a position holding a long non-ASCII key (an S3 key of 1,024 bytes) must still
        # give a cursor within MAX_CURSOR_LENGTH.
        payload = json.dumps(position, separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode(
            "utf-8"
        )
        return f"{_b64encode(payload)}.{_b64encode(self._mac(scope, payload))}"

    def decode(self, cursor: str, scope: str) -> dict[str, Any]:
        """The position signed into ``cursor`` for ``scope``; InvalidCursor when anything does not check out."""
        if len(cursor) > MAX_CURSOR_LENGTH:
            raise InvalidCursor(
                f"cursor is longer than {MAX_CURSOR_LENGTH} characters, so it was not issued here"
            )
        body, dot, tag = cursor.partition(".")
        if not dot or not body or not tag:
            raise InvalidCursor("cursor is malformed: it must be a next_cursor value returned by this API")
        try:
            payload = _b64decode(body)
            mac = _b64decode(tag)
        except (binascii.Error, ValueError) as exc:
            raise InvalidCursor("cursor is not valid base64url: pass next_cursor back unchanged") from exc
        if not hmac.compare_digest(mac, self._mac(scope, payload)):
            raise InvalidCursor(
                "cursor was altered or belongs to a different query (path or filters changed)"
            )
        try:
            position = json.loads(payload)
        except ValueError as exc:  # only reachable with a leaked secret; still never a 500
            raise InvalidCursor("cursor payload is not JSON") from exc
        if not isinstance(position, dict):
            raise InvalidCursor("cursor payload is not an object")
        return position
