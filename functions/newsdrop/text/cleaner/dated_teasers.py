"""Cleaner stage after the line model: other pages' teaser blurbs below the story, each under its dropped date line."""

from __future__ import annotations

from collections.abc import Sequence

from newsdrop.text.cleaner.story_end import islands
from newsdrop.text.dates import find_date

# A line of at most this many words that prints a date is a teaser's date line ("2024-10-14", "12. März 2024").
DATE_MAX_WORDS = 5

# A teaser's blurb is an island of at most this many kept lines (the blurb, a credit or a second sentence) ...
MAX_TEASER_LINES = 2

# ... and a list holds at least this many such islands: one is a story's closing paragraph under its own date.
MIN_TEASERS = 2


def date_only(text: str) -> bool:
    """A short line that prints a date and little else: a teaser's date line or a timestamp."""
    return len(text.split()) <= DATE_MAX_WORDS and find_date(text) is not None


def dated_teasers(kept: Sequence[bool], texts: Sequence[str]) -> list[int]:
    """Indices of the kept lines in a list of teasers below the story whose blurbs each stand under a date.

    A list of other pages' teasers prints each item as a headline, a date line and a blurb; the model drops
    the headline and the date and keeps the blurb, a paragraph long enough that ``story_end.trailing_islands``
    reads it as the story's. Below the story's island
    (the largest by characters), the islands of at most ``MAX_TEASER_LINES`` kept lines whose first line stands
    right under a dropped date line (``date_only``) are the list's blurbs when there are ``MIN_TEASERS`` or more of them; a
    story's own paragraphs past a widget carry no date line each.
    """
    found = islands(kept, [len(text) for text in texts])
    if len(found) < MIN_TEASERS + 1:
        return []
    story = max(range(len(found)), key=lambda number: found[number][2])
    blurbs = [
        (first, last)
        for first, last, _, count in found[story + 1 :]
        if count <= MAX_TEASER_LINES and first > 0 and not kept[first - 1] and date_only(texts[first - 1])
    ]
    if len(blurbs) < MIN_TEASERS:
        return []
    return [index for first, last in blurbs for index in range(first, last + 1) if kept[index]]
