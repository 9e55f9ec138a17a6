"""Cleaner stage after the line model: two headlines printed as one block between the story's paragraphs are links."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress

# Each headline of the pair has at least this many words: a shorter line is a label, a name or a list's item.
MIN_WORDS = 3


def heading_pairs(
    numbers: Sequence[int], texts: Sequence[str], kept: Sequence[bool], headlines: Sequence[bool]
) -> list[int]:
    """Indices of the kept headline pairs set between two of the story's paragraphs.

    Two kept lines that read as headlines (``headlines``: short, no sentence end, no closing colon), each of
    ``MIN_WORDS`` words or more and not opening in lower case (a list's items do), printed with no blank
    line between them (``numbers`` one apart), with a kept paragraph that is no headline a blank line or more
    above and below: a crosshead stands alone over the prose it opens, where a related-links box, a teaser or
    a share row prints its links one under the other ("One virus, two Americas" / "Four out of five jobs
    affected by virus globally").
    """
    found: list[int] = []
    # The kept headline lines of ``MIN_WORDS`` words or more, each tested once (most lines are no headline:
    # ``compress`` passes over the dropped lines in C).
    heads = {line for line in compress(range(len(texts)), kept) if headlines[line] and _heading(texts[line])}
    for index in sorted(heads):
        if not 1 <= index < len(texts) - 2 or index + 1 not in heads:
            continue
        pair = (index, index + 1)
        if numbers[index + 1] != numbers[index] + 1:
            continue
        above, below = index - 1, index + 2
        if not (kept[above] and kept[below]) or headlines[above] or headlines[below]:
            continue
        if numbers[index] - numbers[above] >= 2 and numbers[below] - numbers[index + 1] >= 2:
            found += pair
    return found


def _heading(text: str) -> bool:
    words = text.split()
    return len(words) >= MIN_WORDS and not words[0][:1].islower()
