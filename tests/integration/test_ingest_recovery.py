"""Recovery of a bundle after a half-done attempt: the redelivery ends with the same state as one clean run."""

from __future__ import annotations

import json
from typing import Any

from botocore.exceptions import ClientError
from bundle_factory import make_bundle

from newsdrop import keys
from newsdrop.adapters import aws
from newsdrop.adapters import table as table_module
from newsdrop.articles import heavy_fields_of
from newsdrop.ingest import service
from newsdrop.terms import index_terms
from tests.integration.harness import message_with_body, receive_all, scan_all, seed_articles


def _throttle(params: dict[str, Any], **_: Any) -> None:
    raise ClientError(
        {"Error": {"Code": "ProvisionedThroughputExceededException", "Message": "slow down"}},
        "BatchWriteItem",
    )


def _redeliver(drop, message: dict, receive_count: int) -> dict:
    service.ingestor().lease_seconds = 0  # the failed attempt's lease has run out by the redelivery
    return drop.deliver([message_with_body(json.loads(message["Body"]), receive_count=receive_count)])


def test_terms_are_written_again_after_a_half_failed_flush(drop, monkeypatch):
    """Chunks after the second are throttled past the retries: the redelivery still writes every term."""
    monkeypatch.setattr(table_module.ArticleTable, "_backoff", lambda self, attempt: None)
    monkeypatch.setattr(service, "WRITE_CONCURRENCY", 1)  # chunks go out in order: META first, then terms
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
    stored = {
        (i["pk"], i["sk"]) for i in scan_all(drop.stack.dynamodb, drop.stack.table, exclude_terms=False)
    }
    for article in drop.articles():
        body = heavy_fields_of(article, drop_fetch(drop))["body"]
        expected = {
            (keys.term_pk(t), f"ART#{article['id']}") for t in index_terms(article.get("title"), body)
        }
        assert expected and expected <= stored, f"every search term of {article['id']} is stored"


def drop_fetch(drop):
    def fetch(key: str) -> bytes:
        return drop.stack.s3.get_object(Bucket=drop.stack.bucket, Key=key)["Body"].read()

    return fetch
