"""Sweeper Lambda (EventBridge schedule): resume or fail bundles left PROCESSING past their lease."""

from __future__ import annotations

from functools import cache
from typing import Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.typing import LambdaContext

from newsdrop.adapters import aws
from newsdrop.adapters.queue import IngestQueue
from newsdrop.adapters.table import ArticleTable
from newsdrop.config import get_settings
from newsdrop.ingest.sweeper import Sweeper

logger = Logger()
metrics = Metrics()


@cache
def sweeper() -> Sweeper:
    settings = get_settings()
    if not settings.queue_url:
        raise RuntimeError(
            "INGEST_QUEUE_URL is not set: the sweeper resumes bundles through the ingest queue"
        )
    queue = IngestQueue(aws.client("sqs"), settings.queue_url)
    table = ArticleTable(aws.client("dynamodb"), settings.table_name)
    return Sweeper(table, queue.send, max_receives=settings.max_receives)


def sweep_once() -> dict[str, Any]:
    """One sweep; the StuckBundles metric (alarmed in template.yaml) counts what it found."""
    report = sweeper().sweep()
    metrics.add_metric(name="StuckBundles", unit=MetricUnit.Count, value=report.stuck)
    if report.stuck:
        logger.warning("stuck bundles", extra={"resumed": report.resumed, "failed": report.failed})
    return {"stuck": report.stuck, "resumed": report.resumed, "failed": report.failed}


@metrics.log_metrics
@logger.inject_lambda_context
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return sweep_once()
