"""Fault injection at the botocore client: count the ingest's write calls, fail or kill one, redeliver as SQS.

Every boto3 client's calls pass through ``BaseClient._make_api_call``, whichever module builds the client,
so the injector sees the table, bucket and queue writes however the adapters are arranged. A run is driven
like Lambda's SQS event source: a message that fails, or whose invocation dies, becomes visible again with
a higher receive count, and the fake clock moves past the dead invocation's lease.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import botocore.client
from botocore.exceptions import ClientError
from moto import mock_aws

from infra.provision import StackResources, drain_queue, provision
from infra.template import DEFAULT_ACCOUNT_ID, DEFAULT_REGION
from tests.integration.harness import FakeLambdaContext, receive_all, sqs_event

# Calls that change state; reads are not crash points (a crash before a read is a crash after the write
# before it). A write step added to the ingest shows up here without a new test.
WRITE_OPERATIONS = frozenset(
    {
        ("dynamodb", "PutItem"),
        ("dynamodb", "UpdateItem"),
        ("dynamodb", "DeleteItem"),
        ("dynamodb", "BatchWriteItem"),
        ("dynamodb", "TransactWriteItems"),
        ("s3", "PutObject"),
        ("s3", "CopyObject"),
        ("s3", "DeleteObject"),
        ("s3", "CreateMultipartUpload"),
        ("s3", "UploadPart"),
        ("s3", "CompleteMultipartUpload"),
        ("sqs", "SendMessage"),
        ("sqs", "SendMessageBatch"),
    }
)
THROTTLE_CODES = {
    "dynamodb": "ProvisionedThroughputExceededException",
    "s3": "SlowDown",
    "sqs": "ThrottlingException",
}
MODES = ("kill-before", "kill-after", "throttle")
LEASE_PAST = timedelta(hours=2)  # longer than any lease or visibility timeout the ingest sets


class Killed(BaseException):
    """The invocation dies where it stands (timeout, out of memory): no except or finally of the ingest
    that catches Exception runs, and the process is gone."""


@dataclass(frozen=True)
class Fault:
    index: int  # which write call of the run (0-based, in the fault-free run's order)
    mode: str  # kill-before | kill-after | throttle | unprocessed


@dataclass
class Injector:
    """Counts write calls made while ``active`` and applies at most one fault, once."""

    fault: Fault | None = None
    active: bool = False
    calls: list[tuple[str, str]] = field(default_factory=list)
    fired: bool = False
    throttling: tuple[str, str] | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def end_invocation(self) -> None:
        self.throttling = None  # throttling lasts until the attempt gives up: its retries all fail

    def call(self, service: str, operation: str, params: dict[str, Any], send: Callable[..., Any]) -> Any:
        if not self.active or (service, operation) not in WRITE_OPERATIONS:
            return send(params)
        with self.lock:
            index = len(self.calls)
            self.calls.append((service, operation))
            fault = self.fault if (self.fault and not self.fired and self.fault.index == index) else None
            if fault is not None:
                self.fired = True
                if fault.mode == "throttle":
                    self.throttling = (service, operation)
            throttled = self.throttling == (service, operation)
        if throttled:
            code = THROTTLE_CODES[service]
            raise ClientError({"Error": {"Code": code, "Message": "injected throttling"}}, operation)
        if fault is None:
            return send(params)
        if fault.mode == "kill-before":
            raise Killed(f"before {service}.{operation} #{index}")
        if fault.mode == "unprocessed" and operation == "BatchWriteItem":
            return _half_unprocessed(params, send)
        reply = send(params)
        if fault.mode == "kill-after":
            raise Killed(f"after {service}.{operation} #{index}")
        return reply


def _half_unprocessed(params: dict[str, Any], send: Callable[..., Any]) -> Any:
    """DynamoDB accepts only the first half of the batch and hands the rest back as UnprocessedItems."""
    [(table, requests)] = params["RequestItems"].items()
    half = max(1, len(requests) // 2)
    reply = send({**params, "RequestItems": {table: requests[:half]}})
    if requests[half:]:
        reply = {**reply, "UnprocessedItems": {table: requests[half:]}}
    return reply


INJECTOR = Injector()


@contextmanager
def client_hook() -> Iterator[Injector]:
    """Route every botocore client call through INJECTOR for the duration."""
    real = botocore.client.BaseClient._make_api_call

    def make_api_call(client: Any, operation: str, params: dict[str, Any]) -> Any:
        service = client.meta.service_model.service_name
        return INJECTOR.call(service, operation, params, lambda p: real(client, operation, p))

    botocore.client.BaseClient._make_api_call = make_api_call  # type: ignore[method-assign]
    try:
        yield INJECTOR
    finally:
        botocore.client.BaseClient._make_api_call = real  # type: ignore[method-assign]


class FakeClock:
    """The ingest's clock: real time plus however far the harness has moved it on."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def move_past_leases(self) -> None:
        self.offset += LEASE_PAST


