"""Cleaner stage after the line model: a run of kept lines that each open with a date is a feed, not the story."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsdrop.text.dates import find_date

# A date opens a line when it starts within this many characters (a bullet or a dash and a space before it).
_OPENING_CHARS = 2


# A feed lists at least this many dated entries in a row; one or two dated lines are the story's own
# ("12 March 2020: the first case ...") as often as a feed's.
_MIN_ENTRIES = 3


# An archive's month heading between its entries ("January 2020", "Mai 2021"): a word and a year.
_MONTH_HEADING = re.compile(r"[^\W\d_]{3,}\.?\s+(?:19|20)\d\d")


# Read this far into a line for its opening date.
_DATE_CHARS = 80


# An opening date prints a digit early ("01.01.2022", "Jan 30, 2020", "- September 15, 1987"): most lines,
# which open with a word and no digit, are ruled out by this regex without the date patterns.
_EARLY_DIGIT = re.compile(r"\D{0,14}\d")


def opens_with_date(text: str) -> bool:
    """Whether an absolute date (``dates.find_date``) opens the line and the entry's title follows it: a
    feed's or an archive's entry. A date followed by a colon labels a timeline's event ("Sept. 29, 1946:
    Rams first game ..."): the story's own chronology."""
    if _EARLY_DIGIT.match(text) is None:
        return False
    found = find_date(text[:_DATE_CHARS])
    return (
        found is not None
        and found.start <= _OPENING_CHARS
        and not text[found.end : found.end + _DATE_CHARS].lstrip().startswith(":")
    )


def month_heading(text: str) -> bool:
    """A month and year alone on a line: an archive's heading."""
    return _MONTH_HEADING.fullmatch(text.strip()) is not None


def dated_runs(kept: Sequence[bool], dated: Sequence[bool], headings: Sequence[bool]) -> list[int]:
    """Indices of the kept lines of a dated feed: teasers or archive entries the region ran into.

    Read over the kept lines in page order (dropped lines between them do not part a run): a run of kept
    lines that each open with a date (``dated``), with an archive's month headings (``headings``) among or
    right above them, holding ``_MIN_ENTRIES`` dated lines or more and closing the kept text, is a feed
    ("01.01.2022 - Formel 1 ...", "Jan 30, 2020 100 Ways to Say ... Jan 30, 2020"), however long its
    entries' blurbs. A dated run with the story's text below it is the story's own list.
    """
    run: list[int] = []
    entries = 0
    for index, keep in enumerate(kept):
        if not keep:
            continue
        if dated[index]:
            run.append(index)
            entries += 1
        elif headings[index]:
            if entries == 0:
                # Two headings in a row: only the last one heads the entries below it.
                run = []
            run.append(index)
        else:
            # The story's text: a dated run above it is its own list.
            run, entries = [], 0
    return run if entries >= _MIN_ENTRIES else []
