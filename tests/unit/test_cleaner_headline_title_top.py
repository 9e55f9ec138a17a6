"""A reworded line right under the <title>: the <title>, printed nowhere else, names a page with no header between."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.headline_title_top import title_over_top_rewording
from tests.unit.cleaner_fixtures import printed_lines

TITLE = "Mayor plans a helipad beside the town hall"
DEK = "Helipad plans: what the mayor wants for the square"
LEAD = "The council will vote on the plans on Friday, and the mayor expects a narrow majority for them."


@pytest.mark.parametrize(
    ("texts", "scores", "chosen", "expected"),
    [
        # The pick right under the <title>, in other words about the same story.
        ([TITLE, DEK, LEAD], {0: 1.0, 1: 2.5}, 1, 0),
        # The second printed line under it; blank lines do not count.
        ([TITLE, "", "By Ann Lee", "", DEK, LEAD], {0: 1.0, 4: 2.5}, 4, 0),
        # The third printed line under it: a header stands between.
        ([TITLE, "Home", "News", DEK, LEAD], {0: 1.0, 3: 2.5}, 3, None),
        # The pick shares no story words with the <title> (another story, the site's name).
        ([TITLE, "Weather for the weekend: sunny", LEAD], {0: 1.0, 1: 2.5}, 1, None),
        # The pick prints a part of the <title> (its headline without a section's name).
        (["Town hall works: " + TITLE, TITLE, LEAD], {0: 1.0, 1: 2.5}, 1, None),
        # The pick holds the opening line: a "Headline | Site" line under the site's name opening the page.
        (["Town Courier", "Mayor plans a helipad | Town Courier", LEAD], {0: 1.0, 1: 2.5}, 1, None),
        # The page prints its <title> again further down: that printing is the headline line to read.
        ([TITLE, DEK, LEAD, TITLE], {0: 1.0, 1: 2.5, 3: 0.5}, 1, None),
        # The opening line is not ranked.
        ([TITLE, DEK, LEAD], {1: 2.5}, 1, None),
        # The pick is the opening line itself.
        ([TITLE, DEK, LEAD], {0: 2.5, 1: 1.0}, 0, None),
    ],
)
def test_title_over_top_rewording(
    texts: list[str], scores: dict[int, float], chosen: int, expected: int | None
) -> None:
    assert title_over_top_rewording(printed_lines(texts), chosen, scores, lambda index: False) == expected


def test_barred_title_does_not_count() -> None:
    assert (
        title_over_top_rewording(
            printed_lines([TITLE, DEK, LEAD]), 1, {0: 1.0, 1: 2.5}, lambda index: index == 0
        )
        is None
    )
