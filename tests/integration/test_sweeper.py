"""The sweeper against moto: a bundle left PROCESSING (its message gone) is resumed or failed with a reason."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from bundle_factory import make_bundle

from newsdrop.adapters import aws
from newsdrop.dal import keys
from newsdrop.handlers import sweeper as sweeper_handler
from newsdrop.ingest import service
from tests.integration.harness import receive_all, seed_articles

ALL_FIVE_NEW = {"members": 5, "articles": 5, "new": 5, "duplicates": 0, "skipped": 0, "failed": 0}


class Killed(BaseException):
    """The invocation dies: nothing of the ingest's own error handling runs."""


@pytest.fixture
def sweep(drop):
    sweeper_handler.sweeper.cache_clear()
    scans: list[str] = []
    ddb = aws.client("dynamodb")

    def no_scans(**_: Any) -> None:
        scans.append("Scan")

    ddb.meta.events.register("before-call.dynamodb.Scan", no_scans)

    def run(*, later: timedelta = timedelta(0)) -> dict[str, Any]:
        sweeper = sweeper_handler.sweeper()
        sweeper.clock = lambda: datetime.now(UTC) + later
        result = sweeper_handler.sweep_once()
        assert scans == [], "the sweeper queries recent bundles; it never scans the table"
        return result

    yield run
    ddb.meta.events.unregister("before-call.dynamodb.Scan", no_scans)
    sweeper_handler.sweeper.cache_clear()


def leave_processing(drop, key: str) -> str:
    """Drop a bundle whose invocation dies at its first batch write, and lose its message."""
    drop.stack.s3.put_object(Bucket=drop.stack.bucket, Key=key, Body=make_bundle("zip", seed_articles()))
    [message] = receive_all(drop.stack.sqs, drop.stack.queue_url)
    ddb = aws.client("dynamodb")

    def die(**_: Any) -> None:
        raise Killed

    ddb.meta.events.register("before-call.dynamodb.BatchWriteItem", die)
    with pytest.raises(Killed):
        drop.deliver([message])
    ddb.meta.events.unregister("before-call.dynamodb.BatchWriteItem", die)
    # The message is gone (deleted as stale, expired or dead-lettered): only the sweeper can help now.
    drop.stack.sqs.delete_message(QueueUrl=drop.stack.queue_url, ReceiptHandle=message["ReceiptHandle"])
    record = drop.bundle_for(key)
    assert record["status"] == "PROCESSING"
    return record["bundle_id"]


def test_a_bundle_left_processing_is_resumed_and_ends_done(drop, sweep):
    bundle_id = leave_processing(drop, "incoming/stuck.zip")

    assert sweep() == {"stuck": 0, "resumed": [], "failed": []}, "its lease has not run out yet"
    report = sweep(later=timedelta(hours=1))

    assert report == {"stuck": 1, "resumed": [bundle_id], "failed": []}
    # The resume runs an hour after the crash, past the dead invocation's lease.
    service.ingestor().clock = lambda: datetime.now(UTC) + timedelta(hours=1)
    [message] = receive_all(drop.stack.sqs, drop.stack.queue_url)
    assert json.loads(message["Body"])["type"] == service.CONTINUATION
    assert drop.deliver([message]) == {"batchItemFailures": []}
    record = drop.bundle_for("incoming/stuck.zip")
    assert record["status"] == "DONE" and record["counts"] == ALL_FIVE_NEW
    assert len(drop.articles()) == 5
    assert sweep(later=timedelta(hours=2))["stuck"] == 0, "finished bundles are left alone"


def test_a_second_sweep_does_not_resume_the_same_bundle_again_while_its_resume_is_pending(drop, sweep):
    bundle_id = leave_processing(drop, "incoming/stuck.zip")

    assert sweep(later=timedelta(hours=1))["resumed"] == [bundle_id]
    assert sweep(later=timedelta(hours=1, minutes=5))["resumed"] == []
    assert len(receive_all(drop.stack.sqs, drop.stack.queue_url)) == 1


def test_a_bundle_that_keeps_dying_is_failed_with_a_reason(drop, sweep):
    bundle_id = leave_processing(drop, "incoming/doomed.zip")
    max_receives = service.ingestor().settings.max_receives
    drop.stack.dynamodb.update_item(
        TableName=drop.stack.table,
        Key={"pk": {"S": keys.bundle_pk(bundle_id)}, "sk": {"S": keys.STATUS_SK}},
        UpdateExpression="SET attempts = :n",
        ExpressionAttributeValues={":n": {"N": str(max_receives)}},
    )

    report = sweep(later=timedelta(hours=1))

    assert report == {"stuck": 1, "resumed": [], "failed": [bundle_id]}
    record = drop.bundle_for("incoming/doomed.zip")
    assert record["status"] == "FAILED" and record["retryable"] is True
    assert record["errors"][0]["code"] == "stuck"
    assert "split it" in record["errors"][0]["reason"]
    assert receive_all(drop.stack.sqs, drop.stack.queue_url) == []


def test_a_bundle_whose_attempt_failed_and_said_so_is_left_to_sqs_until_a_lease_has_passed(drop, sweep):
    # An archived (GLACIER) object cannot be read: the attempt fails, records why, and returns the message.
    key = "incoming/cold.zip"
    drop.stack.s3.put_object(
        Bucket=drop.stack.bucket, Key=key, Body=make_bundle("zip", seed_articles()), StorageClass="GLACIER"
    )
    [message] = receive_all(drop.stack.sqs, drop.stack.queue_url)
    assert drop.deliver([message]) == {"batchItemFailures": [{"itemIdentifier": message["MessageId"]}]}
    record = drop.bundle_for(key)
    assert record["status"] == "PROCESSING" and "InvalidObjectState" in record["last_error"]

    # SQS redelivers the message: a resend beside it would make two attempts of one retry.
    assert sweep(later=timedelta(minutes=5)) == {"stuck": 0, "resumed": [], "failed": []}
    assert receive_all(drop.stack.sqs, drop.stack.queue_url) == []

    # A whole lease later no retry has claimed it: that message is lost, and the sweeper resends.
    drop.stack.sqs.delete_message(QueueUrl=drop.stack.queue_url, ReceiptHandle=message["ReceiptHandle"])
    report = sweep(later=timedelta(hours=1))
    assert report == {"stuck": 1, "resumed": [record["bundle_id"]], "failed": []}
