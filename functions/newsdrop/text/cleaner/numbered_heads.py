"""HTML main content: a numbered crosshead of the story's list ("5. Beware the ...") that a link-list rule dropped."""

from __future__ import annotations

import re
from collections.abc import Sequence

# A numbered heading: its number, the mark after it and its words ("5. Beware the wall-mounted hairdryer",
# "3) Don't use a wooden luggage rack").
_NUMBERED = re.compile(r"^(\d{1,2})([.)]) +\S")
# A heading is a line of a few words; a numbered paragraph runs on.
HEADING_MAX_WORDS = 16


def _number(text: str) -> tuple[int, str] | None:
    """The heading's number and its mark, when the line is a numbered heading of at most ``HEADING_MAX_WORDS``."""
    found = _NUMBERED.match(text)
    if found is None or len(text.split()) > HEADING_MAX_WORDS:
        return None
    return int(found[1]), found[2]


def numbered_heads(texts: Sequence[str], kept: Sequence[bool], headings: Sequence[bool]) -> list[int]:
    """The indexes of the dropped lines that number the story's list between two of its kept crossheads
    (``headings``): "4. ..." kept above, "6. ..." kept below, "5. ..." dropped between them.

    A "Read more" link or a related box set into the story makes the line rules read the heading under it as
    one of the box's links; the numbers on either side say it is the story's own."""
    numbers = [_number(text) for text in texts]
    found: list[int] = []
    for index, number in enumerate(numbers):
        if kept[index] or number is None:
            continue
        above = next((i for i in range(index - 1, -1, -1) if kept[i] and headings[i]), None)
        below = next((i for i in range(index + 1, len(texts)) if kept[i] and headings[i]), None)
        if above is None or below is None:
            continue
        if numbers[above] == (number[0] - 1, number[1]) and numbers[below] == (number[0] + 1, number[1]):
            found.append(index)
    return found
