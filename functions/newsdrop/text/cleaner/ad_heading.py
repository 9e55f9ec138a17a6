"""Cleaner stage after the line model: a heading-like line set right over the site's advertisement slot."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress


def ad_headings(
    kept: Sequence[bool], headings: Sequence[bool], ads: Sequence[bool], texts: Sequence[str]
) -> list[int]:
    """Indices of the kept crossheads (``headings``) printed right over an advertisement's label (``ads``: the
    rules' "Advertisement" / "Anzeige" line, dropped), no line between.

    A crosshead opens the prose printed under it; the site's ad slot sits between the story's paragraphs. A
    heading-like line the slot follows at once is the site's own insert (a link to its live page, "The latest
    news about ... (paywall-free)", or a picture's caption with its credit) that the rules read as a crosshead.
    A line closing on a colon introduces what follows (a list the slot interrupts) and stays.
    """
    found: list[int] = []
    # Only the headings are read (``compress`` picks them in C): most of a page's lines are none.
    for index in compress(range(len(kept) - 1), headings[: max(len(kept) - 1, 0)]):
        over_ad = kept[index] and ads[index + 1] and not kept[index + 1]
        if over_ad and not texts[index].rstrip().endswith(":"):
            found.append(index)
    return found
