"""Cleaner stage after the line model: a lone paragraph the model kept far down in the page's footer."""

from __future__ import annotations

from collections.abc import Sequence

# Dropped lines closer than this part no island (``story_end._ISLAND_GAP_LINES``, two): a lone line has none
# kept within two lines of it.
_NEIGHBOUR_LINES = 2


# This many dropped lines or more part the line from the nearest kept one above: a footer's worth of widgets.
FOOTER_GAP_LINES = 18


# ... and holds under this share of the other kept text: a blurb or a notice, where a paper's abstract printed
# under the page's menus (the story itself, the kept text above it a header's) is as long as the rest or longer.
FOOTER_SHARE = 0.2


def footer_lines(kept: Sequence[bool], flipped: Sequence[bool], sizes: Sequence[int], end: int) -> list[int]:
    """Indices of the lone kept lines the line model took back from the page's footer.

    Past the rules' region (``end``: its last line) the rules drop every line as the site's footer: teaser
    lists, most-read boxes, the site's menus. The model keeps the odd paragraph-like line there (another
    story's blurb, a notice), ``flipped`` marking the lines it kept against the rules. Such a line standing
    alone (no kept line within ``_NEIGHBOUR_LINES`` of it) with ``FOOTER_GAP_LINES`` or more dropped lines above it
    down from the nearest kept one, holding under ``FOOTER_SHARE`` of the other kept text (``sizes``: each
    line's characters), is not the story: the story's own closing paragraphs past the region run in a block
    (``story_end.far_islands`` reads the blocks past a stretch of the region the model rejected).
    """
    count = len(kept)
    # Only a line the model kept past the region can go: on a page with none (most), no line is read.
    if not any(flipped[max(end + 1, 0) :]):
        return []
    total = sum(size for size, keep in zip(sizes, kept, strict=True) if keep)
    found: list[int] = []
    previous = -1
    for index in range(count):
        if not kept[index]:
            continue
        above, previous = previous, index
        if index <= end or not flipped[index] or above < 0 or index - above <= FOOTER_GAP_LINES:
            continue
        below = next((other for other in range(index + 1, count) if kept[other]), None)
        if below is not None and below - index <= _NEIGHBOUR_LINES:
            continue
        if sizes[index] >= FOOTER_SHARE * (total - sizes[index]):
            continue
        found.append(index)
    return found
