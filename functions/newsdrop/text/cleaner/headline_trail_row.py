"""Headline stage, a menu row beside its breadcrumb trail: a line made wholly of steps of a trail printed near it."""

from __future__ import annotations

import re

from newsdrop.text.cleaner.lines import _Line

# A trail's steps between spaced arrows or chevrons ("Home › Section › Topic › Story").
_STEP = re.compile(r"\s+[»›>]\s+")
# A trail has this many steps at least (a "Title > Site" pair is no trail).
_TRAIL_MIN_STEPS = 3
# The row repeats this many of the trail's steps at least: one step alone is a section's name, maybe a kicker.
_ROW_MIN_STEPS = 2
# A row repeating a trail's steps is short: a longer line (a headline, a teaser) is not read against trails.
_ROW_MAX_WORDS = 12
# The trail is printed within this many lines (blank lines not counted) over or under the row: its block.
_NEAR_LINES = 4
# What is left of the row once the steps are taken out: spaces and the marks between menu items only.
_LEFTOVER = re.compile(r"[\s|·•/,;:–—-]*")


def _trails_near(lines: list[_Line], index: int) -> list[str]:
    """The lines printing an arrow among the ``_NEAR_LINES`` printed lines over and under the line (blank lines
    skipped): the trails that may stand beside it. Plain loops: this runs for every candidate that would lead."""
    found: list[str] = []
    for step in (-1, 1):
        at, printed = index + step, 0
        while 0 <= at < len(lines) and printed < _NEAR_LINES:
            text = lines[at].text
            if lines[at].key:
                printed += 1
                if ">" in text or "›" in text or "»" in text:
                    found.append(text)
            at += step
    return found


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
    if lines[index].words > _ROW_MAX_WORDS or _STEP.search(row) is not None:
        return False
    for text in _trails_near(lines, index):
        steps = [step.strip() for step in _STEP.split(text)]
        if len(steps) >= _TRAIL_MIN_STEPS and _covers(row, steps):
            return True
    return False
