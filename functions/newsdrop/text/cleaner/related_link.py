"""Cleaner stage after the line model: one other page's headline printed right under a "Read more" label."""

from __future__ import annotations

from collections.abc import Sequence


def related_links(kept: Sequence[bool], labels: Sequence[bool], headlines: Sequence[bool]) -> list[int]:
    """Indices of the lone kept headline-like lines printed right under a related-links label.

    A story links one other page inline: a label ("Mehr zum Thema", "Lesen Sie auch", "Keep Reading") and
    that page's headline on the next line, then the story's prose again. ``related_runs`` takes three or more
    headlines under a label (one or two further down are the story's crossheads as often); the line right
    under the label is the link's headline when it is kept, ``headlines``-like, and the next kept line is
    not one too (a second headline-like line: a list ``related_runs`` reads, or the story's crosshead pair).
    """
    found: list[int] = []
    count = len(kept)
    for index in range(count - 1):
        below = index + 1
        if not (labels[index] and kept[below] and headlines[below]):
            continue
        following = next((other for other in range(below + 1, count) if kept[other]), None)
        if following is None or not headlines[following]:
            found.append(below)
    return found
