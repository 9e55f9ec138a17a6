"""The ingest's EMF metrics, read off each outcome: bundles finished, articles, errors, bytes, time, fallbacks."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsdrop.observe import emit
from newsdrop.text import fallbacks

if TYPE_CHECKING:
    from newsdrop.ingest.pipeline import Outcome

UNKNOWN_FORMAT = "unknown"


@dataclass(frozen=True, slots=True)
class Mark:
    """Process counters before one ingest run; the difference after it is that run's share."""

    bytes_read: int
    fallbacks: int


def mark(bytes_read: int) -> Mark:
    return Mark(bytes_read=bytes_read, fallbacks=fallbacks.total())


def report(outcome: Outcome, since: Mark, bytes_read: int) -> None:
    """Emit one run's metrics. A duplicate delivery of a finished bundle emits nothing: it was counted."""
    if outcome.skipped_as_duplicate:
        return
    run: dict[str, tuple[str, float]] = {
        "BytesRead": ("Bytes", max(0, bytes_read - since.bytes_read)),
        "CleaningFallbacks": ("Count", max(0, fallbacks.total() - since.fallbacks)),
    }
    if outcome.continued:
        emit({**run, "Continuations": ("Count", 1)})
        return
    record = outcome.record
    counts = record.get("counts") or {}
    articles = int(counts.get("articles") or 0)
    duration_ms = int(record.get("duration_ms") or 0)
    run.update(
        ArticlesNew=("Count", int(counts.get("new") or 0)),
        ArticlesDuplicate=("Count", int(counts.get("duplicates") or 0)),
        IngestDuration=("Milliseconds", duration_ms),
        ArticlesPerSecond=("Count/Second", round(articles * 1000 / duration_ms, 3) if duration_ms else 0),
    )
    emit(run)
    emit(
        {"BundlesFinished": ("Count", 1)},
        dimensions={"Status": str(outcome.status), "Format": str(record.get("format") or UNKNOWN_FORMAT)},
    )
    # The record keeps the first 100 member errors: codes beyond them are in errors_truncated only.
    codes = Counter(str(error.get("code")) for error in record.get("errors") or [])
    for code, count in sorted(codes.items()):
        emit({"MemberErrors": ("Count", count)}, dimensions={"Code": code})
