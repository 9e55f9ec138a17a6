"""Cleaner stage after the line model: a line the model kept above the headline between two of the site's menu
entries (a menu item's description, a consent or affiliate notice in the header)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from newsdrop.text.cleaner.counted_items import counter_line
from newsdrop.text.cleaner.dated_teasers import date_only

# The rules that name the site's menus and header lines.
MENU_RULES = frozenset({"header_chrome", "link_list", "navigation"})

# A story's header furniture (a comment counter, a date) within this many lines under the kept line marks it
# as the story's standfirst under a headline the rules missed, not a menu entry's description.
FURNITURE_LINES = 2


def menu_lines(
    kept: Sequence[bool], rules: Sequence[str | None], roles: Iterable[str | None], texts: Sequence[str]
) -> list[int]:
    """Indices of the kept lines above the headline (the line whose role is "title") whose lines right above
    and right below are both dropped menu or header lines (``MENU_RULES``): the site's menu describes an entry
    ("'The Ring' is our weekly debate show ..."), or its header prints a notice, in a sentence the model keeps
    for its shape. The story's standfirst above its headline stands among other kept lines, not in a menu, or
    over its header's furniture: a comment counter or a date within ``FURNITURE_LINES`` lines under it. ``roles``
    gives each line's role in order; it is read up to the headline only (an iterator serves: no list of every
    line's role is needed)."""
    title = next((index for index, role in enumerate(roles) if role == "title"), None)
    if title is None:
        return []
    return [
        index
        for index in range(1, title - 1)
        if kept[index]
        and rules[index - 1] in MENU_RULES
        and rules[index + 1] in MENU_RULES
        and not any(
            counter_line(text) or date_only(text) for text in texts[index + 1 : index + 1 + FURNITURE_LINES]
        )
    ]
