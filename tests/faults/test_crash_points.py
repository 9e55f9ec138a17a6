"""Every write call of a fault-free run, in turn, is killed before, killed after or throttled past its
retries; SQS then redelivers until the bundle ends, and the state must equal the fault-free run's."""

from __future__ import annotations

import gzip
import threading

import pytest
from bundle_factory import make_bundle

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
from tests.integration.harness import receive_all, seed_articles

SHORT = (
    b"Council approves the harbour budget\n\nThe city council approved the harbour budget on Tuesday "
    b"after a short debate.\n\nWork on the new quay starts in spring."
)


def _seeds(n: int) -> dict[str, bytes]:
    """``n`` articles: the first seed article, then short ones (fewer search terms, fewer write calls)."""
    first = next(iter(seed_articles().items()))
    short = {f"short-{i}.txt": SHORT.replace(b"harbour", b"harbour %d" % i) for i in range(1, n)}
    return {first[0]: first[1], **short}


def _truncated_gz_jsonl() -> bytes:
    """Two records, the stream cut inside the second: one article and a bundle error (quarantined)."""
    short_first = dict(reversed(list(_seeds(2).items())))
    data = gzip.compress(make_bundle("jsonl", short_first), mtime=0)
    return data[: len(data) * 3 // 4]


SHAPES = [
    Shape("text", "incoming/two.txt", make_bundle("text-headers", _seeds(2))),
    # JSON Lines, gzipped and cut short: one article, a bundle error, a quarantine copy and its report.
    Shape("jsonl-cut", "incoming/cut.jsonl.gz", _truncated_gz_jsonl()),
    # 30 s left in every invocation: each member is handed to a continuation (SendMessage + checkpoint).
    Shape("zip-continued", "incoming/two.zip", make_bundle("zip", _seeds(2)), seconds_left=30.0),
]


@pytest.mark.parametrize("shape", SHAPES, ids=[s.name for s in SHAPES])
def test_every_crash_point_ends_like_the_fault_free_run(faults, shape):
    clean = faults.run(shape)
    bundles = [v for k, v in clean.snapshot["items"].items() if k.endswith("| STATUS")]
    assert [b["status"] for b in bundles] in (["DONE"], ["PARTIAL"])
    assert clean.snapshot["queued"] == {"queue": 0, "dlq": 0}
    assert faults.run(shape).snapshot == clean.snapshot, "two fault-free runs leave the same state"
    failures = []
    for index, call in enumerate(clean.calls):
        for mode in MODES:
            faulted = faults.run(shape, Fault(index, mode))
            assert INJECTOR.fired, f"{mode} at #{index} {call}: the faulted run never reached that call"
            diff = differences(clean.snapshot, faulted.snapshot)
            if diff:
                failures.append(f"{mode} at #{index} {call}: " + "; ".join(diff))
    TALLY[shape.name] = (len(clean.calls), len(clean.calls) * len(MODES))
    assert not failures, f"{len(failures)} faulted runs differ:\n" + "\n".join(failures)


@pytest.mark.parametrize("shape", SHAPES[1:], ids=[s.name for s in SHAPES[1:]])
def test_a_duplicated_notification_ends_like_one(faults, shape):
    clean = faults.run(shape)
    twice = faults.run(shape, duplicate=True)

    assert twice.invocations > clean.invocations
    assert differences(clean.snapshot, twice.snapshot) == []


def test_unprocessed_items_in_any_batch_write_are_written_in_the_end(faults):
    shape = SHAPES[0]
    clean = faults.run(shape)
    batches = [i for i, call in enumerate(clean.calls) if call == ("dynamodb", "BatchWriteItem")]
    assert batches
    for index in batches:
        partial = faults.run(shape, Fault(index, "unprocessed"))
        assert INJECTOR.fired
        assert differences(clean.snapshot, partial.snapshot) == [], f"UnprocessedItems at #{index}"


def test_two_deliveries_at_once_end_like_one(faults):
    """Two invocations take the same notification at the same moment (two processes in Lambda)."""
    from newsdrop.errors import ConditionFailed
    from newsdrop.ingest import service

    shape = SHAPES[0]
    clean = faults.run(shape)
    clock = FakeClock()
    stack = faults.stack()
    fresh_process(clock)
    stack.s3.put_object(Bucket=stack.resources.bucket, Key=shape.key, Body=shape.data)
    [message] = receive_all(stack.sqs, stack.resources.queue_url)
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def invocation() -> None:
        start.wait()
        try:
            service.ingest_sqs_body(message["Body"], receive_count=1)
            outcomes.append("ingested")
        except ConditionFailed:
            outcomes.append("busy")  # back to SQS; the redelivery finds the bundle finished

    threads = [threading.Thread(target=invocation) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    stack.sqs.change_message_visibility(
        QueueUrl=stack.resources.queue_url, ReceiptHandle=message["ReceiptHandle"], VisibilityTimeout=0
    )
    deliver_until_empty(stack, shape, clock)

    assert sorted(outcomes) in (["busy", "ingested"], ["ingested", "ingested"])
    assert differences(clean.snapshot, snapshot(stack)) == []
