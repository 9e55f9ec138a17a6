"""Drive the ingest handler the way Lambda's SQS event source does, against the moto stack."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from boto3.dynamodb.types import TypeDeserializer

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "data" / "seeds"
GOLD = REPO / "data" / "seeds-gold"
EVENTS = REPO / "events"
_deserializer = TypeDeserializer()


@dataclass
class FakeLambdaContext:
    function_name: str = "IngestFunction"
    memory_limit_in_mb: int = 1024
    invoked_function_arn: str = "arn:aws:lambda:us-east-1:123456789012:function:IngestFunction"
    aws_request_id: str = "c6af9ac6-7b61-11e6-9a41-93e8deadbeef"
    remaining_ms: int = 900_000

    def get_remaining_time_in_millis(self) -> int:
        return self.remaining_ms


def seed_articles() -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(SEEDS.glob("*.txt"))}


def gold() -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text()) for p in sorted(GOLD.glob("*.json"))}


def receive_all(sqs: Any, queue_url: str, *, visibility: int = 30) -> list[dict]:
    messages: list[dict] = []
    while True:
        reply = sqs.receive_message(
            QueueUrl=queue_url,
            MaxNumberOfMessages=10,
            VisibilityTimeout=visibility,
            AttributeNames=["All"],
            WaitTimeSeconds=0,
        )
        batch = reply.get("Messages", [])
        if not batch:
            return messages
        messages.extend(batch)


def sqs_event(messages: list[dict], queue_arn: str) -> dict:
    """The event Lambda's SQS event source builds from received messages."""
    return {
        "Records": [
            {
                "messageId": m["MessageId"],
                "receiptHandle": m["ReceiptHandle"],
                "body": m["Body"],
                "attributes": m.get("Attributes", {"ApproximateReceiveCount": "1"}),
                "messageAttributes": {},
                "md5OfBody": m.get("MD5OfBody", ""),
                "eventSource": "aws:sqs",
                "eventSourceARN": queue_arn,
                "awsRegion": "us-east-1",
            }
            for m in messages
        ]
    }


def message_with_body(body: dict, receive_count: int = 1) -> dict:
    return {
        "MessageId": str(uuid.uuid4()),
        "ReceiptHandle": str(uuid.uuid4()),
        "Body": json.dumps(body),
        "Attributes": {"ApproximateReceiveCount": str(receive_count)},
        "synthetic": True,  # a redelivery made up by the test: there is nothing on the queue to delete
    }


def scan_all(ddb: Any, table: str, *, exclude_terms: bool = True) -> list[dict]:
    """Every item (a test-only Scan); search-term items are left out unless asked for, they are many."""
    items, kwargs = [], {"TableName": table}
    if exclude_terms:
        kwargs |= {
            "FilterExpression": "NOT begins_with(pk, :t)",
            "ExpressionAttributeValues": {":t": {"S": "TERM#"}},
        }
    while True:
        reply = ddb.scan(**kwargs)
        items += [{k: _deserializer.deserialize(v) for k, v in i.items()} for i in reply["Items"]]
        if "LastEvaluatedKey" not in reply:
            return items
        kwargs["ExclusiveStartKey"] = reply["LastEvaluatedKey"]


def assert_accounted(record: dict) -> None:
    """Every member of a bundle record is counted once: an article (new or duplicate), failed or skipped."""
    counts = record["counts"]
    assert counts["members"] == counts["articles"] + counts["failed"] + counts["skipped"]
    assert counts["articles"] == counts["new"] + counts["duplicates"]
