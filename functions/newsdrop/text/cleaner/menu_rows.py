"""HTML main content: the site's menu printed as table rows at the edges of a page laid out in a table."""

from __future__ import annotations

from collections.abc import Sequence

# A menu row holds this many links at least; a table's header row names fewer columns as often.
MIN_CELLS = 4
# A menu's link is a label of a few words.
CELL_MAX_WORDS = 4


def _table_row(text: str) -> bool:
    return text.lstrip().startswith("|")


def menu_row(text: str) -> bool:
    """Whether a table row is a menu: ``MIN_CELLS`` cells or more, each a label of at most ``CELL_MAX_WORDS``
    words without a digit or a sentence mark ("| Archives | Calendar | Subscribe | Write for LWN | FAQ |"). A data
    table's rows hold numbers, and its header row sits over them."""
    if not _table_row(text) or any(char.isdigit() for char in text):
        return False
    cells = [cell.strip() for cell in text.strip().strip("|").split("|")]
    labels = [cell for cell in cells if cell]
    return len(labels) >= MIN_CELLS and all(
        len(cell.split()) <= CELL_MAX_WORDS and not any(mark in cell for mark in ".,;!?") for cell in labels
    )


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
