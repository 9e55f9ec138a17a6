"""The site's menu printed as table rows at the edges of an HTML main content: dropped; a story's own table stays."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.menu_rows import CELL_MAX_WORDS, MIN_CELLS, menu_row, menu_rows

_STORY = "The harbour authority said the new wall was finished two weeks early and under budget."
_MENU = "| Archives | Calendar | Subscribe | Write for us | FAQ | Sponsors |"
_STORY_ROW = "| " + _STORY + " |"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_MENU, True),
        ("| Weekly edition | Kernel | Security | Distributions | Contact Us | Search |", True),
        # a dot inside a name is no sentence mark
        ("| Archives | Calendar | Subscribe | Write for LWN | LWN.net FAQ | Sponsors |", True),
        # the menu's links run together in a cell
        (
            "| Weekly Edition Front page Security Kernel Distributions Development Announcements This page |  |",
            True,
        ),
        # ... but a cell of lower-case words, or a sentence, is text
        ("| the weekly edition has moved to a new page for our readers and members |", False),
        ("| Weekly Edition Front Page Security Kernel Distributions Development. |", False),
        # too few cells: a table's header names its columns
        ("| Name | Role | Team |", False),
        # a data row holds numbers
        ("| Release | Date | Version | 4.2.3 |", False),
        # a cell of a sentence or a long one
        ("| Archives | Calendar | Subscribe | We write every week. |", False),
        ("| Archives | Calendar | Subscribe | " + "word " * (CELL_MAX_WORDS + 1) + "|", False),
        # no table row at all
        ("Archives Calendar Subscribe FAQ Sponsors", False),
        (_STORY_ROW, False),
    ],
)
def test_menu_row(text: str, expected: bool) -> None:
    assert menu_row(text) is expected


@pytest.mark.parametrize(
    ("texts", "kept", "expected"),
    [
        # a page laid out in a table: menu rows above and below the story's cell
        ([_MENU, _STORY_ROW, _MENU, _MENU], [True] * 4, [0, 2, 3]),
        # the menu rows at the edges of a story in paragraphs
        ([_MENU, _STORY, _STORY, _MENU], [True] * 4, [0, 3]),
        # a dropped line does not end the edge; a kept paragraph does
        (["Skip", _MENU, _STORY, "Ad", _MENU], [False, True, True, False, True], [1, 4]),
        # inside the story a row of short labels is the story's table
        ([_STORY, _MENU, _STORY], [True] * 3, []),
        # a main content of menu rows only is left whole
        ([_MENU, _MENU], [True, True], []),
        # a dropped row is left alone
        ([_MENU, _STORY, _STORY], [False, True, True], []),
        ([], [], []),
    ],
)
def test_menu_rows(texts: list[str], kept: list[bool], expected: list[int]) -> None:
    assert menu_rows(texts, kept) == expected


def test_min_cells_counts_the_labels() -> None:
    assert menu_row("| " + " | ".join(["Home"] * MIN_CELLS) + " |")
    assert not menu_row("| " + " | ".join(["Home"] * (MIN_CELLS - 1)) + " |  |  |")
