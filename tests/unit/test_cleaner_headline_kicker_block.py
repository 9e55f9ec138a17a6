"""A kicker's block under the <title>'s printing: its headline beats the <title> line the ranker picked."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.headline_kicker_block import headline_under_kicker
from tests.unit.cleaner_fixtures import printed_lines

TITLE = "Mayor plans a helipad beside the town hall"
KICKER = "Town hall works"
BLOCK = "Mayor plans a helipad while the ballroom project stalls"
MENU = ["Home", "News", "Sport"]


@pytest.mark.parametrize(
    ("texts", "scores", "chosen", "expected"),
    [
        # The <title> picked; the page prints it, a kicker, then its own headline in other words.
        ([TITLE, *MENU, TITLE, KICKER, BLOCK], {0: 1.7, 4: 1.3, 6: 0.4}, 0, 6),
        # Blank lines between do not count.
        ([TITLE, *MENU, TITLE, "", KICKER, "", BLOCK], {0: 1.7, 4: 1.3, 8: 0.4}, 0, 8),
        # The pick is the printing itself: a page's headline line, then a byline and a standfirst, as often.
        ([TITLE, *MENU, TITLE, KICKER, BLOCK], {0: 1.0, 4: 1.7, 6: 0.4}, 4, None),
        # Two lines between: no kicker's block.
        ([TITLE, *MENU, TITLE, KICKER, "By Ann Lee", BLOCK], {0: 1.7, 4: 1.3, 7: 0.4}, 0, None),
        # The line between as long as the printing is no kicker.
        ([TITLE, *MENU, TITLE, "The council met on Friday to vote on it", BLOCK], {0: 1.7, 6: 0.4}, 0, None),
        # The line under it shares no story words (a byline, a button), or closes a sentence (the lead).
        ([TITLE, *MENU, TITLE, KICKER, "Exclusive interview"], {0: 1.7, 6: 0.4}, 0, None),
        ([TITLE, *MENU, TITLE, KICKER, "The mayor plans a helipad, aides said."], {0: 1.7, 6: 0.4}, 0, None),
        # The line under the kicker is not ranked.
        ([TITLE, *MENU, TITLE, KICKER, BLOCK], {0: 1.7, 4: 1.3}, 0, None),
        # The printing right under the opening line is its own block, not the page's under its menus.
        ([TITLE, TITLE, KICKER, BLOCK], {0: 1.7, 3: 0.4}, 0, None),
        # A short <title> ("Town hall news") printed again is a section's name, not a headline.
        (
            ["Town hall news", *MENU, "Town hall news", "Works", "Town hall news today"],
            {0: 1.7, 6: 0.4},
            0,
            None,
        ),
    ],
)
def test_headline_under_kicker(
    texts: list[str], scores: dict[int, float], chosen: int, expected: int | None
) -> None:
    assert headline_under_kicker(printed_lines(texts), chosen, scores, lambda index: False) == expected


def test_barred_headline_does_not_count() -> None:
    lines = printed_lines([TITLE, *MENU, TITLE, KICKER, BLOCK])
    assert headline_under_kicker(lines, 0, {0: 1.7, 6: 0.4}, lambda index: index == 6) is None
