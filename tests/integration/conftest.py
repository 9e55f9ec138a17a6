"""Fixtures: `stack` (template.yaml's resources in moto), `drop` (upload, deliver, read back), `seeded` and `api` (lookup data)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

import boto3
import pytest
from moto import mock_aws

from infra.provision import DEFAULT_STACK, StackResources, drain_queue, provision
from infra.template import DEFAULT_ACCOUNT_ID, DEFAULT_REGION
from newsdrop import wiring
from newsdrop.dal import keys
from newsdrop.dal.items import first_sighting, with_text
from newsdrop.handlers.ingest import lambda_handler
from tests.integration.harness import FakeLambdaContext, receive_all, scan_all, sqs_event
from tests.integration.lookup_seed import FIXTURE_NOW, Api, function_env, reset, seed


@dataclass(frozen=True)
class LocalStack:
    """What provision created plus boto3 clients bound to the same moto backend."""

    resources: StackResources
    s3: Any
    sqs: Any
    dynamodb: Any

    @property
    def bucket(self) -> str:
        return self.resources.bucket

    @property
    def table(self) -> str:
        return self.resources.table

    @property
    def queue_url(self) -> str:
        return self.resources.queue_url

    @property
    def queue_arn(self) -> str:
        return self.resources.queue_arn

    @property
    def dlq_url(self) -> str:
        return self.resources.dlq_url

    @property
    def dlq_arn(self) -> str:
        return self.resources.dlq_arn


@pytest.fixture
def stack(aws_env: dict[str, str], reset_caches: Callable[[], None]) -> Iterator[LocalStack]:
    """A fresh moto account holding the template's resources; the queue starts empty (moto's TestEvent drained)."""
    with mock_aws():
        session = boto3.session.Session(region_name=DEFAULT_REGION)
        clients = {name: session.client(name) for name in ("s3", "sqs", "dynamodb")}
        # The same stack, account and region as aws_env's TABLE_NAME / BUCKET_NAME.
        resources = provision(
            clients, stack=DEFAULT_STACK, account_id=DEFAULT_ACCOUNT_ID, region=DEFAULT_REGION
        )
        drain_queue(clients["sqs"], resources.queue_url)
        reset_caches()
        yield LocalStack(resources=resources, **clients)
    reset_caches()


@pytest.fixture
def drop(stack: LocalStack) -> Iterator[SimpleNamespace]:
    """Upload bytes under incoming/ and hand the resulting SQS messages to the handler; returns a namespace."""
    wiring.reset()

    def _drop(key: str, data: bytes) -> dict:
        stack.s3.put_object(Bucket=stack.bucket, Key=key, Body=data)
        return deliver()

    def deliver(messages: list[dict] | None = None) -> dict:
        messages = receive_all(stack.sqs, stack.queue_url) if messages is None else messages
        assert messages, "the S3 notification reached the queue"
        reply = lambda_handler(sqs_event(messages, stack.queue_arn), FakeLambdaContext())
        for m in messages:
            if m.get("synthetic"):
                continue
            if m["MessageId"] not in {f["itemIdentifier"] for f in reply["batchItemFailures"]}:
                stack.sqs.delete_message(QueueUrl=stack.queue_url, ReceiptHandle=m["ReceiptHandle"])
        return reply

    def items() -> list[dict]:
        return scan_all(stack.dynamodb, stack.table)

    def articles() -> list[dict]:
        """Every META, with the body and audit trail of its content item when they were placed there."""
        everything = items()
        texts = {i["pk"]: i for i in everything if i["sk"] == keys.CONTENT_SK}
        return [
            with_text(i, texts.get(keys.content_pk(str(i.get("content_key")))))
            for i in everything
            if i["sk"] == keys.ARTICLE_SK
        ]

    def sightings() -> list[dict]:
        """Every occurrence of every article: SEEN# items plus the first one, which META carries."""
        found = [
            {**i, "id": i["pk"].removeprefix(keys.article_pk(""))}
            for i in items()
            if i["sk"].startswith(keys.SIGHTING_PREFIX)
        ]
        for meta in articles():
            first = first_sighting(meta)
            if first is not None:
                found.append({**first, "id": meta["id"]})
        return found

    def bundles() -> list[dict]:
        return sorted((i for i in items() if i["sk"] == keys.STATUS_SK), key=lambda r: r["received_at"])

    def bundle_for(key: str) -> dict:
        records = [b for b in bundles() if b["key"] == key]
        assert len(records) >= 1, f"a bundle record for {key}"
        return records[-1]

    yield SimpleNamespace(
        drop=_drop,
        deliver=deliver,
        items=items,
        articles=articles,
        sightings=sightings,
        bundles=bundles,
        bundle_for=bundle_for,
        stack=stack,
    )
    wiring.reset()


@pytest.fixture(scope="module")
def seeded() -> Iterator[Api]:
    """Read-only tests share one provisioned stack (as the `stack` fixture builds it), ingested once."""
    with pytest.MonkeyPatch.context() as patch:
        for name in (
            "AWS_ENDPOINT_URL",
            "AWS_PROFILE",
            "AWS_DEFAULT_PROFILE",
            "AWS_CONFIG_FILE",
            "CURSOR_SECRET",
        ):
            patch.delenv(name, raising=False)
        environment = {
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_SECURITY_TOKEN": "testing",
            "AWS_SESSION_TOKEN": "testing",
            "AWS_DEFAULT_REGION": DEFAULT_REGION,
            "AWS_REGION": DEFAULT_REGION,
            "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
            "POWERTOOLS_TRACE_DISABLED": "true",
            **function_env(),
        }
        for name, value in environment.items():
            patch.setenv(name, value)
        with mock_aws():
            session = boto3.session.Session(region_name=DEFAULT_REGION)
            resources = provision(
                session, stack=DEFAULT_STACK, account_id=DEFAULT_ACCOUNT_ID, region=DEFAULT_REGION
            )
            clients = {name: session.client(name) for name in ("s3", "sqs", "dynamodb")}
            drain_queue(clients["sqs"], resources.queue_url)
            reset()
            stack = SimpleNamespace(bucket=resources.bucket, table=resources.table, **clients)
            seeded_api = seed(stack)
            # The real wiring, with the clock set just after the fixture's newest article and a 3-year floor:
            # walking the default 30 years of empty months in moto would make every listing test slow.
            service = wiring.lookup()
            service.now = lambda: FIXTURE_NOW
            service.floor_months = 36
            yield seeded_api
    reset()


@pytest.fixture
def api(stack) -> Iterator[Api]:
    """A fresh `stack` (conftest) filled the same way, for tests that change the stack or the environment."""
    reset()
    yield seed(stack)
    reset()
