"""A fanned-out bundle under faults: every crash point, a chunk delivered twice, a chunk that dies midway and
two copies of one chunk at once all end like the fault-free fanned-out run, counted once, ended once; so do
chunks continued in new invocations (every crash point, continuations delivered twice or ahead of their
checkpoint)."""

from __future__ import annotations

import dataclasses
import json
import random
import threading
from datetime import timedelta

import pytest
from bundle_factory import jsonl_bytes

from tests.faults.harness import (
    INJECTOR,
    MODES,
    FakeClock,
    Fault,
    Shape,
    deliver_until_empty,
    differences,
    fresh_process,
    snapshot,
)
from tests.faults.tally import TALLY
from tests.integration.harness import receive_all

CHROME = b"\n\nHarbour Courier | Local | Weather | Sport\n"
WORDS = (
    "harbour council budget quay ferry tide storm school library museum bridge tram market festival "
    "hospital station garden river forest mountain village factory orchard vineyard airport stadium "
    "theatre bakery clinic court prison tunnel canal lighthouse castle chapel mill farm dairy fishery"
).split()


def _story(i: int) -> bytes:
    """A story of its own (no near-duplicate of another: groups would then depend on chunk order)."""
    rng = random.Random(i)
    title = " ".join(rng.sample(WORDS, 5)).capitalize()
    paragraphs = [" ".join(rng.choices(WORDS, k=40)).capitalize() + "." for _ in range(3)]
    return ("\n\n".join([title, *paragraphs])).encode() + CHROME


# 20 records fill the chrome sample, which the first chunk holds; each of the other records is a chunk.
RECORDS = 23
SHAPE = Shape(
    "fanout", "incoming/fan.jsonl", jsonl_bytes({f"story-{i}.txt": _story(i) for i in range(RECORDS)})
)
FANNED = {"FANOUT_BYTES": "1", "FANOUT_CHUNK_BYTES": "64"}


# Chunks of two records after the 20 of the chrome sample, each invocation cut short after every member:
# every later chunk runs in three invocations (the last one finds the chunk's end).
CONTINUED = Shape(
    "fanout-continued",
    "incoming/fan-continued.jsonl",
    jsonl_bytes({f"story-{i}.txt": _story(i) for i in range(24)}),
    continue_every=1,
)
CONTINUED_SETTINGS = {"FANOUT_BYTES": "1", "FANOUT_CHUNK_BYTES": "2100"}


@pytest.fixture
def fanned(faults):
    faults.overrides = dict(FANNED)
    return faults


@pytest.fixture
def continued(faults):
    faults.overrides = dict(CONTINUED_SETTINGS)
    return faults


def _record(snap: dict) -> dict:
    [record] = [v for k, v in snap["items"].items() if k.endswith("| STATUS")]
    return record


def test_the_fault_free_fanned_out_run(fanned):
    clean = fanned.run(SHAPE)
    record = _record(clean.snapshot)
    assert len(record["chunks"]) == 4 and record["chunks_done"] == 4
    assert record["status"] == "DONE" and record["counts"]["new"] == RECORDS
    assert clean.snapshot["queued"] == {"queue": 0, "dlq": 0}
    assert fanned.run(SHAPE).snapshot == clean.snapshot, "two fault-free runs leave the same state"


@pytest.mark.parametrize("mode", MODES)
def test_every_crash_point_of_a_fanned_out_bundle_ends_like_the_fault_free_run(fanned, mode):
    clean = fanned.run(SHAPE)
    failures = []
    for index, call in enumerate(clean.calls):
        faulted = fanned.run(SHAPE, Fault(index, mode))
        assert INJECTOR.fired, f"{mode} at #{index} {call}: the faulted run never reached that call"
        diff = differences(clean.snapshot, faulted.snapshot)
        if diff:
            failures.append(f"{mode} at #{index} {call}: " + "; ".join(diff))
    TALLY[f"fanout-{mode}"] = (len(clean.calls), len(clean.calls))
    assert not failures, f"{len(failures)} faulted runs differ:\n" + "\n".join(failures)


def test_a_chunk_delivered_twice_is_counted_once(fanned, monkeypatch):
    """SQS delivers at least once: every chunk message arrives twice, one copy after the chunk was counted."""
    from newsdrop.adapters.queue import IngestQueue

    clean = fanned.run(SHAPE)
    send = IngestQueue.send

    def send_chunks_twice(self, payload):
        if payload.get("chunk") is not None:
            send(self, payload)
        return send(self, payload)

    monkeypatch.setattr(IngestQueue, "send", send_chunks_twice)
    twice = fanned.run(SHAPE)
    assert twice.invocations == clean.invocations + 4
    assert differences(clean.snapshot, twice.snapshot) == []
    assert _record(twice.snapshot)["counts"] == _record(clean.snapshot)["counts"]


