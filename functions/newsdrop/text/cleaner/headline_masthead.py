"""Headline stage, the masthead under the <title>: the line right under the page's opening line that prints the
closing part of it ("Post | Blog's Name", then "Blog's Name") is the site's name, never the headline."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice

from newsdrop.text.cleaner.lines import _TITLE_SEPARATORS, _Line

# A dash of any width joins a <title>'s parts: the masthead may print an en dash where the <title> has a hyphen.
_DASHES = re.compile(r"[\u2010-\u2015]")


def _dashed(key: str) -> str:
    return _DASHES.sub("-", key)


def _headline_part(title: str, masthead: str) -> str | None:
    """The <title>'s part before ``masthead`` (both keys, dashes made one) when the <title> closes with it after
    a separator ("Post | Blog's Name"); None when it does not."""
    for separator in _TITLE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if found and head.strip() and tail.strip() == masthead:
            return head.strip()
    return None


def title_over_masthead(
    lines: list[_Line], chosen: int, scores: dict[int, float], barred: Callable[[int], bool]
) -> int | None:
    """The line to name the headline from when the ranker picked the masthead: the first printed line under the
    page's opening line (a page view's <title>), printing the <title>'s closing part after a separator (the
    site's name, "Post | Blog's Name" over "Blog's Name"). That is the best-scored ranked candidate printing the
    <title>'s opening part (the post's headline), not barred. A blog's header prints its name over the menus
    whatever the post; a <title> opening with the site's name ("Blog's Name | Post") is not meant. None when the
    pick is no such line or no ranked candidate prints the post's headline."""
    printed = list(islice((index for index, line in enumerate(lines) if line.key), 2))
    if len(printed) < 2 or printed[1] != chosen:
        return None
    opening = printed[0]
    head = _headline_part(_dashed(lines[opening].key), _dashed(lines[chosen].key))
    if head is None:
        return None
    printings = [
        index
        for index in scores
        if index not in (opening, chosen) and lines[index].key == head and not barred(index)
    ]
    # Without one the pick stands: the <title> line would be named by its longer part, the masthead, again (and
    # the story would start from the <title>).
    return max(printings, key=lambda index: scores[index]) if printings else None
