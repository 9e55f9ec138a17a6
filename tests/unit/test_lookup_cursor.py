"""Pagination cursors: round trip, tamper evidence, scope binding, secret selection."""

from __future__ import annotations

import base64
import json

import pytest

from newsdrop.lookup.cursor import MAX_CURSOR_LENGTH, CursorCodec, CursorSecretMissing, cursor_secret
from newsdrop.lookup.errors import InvalidCursor

POSITION = {"k": {"pk": {"S": "BUNDLE#b1"}, "sk": {"S": "ART#2016-12-18#abc"}}, "m": 24203}


@pytest.fixture
def codec() -> CursorCodec:
    return CursorCodec(b"unit-test-secret")


def test_round_trip_returns_the_position(codec):
    cursor = codec.encode(POSITION, "articles|b1")
    assert codec.decode(cursor, "articles|b1") == POSITION


def test_cursor_is_url_safe_and_opaque(codec):
    cursor = codec.encode(POSITION, "s")
    assert set(cursor) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")
    assert "BUNDLE#b1" not in cursor


def _flip(text: str, index: int) -> str:
    replacement = "A" if text[index] != "A" else "B"
    return text[:index] + replacement + text[index + 1 :]


@pytest.mark.parametrize("index", [0, 5, 20, -3, -1])
def test_any_altered_character_is_rejected(codec, index):
    cursor = codec.encode(POSITION, "s")
    with pytest.raises(InvalidCursor):
        codec.decode(_flip(cursor, index), "s")


def test_payload_rewritten_with_the_old_tag_is_rejected(codec):
    cursor = codec.encode(POSITION, "s")
    forged_payload = json.dumps({"k": {"pk": {"S": "BUNDLE#other"}}}).encode()
    forged = base64.urlsafe_b64encode(forged_payload).rstrip(b"=").decode() + "." + cursor.split(".")[1]
    with pytest.raises(InvalidCursor):
        codec.decode(forged, "s")


def test_cursor_of_another_query_is_rejected(codec):
    cursor = codec.encode(POSITION, "articles|source=a")
    with pytest.raises(InvalidCursor, match="different query"):
        codec.decode(cursor, "articles|source=b")


def test_cursor_signed_with_another_secret_is_rejected(codec):
    other = CursorCodec(b"another-secret")
    with pytest.raises(InvalidCursor):
        codec.decode(other.encode(POSITION, "s"), "s")


@pytest.mark.parametrize(
    "garbage",
    ["", ".", "abc", "abc.", ".abc", "a.b.c", "!!!.???", "a" * (MAX_CURSOR_LENGTH + 1), "é.é", "eyJ.x"],
)
def test_garbage_is_rejected_not_crashed(codec, garbage):
    with pytest.raises(InvalidCursor) as caught:
        codec.decode(garbage, "s")
    assert caught.value.parameter == "cursor"
    assert caught.value.hint


def test_secret_is_read_at_run_time_from_the_secret_the_arn_names():
    reads: list[str] = []

    def read(arn: str) -> str:
        reads.append(arn)
        return "from-secrets-manager"

    env = {"CURSOR_SECRET_ARN": "arn:aws:secretsmanager:us-east-1:1:secret:x"}
    assert cursor_secret(env, read) == b"from-secrets-manager"
    assert reads == ["arn:aws:secretsmanager:us-east-1:1:secret:x"]


def test_a_plain_secret_still_works_for_local_development():
    assert cursor_secret({"CURSOR_SECRET": "s3cret"}) == b"s3cret"


@pytest.mark.parametrize(
    "env", [{}, {"TABLE_NAME": "a-articles"}, {"CURSOR_SECRET": ""}, {"CURSOR_SECRET_ARN": "arn:x"}]
)
def test_without_a_secret_cursors_fail_closed(env):
    # No key derived from the table name: that one anybody who knows the stack name could compute.
    with pytest.raises(CursorSecretMissing, match="no cursor secret") as caught:
        cursor_secret(env, lambda arn: "")
    assert "CURSOR_SECRET_ARN" in caught.value.hint


def test_empty_secret_is_refused():
    with pytest.raises(ValueError, match="CURSOR_SECRET"):
        CursorCodec(b"")


@pytest.mark.parametrize(
    "position",
    [
        {"k": {"pk": {"S": "ART#" + "a" * 32}}},
        {"m": "2016-12", "k": None},
        {"o": 40},
        # The longest a listing can stop at: bundles of an S3 key of 1,024 bytes, all of them non-ASCII.
        {
            "k": {
                "gsi1pk": {"S": "KEY#" + "é" * 512},
                "gsi1sk": {"S": "2026-12-05T11:24:36.021Z"},
                "pk": {"S": "BUNDLE#" + "b" * 24},
                "sk": {"S": "STATUS"},
            }
        },
    ],
)
def test_every_cursor_the_api_writes_matches_the_documented_pattern(position):
    import re

    from newsdrop.handlers import lookup
    from newsdrop.lookup.cursor import CURSOR_PATTERN

    cursor = CursorCodec(b"secret").encode(position, "scope")
    assert re.fullmatch(CURSOR_PATTERN, cursor)
    documented = json.loads(lookup.openapi_document())["paths"]["/articles"]["get"]["parameters"]
    [schema] = [p["schema"] for p in documented if p["name"] == "cursor"]
    assert re.search(schema["pattern"], cursor) and len(cursor) <= schema["maxLength"]
