"""Logs, metrics and traces of both functions: one Powertools Logger, EMF metrics in one namespace, one Tracer."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager, nullcontext
from functools import cache
from typing import Any, TypeVar

from aws_lambda_powertools.logging import Logger
from aws_lambda_powertools.metrics import EphemeralMetrics, MetricUnit

T = TypeVar("T")
SERVICE = "newsdrop"
NAMESPACE = "newsdrop"
# Set by `python -m infra.local --trace`: traces outside Lambda, where Powertools switches them off.
TRACE_ENV = "NEWSDROP_TRACE"


class _Stdout(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stdout`` is at the time, as ``print`` does for the EMF lines (tests swap it)."""

    @property  # type: ignore[override]
    def stream(self) -> Any:
        return sys.stdout

    @stream.setter
    def stream(self, value: Any) -> None:
        """StreamHandler sets a stream once; this handler looks it up on every line instead."""


# Level from POWERTOOLS_LOG_LEVEL (the template sets INFO), else Lambda's advanced logging level.
logger = Logger(service=SERVICE, logger_handler=_Stdout())


# --- correlation keys ----------------------------------------------------------------------------
def bind(**keys: Any) -> None:
    """Add correlation keys to every following line of this thread (the local stack runs both functions)."""
    logger.thread_safe_append_keys(**{name: value for name, value in keys.items() if value is not None})


def unbind(*names: str) -> None:
    logger.thread_safe_remove_keys(list(names))


@contextmanager
def bound(**keys: Any) -> Iterator[None]:
    """Correlation keys for the lines logged inside the block only."""
    bind(**keys)
    try:
        yield
    finally:
        unbind(*keys)


_cold = True


@contextmanager
def invocation(context: Any, **keys: Any) -> Iterator[None]:
    """Lambda's own keys (request id, function name, cold start) and ``keys`` on every line of an invocation.

    In place of Powertools' ``inject_lambda_context``: thread-safe keys, as the local stack runs both
    functions in threads of one process, and a missing context (a test, ``sam local``) is no error.
    """
    global _cold
    lambda_keys = {
        "function_name": getattr(context, "function_name", None),
        "function_request_id": getattr(context, "aws_request_id", None),
        "cold_start": _cold,
    }
    _cold = False
    logger.thread_safe_clear_keys()
    with bound(**lambda_keys, **keys), _segment(lambda_keys["function_name"]):
        yield


def _segment(function_name: str | None) -> AbstractContextManager[Any]:
    """Outside Lambda (the local stack with --trace) nobody opens the invocation's segment: open one here."""
    active = tracer()
    if active is None or os.environ.get("LAMBDA_TASK_ROOT"):
        return nullcontext()
    # sampling=1: whoever asked for --trace wants every invocation; the SDK's default rule keeps one a second.
    return active.provider.in_segment(name=f"{SERVICE}-{function_name or 'function'}", sampling=1)


# --- traces --------------------------------------------------------------------------------------
def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


def tracing_enabled(environ: Mapping[str, str] = os.environ) -> bool:
    """On in Lambda unless POWERTOOLS_TRACE_DISABLED; off elsewhere unless NEWSDROP_TRACE asks for it."""
    if _truthy(environ.get(TRACE_ENV)):
        return True
    if _truthy(environ.get("POWERTOOLS_TRACE_DISABLED")):
        return False
    return bool(environ.get("LAMBDA_TASK_ROOT")) and not environ.get("AWS_SAM_LOCAL")


@cache
def tracer() -> Any:
    """The Powertools Tracer, patching botocore so every S3, DynamoDB, SQS and EventBridge call is a subsegment.

    None when tracing is off: the X-Ray SDK is then never imported (it costs cold start for nothing).
    """
    if not tracing_enabled():
        return None
    from aws_lambda_powertools.tracing import Tracer

    return Tracer(service=SERVICE, disabled=False, patch_modules=["botocore"])


def subsegment(name: str) -> AbstractContextManager[Any]:
    """A traced block (the X-Ray subsegment, to ``annotate``), or a no-op yielding None when untraced."""
    active = tracer()
    if active is None:
        return nullcontext()
    return active.provider.in_subsegment(name)


def annotate(segment: Any, **annotations: str | int | bool) -> None:
    """Searchable keys on a subsegment (e.g. bundle_id: X-Ray's "annotation.bundle_id = ..." finds it)."""
    if segment is not None:
        for key, value in annotations.items():
            segment.put_annotation(key, value)


def in_this_trace(fn: Callable[..., T]) -> Callable[..., T]:
    """``fn`` for a worker thread: its AWS calls join the caller's trace (X-Ray keeps it per thread)."""
    active = tracer()
    if active is None:
        return fn
    entity = active.provider.get_trace_entity()

    def traced(*args: Any, **kwargs: Any) -> T:
        active.provider.set_trace_entity(entity)
        try:
            return fn(*args, **kwargs)
        finally:
            active.provider.clear_trace_entities()

    return traced


# --- metrics -------------------------------------------------------------------------------------
def emit(metrics: Mapping[str, tuple[str, float]], *, dimensions: Mapping[str, str] | None = None) -> None:
    """Print one EMF line: ``metrics`` maps a name to (unit, value), all under the same ``dimensions``.

    Each call has its own metric set (EphemeralMetrics), so concurrent invocations of the local stack's
    threads never mix, and a bundle end or a request is one line. Dimensions must stay low-cardinality
    (status, format, error code, route): never a bundle id, key or article id.
    """
    if not metrics:
        return
    emf = EphemeralMetrics(namespace=NAMESPACE, service=SERVICE)
    for name, value in (dimensions or {}).items():
        emf.add_dimension(name=name, value=value)
    for name, (unit, value) in metrics.items():
        emf.add_metric(name=name, unit=MetricUnit(unit), value=value)
    emf.flush_metrics()
