"""Ingest Lambda: an SQS batch of S3 notifications (production) or a plain S3 event (`sam local invoke`)."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from newsdrop.observe import bound, invocation

if TYPE_CHECKING:
    from aws_lambda_powertools.utilities.batch import BatchProcessor
    from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
    from aws_lambda_powertools.utilities.typing import LambdaContext


# The ingest service (splitters, cleaner, boto3) and Powertools' batch utility load on the first
# invocation, not at import: see the cold-import figures in docs/bench.md.
@cache
def processor() -> BatchProcessor:
    from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType

    # Report failures item by item even when every record failed, so pollers that honour
    # batchItemFailures (the local stack) see the same shape as a partial failure.
    return BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)


def record_handler(record: SQSRecord, lambda_context: LambdaContext) -> None:
    from newsdrop.ingest.service import ingest_sqs_body

    def seconds_left() -> float:
        return lambda_context.get_remaining_time_in_millis() / 1000

    receive_count = int(record.attributes.approximate_receive_count or 1)
    with bound(message_id=record.message_id, receive_count=receive_count):
        ingest_sqs_body(record.body, receive_count=receive_count, time_left=seconds_left)


def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    from aws_lambda_powertools.utilities.batch import process_partial_response

    from newsdrop.ingest.service import ingest_payload, is_s3_event

    with invocation(context):
        if is_s3_event(event):
            outcomes = ingest_payload(event)
            return {"bundles": [{"bundle_id": o.bundle_id, "status": o.status} for o in outcomes]}
        return process_partial_response(
            event=event, record_handler=record_handler, processor=processor(), context=context
        )
