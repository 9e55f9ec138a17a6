"""Cleaner stage after the line model: an island cut below the story that the later stages joined to it again."""

from __future__ import annotations

from collections.abc import Sequence

from newsdrop.text.cleaner.story_end import _ISLAND_GAP_LINES as ISLAND_GAP_LINES

# The island stages (``story_end.trailing_islands``, ``far_islands``): they judge the kept lines as the line model
# left them, before the stages after it take back the story's own lines.
_ISLAND_RULES = frozenset({"trailing_island", "far_island"})


def rejoined_islands(kept: Sequence[bool], rules: Sequence[str | None]) -> list[int]:
    """Indices of island lines that stand within the island gap under a kept line, each taken in page order.

    The island stages dropped a run of kept lines parted from the story by ``ISLAND_GAP_LINES`` or more
    dropped lines. Where a stage after the model took a line in that gap back (a numbered section's heading,
    an ingredient list, a list's entry), the run is no island any more: it continues the story under that line.
    An island line fewer than ``ISLAND_GAP_LINES`` dropped lines under a kept line (or under one taken back
    here) is the story's; an island that still stands apart stays dropped.
    """
    found: list[int] = []
    # Only an island line can be taken: on a page without one (most), no line is read.
    if _ISLAND_RULES.isdisjoint(rules):
        return found
    last = -1
    for index, keep in enumerate(kept):
        if keep:
            last = index
        elif rules[index] in _ISLAND_RULES and last >= 0 and index - last - 1 < ISLAND_GAP_LINES:
            found.append(index)
            last = index
    return found
