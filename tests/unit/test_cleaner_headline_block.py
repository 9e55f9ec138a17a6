"""A headline block: the headline over its standfirst when the ranker nearly ties the two."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.headline_block import _below_byline, headline_over_standfirst
from newsdrop.text.cleaner.lines import _Line
from tests.unit.cleaner_fixtures import printed_lines

HEADLINE = "Harbour wall finished two years early"
STANDFIRST = (
    "The authority says a mild winter let crews pour concrete without a break, and the fishermen are glad"
)
KICKER = "Harbour news"
TRAIL = "Home › News › Harbour wall"


@pytest.mark.parametrize(
    ("texts", "scores", "expected"),
    [
        # The standfirst a hair ahead of the headline printed over it: the headline.
        ([HEADLINE, STANDFIRST], {0: 1.9, 1: 2.0}, 0),
        # A blank line between them changes nothing.
        ([HEADLINE, "", STANDFIRST], {0: 1.9, 2: 2.0}, 0),
        # The ranker is sure of the standfirst: it stands.
        ([HEADLINE, STANDFIRST], {0: 1.0, 1: 2.0}, None),
        # The line over it is no ranked candidate.
        ([HEADLINE, STANDFIRST], {1: 2.0}, None),
        # A kicker of two words over a headline is no headline.
        ([KICKER, HEADLINE], {0: 1.9, 1: 2.0}, None),
        # The pick is not much longer than the line over it: two headlines, not a headline and its standfirst.
        (
            ["Harbour wall finished two years early", "Harbour wall finished early after mild winter"],
            {0: 1.9, 1: 2.0},
            None,
        ),
        # A barred line (here a trail) over the pick stays out.
        ([TRAIL, STANDFIRST], {0: 1.9, 1: 2.0}, None),
    ],
)
def test_the_headline_over_a_nearly_tied_standfirst(
    texts: list[str], scores: dict[int, float], expected: int | None
) -> None:
    lines = printed_lines(texts)
    pick = max(scores, key=lambda index: scores[index])
    assert headline_over_standfirst(lines, pick, scores, lambda index: "›" in lines[index].text) == expected


def _roled(texts: list[str], bylines: set[int]) -> list[_Line]:
    lines = printed_lines(texts)
    for index in bylines:
        lines[index].assign("byline", "byline")
    return lines


MENU_RUN = [f"Section {n}" for n in range(12)]


@pytest.mark.parametrize(
    ("texts", "chosen", "near", "expected"),
    [
        # The pick right under the headline's byline: below the block's close.
        ([HEADLINE, "By Ann Lee", "Photo: the harbour wall"], 2, True, True),
        # No byline between the two: the pick stands.
        ([HEADLINE, "Harbour news", "Photo: the harbour wall"], 2, True, False),
        # A pick above the rules' headline is never below its byline.
        (["Photo: the harbour wall", HEADLINE, "By Ann Lee"], 0, True, False),
        # A pick a run of menus further down stands in another block: the byline does not reach it ...
        ([HEADLINE, "By Ann Lee", *MENU_RUN, "Harbour wall finished early"], 14, True, False),
        # ... unless read for the rules' pass (``near`` off), whatever the distance.
        ([HEADLINE, "By Ann Lee", *MENU_RUN, "Harbour wall finished early"], 14, False, True),
        # Eleven printed lines after the byline are still the block's.
        ([HEADLINE, "By Ann Lee", *MENU_RUN[:11], "Harbour wall finished early"], 13, True, True),
    ],
)
def test_the_byline_closes_its_headline_block_nearby(
    texts: list[str], chosen: int, near: bool, expected: bool
) -> None:
    lines = _roled(texts, {index for index, text in enumerate(texts) if text.startswith("By ")})
    headline = texts.index(HEADLINE)
    assert _below_byline(lines, headline, chosen, near=near) is expected
