"""Adapter for Secrets Manager: one secret's string, read when first needed and kept for the process."""

from __future__ import annotations

from typing import Any

from botocore.exceptions import ClientError

from newsdrop.errors import AccessDenied, NotFound, StorageError


def read_secret(client: Any, secret_id: str) -> str:
    """The SecretString of ``secret_id`` (a name or ARN)."""
    try:
        return str(client.get_secret_value(SecretId=secret_id)["SecretString"])
    except ClientError as exc:
        code = str(exc.response.get("Error", {}).get("Code", ""))
        if code == "ResourceNotFoundException":
            raise NotFound("the cursor secret does not exist", hint="check CURSOR_SECRET_ARN") from exc
        if code in ("AccessDeniedException", "AccessDenied"):
            raise AccessDenied(
                "reading the cursor secret was denied", hint="grant secretsmanager:GetSecretValue on it"
            ) from exc
        raise StorageError(f"GetSecretValue failed: {code}", hint="retry later") from exc
