"""Turn S3 notifications into ingest runs of the process's Ingestor (built by ``newsdrop.wiring``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import fields as dataclass_fields
from typing import Any
from urllib.parse import unquote_plus

from aws_lambda_powertools.utilities.data_classes import S3Event

from newsdrop.ingest import telemetry
from newsdrop.ingest.pipeline import Outcome
from newsdrop.ingest.records import ObjectRef
from newsdrop.ingest.reprocess_records import REPROCESS, ReprocessOutcome, ReprocessRequest
from newsdrop.observe import annotate, bound, logger, subsegment
from newsdrop.wiring import CONTINUATION, announcer, ingestor, reprocessor

__all__ = [
    "CONTINUATION",
    "BadNotification",
    "ingest_payload",
    "ingest_sqs_body",
    "ingestor",
    "object_refs",
    "reprocess_payload",
]


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
            f"message is not an S3 notification (keys: {sorted(payload)[:5]}); only S3 event notifications "
            'and reprocess messages ({"newsdrop": "reprocess", "bundle_id": ...}, docs/operations.md) belong '
            "on the ingest queue"
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
    return [_ingest_one(ref, receive_count, time_left) for ref in object_refs(payload)]


def _ingest_one(ref: ObjectRef, receive_count: int, time_left: Callable[[], float] | None) -> Outcome:
    """One object version: ingest, announce the bundle's end (once), report its metrics."""
    runner = ingestor()
    with subsegment("## bundle") as traced:
        ref = runner._with_version(ref)  # the version decides the bundle id
        bid = ref.bundle_id
        annotate(traced, bundle_id=bid)
        with bound(bundle_id=bid, object_key=ref.key, version=ref.version_id):
            since = telemetry.mark(runner.bucket.bytes_read)
            try:
                outcome = runner.ingest(ref, receive_count=receive_count, time_left=time_left)
            except Exception:
                _settle_after_failure(bid)
                raise
            # Metrics first: if the event cannot be sent, the redelivered message sends it but counts nothing.
            telemetry.report(outcome, since, runner.bucket.bytes_read)
            announcer().settle(outcome.record)
    return outcome


def _settle_after_failure(bundle_id: str) -> None:
    """A last attempt that gave up wrote FAILED and an owed event before raising: send that event now."""
    try:
        announcer().settle_bundle(bundle_id)
    except Exception:  # the original failure matters more; the marker stays for a redrive to send
        logger.exception("could not send the event of a bundle that gave up")


def reprocess_payload(
    payload: dict[str, Any], *, receive_count: int = 1, time_left: Callable[[], float] | None = None
) -> ReprocessOutcome:
    """A reprocess message: re-clean one stored bundle in place (newsdrop.ingest.reprocess)."""
    request = ReprocessRequest.from_payload(payload)
    with subsegment("## reprocess") as traced:
        annotate(traced, bundle_id=request.bundle_id)
        with bound(bundle_id=request.bundle_id, reprocess=True, dry_run=request.dry_run):
            return reprocessor().reprocess(request, receive_count=receive_count, time_left=time_left)


def ingest_sqs_body(
    body: str, *, receive_count: int = 1, time_left: Callable[[], float] | None = None
) -> list[Outcome | ReprocessOutcome]:
    try:
        payload = json.loads(body)
    except json.JSONDecodeError as exc:
        raise BadNotification(f"message body is not JSON ({exc}); expected an S3 event notification") from exc
    if not isinstance(payload, dict):
        raise BadNotification("message body is JSON but not an object; expected an S3 event notification")
    if payload.get("newsdrop") == REPROCESS:
        return [reprocess_payload(payload, receive_count=receive_count, time_left=time_left)]
    return [*ingest_payload(payload, receive_count=receive_count, time_left=time_left)]


def is_s3_event(event: dict[str, Any]) -> bool:
    records = event.get("Records") or []
    return bool(records) and records[0].get("eventSource") == "aws:s3"
