"""Cleaner stage after the line model: a crosshead retelling the section heading right above it (a video's title)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress

# A word that carries the heading's sense: three letters or more (articles, "to", "of" say nothing).
_WORD = re.compile(r"\w{3,}")

# The two headings stand this many lines apart at most: the section's opening paragraphs between them.
MAX_GAP_LINES = 6

# They share this many sense words at least ("concerns royal family about skin color") ...
MIN_SHARED = 5

# ... and that share of the shorter heading's words: two parallel sections' headings ("How to install it on
# Windows" / "... on macOS") share a few words of a short heading, a retelling most of a long one.
MIN_SHARE = 0.5


def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower()))


def _retellable(text: str) -> bool:
    """A heading that names a section: not a lead-in closing on a colon ("Now we can calculate the score:"),
    not a numbered entry or a timed one ("7h31 - ...", "8A ..."), whose neighbours share words by their form."""
    stripped = text.strip()
    return bool(stripped) and not stripped[0].isdigit() and not stripped.endswith(":")


def _opening(text: str) -> str:
    return text.split(maxsplit=1)[0].lower() if text.split() else ""


def retold_headings(kept: Sequence[bool], headings: Sequence[bool], texts: Sequence[str]) -> list[int]:
    """Indices of the kept headings (``headings``) that retell the kept heading above them.

    A site sets an embedded video or a related box into a section under its own title, which retells the
    section's crosshead in other words ("There were 'concerns' in the royal family about Archie's skin color" /
    "Meghan reveals 'concerns' within royal family about her baby's skin color"): a heading within
    ``MAX_GAP_LINES`` lines under the previous kept heading, sharing ``MIN_SHARED`` sense words with it and
    ``MIN_SHARE`` of the shorter one's, and opening with another word, is the insert's title, not the story's next
    section. The first stays; a lead-in or a numbered heading (``_retellable``) is never read.
    """
    found: list[int] = []
    above: tuple[int, frozenset[str]] | None = None
    # Only the headings are read (``compress`` picks them in C): most of a page's lines are none.
    for index in compress(range(len(kept)), headings):
        if not kept[index]:
            continue
        text = texts[index]
        if not _retellable(text):
            above = None
            continue
        words = _words(text)
        if (
            above is not None
            and index - above[0] <= MAX_GAP_LINES
            and words != above[1]
            # Parallel sections' headings open alike ("Fast builds with poetry" / "Fast builds with pipenv"):
            # a retelling says it in other words from the first.
            and _opening(text) != _opening(texts[above[0]])
        ):
            shared = len(words & above[1])
            if shared >= MIN_SHARED and shared >= MIN_SHARE * min(len(words), len(above[1])):
                found.append(index)
                # The retelling is no section's heading: the next one is read against the first.
                continue
        above = (index, words)
    return found
