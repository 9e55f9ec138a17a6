"""Cleaner stage after the line model: a kept heading the page prints again further down, dropped there."""

from __future__ import annotations

from collections.abc import Sequence

# A label is a few words ("Advertisement · Scroll to continue", "Show more", "Source: dpa").
MAX_WORDS = 8


def echoed_headings(kept: Sequence[bool], headings: Sequence[bool], keys: Sequence[str]) -> list[int]:
    """Indices of the kept headings (``headings``: subheading lines) of at most ``MAX_WORDS`` words whose text
    (``keys``) the page prints again further down, where that printing is dropped.

    A site sets the same label into the story more than once (an ad slot's "Scroll to continue", a fact box's
    "Show more / Show less" toggle, a source credit): the rules read one printing between two paragraphs as a
    crosshead and the model or a rule drops another. A story's crosshead is printed once, or printed first in a
    table of contents above it (an earlier printing, which this does not read).
    """
    later_dropped: set[str] = set()
    found: list[int] = []
    for index in range(len(keys) - 1, -1, -1):
        key = keys[index]
        if not kept[index]:
            later_dropped.add(key)
        elif headings[index] and key in later_dropped and key.count(" ") < MAX_WORDS:
            found.append(index)
    return found[::-1]
