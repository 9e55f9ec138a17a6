"""A bundle that keeps failing for a transient reason: the record says why, and the API shows it."""

from __future__ import annotations

import json
import os

from bundle_factory import make_bundle

from newsdrop import wiring
from newsdrop.handlers.ingest import lambda_handler
from tests.integration.harness import FakeLambdaContext, receive_all, seed_articles, sqs_event
from tests.integration.lookup_seed import Api


def test_the_last_receive_marks_the_record_failed_and_retryable(stack):
    # An archived (GLACIER) object cannot be read until restored: every attempt fails the same way.
    stack.s3.put_object(
        Bucket=stack.bucket,
        Key="incoming/cold.zip",
        Body=make_bundle("zip", seed_articles()),
        StorageClass="GLACIER",
    )
    [message] = receive_all(stack.sqs, stack.queue_url)
    max_receives = int(os.environ["MAX_RECEIVE_COUNT"])  # the template's MaxReceiveCount
    assert max_receives >= 5
    for receive_count in range(1, max_receives + 1):
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
    assert record["status"] == "FAILED" and record["retryable"] is True
    assert record["attempts"] == max_receives
    assert "InvalidObjectState" in record["last_error"]
    # No bucket (it holds the account id) and no raw AWS error text in what the API shows.
    assert "bucket" not in record
    assert stack.bucket not in json.dumps(record) and "123456789012" not in json.dumps(record)
    [error] = record["errors"]
    assert error["code"] == "gave_up" and "dead-letter queue" in error["reason"]
    assert json.dumps(record)  # plain JSON, no Decimals
