"""The `stack` fixture: template.yaml's bucket, queues and table provisioned into moto for one test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import boto3
import pytest
from moto import mock_aws

from infra.provision import DEFAULT_STACK, StackResources, drain_queue, provision
from infra.template import DEFAULT_ACCOUNT_ID, DEFAULT_REGION


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
