"""A long headline the region opens with, printed right under its dateline, is ranked (``dated_long_headline``)."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.headline_dated_long import dated_long_headline
from tests.unit.cleaner_fixtures import printed_lines

DATE = "Blog Home Harbours • October 18, 2019"
LONG_HEADLINE = (
    "Harbour Industry News: New Walls in the North, Dredging as a Preventive Tool, and How Major Ports "
    "are Already Rebuilding Their Walls"
)
LONG_LEAD = (
    "The harbour authority said on Friday that the new wall in the north was finished two years early and "
    "under budget."
)
HEADLINE = "Harbour wall finished two years early"
TOO_LONG = " ".join([LONG_HEADLINE, "after a winter mild enough to work through and a summer of dredging"])
BYLINE = "By Jane Doe"
MENU = "Home News Ports"


@pytest.mark.parametrize(
    ("texts", "region_start", "expected"),
    [
        # A long headline under the post's date, the region opening at it: ranked.
        ([MENU, DATE, LONG_HEADLINE, BYLINE, LONG_LEAD], 2, 2),
        # A blank line between the date and the headline, and before the region's first printed line.
        ([MENU, DATE, "", "", LONG_HEADLINE, LONG_LEAD], 3, 4),
        # A long line ending like a sentence is the story's lead (or a caption).
        ([MENU, DATE, LONG_LEAD, LONG_LEAD], 2, None),
        # No date line right above it: a standfirst or a teaser.
        ([DATE, MENU, LONG_HEADLINE, LONG_LEAD], 2, None),
        # A headline of twenty words or fewer is in the region's head already; one past thirty words is none.
        ([MENU, DATE, HEADLINE, LONG_LEAD], 2, None),
        ([MENU, DATE, TOO_LONG, LONG_LEAD], 2, None),
        # The region opens the page: no date above.
        ([LONG_HEADLINE, LONG_LEAD], 0, None),
    ],
)
def test_a_long_headline_under_its_dateline(
    texts: list[str], region_start: int, expected: int | None
) -> None:
    assert dated_long_headline(printed_lines(texts), region_start, 20) == expected
