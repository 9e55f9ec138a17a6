"""The table adapter's batching and retry behaviour, driven through botocore's Stubber (no moto)."""

from __future__ import annotations

import boto3
import pytest
from botocore.stub import Stubber

from newsdrop.dal.table import BATCH_WRITE_LIMIT, MAX_ATTEMPTS, ArticleTable, to_wire
from newsdrop.errors import AccessDenied, ConditionFailed, NotFound, StorageError, Throttled

TABLE = "articles"


@pytest.fixture
def client():
    return boto3.client("dynamodb", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x")


def items(n: int) -> list[dict]:
    return [{"pk": f"ART#{i}", "sk": "META", "n": i} for i in range(n)]


def put_requests(batch: list[dict]) -> list[dict]:
    return [{"PutRequest": {"Item": to_wire(item)}} for item in batch]


def test_batch_put_splits_into_requests_of_25(client):
    data = items(60)
    with Stubber(client) as stub:
        for start in range(0, 60, BATCH_WRITE_LIMIT):
            chunk = data[start : start + BATCH_WRITE_LIMIT]
            stub.add_response("batch_write_item", {}, {"RequestItems": {TABLE: put_requests(chunk)}})
        table = ArticleTable(client, TABLE, sleep=lambda _s: None)
        assert table.batch_put(data) == 60
        stub.assert_no_pending_responses()
    assert table.requests == 3


def test_unprocessed_items_are_retried_with_growing_jittered_delays(client):
    data = items(3)
    leftover = put_requests(data[1:])
    sleeps: list[float] = []
    with Stubber(client) as stub:
        stub.add_response("batch_write_item", {"UnprocessedItems": {TABLE: leftover}})
        stub.add_response(
            "batch_write_item",
            {"UnprocessedItems": {TABLE: leftover[1:]}},
            {"RequestItems": {TABLE: leftover}},
        )
        stub.add_response("batch_write_item", {}, {"RequestItems": {TABLE: leftover[1:]}})
        table = ArticleTable(client, TABLE, sleep=sleeps.append, base_delay=1.0)
        assert table.batch_put(data) == 3
        stub.assert_no_pending_responses()
    assert len(sleeps) == 2
    assert 0 <= sleeps[0] <= 1.0 and 0 <= sleeps[1] <= 2.0


def test_throttling_errors_are_retried_then_succeed(client):
    with Stubber(client) as stub:
        stub.add_client_error("batch_write_item", "ProvisionedThroughputExceededException")
        stub.add_client_error("batch_write_item", "ThrottlingException")
        stub.add_response("batch_write_item", {})
        table = ArticleTable(client, TABLE, sleep=lambda _s: None)
        assert table.batch_put(items(1)) == 1
        stub.assert_no_pending_responses()
    assert table.requests == 3


def test_throttling_that_never_ends_raises_throttled(client):
    with Stubber(client) as stub:
        for _ in range(MAX_ATTEMPTS):
            stub.add_client_error("batch_write_item", "ProvisionedThroughputExceededException")
        table = ArticleTable(client, TABLE, sleep=lambda _s: None)
        with pytest.raises(Throttled, match="throttled"):
            table.batch_put(items(1))


def test_unprocessed_items_forever_raise_throttled(client):
    data = items(1)
    with Stubber(client) as stub:
        for _ in range(MAX_ATTEMPTS):
            stub.add_response("batch_write_item", {"UnprocessedItems": {TABLE: put_requests(data)}})
        table = ArticleTable(client, TABLE, sleep=lambda _s: None)
        with pytest.raises(Throttled, match="unprocessed"):
            table.batch_put(data)


def test_duplicate_keys_in_one_batch_are_written_once(client):
    data = [{"pk": "ART#1", "sk": "META", "v": 1}, {"pk": "ART#1", "sk": "META", "v": 1}]
    with Stubber(client) as stub:
        stub.add_response("batch_write_item", {}, {"RequestItems": {TABLE: put_requests(data[:1])}})
        assert ArticleTable(client, TABLE).batch_put(data) == 1


@pytest.mark.parametrize(
    ("code", "error"),
    [
        ("ResourceNotFoundException", NotFound),
        ("AccessDeniedException", AccessDenied),
        ("ConditionalCheckFailedException", ConditionFailed),
        ("ValidationException", StorageError),
    ],
)
def test_client_errors_become_our_exceptions(client, code, error):
    with Stubber(client) as stub:
        stub.add_client_error("get_item", code)
        with pytest.raises(error) as raised:
            ArticleTable(client, TABLE).get("ART#1", "META")
    assert raised.value.hint, "every storage error says what to do"


def test_put_if_absent_reports_an_existing_item(client):
    with Stubber(client) as stub:
        stub.add_client_error("put_item", "ConditionalCheckFailedException")
        stub.add_response("put_item", {})
        table = ArticleTable(client, TABLE)
        assert table.put_if_absent({"pk": "a", "sk": "b"}) is False
        assert table.put_if_absent({"pk": "a", "sk": "b"}) is True


def test_batch_get_retries_unprocessed_keys(client):
    key = to_wire({"pk": "ART#1", "sk": "META"})
    with Stubber(client) as stub:
        stub.add_response(
            "batch_get_item", {"Responses": {TABLE: []}, "UnprocessedKeys": {TABLE: {"Keys": [key]}}}
        )
        stub.add_response(
            "batch_get_item", {"Responses": {TABLE: [to_wire({"pk": "ART#1", "sk": "META", "x": 1})]}}
        )
        found = ArticleTable(client, TABLE, sleep=lambda _s: None).batch_get([("ART#1", "META")])
    assert found[("ART#1", "META")]["x"] == 1


class RecordingClient:
    """A stand-in DynamoDB client that accepts every write and notes which thread sent it."""

    def __init__(self) -> None:
        import threading

        self.lock = threading.Lock()
        self.written: list[str] = []
        self.threads: set[str] = set()

    def batch_write_item(self, RequestItems):
        import threading
        import time

        time.sleep(0.01)  # long enough for several requests to be in flight together
        with self.lock:
            self.threads.add(threading.current_thread().name)
            for request in RequestItems[TABLE]:
                self.written.append(request["PutRequest"]["Item"]["pk"]["S"])
        return {}


def test_concurrent_writers_write_every_item_exactly_once():
    client = RecordingClient()
    table = ArticleTable(client, TABLE, writers=4)
    assert table.batch_put(items(260)) == 260
    assert sorted(client.written) == sorted(f"ART#{i}" for i in range(260))
    assert len(client.threads) > 1
    assert table.requests == 11
