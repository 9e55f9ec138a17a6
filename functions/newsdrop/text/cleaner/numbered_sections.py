"""Cleaner stage after the line model: the headings of a story's numbered sections ("1. ...", "2. ...") are the story's."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress, pairwise

from newsdrop.text.cleaner.gallery import digit_led

# A section's number opens its heading: "3. Don't use a wooden luggage rack", "2) Take inventory".
_NUMBERED = re.compile(r"^\s*(\d{1,2})[.)]\s+\S")


# A story numbers at least this many sections, one after another ...
_MIN_SECTIONS = 3


# ... with text between them: a heading stands this many lines (the median) after the one before. Numbered
# lines that follow each other directly are a list (a ranking, a "most read" feed, a form's error messages).
_MIN_SECTION_LINES = 2


# A first heading this many lines below the story's last kept line still continues it (a listicle's sections
# under its introduction, past a picture and its caption).
_REACH_LINES = 10


# Rules whose lines a numbered heading is never taken back from: a reader's comment, a list of links.
_NEVER = frozenset({"comment_section", "link_list"})


def section_number(text: str) -> int | None:
    """The number opening a numbered heading, or None."""
    found = _NUMBERED.match(text)
    return int(found.group(1)) if found is not None else None


def _runs(numbers: Sequence[int | None]) -> list[list[int]]:
    """Runs of lines numbered one after another (k, k + 1, ...), in page order, of ``_MIN_SECTIONS`` or more."""
    runs: list[list[int]] = []
    run: list[int] = []
    previous = 0
    for index, number in enumerate(numbers):
        if number is None:
            continue
        run = [*run, index] if run and number == previous + 1 else [index]
        previous = number
        if len(run) == _MIN_SECTIONS:
            runs.append(run)
        elif len(run) > _MIN_SECTIONS:
            runs[-1] = run
    return runs


def numbered_sections(
    kept: Sequence[bool], texts: Sequence[str], rules: Sequence[str | None], led: Sequence[int] | None = None
) -> list[int]:
    """Indices of the dropped headings of the story's numbered sections.

    A listicle or a how-to numbers its sections ("1. Evergrande owned ...", "2. ..."), each heading over a
    paragraph, a picture or a product box; the line model reads a short heading as a teaser title and drops
    some. A run of ``_MIN_SECTIONS`` or more headings numbered one after another, standing
    ``_MIN_SECTION_LINES`` or more lines apart, that the story holds (a kept line between its first and last
    heading, or its first heading at most ``_REACH_LINES`` below the story's last kept line) is the story's:
    its dropped headings come back, unless a comment or link-list rule dropped them. ``led`` is
    ``gallery.digit_led(texts)`` where the caller has it: only those lines can open with a number.
    """
    kept_lines = list(compress(range(len(kept)), kept))
    if not kept_lines:
        return []
    last_kept = kept_lines[-1]
    found: list[int] = []
    numbers: list[int | None] = [None] * len(texts)
    for index in digit_led(texts) if led is None else led:
        numbers[index] = section_number(texts[index])
    for run in _runs(numbers):
        gaps = sorted(later - earlier for earlier, later in pairwise(run))
        if gaps[len(gaps) // 2] < _MIN_SECTION_LINES:
            continue
        held = any(kept[run[0] : run[-1] + 1]) or last_kept < run[0] <= last_kept + _REACH_LINES
        if held:
            found += [index for index in run if not kept[index] and rules[index] not in _NEVER]
    return found
