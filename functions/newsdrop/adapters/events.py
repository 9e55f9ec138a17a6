"""Adapter for the EventBridge bus the ingest announces finished bundles on (PutEvents, one entry at a time)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from botocore.exceptions import ClientError

from newsdrop.errors import AccessDenied, StorageError

DEFAULT_BUS = "default"


class EventBus:
    """One EventBridge event bus (``default`` unless the stack names another)."""

    def __init__(self, client: Any, bus_name: str = DEFAULT_BUS) -> None:
        self._client = client
        self.name = bus_name or DEFAULT_BUS

    def put(
        self, source: str, detail_type: str, detail: dict[str, Any], *, time: datetime | None = None
    ) -> str:
        """Put one event; returns EventBridge's event id. A rejected entry raises, so SQS retries the bundle."""
        entry: dict[str, Any] = {
            "Source": source,
            "DetailType": detail_type,
            "Detail": json.dumps(detail, ensure_ascii=False, separators=(",", ":")),
            "EventBusName": self.name,
        }
        if time is not None:
            entry["Time"] = time
        try:
            reply = self._client.put_events(Entries=[entry])
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            message = exc.response.get("Error", {}).get("Message", str(exc))
            if code in ("AccessDenied", "AccessDeniedException"):
                raise AccessDenied(
                    f"PutEvents on bus {self.name} denied ({message})",
                    hint="check EVENT_BUS_NAME and the function's events:PutEvents permission on that bus",
                ) from exc
            raise StorageError(
                f"PutEvents on bus {self.name} failed: {code} {message}",
                hint="the bundle's message is retried by SQS and the event sent then",
            ) from exc
        result = (reply.get("Entries") or [{}])[0]
        if reply.get("FailedEntryCount") or "EventId" not in result:
            raise StorageError(
                f"PutEvents rejected the event on bus {self.name}: "
                f"{result.get('ErrorCode', 'unknown')} {result.get('ErrorMessage', '')}".rstrip(),
                hint="the bundle's message is retried by SQS and the event sent then",
            )
        return str(result["EventId"])
