"""Cleaner stage after the line model: small islands of kept text printed below the story are dropped."""

from __future__ import annotations

from collections.abc import Sequence

# Two or more dropped lines (a share row, a "related" heading, teaser titles the model dropped) part an island.
_ISLAND_GAP_LINES = 2


# An island after the story holding less than this share of the story's characters is not the story ...
_ISLAND_SHARE = 0.12


# ... unless it holds more kept lines than this: the story's closing section after a widget runs longer,
# a teaser's blurb, an author box, a pitch or a comment is a line or three.
_ISLAND_MAX_LINES = 3


def islands(kept: Sequence[bool], sizes: Sequence[int]) -> list[tuple[int, int, int, int]]:
    """The page's runs of kept lines parted by at least ``_ISLAND_GAP_LINES`` dropped lines.

    Each island is (first index, last index, characters kept, lines kept); ``sizes`` are the lines'
    characters.
    """
    found: list[tuple[int, int, int, int]] = []
    gap = 0
    for index, keep in enumerate(kept):
        if not keep:
            gap += 1
            continue
        if not found or gap >= _ISLAND_GAP_LINES:
            found.append((index, index, 0, 0))
        first, _, chars, count = found[-1]
        found[-1] = (first, index, chars + sizes[index], count + 1)
        gap = 0
    return found


def trailing_islands(kept: Sequence[bool], sizes: Sequence[int]) -> list[int]:
    """Indices of the kept lines in small islands below the story's island (the largest by characters).

    After the line model the story is one large island of kept lines; what the rules' region held below
    it and the model still keeps past a gap of dropped lines (a teaser's blurb under its dropped title,
    an author box or a pitch under a share row, a comment under its dropped header) is a line or three
    with a small share of the story's text. Islands above the story are left alone: a standfirst or
    the lead printed above a picture credit looks the same there.
    """
    found = islands(kept, sizes)
    if len(found) < 2:
        return []
    story = max(range(len(found)), key=lambda number: found[number][2])
    story_chars = found[story][2]
    dropped: list[int] = []
    for first, last, chars, count in found[story + 1 :]:
        if chars < _ISLAND_SHARE * story_chars and count <= _ISLAND_MAX_LINES:
            dropped += [index for index in range(first, last + 1) if kept[index]]
    return dropped
