"""Cleaner stage after the line model: a live ticker's entries, each under its minute stamp, run to the match's start."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress

from newsdrop.text.cleaner.lines import _ends_sentence

# A ticker's minute stamp alone on its line: "14'", "90+3’", "45′".
_STAMP = re.compile(r"\d{1,3}(?:\+\d{1,2})?['’′]")
# The marks that close a stamp.
_MARKS = "'’′"


# A ticker prints this many stamps at least: a score box prints one or two (the goals' minutes).
MIN_STAMPS = 5


# An entry is a sentence of this many words at least: a substitution's "Sortie de X" or a score line is shorter
# or ends no sentence.
MIN_ENTRY_WORDS = 4


# The rules that drop a line for where it stands, not for what it says: the model, its smoothing, the island
# stages below the story.
_SOFT_RULES = ("line_model", "trailing_island", "far_island", "trailing_chrome")


def minute_stamp(text: str) -> bool:
    """Whether a line is a live ticker's minute stamp alone (``_STAMP``)."""
    return _STAMP.fullmatch(text.strip()) is not None


def ticker_entries(
    texts: Sequence[str],
    kept: Sequence[bool],
    rules: Sequence[str | None],
    sizes: Sequence[int] | None = None,
) -> list[int]:
    """Indices of a live ticker's dropped entries where the ticker is the story, else [].

    A live ticker prints its entries newest first, each under or over its minute stamp (``minute_stamp``); at
    least ``MIN_STAMPS`` stamps make one. Where the page keeps most of the ticker's sentences, the ticker is the
    story, and the model's island stages cut its oldest entries (the match's first minutes, at the page's
    bottom, read as an island below the story): the sentences of ``MIN_ENTRY_WORDS`` words or more from the
    line over the first stamp to the line under the last, dropped for their place (``_SOFT_RULES``), are the story's.
    """
    # ``sizes``: the lines' characters, where the caller has them (a stamp is short: the others are not read).
    if sizes is None:
        sizes = [len(text) for text in texts]
    short = [size < 12 for size in sizes]
    # Every stamp holds a minute mark: where the short lines hold fewer marks than a ticker has stamps (most
    # pages), no line is read.
    marks = "\n".join(compress(texts, short))
    if sum(marks.count(mark) for mark in _MARKS) < MIN_STAMPS:
        return []
    stamps = [index for index in compress(range(len(texts)), short) if minute_stamp(texts[index])]
    if len(stamps) < MIN_STAMPS:
        return []
    span = range(max(stamps[0] - 1, 0), min(stamps[-1] + 2, len(texts)))
    entries = [
        index
        for index in span
        if len(texts[index].split()) >= MIN_ENTRY_WORDS and _ends_sentence(texts[index])
    ]
    if sum(1 for index in entries if kept[index]) * 2 < len(entries):
        return []
    return [index for index in entries if not kept[index] and (rules[index] or "").startswith(_SOFT_RULES)]
