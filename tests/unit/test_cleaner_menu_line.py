"""A line the model kept above the headline between two menu entries goes; a standfirst above it stays."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.menu_line import menu_lines

MENU = (False, "link_list", "boilerplate")
HEADER = (False, "header_chrome", "boilerplate")
NAV = (False, "navigation", "boilerplate")
KEPT = (True, "line_model:ends_sentence", "body")
TITLE = (False, "headline", "title")
BODY = (True, "article_region", "body")


def _run(rows: list[tuple[bool, str | None, str | None]], texts: list[str] | None = None) -> list[int]:
    kept, rules, roles = (list(column) for column in zip(*rows, strict=True))
    return menu_lines(kept, rules, roles, texts or ["Menu entry"] * len(rows))


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # A menu entry's description between two entries, above the headline.
        ([MENU, MENU, KEPT, HEADER, TITLE, BODY, BODY], [2]),
        ([NAV, KEPT, MENU, HEADER, TITLE, BODY], [1]),
        # A standfirst above the headline with a kept line beside it: the story's.
        ([MENU, KEPT, KEPT, HEADER, TITLE, BODY], []),
        # Right above the headline: a standfirst under the menu.
        ([MENU, KEPT, TITLE, BODY], []),
        # Below the headline the menus are the story end's business.
        ([TITLE, BODY, MENU, KEPT, MENU], []),
        # No headline: nothing to read above.
        ([MENU, KEPT, MENU, BODY], []),
    ],
)
def test_menu_lines(rows: list[tuple[bool, str | None, str | None]], expected: list[int]) -> None:
    assert _run(rows) == expected
    # The roles read from an iterator (up to the headline), as from a list.
    kept, rules, roles = (list(column) for column in zip(*rows, strict=True))
    assert menu_lines(kept, rules, iter(roles), ["Menu entry"] * len(rows)) == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # Under a menu entry's description, more menu entries.
        (["Shows", "The Ring", "The Ring is our weekly debate show.", "World", "Europe", "Headline"], [2]),
        # Under the kept line, the story header's comment counter: a standfirst under a missed headline.
        (
            [
                "Recipes",
                "Mandarin cake",
                "The creamiest cake I know!",
                "953 Kommentare",
                "Rating",
                "Headline",
            ],
            [],
        ),
        # ... or its date.
        (["Recipes", "Mandarin cake", "The creamiest cake I know!", "Rating", "12.03.2024", "Headline"], []),
    ],
)
def test_menu_lines_under_furniture(texts: list[str], expected: list[int]) -> None:
    assert _run([MENU, MENU, KEPT, HEADER, HEADER, TITLE], texts) == expected