# --- the process: caches an invocation reuses, gone when it dies -----------------------------------
def fresh_process(clock: FakeClock) -> None:
    """A cold start: settings, the ingestor, the reprocessor and the announcer are built again (a killed
    process and its state are gone).

    boto3 clients are kept: they hold no ingest state, and building them is most of a cold start's cost.
    """
    from newsdrop import wiring
    from newsdrop.config import get_settings

    get_settings.cache_clear()
    wiring.ingestor.cache_clear()
    wiring.reprocessor.cache_clear()
    wiring.announcer.cache_clear()
    wiring.ingestor().clock = clock
    wiring.reprocessor().clock = clock


# --- one moto account per test, one stack per run --------------------------------------------------
@dataclass
class Stack:
    resources: StackResources
    s3: Any
    sqs: Any
    dynamodb: Any


@dataclass
class Shape:
    """One bundle the suite drops; ``seconds_left`` below a minute makes every member a continuation."""

    name: str
    key: str
    data: bytes
    seconds_left: float = 900.0
    # n > 0: every n-th look at the remaining time finds under a minute left (a continuation every n members).
    continue_every: int = 0


@dataclass
class SteppingContext(FakeLambdaContext):
    """Lambda's context as ``shape`` sees it: its remaining time, short at every ``continue_every``-th look."""

    every: int = 0
    looks: int = 0

    def get_remaining_time_in_millis(self) -> int:
        self.looks += 1
        return 30_000 if self.every and self.looks % self.every == 0 else self.remaining_ms


@dataclass
class RunResult:
    snapshot: dict[str, Any]
    calls: list[tuple[str, str]]
    invocations: int


class Account:
    """A moto account; each run provisions template.yaml under a new stack name (fresh table, bucket, queues)."""

    def __init__(self, environ: Callable[[dict[str, str]], None]) -> None:
        self._environ = environ
        self._runs = 0
        # Function settings over the template's (e.g. FANOUT_BYTES), applied to every later run.
        self.overrides: dict[str, str] = {}
        session = boto3.session.Session(region_name=DEFAULT_REGION)
        self._clients = {name: session.client(name) for name in ("s3", "sqs", "dynamodb")}

    def stack(self) -> Stack:
        self._runs += 1
        resources = provision(
            self._clients, stack=f"faults-{self._runs}", account_id=DEFAULT_ACCOUNT_ID, region=DEFAULT_REGION
        )
        drain_queue(self._clients["sqs"], resources.queue_url)
        # TABLE_NAME, BUCKET_NAME, INGEST_QUEUE_URL..., then the run's own settings.
        self._environ({**resources.ingest_environment, **self.overrides})
        return Stack(resources=resources, **self._clients)

    def run(self, shape: Shape, fault: Fault | None = None, *, duplicate: bool = False) -> RunResult:
        """Drop ``shape`` into a fresh stack, inject ``fault``, deliver until the queue is empty."""
        INJECTOR.fault, INJECTOR.fired, INJECTOR.calls, INJECTOR.throttling = fault, False, [], None
        clock = FakeClock()
        stack = self.stack()
        fresh_process(clock)
        stack.s3.put_object(Bucket=stack.resources.bucket, Key=shape.key, Body=shape.data)
        if duplicate:  # S3 delivers a notification at least once: the same event twice
            messages = receive_all(stack.sqs, stack.resources.queue_url, visibility=60)
            assert messages, "the drop was notified"
            for message in messages:
                for _ in range(2):
                    stack.sqs.send_message(QueueUrl=stack.resources.queue_url, MessageBody=message["Body"])
                stack.sqs.delete_message(
                    QueueUrl=stack.resources.queue_url, ReceiptHandle=message["ReceiptHandle"]
                )
        invocations = deliver_until_empty(stack, shape, clock)
        return RunResult(snapshot(stack), list(INJECTOR.calls), invocations)


@contextmanager
def account(environ: Callable[[dict[str, str]], None]) -> Iterator[Account]:
    with mock_aws():
        yield Account(environ)


