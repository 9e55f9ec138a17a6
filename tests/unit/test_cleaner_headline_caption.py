"""A caption beside its picture's credit: the ranker's pick gives way to a candidate nearly tying it."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.headline_caption import headline_beside_caption, same_headline
from tests.unit.cleaner_fixtures import printed_lines

HEADLINE = "What alternative therapies can do for cancer patients"
BYLINE = "By Jane Doe, 19 October 2019"
CAPTION = "The harbour master with the mayor at the new breakwater"
CREDIT = "Foto: Harbour Authority"
COPYRIGHT = "© Getty Images"
NOT_A_CREDIT = "Par la rédaction et AFP"
LONG_CREDITED = "The harbour master with the mayor at the new breakwater on Tuesday. Foto: Harbour Authority"


@pytest.mark.parametrize(
    ("texts", "scores", "pick", "barred", "expected"),
    [
        # A caption over its credit, the headline a near second: the headline.
        ([HEADLINE, BYLINE, CAPTION, CREDIT], {0: 2.0, 2: 2.4}, 2, (), 0),
        # ... the credit over the caption, a blank line between: the same.
        ([HEADLINE, BYLINE, COPYRIGHT, "", CAPTION], {0: 2.0, 4: 2.4}, 4, (), 0),
        # The ranker is sure of its pick: it stands.
        ([HEADLINE, BYLINE, CAPTION, CREDIT], {0: 1.0, 2: 2.4}, 2, (), None),
        # No credit beside the pick (a byline's agency is no picture's credit): it stands.
        ([HEADLINE, BYLINE, CAPTION], {0: 2.0, 2: 2.4}, 2, (), None),
        ([HEADLINE, CAPTION, NOT_A_CREDIT], {0: 2.0, 1: 2.4}, 1, (), None),
        # A long line closing in a credit is a caption itself, no bare credit beside the pick.
        ([HEADLINE, CAPTION, LONG_CREDITED], {0: 2.0, 1: 2.4}, 1, (), None),
        # The other candidate is barred, or beside a credit too: none takes the pick's place.
        ([HEADLINE, BYLINE, CAPTION, CREDIT], {0: 2.0, 2: 2.4}, 2, (0,), None),
        ([CREDIT, HEADLINE, BYLINE, CAPTION, CREDIT], {1: 2.0, 3: 2.4}, 3, (), None),
        # A candidate far up the page (a menu's label over the story's picture) is no headline of the picture.
        (["Topics from A to Z", *["Menu item"] * 8, CREDIT, CAPTION], {0: 2.0, 10: 2.4}, 10, (), None),
        (["Topics from A to Z", *["Menu item"] * 6, CREDIT, CAPTION], {0: 2.0, 8: 2.4}, 8, (), 0),
        # ... nor is a nearer line the ranker puts behind that far one: the pick stands.
        (
            ["Topics from A to Z", *["Menu item"] * 8, HEADLINE, CREDIT, CAPTION],
            {0: 2.3, 9: 2.0, 11: 2.4},
            11,
            (),
            None,
        ),
        # Of several others, the best-scored one.
        ([HEADLINE, BYLINE, CAPTION, CREDIT, "Harbour news in brief"], {0: 2.0, 2: 2.4, 4: 1.0}, 2, (), 0),
    ],
)
def test_a_caption_beside_its_credit_gives_way(
    texts: list[str], scores: dict[int, float], pick: int, barred: tuple[int, ...], expected: int | None
) -> None:
    lines = printed_lines(texts)
    assert headline_beside_caption(lines, pick, scores, lambda index: index in barred) == expected


@pytest.mark.parametrize(
    ("one", "other", "expected"),
    [
        # A trail ending in the headline, and the headline: one headline printed twice.
        ("Home News Harbour wall finished early", "Harbour wall finished early", True),
        ("Harbour wall finished early | Coast Herald", "Harbour wall finished early!", True),
        # A headline and its standfirst, a label over the headline: other words.
        (
            "Harbour wall finished early",
            "Crews poured concrete all winter, and the town hopes for calm.",
            False,
        ),
        ("Coastal towns", "Harbour wall finished early", False),
    ],
)
def test_same_headline(one: str, other: str, expected: bool) -> None:
    first, second = printed_lines([one, other])
    assert same_headline(first, second) is expected
