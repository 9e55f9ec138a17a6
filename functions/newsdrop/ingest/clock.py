"""Timestamps of the ingest: UTC, ISO 8601 with milliseconds, and durations across continuations."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def millis_between(start_iso: str | None, end: datetime, *, fallback: float) -> int:
    """Wall time since the first invocation started (continuations included)."""
    try:
        start = datetime.fromisoformat(str(start_iso).replace("Z", "+00:00"))
    except ValueError:
        return int(fallback * 1000)
    return max(0, int((end - start).total_seconds() * 1000))