def deliver_until_empty(stack: Stack, shape: Shape, clock: FakeClock, *, limit: int = 40) -> int:
    """Hand each visible message to the handler, as Lambda's SQS poller does, until none is left."""
    from newsdrop.handlers.ingest import lambda_handler

    queue = stack.resources.queue_url
    context = SteppingContext(remaining_ms=int(shape.seconds_left * 1000), every=shape.continue_every)
    invocations = 0
    while messages := receive_all(stack.sqs, queue, visibility=60):
        for message in messages:
            invocations += 1
            assert invocations <= limit, "the bundle never ends: messages keep coming back"
            INJECTOR.active = True
            try:
                reply = lambda_handler(sqs_event([message], stack.resources.queue_arn), context)
            except Killed:
                reply = None
            finally:
                INJECTOR.active = False
                INJECTOR.end_invocation()
            if reply is None:
                fresh_process(clock)  # the next invocation runs in a new process
            if reply is None or reply["batchItemFailures"]:
                # The visibility timeout runs out (and with it the lease): SQS delivers it again.
                clock.move_past_leases()
                stack.sqs.change_message_visibility(
                    QueueUrl=queue, ReceiptHandle=message["ReceiptHandle"], VisibilityTimeout=0
                )
            else:
                stack.sqs.delete_message(QueueUrl=queue, ReceiptHandle=message["ReceiptHandle"])
    return invocations


# --- the state a run leaves --------------------------------------------------------------------
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z")
# Fields that differ between two correct runs: when things happened, and how many tries they took.
_VOLATILE = frozenset(
    {"attempts", "lease_until", "duration_ms", "plan_ms", "cpu_ms", "last_error", "retryable"}
)


def _normalise(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _normalise(v) for k, v in sorted(value.items()) if k not in _VOLATILE}
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    if isinstance(value, str):
        return _STAMP.sub("<time>", value)
    if isinstance(value, bytes | bytearray):
        return hashlib.sha256(bytes(value)).hexdigest()
    if hasattr(value, "value") and isinstance(getattr(value, "value", None), bytes):  # boto3 Binary
        return hashlib.sha256(value.value).hexdigest()
    return value


def snapshot(stack: Stack) -> dict[str, Any]:
    """Every table item and every S3 object but the dropped bundle (normalised), plus what is queued.

    Names that differ by construction between runs (the stack's bucket, the object version and the
    bundle id derived from them) are replaced by placeholders.
    """
    from boto3.dynamodb.types import TypeDeserializer
    from moto.dynamodb.models import dynamodb_backends

    deserializer = TypeDeserializer()
    # Read moto's table directly: a Scan of a few hundred items costs more than the ingest being tested.
    table = dynamodb_backends[DEFAULT_ACCOUNT_ID][DEFAULT_REGION].get_table(stack.resources.table)
    raw_items = [
        {k: deserializer.deserialize(v) for k, v in item.to_json()["Attributes"].items()}
        for item in table.all_items()
    ]
    names = {stack.resources.bucket: "<bucket>"}
    for item in raw_items:
        if item["sk"] == "STATUS":
            names[item["bundle_id"]] = "<bundle>"
            if item.get("version_id"):
                names[str(item["version_id"])] = "<version>"
    rename = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))

    def anonymous(value: Any) -> Any:
        if isinstance(value, str):
            return rename.sub(lambda m: names[m.group(0)], value)
        if isinstance(value, dict):
            return {anonymous(k): anonymous(v) for k, v in value.items()}
        if isinstance(value, list):
            return [anonymous(v) for v in value]
        return value

    items = {
        anonymous(_STAMP.sub("<time>", f"{i['pk']} | {i['sk']}")): anonymous(_normalise(i)) for i in raw_items
    }
    objects: dict[str, str] = {}
    for page in stack.s3.get_paginator("list_objects_v2").paginate(Bucket=stack.resources.bucket):
        for obj in page.get("Contents", []):
            if obj["Key"].startswith("incoming/"):
                continue
            body = stack.s3.get_object(Bucket=stack.resources.bucket, Key=obj["Key"])["Body"].read()
            if obj["Key"].endswith(".json"):
                body = json.dumps(anonymous(_normalise(json.loads(body))), sort_keys=True).encode()
            objects[anonymous(obj["Key"])] = hashlib.sha256(body).hexdigest()
    queued = {  # the message counts SQS reports (receiving with no visibility timeout would loop)
        name: int(
            stack.sqs.get_queue_attributes(
                QueueUrl=url,
                AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
            )["Attributes"]["ApproximateNumberOfMessages"]
        )
        for name, url in (("queue", stack.resources.queue_url), ("dlq", stack.resources.dlq_url))
    }
    return {"items": items, "objects": objects, "queued": queued}


def differences(expected: dict[str, Any], actual: dict[str, Any], *, limit: int = 5) -> list[str]:
    """Human-readable differences between two snapshots (missing, extra and changed keys)."""
    out: list[str] = []
    for part in ("items", "objects", "queued"):
        want, got = expected[part], actual[part]
        for key in sorted(set(want) - set(got))[:limit]:
            out.append(f"{part}: missing {key}")
        for key in sorted(set(got) - set(want))[:limit]:
            out.append(f"{part}: extra {key}")
        for key in sorted(k for k in set(want) & set(got) if want[k] != got[k])[:limit]:
            out.append(f"{part}: {key}: expected {want[key]!r:.300} got {got[key]!r:.300}")
    return out
