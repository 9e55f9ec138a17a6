"""A caption naming two people right over the story: the ranker's pick gives way to a candidate nearly tying it."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.headline_people_caption import headline_over_people_caption, names_two_people
from tests.unit.cleaner_fixtures import printed_lines

HEADLINE = "The agenda with which the ministry seeks to contain the security crisis"
BYLINE = "By Jane Doe and John Roe"
CAPTION = "Maria Lopez and Peter Miller at the harbour on Tuesday"
STORY = "The minister arrived at the harbour on Tuesday morning to meet the committee and the press."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (CAPTION, True),
        ("Izkia Siches y Manuel Monsalve en el Congreso", True),
        ("Anna Berg und Jean-Paul Roth beim Empfang", True),
        ("Maria Lopez, Peter Miller and Ann Lee", False),  # a list's first two names are joined by a comma
        ("Lopez and Miller agree on a harbour deal", False),  # surnames only: a headline's way of naming
        ("Trade and Industry Minister resigns", False),
        ("Maria Lopez meets Peter Miller at the harbour", False),
        ("Fans and Players Union calls a strike", False),
        ("Maria Lopez and Peter Miller", True),
        (
            "The Mayor and The Council at odds",
            True,
        ),  # a kind, not a parser: two capitalised pairs read as names
    ],
)
def test_two_people_named(text: str, expected: bool) -> None:
    assert names_two_people(text) is expected


@pytest.mark.parametrize(
    ("texts", "region_start", "scores", "pick", "barred", "expected"),
    [
        # The caption right over the story, the headline a near second: the headline.
        ([HEADLINE, BYLINE, CAPTION, STORY], 3, {0: 2.0, 2: 2.5}, 2, (), 0),
        # ... a credit, a share row and a comment count between the caption and the story: the same.
        ([HEADLINE, CAPTION, "Reuters", "Share", "Comments", STORY], 5, {0: 2.0, 1: 2.5}, 1, (), 0),
        # ... four lines between: no caption of the story's picture, the pick stands.
        (
            [HEADLINE, CAPTION, "Reuters", "Share", "Comments", "Print", STORY],
            6,
            {0: 2.0, 1: 2.5},
            1,
            (),
            None,
        ),
        # The ranker is sure of its pick: it stands.
        ([HEADLINE, BYLINE, CAPTION, STORY], 3, {0: 1.0, 2: 2.5}, 2, (), None),
        # A pick naming no two people: it stands.
        ([HEADLINE, BYLINE, "Harbour deal signed at last", STORY], 3, {0: 2.0, 2: 2.5}, 2, (), None),
        # The other candidate is barred, or inside the story: none takes the pick's place.
        ([HEADLINE, BYLINE, CAPTION, STORY], 3, {0: 2.0, 2: 2.5}, 2, (0,), None),
        ([CAPTION, HEADLINE, STORY], 1, {0: 2.5, 1: 2.0}, 0, (), None),
        # A candidate far up the page (a menu's label) is no headline of the picture.
        (["Topics from A to Z", *["Menu item"] * 8, CAPTION, STORY], 10, {0: 2.0, 9: 2.5}, 9, (), None),
        # Of several others, the best-scored one.
        ([HEADLINE, "Harbour news", CAPTION, STORY], 3, {0: 2.0, 1: 1.0, 2: 2.5}, 2, (), 0),
    ],
)
def test_a_caption_naming_two_people_gives_way(
    texts: list[str],
    region_start: int,
    scores: dict[int, float],
    pick: int,
    barred: tuple[int, ...],
    expected: int | None,
) -> None:
    lines = printed_lines(texts)
    found = headline_over_people_caption(lines, pick, region_start, scores, lambda index: index in barred)
    assert found == expected
