"""Reprocessing under faults: every write call of a fault-free reprocess run, in turn, is killed before,
killed after or throttled; SQS then redelivers until the run ends, and the state must equal the fault-free
run's (articles, links, groups, postings, bodies and the bundle's report)."""

from __future__ import annotations

import dataclasses
import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from bundle_factory import make_bundle

from tests.faults.harness import (
    INJECTOR,
    MODES,
    Account,
    FakeClock,
    Fault,
    RunResult,
    Shape,
    deliver_until_empty,
    differences,
    fresh_process,
    snapshot,
)
from tests.faults.tally import TALLY
from tests.integration.test_similar import HERALD, MUSEUM, TIMES, jsonl

NEW_VERSION = "2099.01.01-1"
SHAPES = [
    # Three articles: two near-duplicates (a group), titles and bodies change, one is redated (links refiled).
    Shape("jsonl", "incoming/three.jsonl", jsonl(HERALD, MUSEUM, TIMES)),
    # 30 s left in every invocation: the run hands each member to a continuation (SendMessage + checkpoint).
    Shape(
        "zip-continued",
        "incoming/two.zip",
        make_bundle("zip", {"herald.txt": HERALD[2].encode(), "museum.txt": MUSEUM[2].encode()}),
        seconds_left=30.0,
    ),
]


@pytest.fixture
def upgrade(monkeypatch: pytest.MonkeyPatch) -> Callable[[], contextmanager]:
    """A context in which the cleaner is a newer release: 'reservoir' reads 'lake', the museum is redated."""
    from newsdrop.text import cleaner, members

    real = members.clean_article

    def upgraded(text, hints, **kwargs):  # type: ignore[no-untyped-def]
        article = real(text, hints, **kwargs)
        title = (article.title or "").replace("Reservoir", "Lake") or None
        published = "2024-05-08" if "museum" in article.body else article.published
        return dataclasses.replace(
            article, title=title, body=article.body.replace("reservoir", "lake"), published=published
        )

    @contextmanager
    def installed() -> Iterator[None]:
        with monkeypatch.context() as patch:
            patch.setattr(members, "clean_article", upgraded)
            patch.setattr(cleaner, "CLEANER_VERSION", NEW_VERSION)
            yield

    return installed


def reprocess_run(faults: Account, shape: Shape, upgrade, fault: Fault | None = None) -> RunResult:
    """Ingest ``shape`` fault-free, then reprocess it with the new cleaner under ``fault``."""
    INJECTOR.fault, INJECTOR.fired, INJECTOR.calls, INJECTOR.throttling = None, False, [], None
    clock = FakeClock()
    stack = faults.stack()
    fresh_process(clock)
    stack.s3.put_object(Bucket=stack.resources.bucket, Key=shape.key, Body=shape.data)
    deliver_until_empty(stack, shape, clock)
    [bundle_id] = [
        item["bundle_id"] for key, item in snapshot_raw_records(stack).items() if key.endswith("STATUS")
    ]
    with upgrade():
        INJECTOR.fault, INJECTOR.fired, INJECTOR.calls = fault, False, []
        message = {"newsdrop": "reprocess", "bundle_id": bundle_id, "request": "r1"}
        stack.sqs.send_message(QueueUrl=stack.resources.queue_url, MessageBody=json.dumps(message))
        invocations = deliver_until_empty(stack, shape, clock)
    return RunResult(snapshot(stack), list(INJECTOR.calls), invocations)


def snapshot_raw_records(stack) -> dict[str, dict]:
    found = stack.dynamodb.scan(TableName=stack.resources.table)["Items"]
    return {f"{i['pk']['S']} | {i['sk']['S']}": {"bundle_id": i.get("bundle_id", {}).get("S")} for i in found}


