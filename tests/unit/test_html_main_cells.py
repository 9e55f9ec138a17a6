"""HTML path: a table row's first cell that is a link, emptied by the extractor, gets the link's text back."""

from __future__ import annotations

import pytest

from newsdrop.text.main_cells import with_link_cells
from newsdrop.text.main_edits import bare_key

_PAGE = [
    "Here are a few updates:",
    "Application",
    "Size",
    "Patch",
    "Farm Heroes",
    "71.1 MB",
    "13.4 MB (-81%)",
    "Google Maps",
    "32.7 MB",
    "17.5 MB (-46%)",
    "Total",
    "104 MB",
    "31 MB",
]
_LINKS = frozenset(bare_key(text) for text in ("Farm Heroes", "Google Maps", "Home"))
_INTRO = "Here are a few updates:"


@pytest.mark.parametrize(
    ("main", "expected"),
    [
        # Each row's emptied first cell gets the link the page prints right above the row's other cells.
        (
            [_INTRO, "|  |  71.1 MB |  13.4 MB (-81%) |", "|  |  32.7 MB |  17.5 MB (-46%) |"],
            [
                _INTRO,
                "| Farm Heroes | 71.1 MB | 13.4 MB (-81%) |",
                "| Google Maps | 32.7 MB | 17.5 MB (-46%) |",
            ],
        ),
        # A row over a line that is no link ("Total") keeps its empty cell: a table's own blank cell.
        ([_INTRO, "|  |  104 MB |  31 MB |"], [_INTRO, "|  |  104 MB |  31 MB |"]),
        # A row whose cells the page does not print one a line stays as it is.
        ([_INTRO, "|  |  71.1 MB |  99 MB |"], [_INTRO, "|  |  71.1 MB |  99 MB |"]),
        # Full rows, rows with another empty cell and lines that are no rows are left alone.
        (
            [_INTRO, "| Application | Size | Patch |", "|  |  |  13.4 MB (-81%) |", "71.1 MB"],
            [_INTRO, "| Application | Size | Patch |", "|  |  |  13.4 MB (-81%) |", "71.1 MB"],
        ),
    ],
)
def test_a_rows_emptied_link_cell_gets_its_text_back(main: list[str], expected: list[str]) -> None:
    assert with_link_cells(main, _PAGE, _LINKS) == expected
    # Without the page's links nothing is filled.
    assert with_link_cells(main, _PAGE, frozenset()) == main
