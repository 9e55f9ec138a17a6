"""Lazily created, cached boto3 clients that honour AWS_ENDPOINT_URL (local stack, moto server)."""

from __future__ import annotations

import os
from functools import cache
from typing import Any

from newsdrop.config import get_settings


@cache
def client(service: str) -> Any:
    """One client per service per process; boto3 reads AWS_ENDPOINT_URL itself, passed here for old botocores.

    boto3 is imported here, on the first client, not when a handler module loads: a /health call or an
    S3 test event never needs it, and the handlers' cold import stays within 1.5x of boto3's own.

    A service's own AWS_ENDPOINT_URL_<SERVICE> wins, as in boto3: the local stack's table is not on the
    endpoint of its bucket and queues.
    """
    import boto3
    from botocore.config import Config

    from newsdrop.observe import tracer

    tracer()  # with tracing on, X-Ray patches botocore before the first client: every call is a subsegment

    retries = Config(retries={"max_attempts": 8, "mode": "adaptive"}, connect_timeout=5, read_timeout=60)
    settings = get_settings()
    endpoint = os.environ.get(f"AWS_ENDPOINT_URL_{service.upper()}") or settings.endpoint_url
    return boto3.session.Session().client(
        service, region_name=settings.region, endpoint_url=endpoint, config=retries
    )


def reset_clients() -> None:
    """Forget cached clients (tests switch endpoints and credentials between cases)."""
    client.cache_clear()
