"""Cleaner stage after the line model: a row of share buttons printed as one line ("Share this item on Facebook ...")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsdrop.text.cleaner.kept_lines import kept_where
from newsdrop.text.rule_registry import holds_any

# The networks and channels a share row offers; "X" counts only as a word of its own.
_NETWORK = re.compile(
    r"\b(?:facebook|twitter|x|linkedin|whatsapp|e-?mail|pinterest|reddit|telegram|flipboard|threads|bluesky"
    r"|xing|messenger)\b",
    re.IGNORECASE,
)
# Every row names one of these (lower-case): most lines hold none, and the pattern is read only then.
STEMS = ("facebook", "twitter", "linkedin", "whatsapp", "mail", "pinterest", "reddit", "telegram", "xing")
# A sentence end: a story's sentence naming networks ("posted on Facebook, X and Telegram.") has one.
_SENTENCE_END = re.compile(r"[.!?。]")

MIN_NETWORKS = 3
MAX_WORDS = 80


def share_row(text: str) -> bool:
    """Whether a line is a share row: 3 or more different networks named, no sentence end, at most 80 words."""
    # The sentence end first: found at once in prose, the run of most kept lines.
    if _SENTENCE_END.search(text) is not None or not holds_any(text.lower(), STEMS):
        return False
    if len(text.split()) > MAX_WORDS:
        return False
    return len({match.group(0).lower() for match in _NETWORK.finditer(text)}) >= MIN_NETWORKS


def share_rows(texts: Sequence[str], kept: Sequence[bool], maybe: Sequence[bool] | None = None) -> list[int]:
    """Indices of the kept lines that are share rows (``share_row``), among ``maybe``'s if given."""
    return kept_where(share_row, texts, kept, maybe)
