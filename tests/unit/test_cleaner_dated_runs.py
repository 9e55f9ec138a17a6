"""Dated feeds after the line model: three or more kept lines in a row that open with a date are teasers."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.dated_runs import dated_runs, month_heading, opens_with_date

ENTRY = "01.01.2022 - Harbour news: the wall is finished Crews poured concrete all winter and the town is relieved."
STORY = "Crews poured concrete all winter, and the town now hopes for a quieter storm season."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ENTRY, True),
        ("Jan 30, 2020 100 Ways to Say I Love You Jan 30, 2020", True),
        ("- 12.03.2020 The council meets again", True),
        # A date inside the sentence, a year alone, no date at all: the story's own lines.
        ("On 12 March 2020 the council met again to discuss the harbour wall.", False),
        ("1990: the first wall was built", False),
        # A date labelling a timeline's event.
        ("Sept. 29, 1946: the first game at the stadium drew a record crowd.", False),
        (STORY, False),
    ],
)
def test_opens_with_date(text: str, expected: bool) -> None:
    assert opens_with_date(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("January 2020", True), ("Mai 2021", True), ("Sept. 2019", True), ("In 2020", False), ("2020", False)],
)
def test_month_heading(text: str, expected: bool) -> None:
    assert month_heading(text) is expected


# Each page: (kept, dated, heading) per line.
K, D, H, X = (True, False, False), (True, True, False), (True, False, True), (False, False, False)


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # Three dated entries after the story: a feed, a dropped line between them or not.
        ((K, K, D, D, D), [2, 3, 4]),
        ((K, K, D, X, D, X, D), [2, 4, 6]),
        # Two dated lines: the story's own as often as a feed's.
        ((K, D, D), []),
        # The story's text below a dated run: the story's own list or timeline.
        ((K, D, D, D, K), []),
        # The story's prose parts two short runs.
        ((D, D, K, D, D), []),
        # An archive: month headings head their entries.
        ((K, H, D, D, H, D, D), [1, 2, 3, 4, 5, 6]),
        # Two headings in a row: only the one above the entries goes with them; none alone.
        ((K, H, H, D, D, D), [2, 3, 4, 5]),
        ((K, H, K), []),
    ],
)
def test_dated_runs(page: tuple[tuple[bool, bool, bool], ...], expected: list[int]) -> None:
    kept, dated, headings = ([line[field] for line in page] for field in range(3))
    assert dated_runs(kept, dated, headings) == expected
