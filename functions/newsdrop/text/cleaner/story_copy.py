"""Cleaner stage after the line model: one long line that prints the story's kept paragraphs again, run together."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress

# A page may carry a second copy of its story on one line (a reader view's or a player's text, the paragraphs
# run together without their breaks): the kept paragraphs are found in it verbatim. Only a long line can hold
# several paragraphs; a story's paragraph that quotes a short kept line (a crosshead) holds one.
MIN_COPY_CHARS = 1000

# A paragraph counted in the copy is at least this long (a one-word crosshead is found in any paragraph).
MIN_PART_CHARS = 20

# The copy holds at least this many of the kept lines, and they make up this share of it: the story is kept
# without it (a summary that quotes a few of the story's sentences among its own is no copy).
MIN_PARTS = 3
MIN_COVER_SHARE = 0.95


def story_copies(texts: Sequence[str], kept: Sequence[bool]) -> list[int]:
    """The indexes of the kept lines at least ``MIN_COPY_CHARS`` long that hold ``MIN_PARTS`` or more other kept
    lines (each ``MIN_PART_CHARS`` or longer) verbatim, which make up ``MIN_COVER_SHARE`` of the line."""
    # The kept lines long enough to be a part, in page order, listed once (each copy read over them alone, not
    # over every line of the page): fewer than ``MIN_PARTS`` besides the copy, and no line holds a copy.
    parts_at = [index for index in compress(range(len(kept)), kept) if len(texts[index]) >= MIN_PART_CHARS]
    found: list[int] = []
    if len(parts_at) <= MIN_PARTS:
        return found
    for index in parts_at:
        text = texts[index]
        if len(text) < MIN_COPY_CHARS:
            continue
        parts = [
            len(other) for at in parts_at if at != index and at not in found and (other := texts[at]) in text
        ]
        if len(parts) >= MIN_PARTS and sum(parts) >= MIN_COVER_SHARE * len(text):
            found.append(index)
    return found