@pytest.mark.parametrize("shape", SHAPES, ids=[s.name for s in SHAPES])
def test_every_crash_point_of_a_reprocess_ends_like_the_fault_free_run(faults, upgrade, shape):
    clean = reprocess_run(faults, shape, upgrade)
    [record] = [v for k, v in clean.snapshot["items"].items() if k.endswith("| STATUS")]
    assert record["reprocess"]["status"] == "DONE" and record["cleaner_version"] == NEW_VERSION
    assert record["reprocess"]["counts"]["changed"] >= 2
    assert clean.snapshot["queued"] == {"queue": 0, "dlq": 0}
    assert reprocess_run(faults, shape, upgrade).snapshot == clean.snapshot, "two fault-free runs agree"
    failures = []
    for index, call in enumerate(clean.calls):
        for mode in MODES:
            faulted = reprocess_run(faults, shape, upgrade, Fault(index, mode))
            assert INJECTOR.fired, f"{mode} at #{index} {call}: the faulted run never reached that call"
            diff = differences(clean.snapshot, faulted.snapshot)
            if diff:
                failures.append(f"{mode} at #{index} {call}: " + "; ".join(diff))
    TALLY[f"reprocess-{shape.name}"] = (len(clean.calls), len(clean.calls) * len(MODES))
    assert not failures, f"{len(failures)} faulted runs differ:\n" + "\n".join(failures)


def test_a_duplicated_reprocess_message_ends_like_one(faults, upgrade):
    shape = SHAPES[0]
    clean = reprocess_run(faults, shape, upgrade)
    clock = FakeClock()
    stack = faults.stack()
    fresh_process(clock)
    stack.s3.put_object(Bucket=stack.resources.bucket, Key=shape.key, Body=shape.data)
    deliver_until_empty(stack, shape, clock)
    [bundle_id] = [i["bundle_id"] for k, i in snapshot_raw_records(stack).items() if k.endswith("STATUS")]
    with upgrade():
        body = json.dumps({"newsdrop": "reprocess", "bundle_id": bundle_id, "request": "r1"})
        for _ in range(2):
            stack.sqs.send_message(QueueUrl=stack.resources.queue_url, MessageBody=body)
        deliver_until_empty(stack, shape, clock)
    assert differences(clean.snapshot, snapshot(stack)) == []


def test_two_reprocess_deliveries_at_once_end_like_one(faults, upgrade, monkeypatch):
    """Two invocations take the same reprocess message at the same moment (two processes in Lambda)."""
    from moto.dynamodb.models import DynamoDBBackend

    from newsdrop.errors import ConditionFailed
    from newsdrop.ingest import service
    from tests.integration.harness import receive_all

    # DynamoDB checks a write's condition and applies it atomically; in-process moto does both in Python,
    # where the other thread can run in between, so both claims passed and the two runs tore each other's
    # reads (1 run in about 30 reported a `lines` change that one run does not). One lock makes moto atomic.
    atomic = threading.Lock()
    for name in ("put_item", "update_item", "delete_item", "transact_write_items", "batch_write_item"):
        write = getattr(DynamoDBBackend, name)

        def locked(self, *args, __write=write, **kwargs):
            with atomic:
                return __write(self, *args, **kwargs)

        monkeypatch.setattr(DynamoDBBackend, name, locked)

    shape = SHAPES[0]
    clean = reprocess_run(faults, shape, upgrade)
    clock = FakeClock()
    stack = faults.stack()
    fresh_process(clock)
    stack.s3.put_object(Bucket=stack.resources.bucket, Key=shape.key, Body=shape.data)
    deliver_until_empty(stack, shape, clock)
    [bundle_id] = [i["bundle_id"] for k, i in snapshot_raw_records(stack).items() if k.endswith("STATUS")]
    outcomes: list[str] = []
    with upgrade():
        body = json.dumps({"newsdrop": "reprocess", "bundle_id": bundle_id, "request": "r1"})
        stack.sqs.send_message(QueueUrl=stack.resources.queue_url, MessageBody=body)
        [message] = receive_all(stack.sqs, stack.resources.queue_url)
        start = threading.Barrier(2)

        def invocation() -> None:
            start.wait()
            try:
                [outcome] = service.ingest_sqs_body(message["Body"], receive_count=1)
                outcomes.append(outcome.status)
            except ConditionFailed:
                outcomes.append("busy")  # back to SQS; the redelivery finds the run finished

        threads = [threading.Thread(target=invocation) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        stack.sqs.change_message_visibility(
            QueueUrl=stack.resources.queue_url, ReceiptHandle=message["ReceiptHandle"], VisibilityTimeout=0
        )
        deliver_until_empty(stack, shape, clock)

    # One claim wins; the other is refused (busy, back to SQS) or finds the run finished (SKIPPED).
    assert sorted(outcomes) in (["DONE", "busy"], ["DONE", "SKIPPED"])
    assert differences(clean.snapshot, snapshot(stack)) == []