def test_a_chunk_killed_midway_is_redone_and_counted_once(fanned):
    """Killed after its first article batch reached the table: the redelivery rewrites and counts it once."""
    clean = fanned.run(SHAPE)
    # The first batch write after the plan was stored (the plan is the UpdateItem after the claim).
    planned = [i for i, call in enumerate(clean.calls) if call == ("dynamodb", "UpdateItem")][1]
    batch = next(
        i for i, call in enumerate(clean.calls) if i > planned and call == ("dynamodb", "BatchWriteItem")
    )
    faulted = fanned.run(SHAPE, Fault(batch, "kill-after"))
    assert INJECTOR.fired
    assert faulted.invocations == clean.invocations + 1
    assert differences(clean.snapshot, faulted.snapshot) == []


def test_two_copies_of_a_chunk_at_once_count_it_once(fanned, monkeypatch):
    """Two invocations take the same chunk message at the same moment: one result is recorded."""
    from newsdrop.dal.store import Store
    from newsdrop.ingest import service

    # DynamoDB applies a conditional update atomically; moto in one process does not lock between threads,
    # so the two conditional updates are serialised here as DynamoDB serialises them.
    atomic = threading.Lock()
    for name in ("finish_chunk", "end_fanned_out_bundle"):
        real = getattr(Store, name)

        def serialised(self, *args, _real=real, **kwargs):
            with atomic:
                return _real(self, *args, **kwargs)

        monkeypatch.setattr(Store, name, serialised)

    clean = fanned.run(SHAPE)
    clock = FakeClock()
    stack = fanned.stack()
    fresh_process(clock)
    stack.s3.put_object(Bucket=stack.resources.bucket, Key=SHAPE.key, Body=SHAPE.data)
    [notification] = receive_all(stack.sqs, stack.resources.queue_url, visibility=3600)
    service.ingest_sqs_body(notification["Body"])  # plans and sends the chunks
    stack.sqs.delete_message(QueueUrl=stack.resources.queue_url, ReceiptHandle=notification["ReceiptHandle"])
    # Invisible for longer than the chunks take on a loaded machine: deleting them later must still work.
    chunks = receive_all(stack.sqs, stack.resources.queue_url, visibility=3600)
    assert sorted(json.loads(m["Body"])["chunk"] for m in chunks) == [0, 1, 2, 3]
    start = threading.Barrier(2)

    def invocation(body: str) -> None:
        start.wait()
        service.ingest_sqs_body(body)

    last = next(m for m in chunks if json.loads(m["Body"])["chunk"] == 3)
    for message in chunks:
        if message is last:
            continue
        service.ingest_sqs_body(message["Body"])
    threads = [threading.Thread(target=invocation, args=(last["Body"],)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for message in chunks:
        stack.sqs.delete_message(QueueUrl=stack.resources.queue_url, ReceiptHandle=message["ReceiptHandle"])
    assert differences(clean.snapshot, snapshot(stack)) == []


def test_the_fault_free_run_of_continued_chunks(continued):
    clean = continued.run(CONTINUED)
    record = _record(clean.snapshot)
    chunks = len(record["chunks"])
    assert chunks == 3 and record["chunks_done"] == 3
    # The plan, each chunk's first invocation, chunk 0 once past its sample, chunks 1 and 2 after each member.
    assert clean.invocations == 1 + 3 + 1 + 2 * 2
    assert record["chunk_progress"] == {}, "a recorded chunk's checkpoint is dropped"
    assert record["status"] == "DONE" and record["counts"]["new"] == 24
    uncontinued = continued.run(dataclasses.replace(CONTINUED, continue_every=0))
    assert _record(uncontinued.snapshot)["counts"] == record["counts"]
    assert clean.snapshot["queued"] == {"queue": 0, "dlq": 0}
    assert continued.run(CONTINUED).snapshot == clean.snapshot, "two fault-free runs leave the same state"


@pytest.mark.parametrize("mode", MODES)
def test_every_crash_point_of_continued_chunks_ends_like_the_fault_free_run(continued, mode):
    """Kill or throttle every write: the checkpoints and the continuation sends of every chunk included."""
    clean = continued.run(CONTINUED)
    assert clean.calls.count(("sqs", "SendMessage")) == 3 + 1 + 2 * 2, "chunks and continuations are writes"
    failures = []
    for index, call in enumerate(clean.calls):
        faulted = continued.run(CONTINUED, Fault(index, mode))
        assert INJECTOR.fired, f"{mode} at #{index} {call}: the faulted run never reached that call"
        diff = differences(clean.snapshot, faulted.snapshot)
        if diff:
            failures.append(f"{mode} at #{index} {call}: " + "; ".join(diff))
    TALLY[f"fanout-continued-{mode}"] = (len(clean.calls), len(clean.calls))
    assert not failures, f"{len(failures)} faulted runs differ:\n" + "\n".join(failures)


def test_a_continuation_delivered_twice_is_counted_once(continued, monkeypatch):
    from newsdrop.adapters.queue import IngestQueue

    clean = continued.run(CONTINUED)
    send = IngestQueue.send

    def send_continuations_twice(self, payload):
        if payload.get("chunk") is not None and payload.get("resume_at"):
            send(self, payload)
        return send(self, payload)

    monkeypatch.setattr(IngestQueue, "send", send_continuations_twice)
    twice = continued.run(CONTINUED)
    assert twice.invocations == clean.invocations + 5
    assert differences(clean.snapshot, twice.snapshot) == []


@pytest.mark.parametrize("receive_count", [1, 2])
def test_a_continuation_ahead_of_its_checkpoint_waits_for_it(continued, monkeypatch, receive_count):
    """Delivered while its sender has sent it but not yet moved the checkpoint: on a first delivery it goes
    back to SQS (ChunkAhead); delivered again and still ahead, it is dropped (its sender's chain carries on).
    Either way the real delivery after the checkpoint ingests the rest, and the run ends as the clean one."""
    from newsdrop.adapters.queue import IngestQueue
    from newsdrop.ingest import chunk_run, pipeline, service

    clean = continued.run(CONTINUED)
    monkeypatch.setattr(pipeline, "CLAIM_WAIT_SECONDS", 0.05)
    send = IngestQueue.send
    early: list[str] = []

    def deliver_before_checkpoint(self, payload):
        if payload.get("chunk") == 1 and payload.get("resume_at") == 1 and not early:
            early.append(json.dumps(payload))
            if receive_count == 1:
                with pytest.raises(chunk_run.ChunkAhead, match="SQS delivers the message again"):
                    service.ingest_sqs_body(early[0], receive_count=1)
            else:
                [outcome] = service.ingest_sqs_body(early[0], receive_count=receive_count)
                assert outcome.skipped_as_duplicate
        return send(self, payload)

    monkeypatch.setattr(IngestQueue, "send", deliver_before_checkpoint)
    ahead = continued.run(CONTINUED)
    assert early, "the continuation was delivered before its checkpoint"
    assert differences(clean.snapshot, ahead.snapshot) == []


def test_a_lost_continuation_is_sent_again_by_the_sweeper_from_its_checkpoint(continued, monkeypatch):
    """SQS loses a chunk's continuation after its sender checkpointed: the bundle stays PROCESSING until the
    sweeper resumes it, whose claim sends the chunk again at its checkpoint; the bundle then ends as clean."""
    from newsdrop.adapters.queue import IngestQueue
    from newsdrop.handlers import sweeper as sweeper_handler

    clean = continued.run(CONTINUED)
    send = IngestQueue.send
    lost: list[dict] = []

    def lose_one(self, payload):
        if payload.get("chunk") == 1 and payload.get("resume_at") == 1 and not lost:
            lost.append(payload)
            return "lost"
        return send(self, payload)

    clock = FakeClock()
    stack = continued.stack()
    fresh_process(clock)
    monkeypatch.setattr(IngestQueue, "send", lose_one)
    stack.s3.put_object(Bucket=stack.resources.bucket, Key=CONTINUED.key, Body=CONTINUED.data)
    deliver_until_empty(stack, CONTINUED, clock)
    stuck = _record(snapshot(stack))
    assert lost and stuck["status"] == "PROCESSING" and stuck["chunk_progress"]["1"]["resume_at"] == 1
    monkeypatch.setattr(IngestQueue, "send", send)
    sweeper_handler.sweeper.cache_clear()
    sweeper_handler.sweeper().clock = lambda: clock() + timedelta(hours=1)
    try:
        assert len(sweeper_handler.sweep_once()["resumed"]) == 1
    finally:
        sweeper_handler.sweeper.cache_clear()
    clock.move_past_leases()
    deliver_until_empty(stack, CONTINUED, clock)
    swept = snapshot(stack)
    record, expected = _record(swept), _record(clean.snapshot)
    assert record["status"] == expected["status"] and record["counts"] == expected["counts"]

    def articles(snap: dict) -> dict:
        return {k: v for k, v in snap["items"].items() if not k.endswith("| STATUS")}

    assert articles(swept) == articles(clean.snapshot)
    assert swept["objects"] == clean.snapshot["objects"] and swept["queued"] == {"queue": 0, "dlq": 0}
