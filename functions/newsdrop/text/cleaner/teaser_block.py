"""Cleaner stage after the line model: a tight block of teasers under a "Related" label, set in a story of paragraphs."""

from __future__ import annotations

from collections.abc import Sequence

# The block under the label holds at least this many lines: one or two lines are a paragraph split in two.
MIN_TEASERS = 3


# The story's kept lines above the label whose spacing is read: this many gaps between them.
STORY_GAPS = 3


def teaser_blocks(numbers: Sequence[int], kept: Sequence[bool], labels: Sequence[bool]) -> list[int]:
    """Indices of the kept lines of a teaser block under a related-links label.

    ``numbers`` are the lines' numbers in the text (a blank line between two lines is a gap of 2 or more).
    Under a line ``labels`` marks ("Lesen Sie auch", "Related coverage", "Most Read"), at most one blank line
    down, a block of ``MIN_TEASERS`` or more kept lines with no blank line between them, where the story's
    last ``STORY_GAPS`` + 1 kept lines above the label each stand a blank line apart: the page prints its
    paragraphs apart and its list of other pages' teasers ("Headline Teaser sentence ...") as one block. A
    story printed as one block (no blank lines between its paragraphs) is left alone: there the block under
    the label may be the story's text resuming.
    """
    found: list[int] = []
    for index, label in enumerate(labels):
        if not label or index + 1 >= len(numbers) or not kept[index + 1]:
            continue
        if numbers[index + 1] - numbers[index] > 2:
            continue
        block = [index + 1]
        while (
            block[-1] + 1 < len(numbers)
            and kept[block[-1] + 1]
            and numbers[block[-1] + 1] == numbers[block[-1]] + 1
        ):
            block.append(block[-1] + 1)
        if len(block) < MIN_TEASERS:
            continue
        above = [other for other in range(index - 1, -1, -1) if kept[other]][: STORY_GAPS + 1]
        if len(above) < STORY_GAPS + 1:
            continue
        if all(numbers[upper] - numbers[lower] >= 2 for lower, upper in zip(above[1:], above, strict=False)):
            found += block
    return sorted(set(found))
