"""A list the story introduces with a colon and goes on under, dropped by the line model, is kept (``inner_list``)."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.inner_list import MAX_ITEMS, inner_lists, lead_in, list_item


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Once allocated trading sites, traders are expected to:", True),
        ("Exportiert wurden dabei vor allem:", True),
        ("Various other people wrote:", True),
        # Too short for a lead-in: a box's kicker.
        ("Mehr zum 3er-Facelift:", False),
        ("„Stuttgart ist lame“:", False),
        # No colon closing it, a kicker's bar, a related label, a lead-in to further reading.
        ("Exportiert wurden dabei vor allem Maschinen.", False),
        ("WATCH | Ceasefire talks stall as both sides vow retaliation:", False),
        ("Das könnte Sie auch interessieren:", False),
        ("Mehr zum Thema finden Sie auch im wöchentlichen Zins-Check:", False),
        ("Read more from our columnist on the region:", False),
    ],
)
def test_lead_in_is_a_story_line_closing_on_a_colon(text: str, expected: bool) -> None:
    assert lead_in(text, text.casefold(), len(text.split())) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pharmazeutische Erzeugnisse", True),
        ("1. Finland", True),
        ("NDR 1 Niedersachsen | Regional | 17.06.2025 | 15:00 Uhr", False),
        ("Mehr Nachrichten aus der Region", False),
        ("Related", False),
        # A shop's button: the list is a deal box's terms.
        ("Jetzt bei Anbieter (Aktion) abschließen", False),
        ("Buy now at the store", False),
        ("Anschlusspreis: einmalig 19,99 Euro", True),
    ],
)
def test_list_item_is_no_meta_row_or_box_heading(text: str, expected: bool) -> None:
    assert list_item(text, text.casefold(), len(text.split())) is expected


_LEAD = "The overall rankings of the countries were as follows:"


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # (line number, text, kept, dropped by the model): the lead-in and items between two kept paragraphs.
        (
            [
                (1, "Story.", True, False),
                (3, _LEAD, False, True),
                (4, "1. Finland", False, True),
                (5, "2. Norway", False, True),
                (7, "More story.", True, False),
            ],
            [1, 2, 3],
        ),
        # The story does not go on under the list: a page's tail, not the story's list.
        (
            [
                (1, "Story.", True, False),
                (3, _LEAD, False, True),
                (4, "1. Finland", False, True),
                (5, "2. Norway", False, True),
            ],
            [],
        ),
        # No kept line over the lead-in.
        (
            [
                (1, "Menu", False, True),
                (3, _LEAD, False, True),
                (4, "1. Finland", False, True),
                (6, "More story.", True, False),
            ],
            [],
        ),
        # A named rule dropped an item: its verdict stands, and the list is not read.
        (
            [
                (1, "Story.", True, False),
                (3, _LEAD, False, True),
                (4, "1. Finland", False, False),
                (6, "More story.", True, False),
            ],
            [],
        ),
        # The lines stand too far apart: not one list in the story's flow.
        (
            [
                (1, "Story.", True, False),
                (3, _LEAD, False, True),
                (9, "1. Finland", False, True),
                (10, "More story.", True, False),
            ],
            [],
        ),
        # No items at all: the lead-in alone is not read.
        (
            [
                (1, "Story.", True, False),
                (3, _LEAD, False, True),
                (4, "More story.", True, False),
            ],
            [],
        ),
        # The list closes the story right over the page's related box: the story's list.
        (
            [
                (1, "Story.", True, False),
                (3, _LEAD, False, True),
                (4, "1. Finland", False, True),
                (5, "2. Norway", False, True),
                (7, "Ähnliche Beiträge", False, True),
                (9, "Another page's headline", False, True),
            ],
            [1, 2, 3],
        ),
        # ... not when the related box stands too far under it.
        (
            [
                (1, "Story.", True, False),
                (3, _LEAD, False, True),
                (4, "1. Finland", False, True),
                (9, "Related posts", False, True),
            ],
            [],
        ),
        # The lead-in under its section's heading the model dropped too: the heading, the lead-in and the items.
        (
            [
                (1, "Story.", True, False),
                (3, "Project updates", False, True),
                (5, _LEAD, False, True),
                (6, "1. Finland", False, True),
                (8, "More story.", True, False),
            ],
            [1, 2, 3],
        ),
        # ... not under a heading that ends in a stop (a sentence, not a heading), nor under a named rule's line.
        (
            [
                (1, "Story.", True, False),
                (3, "The update is out.", False, True),
                (5, _LEAD, False, True),
                (6, "1. Finland", False, True),
                (8, "More story.", True, False),
            ],
            [],
        ),
        (
            [
                (1, "Story.", True, False),
                (3, "Project updates", False, False),
                (5, _LEAD, False, True),
                (6, "1. Finland", False, True),
                (8, "More story.", True, False),
            ],
            [],
        ),
        # ... nor under a heading with no kept line over it (the page's header).
        (
            [
                (1, "Menu", False, True),
                (3, "Project updates", False, True),
                (5, _LEAD, False, True),
                (6, "1. Finland", False, True),
                (8, "More story.", True, False),
            ],
            [],
        ),
        # An item that is a meta row: a box, not the story's list.
        (
            [
                (1, "Story.", True, False),
                (3, _LEAD, False, True),
                (4, "NDR 1 | 17.06.2025 | 15:00 Uhr", False, True),
                (5, "More story.", True, False),
            ],
            [],
        ),
    ],
)
def test_inner_lists_between_the_story_paragraphs(
    rows: list[tuple[int, str, bool, bool]], expected: list[int]
) -> None:
    numbers = [row[0] for row in rows]
    texts = [row[1] for row in rows]
    kept = [row[2] for row in rows]
    dropped = [row[3] for row in rows]
    assert inner_lists(numbers, texts, [text.casefold() for text in texts], kept, dropped) == expected


@pytest.mark.parametrize(("count", "expected"), [(MAX_ITEMS, True), (MAX_ITEMS + 1, False)])
def test_inner_lists_reads_no_more_than_max_items(count: int, expected: bool) -> None:
    items = [(3 + n, f"Item {n}", False, True) for n in range(1, count + 1)]
    rows = [
        (1, "Story.", True, False),
        (3, _LEAD, False, True),
        *items,
        (4 + count, "More story.", True, False),
    ]
    numbers = [row[0] for row in rows]
    texts = [row[1] for row in rows]
    found = inner_lists(
        numbers, texts, [t.casefold() for t in texts], [r[2] for r in rows], [r[3] for r in rows]
    )
    assert found == (list(range(1, count + 2)) if expected else [])
