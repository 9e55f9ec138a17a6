"""Cleaner stage after the line model: a post's meta row (published and updated dates, author, tags) kept as text."""

from __future__ import annotations

from newsdrop.text.cleaner.lines import _ends_sentence
from newsdrop.text.dates import find_date

# Read this far past a date for the next one.
_DATE_CHARS = 80


# The second date follows the first within this many characters: a space, a slash, a spaced dash or bar.
_GAP_CHARS = 3


def post_meta_row(text: str) -> bool:
    """Whether a line that opens with a date (the caller's ``dated_runs.opens_with_date``) prints a second date
    right after it (``_GAP_CHARS``) and ends no sentence: a blog theme's meta row, the post's published and
    updated dates, then its author, categories or tags ("20. April 2017 13. Juni 2017 Matthias Weber Amazon,
    Big Data, Chatbots"), or an archive's date range. The story's prose names two dates in a sentence, never
    as a bare pair opening a line that does not end as one."""
    if _ends_sentence(text):
        return False
    first = find_date(text[:_DATE_CHARS])
    if first is None:
        return False
    second = find_date(text[first.end : first.end + _DATE_CHARS])
    return second is not None and second.start <= _GAP_CHARS
