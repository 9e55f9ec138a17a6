"""A bundle that keeps failing for a transient reason: the record says why, and the API shows it."""

from __future__ import annotations

import json

from bundle_factory import make_bundle

from newsdrop import wiring
from newsdrop.handlers.ingest import lambda_handler
from tests.integration.harness import FakeLambdaContext, receive_all, seed_articles, sqs_event
from tests.integration.test_lookup_fixtures import Api


def test_the_last_receive_marks_the_record_failed_and_retryable(stack):
    # An archived (GLACIER) object cannot be read until restored: every attempt fails the same way.
    stack.s3.put_object(
        Bucket=stack.bucket,
        Key="incoming/cold.zip",
        Body=make_bundle("zip", seed_articles()),
        StorageClass="GLACIER",
    )
    [message] = receive_all(stack.sqs, stack.queue_url)
    for receive_count in (1, 2, 3):
        message["Attributes"]["ApproximateReceiveCount"] = str(receive_count)
        reply = lambda_handler(sqs_event([message], stack.queue_arn), FakeLambdaContext())
        assert reply == {"batchItemFailures": [{"itemIdentifier": message["MessageId"]}]}
    wiring.reset()
    api = Api(stack=stack)
    status, page = api.get("/bundles", key="incoming/cold.zip")
    assert status == 200
    [summary] = page["items"]
    status, record = api.get(f"/bundles/{summary['bundle_id']}")
    assert status == 200
    assert record["status"] == "FAILED" and record["retryable"] is True and record["attempts"] == 3
    assert "InvalidObjectState" in record["last_error"]
    [error] = record["errors"]
    assert error["code"] == "gave_up" and "dead-letter queue" in error["reason"]
    assert json.dumps(record)  # plain JSON, no Decimals
