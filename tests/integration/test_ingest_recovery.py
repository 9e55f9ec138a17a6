"""Recovery of a bundle after a half-done attempt: the redelivery ends with the same state as one clean run."""

from __future__ import annotations

import json
from typing import Any

import pytest
from botocore.exceptions import ClientError
from bundle_factory import make_bundle

from newsdrop import wiring
from newsdrop.adapters import aws
from newsdrop.articles import heavy_fields_of
from newsdrop.dal import items as dal_items
from newsdrop.dal import table as table_module
from newsdrop.terms import index_terms
from tests.integration.harness import message_with_body, receive_all, scan_all, seed_articles


def _throttle(params: dict[str, Any], **_: Any) -> None:
    raise ClientError(
        {"Error": {"Code": "ProvisionedThroughputExceededException", "Message": "slow down"}},
        "BatchWriteItem",
    )


def _redeliver(drop, message: dict, receive_count: int) -> dict:
    wiring.ingestor().lease_seconds = 0  # the failed attempt's lease has run out by the redelivery
    return drop.deliver([message_with_body(json.loads(message["Body"]), receive_count=receive_count)])


def test_terms_are_written_again_after_a_half_failed_flush(drop, monkeypatch):
    """Chunks after the second are throttled past the retries: the redelivery still writes every term."""
    monkeypatch.setattr(table_module.ArticleTable, "_backoff", lambda self, attempt: None)
    monkeypatch.setattr(wiring, "WRITE_CONCURRENCY", 1)  # chunks go out in order: META first, then terms
    drop.stack.s3.put_object(
        Bucket=drop.stack.bucket, Key="incoming/seeds.zip", Body=make_bundle("zip", seed_articles())
    )
    [message] = receive_all(drop.stack.sqs, drop.stack.queue_url)
    ddb = aws.client("dynamodb")
    calls = {"n": 0}

    def throttle_after_two_chunks(params: dict[str, Any], **kwargs: Any) -> None:
        calls["n"] += 1
        if calls["n"] > 2:
            _throttle(params, **kwargs)

    ddb.meta.events.register("before-call.dynamodb.BatchWriteItem", throttle_after_two_chunks)
    reply = drop.deliver([message])
    assert reply["batchItemFailures"], "the throttled attempt fails back to SQS"
    ddb.meta.events.unregister("before-call.dynamodb.BatchWriteItem", throttle_after_two_chunks)
    assert _redeliver(drop, message, 2) == {"batchItemFailures": []}

    record = drop.bundle_for("incoming/seeds.zip")
    assert record["status"] == "DONE" and record["counts"]["new"] == 5
    indexed: dict[str, set[str]] = {}
    for item in scan_all(drop.stack.dynamodb, drop.stack.table, exclude_terms=False):
        if item["pk"].startswith("TERM#"):
            indexed.setdefault(item["pk"].removeprefix("TERM#"), set()).update(dal_items.block_ids(item))
    for article in drop.articles():
        body = heavy_fields_of(article, drop_fetch(drop))["body"]
        terms = index_terms(article.get("title"), body)
        missing = [t for t in terms if article["id"] not in indexed.get(t, set())]
        assert terms and not missing, f"every search term of {article['id']} is posted"


def drop_fetch(drop):
    def fetch(key: str) -> bytes:
        return drop.stack.s3.get_object(Bucket=drop.stack.bucket, Key=key)["Body"].read()

    return fetch


class Killed(BaseException):
    """The invocation dies (timeout, out of memory): no except clause of the ingest runs."""


ALL_FIVE_NEW = {"members": 5, "articles": 5, "new": 5, "duplicates": 0, "skipped": 0, "failed": 0}


def _deliver_until_empty(drop) -> int:
    invocations = 0
    while messages := receive_all(drop.stack.sqs, drop.stack.queue_url):
        drop.deliver(messages)
        invocations += 1
        assert invocations < 20, "the bundle keeps being handed on"
    return invocations


