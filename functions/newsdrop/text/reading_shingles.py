"""Readings compared as 4-token shingle multisets: how much two say the same, how much of a line one holds."""

from __future__ import annotations

import re
from collections import Counter

_TOKEN = re.compile(r"\w+")
# Agreement is measured on 4-token shingles, the unit make eval scores bodies in.
_SHINGLE = 4


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """``text``'s 4-token shingles (a text of fewer tokens is one shingle of them all)."""
    tokens = _TOKEN.findall(text)
    if len(tokens) < _SHINGLE:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + _SHINGLE]) for i in range(len(tokens) - _SHINGLE + 1))


def agreement(text: str, other: str) -> float:
    """How much two readings of a page say the same: the F1 of their 4-token shingle multisets (0 to 1)."""
    mine, theirs = shingles(text), shingles(other)
    shared = sum((mine & theirs).values())
    total = sum(mine.values()) + sum(theirs.values())
    return 2.0 * shared / total if total else 0.0


def held_share(text: str, held: Counter[tuple[str, ...]]) -> float:
    """The share of ``text``'s shingles that ``held`` (the shingles of a reading) already has."""
    mine = shingles(text)
    total = sum(mine.values())
    return sum((mine & held).values()) / total if total else 0.0


def unshingled(text: str) -> bool:
    """Whether ``text`` is too short to hold a whole shingle (``held_share`` then tells nothing of its words)."""
    return len(_TOKEN.findall(text)) < _SHINGLE
