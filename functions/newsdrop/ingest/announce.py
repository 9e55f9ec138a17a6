"""The Bundle Finished event: built from a final bundle record and sent once per bundle end (docs/events.md).

The finish step writes ``event_pending`` together with the final status. ``settle`` sends the event and
then clears the marker, so a Lambda that dies in between leaves the marker for the redelivered message
to send again; ``event_id`` is the same each time, so a consumer drops a repeat by it.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import datetime
from typing import Any
from urllib.parse import quote

from newsdrop.adapters.events import EventBus
from newsdrop.dal import Store
from newsdrop.errors import ConditionFailed
from newsdrop.ingest.records import FINAL_STATES
from newsdrop.observe import logger

SOURCE = "newsdrop"
DETAIL_TYPE = "Bundle Finished"
SCHEMA_VERSION = 1
PENDING = "event_pending"
COUNT_NAMES = ("members", "articles", "new", "duplicates", "skipped", "failed")


def pending_marker() -> dict[str, Any]:
    """The attribute the finish step writes with the final status: an event is owed for this end."""
    return {PENDING: True}


def event_id(record: dict[str, Any]) -> str:
    """Stable per bundle end: the same on every resend, new when a redriven bundle finishes again."""
    return hashlib.sha256(f"{record.get('bundle_id')}#{record.get('finished_at')}".encode()).hexdigest()[:32]


def links(bundle_id: str, api_url: str | None) -> dict[str, str | None]:
    """API URLs for the bundle's record and its articles (None when the function does not know the API)."""
    if not api_url:
        return {"bundle": None, "articles": None}
    base = api_url.rstrip("/")
    quoted = quote(bundle_id, safe="")
    return {"bundle": f"{base}/bundles/{quoted}", "articles": f"{base}/articles?bundle={quoted}"}


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def detail(record: dict[str, Any], api_url: str | None) -> dict[str, Any]:
    """The event's detail (schema in docs/events.md): plain JSON numbers, no DynamoDB types."""
    counts = record.get("counts") or {}
    errors = record.get("errors") or []
    bundle_id = str(record["bundle_id"])
    return {
        "schema_version": SCHEMA_VERSION,
        "event_id": event_id(record),
        "bundle_id": bundle_id,
        "bucket": record.get("bucket"),
        "key": record.get("key"),
        "version_id": record.get("version_id"),
        "status": record.get("status"),
        "format": record.get("format"),
        "size": _int(record.get("size")),
        "counts": {name: int(counts.get(name) or 0) for name in COUNT_NAMES},
        "error_codes": dict(sorted(Counter(str(e.get("code")) for e in errors).items())),
        "errors_truncated": int(record.get("errors_truncated") or 0),
        "cleaner_version": record.get("cleaner_version"),
        "received_at": record.get("received_at"),
        "finished_at": record.get("finished_at"),
        "duration_ms": _int(record.get("duration_ms")),
        "quarantine_key": record.get("quarantine_key"),
        "links": links(bundle_id, api_url),
    }


def _moment(text: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        return None


class Announcer:
    """Sends the owed Bundle Finished event of a record and clears its marker."""

    def __init__(self, bus: EventBus, store: Store, api_url: str | None = None) -> None:
        self.bus = bus
        self.store = store
        self.api_url = api_url

    def settle(self, record: dict[str, Any]) -> bool:
        """Send the event if the record owes one; True when it was sent. Raises if EventBridge refuses it."""
        if not record.get(PENDING) or record.get("status") not in FINAL_STATES:
            return False
        body = detail(record, self.api_url)
        self.bus.put(SOURCE, DETAIL_TYPE, body, time=_moment(record.get("finished_at")))
        self._clear(record)
        logger.info(
            "bundle finished event sent",
            extra={"event_id": body["event_id"], "status": body["status"], "bus": self.bus.name},
        )
        return True

    def settle_bundle(self, bundle_id: str) -> bool:
        """After a failed attempt: send the event if that attempt ended the bundle (gave up) before failing."""
        record = self.store.bundle(bundle_id, consistent=True)
        return self.settle(record) if record else False

    def _clear(self, record: dict[str, Any]) -> None:
        # Only this end's marker: a redriven bundle that finished again since owes its own event.
        try:
            self.store.clear_bundle_flag(
                str(record["bundle_id"]), PENDING, finished_at=record.get("finished_at")
            )
        except ConditionFailed:
            logger.info("bundle finished again before its marker was cleared; the newer end sends its own")
