"""The <title> printed word for word: the page's line repeating its <title>'s headline beats a pick in other words."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.headline_title_printed import title_printed_over_pick
from tests.unit.cleaner_fixtures import printed_lines

TITLE = "Harbour wall finished after the storm damage | Coast Herald"
HEADLINE = "Harbour wall finished after the storm damage"
OTHER = "Town celebrates as the new harbour wall opens"
MENU = ["Coast Herald", "News", "Sport"]


@pytest.mark.parametrize(
    ("texts", "scores", "expected"),
    [
        # The page prints its <title>'s headline under the menus; the ranker picked a teaser's wording further down.
        ([TITLE, *MENU, HEADLINE, "Video", "By Ann Lee", OTHER], {4: 1.0, 7: 2.0}, 4),
        # ... or above it (a video's title over the story's headline line).
        ([TITLE, *MENU, OTHER, "Video", "By Ann Lee", HEADLINE], {4: 2.0, 7: 1.0}, 7),
        # The best-scored of two printings.
        (
            [TITLE, *MENU, HEADLINE, "Video", "By Ann Lee", OTHER, "Video", HEADLINE],
            {4: 0.5, 7: 2.0, 9: 1.0},
            9,
        ),
        # The pick holds the <title>'s headline behind a label: another printing, the page's line word for word wins.
        ([TITLE, *MENU, HEADLINE, "Video", "By Ann Lee", "Storm desk: " + HEADLINE], {4: 1.0, 7: 2.0}, 4),
        # The pick heads a kicker's block right under the printing (a breadcrumb's last step, a kicker, the
        # page's own headline): the pick stands.
        ([TITLE, *MENU, HEADLINE, "Storm repairs", OTHER], {4: 1.0, 6: 2.0}, None),
        # ... a kicker longer than a short headline under it.
        ([TITLE, *MENU, HEADLINE, "After the storm of the winter", "Wall opens"], {4: 1.0, 6: 2.0}, None),
        # ... but a line between as long as the printing is no kicker.
        (
            [TITLE, *MENU, HEADLINE, "The harbour reopened to boats on Friday morning", OTHER],
            {4: 1.0, 6: 2.0},
            4,
        ),
        # The pick is the opening line, or prints the headline itself.
        ([TITLE, *MENU, HEADLINE], {0: 2.0, 4: 1.0}, None),
        ([TITLE, *MENU, HEADLINE, HEADLINE], {4: 1.0, 5: 2.0}, None),
        # No line prints the <title>'s headline word for word.
        ([TITLE, *MENU, "Harbour wall finished", "Video", "By Ann Lee", OTHER], {4: 1.0, 7: 2.0}, None),
        # A printing right under the opening line is its own block (an ad slot's label printed twice).
        ([HEADLINE, "sponsored", HEADLINE, OTHER], {2: 1.0, 3: 2.0}, None),
        # A short opening line ("Advertisement", a section's name) printed again is no headline.
        (
            ["Advertisement for you here", *MENU, "Advertisement for you here", "Video", "By Ann Lee", OTHER],
            {4: 1.0, 7: 2.0},
            None,
        ),
        # A printing the ranker did not rank does not count.
        ([TITLE, *MENU, HEADLINE, "Video", "By Ann Lee", OTHER], {7: 2.0}, None),
    ],
)
def test_title_printed_over_pick(texts: list[str], scores: dict[int, float], expected: int | None) -> None:
    lines = printed_lines(texts)
    chosen = max(scores, key=lambda index: scores[index])
    assert title_printed_over_pick(lines, chosen, scores, lambda index: False) == expected


def test_barred_printing_does_not_count() -> None:
    lines = printed_lines([TITLE, *MENU, HEADLINE, "Video", "By Ann Lee", OTHER])
    assert title_printed_over_pick(lines, 6, {4: 1.0, 7: 2.0}, lambda index: index == 4) is None
