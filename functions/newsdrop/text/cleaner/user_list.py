"""Cleaner stage after the line model: a kept list of the site's user names (who left kudos, likes or follows)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress

# A list of users runs their names together with commas ("KuroKitsuneNoYoko, jennyjenka, nicarose24, ... and
# Katyuam as well as 3381 guests left kudos on this work!"); a story's list is shorter.
MIN_ITEMS = 20
MIN_LIST_CHARS = 300

_ITEM_SPLIT = re.compile(r",\s+|\s+and\s+")

# A user name is one token of letters, digits, dots, dashes and underscores with a letter in it.
_HANDLE = re.compile(r"[\w.-]*[^\W\d_][\w.-]*")

# A user name is written as no word is: a digit or an underscore in it, a lower-case first letter, or a capital
# inside it ("nicarose24", "Revolvers_and_violets", "jennyjenka", "ShareBearNat"). A story's list of places or
# teams is of capitalised words ("Austria, Belgium, Bulgaria ...").
_HANDLE_SHAPED = re.compile(r"[\d_]|^[^\W\d_]*[a-z]|\w[A-Z]")

MIN_HANDLE_SHARE = 0.8
MIN_HANDLE_SHAPED_SHARE = 0.3


def user_list(text: str) -> bool:
    """Whether a line is a list of user names: ``MIN_ITEMS`` or more items split at commas (and "and"), of which
    ``MIN_HANDLE_SHARE`` are single tokens (``_HANDLE``) and ``MIN_HANDLE_SHAPED_SHARE`` are shaped as only a
    user name is (``_HANDLE_SHAPED``)."""
    if len(text) < MIN_LIST_CHARS:
        return False
    # Each split at ``_ITEM_SPLIT`` takes one comma or one "and": a line with fewer than ``MIN_ITEMS`` - 1 of
    # them (most long lines: a story's paragraph) cannot split into ``MIN_ITEMS`` items (counted in C).
    if text.count(",") + text.count("and") < MIN_ITEMS - 1:
        return False
    items = [item.strip() for item in _ITEM_SPLIT.split(text)]
    if len(items) < MIN_ITEMS:
        return False
    handles = [item for item in items if _HANDLE.fullmatch(item)]
    shaped = sum(1 for item in handles if _HANDLE_SHAPED.search(item))
    return len(handles) >= MIN_HANDLE_SHARE * len(items) and shaped >= MIN_HANDLE_SHAPED_SHARE * len(items)


def user_lists(texts: Sequence[str], kept: Sequence[bool]) -> list[int]:
    """The indexes of the kept lines that are lists of user names (``user_list``)."""
    # The length test inline first: most lines are shorter, and need no call.
    return [
        index
        for index in compress(range(len(kept)), kept)
        if len(text := texts[index]) >= MIN_LIST_CHARS and user_list(text)
    ]
