"""A headline over its standfirst or bullet points: the run of long lines over the ranker's pick gives the headline."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.headline_standfirst import headline_over_block
from newsdrop.text.cleaner.lines import _Line
from newsdrop.text.line_keys import count_words, normalize_line_key

HEADLINE = "Harbour wall finished two years early as the mild winter lets crews pour concrete"
STANDFIRST = "Fishermen say the new wall already keeps the worst of the autumn storms out of the basin"
BULLET = "The authority spent four million pounds less than it had planned in its first budget"
SHORT_HEADLINE = "Harbour wall finished two years early"
KICKER = "Harbour news"
TEASER = "Council votes to close the old swimming baths on the sea front next spring"
TRAIL = "Home > News > Harbour wall finished two years early as the winter stays mild"
MENU_ROW = "Weather Extreme Weather Climate Capital Weather Gang Environment Climate Lab"
SAME_WORDS = "News Harbour Fishermen say the new wall already keeps the worst of the autumn storms out"


def _lines(texts: list[str], claimed: frozenset[int] = frozenset()) -> list[_Line]:
    lines = [_Line(n, text, normalize_line_key(text), count_words(text)) for n, text in enumerate(texts)]
    for index in claimed:
        lines[index].assign("boilerplate", "navigation")
    return lines


@pytest.mark.parametrize(
    ("texts", "scores", "pick", "expected"),
    [
        # The standfirst printed under its headline, the ranker a little surer of it: the headline.
        ([HEADLINE, STANDFIRST], {0: 1.8, 1: 2.5}, 1, 0),
        # A blank line between them changes nothing.
        ([HEADLINE, "", STANDFIRST], {0: 1.8, 2: 2.5}, 2, 0),
        # The second of several bullet points: the run's best line over it (not the bullet above).
        ([HEADLINE, BULLET, STANDFIRST, BULLET], {0: 1.5, 1: 1.2, 2: 3.2, 3: 2.3}, 2, 0),
        # ... also when a menu row opens the run: the best-scored line of the run, not its first.
        ([MENU_ROW, HEADLINE, STANDFIRST], {0: -1.0, 1: 1.8, 2: 2.5}, 2, 1),
        # The ranker is sure of the pick: it stands.
        ([HEADLINE, STANDFIRST], {0: 0.8, 1: 3.0}, 1, None),
        # The line over it is a poor headline to the ranker (a teaser of a list): the pick stands.
        ([TEASER, STANDFIRST], {0: 0.2, 1: 0.9}, 1, None),
        # A short pick reads as a headline, not a standfirst.
        ([HEADLINE, SHORT_HEADLINE], {0: 1.8, 1: 2.5}, 1, None),
        # A short kicker over the pick is no headline.
        ([KICKER, STANDFIRST], {0: 1.8, 1: 2.5}, 1, None),
        # A kicker (or a picture's credit) printed between the headline and its standfirst is read past ...
        ([HEADLINE, KICKER, STANDFIRST], {0: 1.8, 2: 2.5}, 2, 0),
        ([HEADLINE, KICKER, "", STANDFIRST], {0: 1.8, 1: -1.0, 3: 2.5}, 3, 0),
        # ... one short line only, and only right over the pick: over the run it opens another block.
        ([HEADLINE, KICKER, KICKER, STANDFIRST], {0: 1.8, 3: 2.5}, 3, None),
        ([HEADLINE, KICKER, BULLET, STANDFIRST], {0: 1.8, 2: 1.0, 3: 2.5}, 3, 2),
        # The line over it is no ranked candidate.
        ([HEADLINE, STANDFIRST], {1: 2.5}, 1, None),
        # A line a rule claimed, or a barred one, is no headline.
        ([HEADLINE, STANDFIRST], {0: 1.8, 1: 2.5}, 1, "claimed"),
        ([MENU_ROW, STANDFIRST], {0: 1.8, 1: 2.5}, 1, "barred"),
        # A breadcrumb trail over the headline.
        ([TRAIL, STANDFIRST], {0: 1.8, 1: 2.5}, 1, None),
        # The pick's own words printed again over it (a trail or a site's printing): the pick stands.
        ([SAME_WORDS, STANDFIRST], {0: 1.8, 1: 2.5}, 1, None),
    ],
)
def test_the_headline_over_its_standfirst(
    texts: list[str], scores: dict[int, float], pick: int, expected: int | str | None
) -> None:
    lines = _lines(texts, frozenset({0}) if expected == "claimed" else frozenset())
    barred = (lambda index: index == 0) if expected == "barred" else (lambda index: False)
    found = headline_over_block(lines, pick, scores, barred)
    assert found == (None if isinstance(expected, str) else expected)
