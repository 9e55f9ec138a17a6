"""The headline under the <title>'s printing: it beats the ranker's pick of the printing when nearly tied."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.headline_title_block import headline_under_title_printing
from tests.unit.cleaner_fixtures import printed_lines

TITLE = "Town hall works: Mayor plans a helipad beside the town hall"
SITE_TITLE = f"{TITLE} | The Courier"
HEADLINE = "Town hall works Mayor plans a helipad beside the ballroom"
MENU = ["Home", "News", "Sport"]


@pytest.mark.parametrize(
    ("texts", "scores", "chosen", "expected"),
    [
        # The pick prints the <title>'s headline; the page's own headline right under it, nearly tied.
        ([SITE_TITLE, *MENU, TITLE, HEADLINE], {4: 3.0, 5: 2.2}, 4, 5),
        # A short label (a section's name, a date) between the two; blank lines do not count.
        ([SITE_TITLE, *MENU, TITLE, "", "News", "", HEADLINE], {4: 3.0, 8: 2.2}, 4, 8),
        # Short furniture between (a comment count, a date, buttons), up to the near lines' reach.
        (
            [SITE_TITLE, *MENU, TITLE, "5 comments", "04.05.20 14:50", "Print", "Share", HEADLINE],
            {4: 3.0, 9: 2.2},
            4,
            9,
        ),
        ([SITE_TITLE, *MENU, TITLE, *(["Share"] * 8), HEADLINE], {4: 3.0, 13: 2.2}, 4, None),
        # Scored far behind the pick: a teaser or a standfirst sharing the story's words.
        ([SITE_TITLE, *MENU, TITLE, HEADLINE], {4: 3.0, 5: 1.5}, 4, None),
        # Printed again elsewhere on the page, it gives way from further behind; printed once, not.
        ([SITE_TITLE, *MENU, HEADLINE, *MENU, TITLE, HEADLINE], {8: 3.0, 9: 1.5}, 8, 9),
        ([SITE_TITLE, *MENU, HEADLINE, *MENU, TITLE, HEADLINE], {8: 3.0, 9: 0.5}, 8, None),
        # The line under it closes a sentence (a standfirst, the lead).
        (
            [SITE_TITLE, *MENU, TITLE, "The mayor plans a helipad beside the town hall, aides said."],
            {4: 3.0, 5: 2.9},
            4,
            None,
        ),
        # It shares no story words (a byline).
        ([SITE_TITLE, *MENU, TITLE, "By Ann Lee"], {4: 3.0, 5: 2.9}, 4, None),
        # It is not ranked.
        ([SITE_TITLE, *MENU, TITLE, HEADLINE], {4: 3.0}, 4, None),
        # The line between as long as the pick: no label, so the headline two lines under stands apart.
        (
            [
                SITE_TITLE,
                *MENU,
                TITLE,
                "Council members met on Friday evening to vote on the plans",
                HEADLINE,
            ],
            {4: 3.0, 6: 2.2},
            4,
            None,
        ),
        # The pick prints the <title> in other words: not the <title>'s printing.
        ([SITE_TITLE, *MENU, "Mayor wants a helipad", HEADLINE], {4: 3.0, 5: 2.2}, 4, None),
        # The printing right under the opening line is the opening line's own block.
        ([SITE_TITLE, TITLE, HEADLINE], {1: 3.0, 2: 2.2}, 1, None),
        # The pick is the opening line itself.
        ([TITLE, *MENU, TITLE, HEADLINE], {0: 3.0, 5: 2.2}, 0, None),
    ],
)
def test_headline_under_title_printing(
    texts: list[str], scores: dict[int, float], chosen: int, expected: int | None
) -> None:
    assert (
        headline_under_title_printing(printed_lines(texts), chosen, scores, lambda index: False) == expected
    )


def test_barred_headline_does_not_count() -> None:
    lines = printed_lines([SITE_TITLE, *MENU, TITLE, HEADLINE])
    assert headline_under_title_printing(lines, 4, {4: 3.0, 5: 2.2}, lambda index: index == 5) is None
