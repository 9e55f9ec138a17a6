"""Parsing S3 notifications into object references, and the bundle id's stability."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from newsdrop.ingest.records import ObjectRef
from newsdrop.ingest.service import BadNotification, is_s3_event, object_refs

EVENTS = Path(__file__).resolve().parents[2] / "events"


def load(name: str) -> dict:
    return json.loads((EVENTS / name).read_text())


def test_plain_s3_event_decodes_the_key():
    refs = object_refs(load("s3-put.json"))
    assert [r.key for r in refs] == ["incoming/seed bundle été.zip"]
    assert refs[0].version_id is None and refs[0].size == 9000  # ingest asks S3 for the version


@pytest.mark.parametrize(
    ("raw", "decoded"),
    [
        ("incoming/a+b.zip", "incoming/a b.zip"),
        ("incoming/a%2Bb.zip", "incoming/a+b.zip"),
        ("incoming/%E6%96%B0%E9%97%BB.jsonl", "incoming/新闻.jsonl"),
        ("incoming/plain.txt", "incoming/plain.txt"),
    ],
)
def test_keys_are_unquoted_per_record(raw, decoded):
    event = load("s3-put.json")
    event["Records"][0]["s3"]["object"]["key"] = raw
    assert object_refs(event)[0].key == decoded


def test_sqs_body_holds_the_same_s3_event():
    body = json.loads(load("sqs-s3-put.json")["Records"][0]["body"])
    assert object_refs(body) == object_refs(load("s3-put.json"))


def test_s3_test_event_yields_nothing():
    body = json.loads(load("sqs-s3-test-event.json")["Records"][0]["body"])
    assert object_refs(body) == []


def test_removal_events_are_ignored():
    event = load("s3-put.json")
    event["Records"][0]["eventName"] = "ObjectRemoved:Delete"
    assert object_refs(event) == []


def test_a_message_that_is_no_notification_is_refused_with_a_reason():
    with pytest.raises(BadNotification, match="not an S3 notification"):
        object_refs({"hello": "world"})


def test_is_s3_event_tells_plain_s3_from_sqs():
    assert is_s3_event(load("s3-put.json"))
    assert not is_s3_event(load("sqs-s3-put.json"))


def test_bundle_id_is_stable_per_version_and_differs_between_versions():
    ref = ObjectRef(bucket="b", key="incoming/x.zip", version_id="v1", etag="e")
    assert ref.bundle_id == copy.copy(ref).bundle_id
    assert ref.bundle_id != ObjectRef(bucket="b", key="incoming/x.zip", version_id="v2", etag="e").bundle_id
    assert ref.bundle_id != ObjectRef(bucket="b", key="incoming/y.zip", version_id="v1", etag="e").bundle_id
