"""Adapter for the ingest queue: sends the continuation of a bundle too big for one invocation."""

from __future__ import annotations

import json
from typing import Any

from botocore.exceptions import ClientError

from newsdrop.errors import AccessDenied, StorageError


class IngestQueue:
    """The SQS queue the ingest function reads; only continuations are sent by newsdrop itself."""

    def __init__(self, client: Any, queue_url: str) -> None:
        self._client = client
        self.url = queue_url

    def send(self, payload: dict[str, Any]) -> str:
        try:
            reply = self._client.send_message(QueueUrl=self.url, MessageBody=json.dumps(payload))
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            if code in ("AccessDenied", "AccessDeniedException"):
                raise AccessDenied(
                    "SendMessage to the ingest queue denied", hint="check the function's IAM policy"
                ) from exc
            raise StorageError(f"SendMessage failed: {code}", hint="the bundle is retried by SQS") from exc
        return str(reply["MessageId"])
