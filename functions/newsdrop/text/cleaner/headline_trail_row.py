"""Headline stage, a menu row beside its breadcrumb trail: a line made wholly of steps of a trail printed near it."""

from __future__ import annotations

import re
from itertools import islice

from newsdrop.text.cleaner.lines import _Line

# A trail's steps between spaced arrows or chevrons ("Home › Section › Topic › Story").
_STEP = re.compile(r"\s+[»›>]\s+")
# A trail has this many steps at least (a "Title > Site" pair is no trail).
_TRAIL_MIN_STEPS = 3
# The row repeats this many of the trail's steps at least: one step alone is a section's name, maybe a kicker.
_ROW_MIN_STEPS = 2
# The trail is printed within this many lines (blank lines not counted) over or under the row: its block.
_NEAR_LINES = 4
# What is left of the row once the steps are taken out: spaces and the marks between menu items only.
_LEFTOVER = re.compile(r"[\s|·•/,;:–—-]*")


def _printed_near(lines: list[_Line], index: int) -> list[_Line]:
    """The printed lines within ``_NEAR_LINES`` over and under the line (blank lines skipped)."""
    # Lazily: the walk stops at the fourth printed line each way, however long the page.
    above = islice((lines[at] for at in range(index - 1, -1, -1) if lines[at].key), _NEAR_LINES)
    below = islice((lines[at] for at in range(index + 1, len(lines)) if lines[at].key), _NEAR_LINES)
    return [*above, *below]


def _covers(row: str, steps: list[str]) -> bool:
    """The row is made of ``_ROW_MIN_STEPS`` or more of the steps and nothing else but spaces and separators."""
    rest = row.casefold()
    found = 0
    # Longest first: a step may hold a shorter one ("Energy & Climate" holds "Energy").
    for step in sorted({step.casefold() for step in steps if step}, key=len, reverse=True):
        if step in rest:
            found += 1
            rest = rest.replace(step, " ")
    return found >= _ROW_MIN_STEPS and _LEFTOVER.fullmatch(rest) is not None


def repeats_trail(lines: list[_Line], index: int) -> bool:
    """The line prints again, and only, two or more steps of a breadcrumb trail (three steps or more between spaced
    arrows) printed within ``_NEAR_LINES`` lines of it: the trail's sections as a menu row ("Tech Gadgets" by "Home
    › Tech › Gadgets › Article"), never the headline. A headline holding a step's word holds other words too."""
    row = lines[index].text
    if _STEP.search(row) is not None:
        return False
    for line in _printed_near(lines, index):
        steps = [step.strip() for step in _STEP.split(line.text)]
        if len(steps) >= _TRAIL_MIN_STEPS and _covers(row, steps):
            return True
    return False
