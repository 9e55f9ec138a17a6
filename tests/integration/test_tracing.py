"""X-Ray: an ingest traced in a subprocess sends segments to a UDP socket standing in for the X-Ray daemon."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from typing import Any

from tests.conftest import function_env
from tests.integration.harness import REPO

# Runs in a fresh interpreter: patching botocore for X-Ray must not leak into the other tests.
SCRIPT = r"""
import boto3
from moto import mock_aws

from infra.provision import DEFAULT_STACK, drain_queue, provision
from infra.template import DEFAULT_ACCOUNT_ID, DEFAULT_REGION
from newsdrop.handlers.ingest import lambda_handler
from tests.bundle_factory import zip_bytes
from tests.integration.harness import FakeLambdaContext, receive_all, seed_articles, sqs_event

with mock_aws():
    session = boto3.session.Session(region_name=DEFAULT_REGION)
    clients = {name: session.client(name) for name in ("s3", "sqs", "dynamodb")}
    stack = provision(clients, stack=DEFAULT_STACK, account_id=DEFAULT_ACCOUNT_ID, region=DEFAULT_REGION)
    drain_queue(clients["sqs"], stack.queue_url)
    clients["s3"].put_object(Bucket=stack.bucket, Key="incoming/seeds.zip", Body=zip_bytes(seed_articles()))
    # Less than a minute left: the ingest hands the bundle over to a continuation message (an SQS call).
    lambda_handler(sqs_event(receive_all(clients["sqs"], stack.queue_url), stack.queue_arn),
                   FakeLambdaContext(remaining_ms=30_000))
    lambda_handler(sqs_event(receive_all(clients["sqs"], stack.queue_url), stack.queue_arn), FakeLambdaContext())
"""


def _listen(sock: socket.socket, into: list[bytes], done: threading.Event) -> None:
    while not done.is_set():
        try:
            into.append(sock.recv(65536))
        except TimeoutError:
            continue


def documents(packets: list[bytes]) -> list[dict[str, Any]]:
    """The segment documents: each packet is a JSON header line, then one segment or subsegment."""
    docs = []
    for packet in packets:
        header, _, body = packet.decode().partition("\n")
        assert json.loads(header) == {"format": "json", "version": 1}
        docs.append(json.loads(body))
    return docs


def walk(doc: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield doc
    for child in doc.get("subsegments", []):
        yield from walk(child)


def test_an_ingest_sends_s3_dynamodb_sqs_and_eventbridge_subsegments_annotated_with_the_bundle():
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 * 1024 * 1024)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(0.2)
    port = sock.getsockname()[1]
    packets: list[bytes] = []
    done = threading.Event()
    listener = threading.Thread(target=_listen, args=(sock, packets, done))
    listener.start()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "POWERTOOLS_", "LAMBDA_"))}
    env.update(function_env())
    env.update(
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_DEFAULT_REGION="us-east-1",
        AWS_SHARED_CREDENTIALS_FILE="/dev/null",
        AWS_XRAY_DAEMON_ADDRESS=f"127.0.0.1:{port}",
        NEWSDROP_TRACE="true",
        POWERTOOLS_LOG_LEVEL="WARNING",
        PYTHONPATH=os.pathsep.join(str(REPO / part) for part in ("functions", "cli", ".", "tests")),
    )
    try:
        run = subprocess.run(
            [sys.executable, "-c", SCRIPT], cwd=REPO, env=env, capture_output=True, text=True, timeout=240
        )
    finally:
        done.set()
        listener.join()
        sock.close()
    assert run.returncode == 0, run.stderr[-3000:]

    docs = documents(packets)
    segments = [d for d in docs if "parent_id" not in d]
    assert [s["name"] for s in segments] == ["newsdrop-IngestFunction"] * 2, "one segment per invocation"
    nodes = [node for doc in docs for node in walk(doc)]
    aws_calls = {(n["name"], n.get("aws", {}).get("operation")) for n in nodes if n.get("namespace") == "aws"}
    assert {name for name, _ in aws_calls} >= {"s3", "dynamodb", "sqs", "events"}, aws_calls
    assert ("sqs", "SendMessage") in aws_calls  # the continuation
    assert ("events", "PutEvents") in aws_calls  # the Bundle Finished event
    assert ("s3", "GetObject") in aws_calls and ("dynamodb", "BatchWriteItem") in aws_calls
    bundles = [n for n in nodes if n["name"] == "## bundle"]
    assert len(bundles) == 2
    [bundle_id] = {n["annotations"]["bundle_id"] for n in bundles}
    assert len(bundle_id) == 24
    # Every AWS call of an invocation hangs under its bundle's subsegment, so a search by bundle finds them
    # (the SDK streams big subsegment trees in pieces, each naming its parent).
    parents = {
        child["id"]: node["id"] for doc in docs for node in walk(doc) for child in node.get("subsegments", [])
    }
    parents.update({doc["id"]: doc["parent_id"] for doc in docs if "parent_id" in doc})
    names = {node["id"]: node["name"] for node in nodes}

    def in_a_bundle(node_id: str) -> bool:
        while node_id in parents:
            node_id = parents[node_id]
            if names.get(node_id) == "## bundle":
                return True
        return False

    aws_nodes = [n for n in nodes if n.get("namespace") == "aws"]
    assert all(in_a_bundle(n["id"]) for n in aws_nodes), [
        n["name"] for n in aws_nodes if not in_a_bundle(n["id"])
    ]
