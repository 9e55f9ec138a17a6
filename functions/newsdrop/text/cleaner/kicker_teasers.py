"""Cleaner stage after the line model: a list of other pages' teasers below the story whose blurbs open with a
capitalised kicker ("DÉCRYPTAGE - ...", "REPORTAGE - ...")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsdrop.text.cleaner.story_end import Spans, islands

# The dash that closes a kicker, within the line's first characters.
_DASH = re.compile(r" [-–—] ")
KICKER_MAX_CHARS = 40

# A kicker holds at least this many letters, all capitals.
KICKER_MIN_LETTERS = 4

# A teaser list holds at least this many kicker blurbs ...
MIN_KICKERS = 3

# ... each at most this many lines below the previous one (a headline between two blurbs).
MAX_STEP = 3


def kicker_line(text: str) -> bool:
    """A line opening with a kicker in capitals and a dash ("REPORTAGE - Après ...", "L'ÉDITORIAL - ...")."""
    found = _DASH.search(text, 0, KICKER_MAX_CHARS + 3)
    if found is None or found.end() >= len(text):
        return False
    letters = [char for char in text[: found.start()] if char.isalpha()]
    return len(letters) >= KICKER_MIN_LETTERS and all(char.isupper() for char in letters)


def kicker_teasers(
    kept: Sequence[bool], texts: Sequence[str], sizes: Sequence[int] | None = None, spans: Spans | None = None
) -> list[int]:
    """Indices of the kept lines of a teaser list below the story whose blurbs open with capitalised kickers.

    A site's list of its other pages prints each item as a headline and a blurb opening with the item's genre
    or section in capitals and a dash ("DÉCRYPTAGE - Moscou a dénoncé ...", "REPORTAGE - ..."); the model
    keeps both as prose. Below the story's island (the largest by characters), ``MIN_KICKERS`` or more kept
    kicker lines (``kicker_line``) each at most ``MAX_STEP`` lines below the previous are such a list: its kept
    lines from the first kicker's headline (the kept line right above it) to the last kicker go. A story's
    own paragraphs rarely open with a kicker each, and a roundup of datelined briefs is the story's island.
    """
    # ``sizes``: the lines' characters, where the caller has them; ``spans``: their islands, where it has them.
    found = (
        islands(kept, [len(text) for text in texts] if sizes is None else sizes) if spans is None else spans
    )
    if len(found) < 2:
        return []
    story = max(range(len(found)), key=lambda number: found[number][2])
    below = found[story][1] + 1
    kickers = [index for index in range(below, len(kept)) if kept[index] and kicker_line(texts[index])]
    dropped: list[int] = []
    group: list[int] = []
    for index in [*kickers, len(kept) + MAX_STEP + 1]:
        if group and index - group[-1] > MAX_STEP:
            if len(group) >= MIN_KICKERS:
                first = group[0] - 1 if group[0] - 1 >= below and kept[group[0] - 1] else group[0]
                dropped += [line for line in range(first, group[-1] + 1) if kept[line]]
            group = []
        group.append(index)
    return dropped
