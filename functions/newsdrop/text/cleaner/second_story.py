"""Cleaner stage after the line model: a second story the page prints below the first, its header printed again."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from newsdrop.text.dates import find_date

# The header's lines are read this many lines under the headline (the standfirst, a picture, the byline block,
# a summary box's label and notice, its button).
HEADER_REACH = 16

# A header line printed again is at most this many words: a label, a notice, a byline or a date line (a
# paragraph printed twice is a teaser's or a pull quote's, ``story_end.kept_repeats``).
MAX_LABEL_WORDS = 12

# At least this many of the header's lines are printed again, each exactly twice on the page (a label every
# entry of a live blog or a teaser list prints is printed more often) ...
MIN_REPEATS = 2

# ... within this many lines of one another: one header block printed again.
WINDOW = 12

# The first story holds at least this many kept characters between its header and the second story, and the
# second at least as many under its header.
MIN_STORY_CHARS = 400

# At most this many lines stand between the headline and the header's first dropped line (the standfirst, a
# picture's caption, a kicker): the second story's as many lines over its dropped byline block are its own.
MAX_HEAD_LINES = 4

_DIGIT = re.compile(r"\d")


def _shape(text: str) -> str | None:
    """A date line's shape, its digits masked ("Publisert 06.01.2026 - 17:29" -> "Publisert 00.00.0000 - 00:00");
    None for a line that prints no date."""
    return _DIGIT.sub("0", text) if find_date(text) is not None else None


def second_story(
    kept: Sequence[bool],
    texts: Sequence[str],
    keys: Sequence[str],
    title: int | None,
    printings: Mapping[str, int] | None = None,
) -> list[int]:
    """Indices of the kept lines of a second story the page prints below the story, from its headline down.

    A site that runs its next story under the first prints that story's header again: the same labels and
    notices (a summary box's "In short" label and its machine-summary notice) under a byline block whose date
    line has the first one's shape and another date or time. Read from the headline (``title``, the printing
    over the story's region): ``MIN_REPEATS`` or more lines of at most ``MAX_LABEL_WORDS`` words among the
    ``HEADER_REACH`` lines under it, printed exactly twice on the page, printed again within ``WINDOW`` lines of
    one another, right under a run of at most ``WINDOW`` dropped lines that holds a new date line of the shape
    of a dropped date line of the header (``_shape``), with at least ``MIN_STORY_CHARS`` of kept text both
    above (the story) and below (the next story), open the second story's header. Its headline, standfirst and
    caption stand over the dropped run as many lines as the first story's stand between its headline and its
    first dropped line (at most ``MAX_HEAD_LINES``): they and every kept line under them go. ``printings`` counts
    each key's lines on the page, where the caller has it.

    A live blog's entries print their stamps and labels at every entry (more than twice on the page) and a
    share row printed again under the story stands under no new date line; a table of contents' headings
    printed again as the story's crossheads have no date line over them.
    """
    if title is None:
        return []
    reach = range(title + 1, min(len(keys), title + 1 + HEADER_REACH))
    first_dropped = next((index for index in reach if not kept[index]), None)
    if first_dropped is None or first_dropped - title > MAX_HEAD_LINES:
        return []
    if printings is None:
        printings = Counter(keys)
    header = {
        keys[index]
        for index in reach
        if keys[index] and printings[keys[index]] == 2 and keys[index].count(" ") < MAX_LABEL_WORDS
    }
    if len(header) < MIN_REPEATS:
        # Most pages print no label of the header twice: their date lines are not read.
        return []
    stamps = {keys[index] for index in reach if not kept[index] and _shape(texts[index]) is not None}
    shapes = {_shape(texts[index]) for index in reach if keys[index] in stamps}
    if not shapes:
        return []
    end = reach.stop
    again = [index for index in range(end, len(keys)) if keys[index] in header]
    for position, first in enumerate(again):
        group = [index for index in again[position:] if index - first <= WINDOW]
        if len({keys[index] for index in group}) < MIN_REPEATS:
            continue
        top = first
        while top - 1 >= end and not kept[top - 1]:
            top -= 1
        if first - top > WINDOW:
            # A long dropped run over the repeats is a feed or a box's links, not a byline block.
            continue
        if not any(
            keys[index] not in stamps and _shape(texts[index]) in shapes
            for index in range(top, group[-1] + 1)
        ):
            continue
        start = top - (first_dropped - title)
        story = sum(len(texts[index]) for index in range(end, start) if kept[index])
        second = sum(len(texts[index]) for index in range(group[-1], len(texts)) if kept[index])
        if start < end or min(story, second) < MIN_STORY_CHARS:
            continue
        return [index for index in range(start, len(keys)) if kept[index]]
    return []
