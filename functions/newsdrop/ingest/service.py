"""Turn S3 notifications into ingest runs of the process's Ingestor (built by ``newsdrop.wiring``)."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import fields as dataclass_fields
from typing import Any
from urllib.parse import unquote_plus

from aws_lambda_powertools.utilities.data_classes import S3Event

from newsdrop.ingest.pipeline import Outcome
from newsdrop.ingest.records import ObjectRef
from newsdrop.wiring import CONTINUATION, ingestor

__all__ = ["CONTINUATION", "BadNotification", "ingest_payload", "ingest_sqs_body", "ingestor", "object_refs"]

logger = logging.getLogger(__name__)


class BadNotification(ValueError):
    """An SQS message that is not an S3 notification; it fails so it ends in the dead-letter queue for a look."""


def object_refs(payload: dict[str, Any]) -> list[ObjectRef]:
    """The created objects an S3 notification names; ``s3:TestEvent`` and other events give none."""
    if payload.get("Event") == "s3:TestEvent":
        return []
    if payload.get("type") == CONTINUATION:
        fields = {f.name for f in dataclass_fields(ObjectRef)}
        return [ObjectRef(**{k: v for k, v in payload.items() if k in fields})]
    if "Records" not in payload:
        raise BadNotification(
            f"message is not an S3 notification (keys: {sorted(payload)[:5]}); "
            "only S3 event notifications belong on the ingest queue"
        )
    refs = []
    for record in S3Event(payload).records:
        if not record.event_name.startswith("ObjectCreated"):
            continue
        obj = record.s3.get_object
        refs.append(
            ObjectRef(
                bucket=record.s3.bucket.name,
                key=unquote_plus(obj.key),  # notifications URL-encode keys: spaces arrive as '+'
                version_id=obj.version_id,
                etag=obj.etag or None,
                size=obj.get("size"),
                sequencer=obj.get("sequencer"),
            )
        )
    return refs


def ingest_payload(
    payload: dict[str, Any], *, receive_count: int = 1, time_left: Callable[[], float] | None = None
) -> list[Outcome]:
    return [
        ingestor().ingest(ref, receive_count=receive_count, time_left=time_left)
        for ref in object_refs(payload)
    ]


def ingest_sqs_body(
    body: str, *, receive_count: int = 1, time_left: Callable[[], float] | None = None
) -> list[Outcome]:
    try:
        payload = json.loads(body)
    except json.JSONDecodeError as exc:
        raise BadNotification(f"message body is not JSON ({exc}); expected an S3 event notification") from exc
    if not isinstance(payload, dict):
        raise BadNotification("message body is JSON but not an object; expected an S3 event notification")
    return ingest_payload(payload, receive_count=receive_count, time_left=time_left)


def is_s3_event(event: dict[str, Any]) -> bool:
    records = event.get("Records") or []
    return bool(records) and records[0].get("eventSource") == "aws:s3"
