"""The masthead under the <title>: the site's name printed right under the "Post | Site" line is never the headline."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.headline_masthead import title_over_masthead
from tests.unit.cleaner_fixtures import printed_lines

TITLE = "Fog soup. | Life, the master and me..."
MASTHEAD = "Life, the master and me…"
MENU = ["Home", "Privacy", "Imprint"]


@pytest.mark.parametrize(
    ("texts", "scores", "expected"),
    [
        # The masthead picked; the post's headline printed under the menus takes its place.
        ([TITLE, MASTHEAD, *MENU, "Fog soup."], {0: 0.8, 1: 2.0, 5: -0.4}, 5),
        # No ranked line prints the post's headline: the pick stands.
        ([TITLE, MASTHEAD, *MENU, "Fog soup."], {0: 0.8, 1: 2.0}, None),
        # The masthead prints an en dash where the <title> has a hyphen.
        (
            ["Giving advice | German Blog - Spring 08", "German Blog – Spring 08", *MENU, "Giving advice"],
            {0: -0.5, 1: 1.5, 5: -1.0},
            5,
        ),
        # Blank lines between do not count: the masthead is the first printed line under the <title>.
        ([TITLE, "", MASTHEAD, *MENU, "Fog soup."], {0: 0.8, 2: 2.0, 6: -0.4}, 6),
        # The site's name further down (a footer's) is not the masthead under the <title>.
        ([TITLE, *MENU, MASTHEAD, "Fog soup."], {0: 0.8, 4: 2.0, 5: -0.4}, None),
        # A <title> opening with the site's name ("Site | Post"): its opening part printed under it is the post's.
        (["Life, the master and me... | Fog soup over the lake", MASTHEAD], {0: 0.8, 1: 2.0}, None),
        # The line under the <title> prints its opening part (the headline without the site's name): it stands.
        (["Fog soup over the lake | Life", "Fog soup over the lake", *MENU], {0: 0.8, 1: 2.0}, None),
        # The pick is not the line under the <title>.
        ([TITLE, MASTHEAD, *MENU, "Fog soup."], {0: 0.8, 1: 0.5, 5: 2.0}, None),
    ],
)
def test_title_over_masthead(texts: list[str], scores: dict[int, float], expected: int | None) -> None:
    lines = printed_lines(texts)
    chosen = max(scores, key=lambda index: scores[index])
    assert title_over_masthead(lines, chosen, scores, lambda index: False) == expected


def test_barred_printing_does_not_count() -> None:
    lines = printed_lines([TITLE, MASTHEAD, *MENU, "Fog soup."])
    assert title_over_masthead(lines, 1, {0: 0.8, 1: 2.0, 5: -0.4}, lambda index: index == 5) is None