@pytest.mark.parametrize("fault", ["send-fails", "killed-before-send", "killed-after-send"])
def test_a_lost_continuation_does_not_drop_the_rest_of_the_bundle(drop, monkeypatch, fault):
    """Every invocation hands on after one member; the first hand-over breaks around its SendMessage."""
    from newsdrop.ingest import pipeline

    monkeypatch.setattr(pipeline, "CONTINUE_WHEN_SECONDS_LEFT", 10.0**9)
    drop.stack.s3.put_object(
        Bucket=drop.stack.bucket, Key="incoming/seeds.zip", Body=make_bundle("zip", seed_articles())
    )
    [message] = receive_all(drop.stack.sqs, drop.stack.queue_url)
    wiring.ingestor().lease_seconds = 0  # a dead invocation's lease has run out by the redelivery
    sqs = aws.client("sqs")
    event = "after-call.sqs.SendMessage" if fault == "killed-after-send" else "before-call.sqs.SendMessage"

    def break_once(**_: Any) -> None:
        sqs.meta.events.unregister(event, break_once)
        if fault == "send-fails":
            raise ClientError({"Error": {"Code": "InternalError", "Message": "try again"}}, "SendMessage")
        raise Killed

    sqs.meta.events.register(event, break_once)
    if fault == "send-fails":
        assert drop.deliver([message])["batchItemFailures"], "the failed hand-over goes back to SQS"
    else:
        with pytest.raises(Killed):
            drop.deliver([message])
    _deliver_until_empty(drop)  # a continuation, if one was sent before the crash
    _redeliver(drop, message, 2)  # SQS hands the original out again after its visibility timeout
    _deliver_until_empty(drop)

    record = drop.bundle_for("incoming/seeds.zip")
    assert record["status"] == "DONE"
    assert record["counts"] == ALL_FIVE_NEW
    assert len(drop.articles()) == 5


def test_a_continuation_that_overtakes_its_checkpoint_waits_for_it(drop, monkeypatch):
    """The continuation is picked up while its sender is still checkpointing: it waits, then resumes."""
    import threading

    from newsdrop.ingest import pipeline

    monkeypatch.setattr(pipeline, "CONTINUE_WHEN_SECONDS_LEFT", 10.0**9)
    drop.stack.s3.put_object(
        Bucket=drop.stack.bucket, Key="incoming/seeds.zip", Body=make_bundle("zip", seed_articles())
    )
    [message] = receive_all(drop.stack.sqs, drop.stack.queue_url)
    sqs = aws.client("sqs")
    replies: list[dict] = []

    def deliver_the_continuation_at_once(**_: Any) -> None:
        sqs.meta.events.unregister("after-call.sqs.SendMessage", deliver_the_continuation_at_once)
        continuation = receive_all(drop.stack.sqs, drop.stack.queue_url)
        worker = threading.Thread(target=lambda: replies.append(drop.deliver(continuation)))
        worker.start()
        threads.append(worker)

    threads: list[threading.Thread] = []
    sqs.meta.events.register("after-call.sqs.SendMessage", deliver_the_continuation_at_once)
    assert drop.deliver([message]) == {"batchItemFailures": []}
    threads[0].join(timeout=60)
    assert replies == [{"batchItemFailures": []}], "the early continuation was not turned away as busy"
    _deliver_until_empty(drop)
    record = drop.bundle_for("incoming/seeds.zip")
    assert record["status"] == "DONE" and record["counts"] == ALL_FIVE_NEW


def test_counts_after_a_crash_in_a_continuation_are_not_counted_twice(drop, monkeypatch):
    """Progress reports after the checkpoint, then a crash: the redelivery counts from the checkpoint."""
    from newsdrop.ingest import pipeline

    monkeypatch.setattr(pipeline, "PROGRESS_EVERY_SECONDS", 0.0)  # a progress report after every member
    monkeypatch.setattr(pipeline, "CONTINUE_WHEN_SECONDS_LEFT", 10.0**9)  # hand on after the first member
    drop.stack.s3.put_object(
        Bucket=drop.stack.bucket, Key="incoming/seeds.zip", Body=make_bundle("zip", seed_articles())
    )
    drop.deliver()
    assert drop.bundle_for("incoming/seeds.zip")["resume_at"] == 1
    monkeypatch.setattr(pipeline, "CONTINUE_WHEN_SECONDS_LEFT", -1.0)
    [continuation] = receive_all(drop.stack.sqs, drop.stack.queue_url)
    real_take = pipeline.Ingestor._take
    taken = {"n": 0}

    def die_at_the_third_member(member, progress, writer):
        taken["n"] += 1
        if taken["n"] == 3:
            raise Killed
        real_take(member, progress, writer)

    monkeypatch.setattr(pipeline.Ingestor, "_take", staticmethod(die_at_the_third_member))
    wiring.ingestor().lease_seconds = 0  # the dead invocation's lease has run out by the redelivery
    with pytest.raises(Killed):
        drop.deliver([continuation])
    assert drop.bundle_for("incoming/seeds.zip")["counts"]["members"] == 3, "progress was reported"
    monkeypatch.setattr(pipeline.Ingestor, "_take", staticmethod(real_take))
    _redeliver(drop, continuation, 2)
    record = drop.bundle_for("incoming/seeds.zip")
    assert record["status"] == "DONE"
    assert record["counts"] == ALL_FIVE_NEW
