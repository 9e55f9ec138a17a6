"""layout_rows: an extractor's table row whose cell is a column of the page goes back to the page's lines."""

from __future__ import annotations

import pytest

from newsdrop.text.layout_rows import cell_lines, split_layout_rows

STORY = [
    "Storm hits the coast as residents are told to stay inside their homes tonight.",
    "The storm reached the harbour on Monday morning and flooded the lower streets of the town.",
    "Firefighters said the water rose faster than in any storm of the last twenty years here.",
    "Schools will stay closed until Wednesday, the council said in a statement on its website.",
]
PAGE = ["Home", "World", "Sport", *STORY, "About us", "Contact"]


def _row(*cells: str) -> str:
    return "| " + "".join(f"{cell} | " for cell in cells)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The page's story column read as one row: its lines come back.
        (_row(" ".join(STORY)), STORY),
        # An empty navigation cell beside it, and the story column after a short cell: the short cell stays a line.
        (_row("", " ".join(STORY)), STORY),
        (_row("Home World Sport", " ".join(STORY)), ["Home World Sport", *STORY]),
        # The cell's text that no page line holds (here: printed inside a line the extractor cut) stays, as lines
        # of its own between the page lines: no word of the cell is lost.
        (_row("[Verse 1] " + " ".join(STORY) + " Share this"), ["[Verse 1]", *STORY, "Share this"]),
        # Lines of the reading that are no table rows stay as they are.
        ("Lead line\n" + _row(" ".join(STORY)), ["Lead line", *STORY]),
        # A data table's row (short cells) stays one line.
        (_row("Load map", "yes", "no"), [_row("Load map", "yes", "no")]),
        # A cell whose text is not the page's lines (a quote the page does not print) stays one line.
        (_row("x " * 200), [_row("x " * 200)]),
        # Escaped pipes inside a cell are the page's own.
        (
            _row(
                " ".join(
                    [*STORY[:3], "Rates | fees apply to every visitor of the harbour this week."]
                ).replace("|", "\\|")
            ),
            [*STORY[:3], "Rates | fees apply to every visitor of the harbour this week."],
        ),
    ],
)
def test_split_layout_rows(text: str, expected: list[str]) -> None:
    page = [*PAGE, "Rates | fees apply to every visitor of the harbour this week."]
    assert split_layout_rows(text, page).split("\n") == expected


def test_a_cell_skips_page_lines_the_extractor_dropped_and_lines_printed_elsewhere() -> None:
    # "harbour" also occurs inside a story line: it is not taken as the cell's first line (it stands elsewhere).
    page = ["harbour", STORY[0], "Advertisement", *STORY[1:], "Read the World news"]
    found, after = cell_lines(" ".join(STORY), page)
    assert found == STORY
    assert after == 6


@pytest.mark.parametrize(
    ("cell", "page"),
    [
        # Two page lines only: a cell of a data table may hold two paragraphs.
        (" ".join(STORY[:2]) + " " + "z" * 200, STORY[:2]),
        # The page lines cover too little of the cell.
        (" ".join(STORY) + " " + "unprinted words " * 40, STORY),
        # Too short to be a column of the page.
        ("Home World Sport News", ["Home", "World", "Sport", "News"]),
    ],
)
def test_cells_that_are_no_layout_cells(cell: str, page: list[str]) -> None:
    assert cell_lines(cell, page) == ([], 0)


def test_a_code_listing_cell_stays_whole() -> None:
    code = [f"console.log('step {n} of the request handler, with its status and body');" for n in range(5)]
    row = _row(" ".join(code))
    assert split_layout_rows(row, ["Intro", *code], code=code) == row
    # The same cell when its lines are no code: split.
    assert split_layout_rows(row, ["Intro", *code]).split("\n") == code


def test_a_cell_matches_page_lines_that_print_soft_hyphens() -> None:
    # The page breaks long words with soft hyphens; the extractor's cell text has none.
    page = ["Home", STORY[0], STORY[1].replace("harbour", "har\u00adbour"), *STORY[2:]]
    found, after = cell_lines(" ".join(STORY), page)
    assert found == page[1:]
    assert after == 5


