"""Cleaner stage after the line model: a quotation set over several lines inside the story (verse, lyrics) is the story's."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress

# An opening quotation mark and the marks that close it ("„...“" in German, "“...”" in English, «...»).
CLOSERS: dict[str, str] = {
    "„": "“”",
    "“": "”",
    '"': '"',
    "«": "»",
    "»": "«",
    "‚": "‘’",
    "‘": "’",
}


# A quotation printed over this many lines or more: a verse, a song's lines, a letter's; two lines of quotes
# are as often a teaser's headline and its quote.
MIN_QUOTED_LINES = 3


# The story's kept lines stand at most this far (one blank line) above and below the quotation.
STORY_REACH = 2


def quoted_lines(
    numbers: Sequence[int], texts: Sequence[str], kept: Sequence[bool], dropped: Sequence[bool]
) -> list[int]:
    """Indices of the lines of a quotation set over ``MIN_QUOTED_LINES`` lines or more in the story.

    A block of lines the line model dropped (``dropped``; a named line rule's verdict stands) with no blank
    line between them (``numbers`` one apart) whose first line opens with
    a quotation mark (``CLOSERS``), whose last line ends with the mark that closes it and where no line before
    the last closes it, with a kept line at most ``STORY_REACH`` lines above and below the block: the story
    quotes a verse or a song line by line, and the line model, reading short lines without a sentence's end,
    dropped them.
    """
    found: list[int] = []
    # Only a dropped line can open a block (``compress`` picks them in C), past the block read last.
    after = 0
    for index in compress(range(len(texts)), dropped):
        if index < after or (closers := CLOSERS.get(texts[index][:1])) is None:
            continue
        end = index
        while end + 1 < len(texts) and dropped[end + 1] and numbers[end + 1] == numbers[end] + 1:
            end += 1
        if _quotation(texts[index : end + 1], closers) and _inside(numbers, kept, index, end):
            found += range(index, end + 1)
        after = end + 1
    return found


def _quotation(block: Sequence[str], closers: str) -> bool:
    """Whether the block is one quotation: long enough, closed on its last line's end and not before."""
    if len(block) < MIN_QUOTED_LINES or block[-1].rstrip()[-1:] not in closers:
        return False
    opened = [block[0][1:], *block[1:-1], block[-1].rstrip()[:-1]]
    return not any(mark in line for line in opened for mark in closers)


def _inside(numbers: Sequence[int], kept: Sequence[bool], first: int, last: int) -> bool:
    """Whether kept lines stand right above and right below the block (at most ``STORY_REACH`` lines away)."""
    above = first > 0 and kept[first - 1] and numbers[first] - numbers[first - 1] <= STORY_REACH
    below = last + 1 < len(kept) and kept[last + 1] and numbers[last + 1] - numbers[last] <= STORY_REACH
    return above and below
