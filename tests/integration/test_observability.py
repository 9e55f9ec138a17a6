"""Logs, EMF metrics and the Bundle Finished event of real ingests and lookups against moto (issue #13)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from bundle_factory import make_bundle, zip_bytes

from newsdrop import wiring
from newsdrop.adapters.events import EventBus
from newsdrop.handlers.ingest import lambda_handler
from newsdrop.ingest import announce
from newsdrop.observe import NAMESPACE
from tests.integration.harness import EVENTS, FakeLambdaContext, receive_all, seed_articles, sqs_event
from tests.integration.lookup_seed import Api

API_URL = "https://api.example/dev/"
BINARY = b"\x00\x01\x02\x03" * 64 + bytes(range(256))


@pytest.fixture
def lines(capsys: pytest.CaptureFixture[str]) -> Iterator[Callable[[], list[dict[str, Any]]]]:
    """Every JSON line the functions printed since the last call: log records and EMF blobs alike."""

    def read() -> list[dict[str, Any]]:
        out = capsys.readouterr().out
        return [json.loads(line) for line in out.splitlines() if line.startswith("{")]

    yield read


@pytest.fixture
def events(stack: Any, monkeypatch: pytest.MonkeyPatch) -> Callable[[], list[dict[str, Any]]]:
    """The events put on the default bus, as a rule forwarding source newsdrop to a queue delivers them."""
    import boto3

    monkeypatch.setenv("API_URL", API_URL)
    wiring.announcer.cache_clear()
    client = boto3.client("events", region_name="us-east-1")
    sink = stack.sqs.create_queue(QueueName="events-sink")["QueueUrl"]
    arn = stack.sqs.get_queue_attributes(QueueUrl=sink, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    client.put_rule(Name="bundles", EventPattern=json.dumps({"source": ["newsdrop"]}))
    client.put_targets(Rule="bundles", Targets=[{"Id": "sink", "Arn": arn}])

    def read() -> list[dict[str, Any]]:
        return [json.loads(m["Body"]) for m in receive_all(stack.sqs, sink)]

    return read


def emf(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in records if "_aws" in r]


def logs(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in records if "_aws" not in r and "level" in r]


def metric_units(blob: dict[str, Any]) -> dict[str, str]:
    [directive] = blob["_aws"]["CloudWatchMetrics"]
    return {m["Name"]: m["Unit"] for m in directive["Metrics"]}


def dimensions(blob: dict[str, Any]) -> list[list[str]]:
    [directive] = blob["_aws"]["CloudWatchMetrics"]
    return directive["Dimensions"]


def value(blob: dict[str, Any], name: str) -> float:
    """A metric's value: Powertools writes each as a list of the values added."""
    values = blob[name]
    assert isinstance(values, list) and len(values) == 1, (name, values)
    return values[0]


