"""Sweeper Lambda (EventBridge schedule): resume or fail bundles left PROCESSING past their lease."""

from __future__ import annotations

from functools import cache
from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from newsdrop import wiring
from newsdrop.adapters import aws
from newsdrop.adapters.queue import IngestQueue
from newsdrop.ingest.sweeper import Sweeper
from newsdrop.observe import emit, logger


@cache
def sweeper() -> Sweeper:
    settings = wiring.settings()
    if not settings.queue_url:
        raise RuntimeError(
            "INGEST_QUEUE_URL is not set: the sweeper resumes bundles through the ingest queue"
        )
    queue = IngestQueue(aws.client("sqs"), settings.queue_url)
    return Sweeper(wiring.store(), queue.send, max_receives=settings.max_receives)


def sweep_once() -> dict[str, Any]:
    """One sweep; the StuckBundles metric (alarmed in template.yaml) counts what it found."""
    report = sweeper().sweep()
    emit({"StuckBundles": ("Count", report.stuck)})
    if report.stuck:
        logger.warning("stuck bundles", extra={"resumed": report.resumed, "failed": report.failed})
    return {"stuck": report.stuck, "resumed": report.resumed, "failed": report.failed}


@logger.inject_lambda_context
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return sweep_once()