# The line between the quote and its paragraph: short (matched only right where the cell's text continues) or long.
@pytest.mark.parametrize("name", ["Fire chief", "Read the World news online"])
def test_a_pull_quote_the_cell_holds_only_inside_its_paragraph(name: str) -> None:
    # The page prints a quote from the third paragraph above it (a pull quote) and, under it, the speaker's name
    # line; the extractor kept the name and the paragraph but not the quote box. Matched first, the quote would
    # skip the name line and the paragraph (the cell would not split).
    quote = "the water rose faster than in any storm of the last twenty years"
    page = [STORY[0], STORY[1], quote, name, *STORY[2:]]
    cell = " ".join([STORY[0], STORY[1], name, *STORY[2:]])
    found, _ = cell_lines(cell, page)
    assert found == [STORY[0], STORY[1], name, *STORY[2:]]


def test_a_cell_with_decomposed_letters_matches_the_composed_page_lines() -> None:
    # The page's text is decomposed ("a" + U+0308); the page lines come composed (NFC), the extractor's cell not.
    story = [line.replace("harbour", "h\u00e4rbour") for line in STORY]
    cell = " ".join(story).replace("\u00e4", "a\u0308")
    found, _ = cell_lines(cell, ["Home", *story])
    assert found == story


def test_a_column_of_prose_and_short_code_lines_splits() -> None:
    # A documentation page's column: many short shell lines between longer paragraphs, code by lines, not by text.
    code = [f"$ hg up {n}" for n in range(6)]
    lines = [STORY[0], *code[:3], STORY[1], STORY[2], *code[3:], STORY[3]]
    assert split_layout_rows(_row(" ".join(lines)), ["Intro", *lines], code=code).split("\n") == lines


# A story column holding two data tables, as the page prints it (one cell a line) and as trafilatura reads the
# layout table around them: the column's row without the tables, then the tables' rows.
NESTED_PAGE = [
    "Home",
    STORY[0],
    "Defence",
    "Pos",
    "Player",
    "Plays",
    "DL",
    "Larry Smith",
    "63",
    STORY[1],
    STORY[2],
    "Attack",
    "Pos",
    "Player",
    "Plays",
    "QB",
    "Joe Brown",
    "74",
    STORY[3],
    "About us",
]
NESTED_ROWS = [
    _row("Pos", "Player", "Plays"),
    "|---|---|---|",
    _row("DL", "Larry Smith", "63"),
    _row("Pos", "Player", "Plays"),
    "|---|---|---|",
    _row("QB", "Joe Brown", "74"),
]


def test_the_rows_of_tables_nested_in_a_layout_cell_go_back_to_their_place() -> None:
    column = " ".join([STORY[0], "Defence", STORY[1], STORY[2], "Attack", STORY[3], "About us"])
    text = "\n".join([_row("Home", column), *NESTED_ROWS])
    assert split_layout_rows(text, NESTED_PAGE).split("\n") == [
        "Home",
        STORY[0],
        "Defence",
        *NESTED_ROWS[:3],
        STORY[1],
        STORY[2],
        "Attack",
        *NESTED_ROWS[3:],
        STORY[3],
        "About us",
    ]


@pytest.mark.parametrize(
    "rows",
    [
        # A row the page does not print as its cells: the run stays where the extractor put it.
        [*NESTED_ROWS[:2], _row("DL", "Larry Smith", "64"), *NESTED_ROWS[3:]],
        # The rows in another order than the page's.
        [*NESTED_ROWS[3:], *NESTED_ROWS[:3]],
    ],
)
def test_nested_rows_not_found_in_order_stay(rows: list[str]) -> None:
    column = " ".join([STORY[0], "Defence", STORY[1], STORY[2], "Attack", STORY[3], "About us"])
    text = "\n".join([_row("Home", column), *rows])
    found = split_layout_rows(text, NESTED_PAGE).split("\n")
    assert found[-len(rows) :] == rows


def test_a_data_table_without_layout_cells_stays_as_read() -> None:
    # No layout cell: the reading's rows are where the extractor found them, whatever the page's order.
    text = "\n".join([STORY[1], *NESTED_ROWS[:3], STORY[3]])
    assert split_layout_rows(text, NESTED_PAGE) == text


def test_a_row_cell_the_page_prints_over_several_lines() -> None:
    # A cell holding two paragraphs (two page lines) is still the row's cell.
    page = ["Home", STORY[0], STORY[1], "Note", "First point.", "Second point.", STORY[2], STORY[3]]
    column = " ".join([STORY[0], STORY[1], STORY[2], STORY[3]])
    row = _row("Note", "First point. Second point.")
    found = split_layout_rows("\n".join([_row("Home", column), row]), page).split("\n")
    assert found == ["Home", STORY[0], STORY[1], row, STORY[2], STORY[3]]
