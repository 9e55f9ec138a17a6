"""Cleaner stage after the line model: a kept heading the page prints again further down, dropped there."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress

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
    found: list[int] = []
    # Only the few kept headings are read (``compress`` picks the headings in C); each one's later printings are
    # found by ``list.index`` in C, not by a Python loop over every line of the page.
    for index in compress(range(len(keys)), headings):
        key = keys[index]
        if not kept[index] or key.count(" ") >= MAX_WORDS:
            continue
        at = index + 1
        while (at := _printed_at(keys, key, at)) >= 0:
            if not kept[at]:
                found.append(index)
                break
            at += 1
    return found


def _printed_at(keys: Sequence[str], key: str, start: int) -> int:
    """The index of ``key``'s first printing at ``start`` or below, -1 for none."""
    try:
        return keys.index(key, start)
    except ValueError:
        return -1