def blob_with(records: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    return [b for b in emf(records) if name in metric_units(b)]


def test_a_finished_bundle_emits_its_metrics_with_low_cardinality_dimensions(drop, lines):
    articles = seed_articles()
    drop.drop("incoming/mixed.zip", zip_bytes({**articles, "junk.txt": BINARY}))
    record = drop.bundle_for("incoming/mixed.zip")
    out = lines()
    blobs = emf(out)
    assert blobs, "EMF lines on stdout"
    for blob in blobs:
        [directive] = blob["_aws"]["CloudWatchMetrics"]
        assert directive["Namespace"] == NAMESPACE
        assert blob["service"] == "newsdrop"
    # Never a bundle id, key or version in a metric line: each would be a new CloudWatch metric.
    raw = [json.dumps(b) for b in blobs]
    for text in (record["bundle_id"], "incoming/mixed.zip", record["version_id"]):
        assert not any(text in line for line in raw), text

    [run] = blob_with(out, "ArticlesNew")
    assert metric_units(run) == {
        "BytesRead": "Bytes",
        "CleaningFallbacks": "Count",
        "ArticlesNew": "Count",
        "ArticlesDuplicate": "Count",
        "IngestDuration": "Milliseconds",
        "ArticlesPerSecond": "Count/Second",
    }
    assert dimensions(run) == [["service"]]
    assert value(run, "ArticlesNew") == len(articles) and value(run, "ArticlesDuplicate") == 0
    assert value(run, "BytesRead") > 0 and value(run, "BytesRead") >= int(record["size"])
    assert value(run, "IngestDuration") == int(record["duration_ms"])

    [finished] = blob_with(out, "BundlesFinished")
    assert metric_units(finished) == {"BundlesFinished": "Count"}
    assert sorted(dimensions(finished)[0]) == ["Format", "Status", "service"]
    assert (finished["Status"], finished["Format"], value(finished, "BundlesFinished")) == (
        "PARTIAL",
        "zip",
        1,
    )

    [errors] = blob_with(out, "MemberErrors")
    assert sorted(dimensions(errors)[0]) == ["Code", "service"]
    assert (errors["Code"], value(errors, "MemberErrors")) == ("binary", 1)


def test_log_lines_carry_the_bundle_keys_and_numbers(drop, lines):
    drop.drop("incoming/mixed.zip", zip_bytes({**seed_articles(), "junk.txt": BINARY}))
    record = drop.bundle_for("incoming/mixed.zip")
    out = logs(lines())
    correlated = [line for line in out if line.get("bundle_id")]
    assert correlated
    for line in correlated:
        assert line["bundle_id"] == record["bundle_id"]
        assert line["object_key"] == "incoming/mixed.zip"
        assert line["version"] == record["version_id"]
        assert (
            line["service"] == "newsdrop" and line["function_request_id"] == FakeLambdaContext.aws_request_id
        )
    [end] = [line for line in out if line["message"] == "bundle ingested"]
    assert end["level"] == "INFO" and end["status"] == "PARTIAL"
    assert end["counts"] == {k: int(v) for k, v in record["counts"].items()}
    assert all(isinstance(v, int) for v in end["counts"].values())
    [failed] = [line for line in out if line["message"] == "member failed"]
    assert (failed["level"], failed["member"], failed["code"]) == ("WARNING", "junk.txt", "binary")


def test_a_duplicate_delivery_sends_no_second_event_and_counts_nothing(drop, events, lines):
    drop.stack.s3.put_object(
        Bucket=drop.stack.bucket, Key="incoming/seeds.zip", Body=zip_bytes(seed_articles())
    )
    [message] = receive_all(drop.stack.sqs, drop.stack.queue_url)
    drop.deliver([message])
    lines()
    [event] = events()
    record = drop.bundle_for("incoming/seeds.zip")
    assert announce.PENDING not in record, "the marker is cleared once the event is sent"

    drop.deliver([dict(message, synthetic=True)])  # SQS delivers the same message again
    assert events() == []
    assert blob_with(lines(), "BundlesFinished") == []

    assert event["source"] == "newsdrop" and event["detail-type"] == "Bundle Finished"
    detail = event["detail"]
    bid = record["bundle_id"]
    count = len(seed_articles())
    assert detail == {
        "schema_version": 1,
        "event_id": announce.event_id(record),
        "bundle_id": bid,
        "bucket": drop.stack.bucket,
        "key": "incoming/seeds.zip",
        "version_id": record["version_id"],
        "status": "DONE",
        "format": "zip",
        "size": int(record["size"]),
        "counts": {
            "members": count,
            "articles": count,
            "new": count,
            "duplicates": 0,
            "skipped": 0,
            "failed": 0,
        },
        "error_codes": {},
        "errors_truncated": 0,
        "cleaner_version": record["cleaner_version"],
        "received_at": record["received_at"],
        "finished_at": record["finished_at"],
        "duration_ms": int(record["duration_ms"]),
        "quarantine_key": None,
        "links": {
            "bundle": f"{API_URL}bundles/{bid}",
            "articles": f"{API_URL}articles?bundle={bid}",
        },
    }


def test_an_event_lost_to_a_crash_is_sent_by_the_redelivery_with_the_same_id(drop, events, monkeypatch):
    drop.stack.s3.put_object(
        Bucket=drop.stack.bucket, Key="incoming/seeds.zip", Body=zip_bytes(seed_articles())
    )
    [message] = receive_all(drop.stack.sqs, drop.stack.queue_url)
    real_put = EventBus.put

    def die(self: EventBus, *args: Any, **kwargs: Any) -> str:
        raise RuntimeError("the function was stopped between finishing the bundle and sending its event")

    monkeypatch.setattr(EventBus, "put", die)
    reply = lambda_handler(sqs_event([message], drop.stack.queue_arn), FakeLambdaContext())
    assert reply == {"batchItemFailures": [{"itemIdentifier": message["MessageId"]}]}
    record = drop.bundle_for("incoming/seeds.zip")
    assert record["status"] == "DONE" and record[announce.PENDING] is True
    assert events() == []

    monkeypatch.setattr(EventBus, "put", real_put)
    message["Attributes"]["ApproximateReceiveCount"] = "2"
    assert lambda_handler(sqs_event([message], drop.stack.queue_arn), FakeLambdaContext()) == {
        "batchItemFailures": []
    }
    [event] = events()
    assert event["detail"]["event_id"] == announce.event_id(record)
    assert event["detail"]["status"] == "DONE"
    assert announce.PENDING not in drop.bundle_for("incoming/seeds.zip")
    # A third delivery (the message was not deleted in time) finds nothing owed.
    lambda_handler(sqs_event([message], drop.stack.queue_arn), FakeLambdaContext())
    assert events() == []


def test_a_bundle_that_gives_up_is_announced_failed_once(stack, events):
    stack.s3.put_object(
        Bucket=stack.bucket,
        Key="incoming/cold.zip",
        Body=make_bundle("zip", seed_articles()),
        StorageClass="GLACIER",  # unreadable until restored: every attempt fails the same way
    )
    [message] = receive_all(stack.sqs, stack.queue_url)
    last = wiring.settings().max_receives  # the template's MaxReceiveCount, as the function reads it
    for receive_count in range(1, last + 1):
        message["Attributes"]["ApproximateReceiveCount"] = str(receive_count)
        lambda_handler(sqs_event([message], stack.queue_arn), FakeLambdaContext())
        if receive_count < last:
            assert events() == [], "an attempt SQS will retry ends nothing"
    [event] = events()
    assert event["detail"]["status"] == "FAILED"
    assert event["detail"]["error_codes"] == {"gave_up": 1}
    assert event["detail"]["key"] == "incoming/cold.zip"


def test_lookup_lines_carry_request_route_and_key_id_never_the_key(stack, lines):
    wiring.reset()
    api = Api(stack=stack)
    event = json.loads((EVENTS / "api-list-articles.json").read_text())
    api_key = event["requestContext"]["identity"]["apiKey"]
    status, _, _ = api.call(event)
    assert status == 200
    out = lines()
    assert not any(api_key in json.dumps(line) for line in out), "the API key never reaches the logs"
    [request] = [line for line in logs(out) if line["message"] == "request"]
    assert request["request_id"] == event["requestContext"]["requestId"]
    assert request["route"] == "/articles"
    assert request["api_key_id"] == event["requestContext"]["identity"]["apiKeyId"]
    assert request["status"] == 200 and request["results"] == 0
    [blob] = blob_with(out, "LookupLatency")
    assert metric_units(blob) == {"LookupLatency": "Milliseconds", "LookupResults": "Count"}
    assert sorted(dimensions(blob)[0]) == ["Route", "service"]
    assert (
        blob["Route"] == "/articles"
        and value(blob, "LookupResults") == 0
        and value(blob, "LookupLatency") > 0
    )


def test_lookup_results_count_the_items_answered_and_odd_routes_share_one_dimension(drop, lines):
    drop.drop("incoming/seeds.zip", zip_bytes(seed_articles()))
    wiring.reset()
    api = Api(stack=drop.stack)
    drop.drop("incoming/again.zip", zip_bytes(dict(list(seed_articles().items())[:2])))
    lines()
    listing = api.event("/bundles", {"limit": "5"})
    listing["resource"] = "/bundles"
    status, _, page = api.call(listing)
    assert status == 200 and len(page["items"]) == 2
    event = api.event("/no/such/route")
    event["resource"] = "/{proxy+}"
    assert api.call(event)[0] == 404
    blobs = blob_with(lines(), "LookupResults")
    assert [(b["Route"], value(b, "LookupResults")) for b in blobs] == [("/bundles", 2), ("other", 0)]
