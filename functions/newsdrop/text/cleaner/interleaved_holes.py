"""Cleaner stage after the line model: a crosshead the model dropped between paragraphs a repeated label separates."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence

# A dropped line the page prints this many times or more is a label set between its paragraphs (an ad slot's
# "Article content", "Advertisement"): the story's holes are read across it.
MIN_LABEL_PRINTINGS = 5

# At most this many label lines stand on each side of the hole (two ad slots back to back).
MAX_LABELS = 2


def interleaved_holes(
    kept: Sequence[bool],
    keys: Sequence[str],
    model_dropped: Sequence[bool],
    kind: Callable[[int], bool],
    printings: Mapping[str, int] | None = None,
) -> list[int]:
    """Indices of single lines the line model dropped between two kept lines, a repeated label apart.

    ``story_end.story_holes`` gives back a one-line hole the model made in the story (a crosshead, a short
    list item); on a page that sets a label between every two paragraphs (a dropped line printed
    ``MIN_LABEL_PRINTINGS`` times or more), each crosshead stands between two printings of the label and its hole
    is three lines long. Read across at most ``MAX_LABELS`` label lines on each side, the same label right over
    and right under it: a line the
    model, not a named rule, dropped (``model_dropped``), that ``kind(index)`` admits (``story_end.hole_kind``: printed
    once, no notice, no credit), with kept lines over and under the labels, is the story's.
    """
    printings = Counter(keys) if printings is None else printings
    # A label is a key printed that often: on a page printing no key that often (most), no line is read.
    if max(printings.values(), default=0) < MIN_LABEL_PRINTINGS:
        return []
    label = [not keep and printings[key] >= MIN_LABEL_PRINTINGS for keep, key in zip(kept, keys, strict=True)]
    if not any(label):
        # Most pages print no label that often: nothing to read across, and ``kind`` is never asked.
        return []
    found: list[int] = []
    for index in range(1, len(kept) - 1):
        if kept[index] or label[index] or not (model_dropped[index] and kind(index)):
            continue
        above = index - 1
        while above >= 0 and label[above] and index - above <= MAX_LABELS:
            above -= 1
        below = index + 1
        while below < len(kept) and label[below] and below - index <= MAX_LABELS:
            below += 1
        if keys[index - 1] != keys[index + 1] or not label[index - 1]:
            # The label printed on both sides, the page's separator between every two blocks (one label on one
            # side is a widget's heading: a video's, a related link's); no label is ``story_holes``' own hole.
            continue
        if above >= 0 and below < len(kept) and kept[above] and kept[below]:
            found.append(index)
    return found
