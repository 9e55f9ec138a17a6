"""Process-wide tally of cleaning fallbacks, which the ingest reports as its CleaningFallbacks metric."""

from __future__ import annotations

from collections import Counter

# "html_text": the extractor found no main content, the page's whole text was cleaned instead;
# "no_prose": the line cleaner found no prose region and kept every unclaimed line.
FALLBACKS: Counter[str] = Counter()


def note(kind: str) -> None:
    FALLBACKS[kind] += 1


def total() -> int:
    return sum(FALLBACKS.values())
