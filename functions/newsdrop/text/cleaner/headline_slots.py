"""Headline stage, the ranked slots: a line the page prints many times takes one slot, not one for each printing."""

from __future__ import annotations

import heapq

from newsdrop.text.cleaner.lines import _Line

# A line the page prints this many times or more (an author's "Find this author on ..." link under each name, a
# "via <site>" credit under each post, a site's name in every menu) takes one ranked slot, its best-scored
# printing's: its printings filled all twelve on a page whose headline was then never ranked. A headline is printed
# once or twice in a page's text (its `<title>` and its headline), in a page view up to four times (a `<title>`, a
# breadcrumb, the headline, a share line): at 3 or 4 such a page view lost its headline (tuned-on pl page 0.930 ->
# 0.923, dev page as one bundle 1.000 -> 0.979), at 5 none. Grouped CV, article title 689 -> 690 of 806 views,
# page title 715 -> 715.
REPEATED_PRINTINGS = 5


def repeat_seen(key: str, repeats: set[str]) -> bool:
    """Whether a printing of ``key``, a line printed ``REPEATED_PRINTINGS`` times or more, comes after another one
    scored (``repeats``: those keys so far, updated). The headline search's floor of scores counts such a line once:
    the floor then stays at or under the last slot's score, so its bound skips no line that could take a slot."""
    if key in repeats:
        return True
    repeats.add(key)
    return False


def printed_again(key: str, printings: int, repeats: set[str]) -> bool:
    """Whether a scored line printed ``printings`` times is a later printing of a line printed
    ``REPEATED_PRINTINGS`` times or more (``repeat_seen``), so it takes no slot of its own."""
    return printings >= REPEATED_PRINTINGS and repeat_seen(key, repeats)


def top_candidates(
    lines: list[_Line], scored: list[tuple[float, int]], repeats: set[str], slots: int
) -> list[tuple[float, int]]:
    """The ``slots`` best-scored of ``scored`` (score, line), best first, a line whose key is in ``repeats`` (the
    scored lines printed ``REPEATED_PRINTINGS`` times or more) counted once, by its best-scored printing: its other
    printings leave their slots to other lines. ``heapq.nlargest``'s list where no such line was scored."""
    if not repeats:
        return heapq.nlargest(slots, scored)
    seen: set[str] = set()
    kept: list[tuple[float, int]] = []
    for entry in sorted(scored, reverse=True):
        key = lines[entry[1]].key
        if key in repeats and repeat_seen(key, seen):
            continue
        kept.append(entry)
        if len(kept) == slots:
            break
    return kept
