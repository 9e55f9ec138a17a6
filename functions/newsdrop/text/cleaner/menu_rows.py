"""HTML main content: the site's menu printed as table rows at the edges of a page laid out in a table."""

from __future__ import annotations

import re
from collections.abc import Sequence

# A menu row holds this many links at least; a table's header row names fewer columns as often.
MIN_CELLS = 4
# A menu's link is a label of a few words.
CELL_MAX_WORDS = 4


def _table_row(text: str) -> bool:
    return text.lstrip().startswith("|")


# A sentence or clause mark ends a word: the dot inside a name ("LWN.net FAQ") is none.
_SENTENCE_MARK = re.compile(r"[.,;:!?](?:\s|$)")
# A menu run together in one cell ("| Weekly Edition Front page Security Kernel ... Following week |"): this many
# words at least, this share of them capitalised, and no sentence mark.
RUN_ON_MIN_WORDS = 8
RUN_ON_CAPITALISED = 0.6


def menu_row(text: str) -> bool:
    """Whether a table row is a menu: ``MIN_CELLS`` cells or more, each a label of at most ``CELL_MAX_WORDS``
    words ("| Archives | Calendar | Subscribe | Write for LWN | FAQ |"), or the menu's links run together in
    its cells (``RUN_ON_MIN_WORDS`` words or more, ``RUN_ON_CAPITALISED`` of them capitalised); no digit and
    no sentence mark in it. A data table's rows hold numbers, and its header row sits over them."""
    if not _table_row(text) or any(char.isdigit() for char in text):
        return False
    cells = [cell.strip() for cell in text.strip().strip("|").split("|")]
    labels = [cell for cell in cells if cell]
    if not labels or any(_SENTENCE_MARK.search(cell) for cell in labels):
        return False
    if len(labels) >= MIN_CELLS and all(len(cell.split()) <= CELL_MAX_WORDS for cell in labels):
        return True
    words = [word for cell in labels for word in cell.split()]
    capitalised = sum(1 for word in words if word[:1].isupper())
    return len(words) >= RUN_ON_MIN_WORDS and capitalised >= RUN_ON_CAPITALISED * len(words)


def menu_rows(texts: Sequence[str], kept: Sequence[bool]) -> list[int]:
    """The indexes of the kept menu rows (``menu_row``) among the table rows that open or close the kept text.

    A page laid out in a table (an old site's frame: menu row, story cell, menu row) gives the extractor one
    table for the main content; its rows at the top and the bottom are the site's menus. Inside the story a
    row of short labels is its own table's."""
    rows = [index for index, keep in enumerate(kept) if keep]
    edges: list[int] = []
    for order in (rows, rows[::-1]):
        for index in order:
            if not _table_row(texts[index]):
                break
            edges.append(index)
    found = sorted({index for index in edges if menu_row(texts[index])})
    # A main content that is only such rows is left whole: there is nothing else to keep.
    return [] if len(found) == len(rows) else found
