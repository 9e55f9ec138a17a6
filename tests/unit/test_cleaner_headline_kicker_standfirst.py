"""A standfirst opening with the kicker printed over the headline gives way to that headline."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.headline_kicker_standfirst import headline_over_kicker_standfirst
from newsdrop.text.cleaner.headline_overrides import pick_over_ranker
from tests.unit.cleaner_fixtures import printed_lines

KICKER = "Harbourtown"
HEADLINE = "The wall from below"
STANDFIRST = (
    "Harbourtown: While the council met in the town hall, dock workers gathered on the pier to protest"
)
OTHER_OPENING = (
    "Elsewhere: While the council met in the town hall, dock workers gathered on the pier to protest"
)
SHORT = "Harbourtown: council meets on the pier"
LONG_KICKER = "News from the old harbour office"
LONG_KICKER_STANDFIRST = "News from the old harbour office: While the council met in the town hall, dock workers gathered to protest"
SENTENCE = "The wall was finished."
BYLINE = "By Jane Doe"
BODY = "The harbour authority said on Friday that the wall was finished two years before the date it had set."


def _never(index: int) -> bool:
    return False


@pytest.mark.parametrize(
    ("texts", "scores", "pick", "expected"),
    [
        # Kicker, headline, a standfirst opening with the kicker: the headline.
        ([KICKER, HEADLINE, STANDFIRST, BYLINE, BODY], {1: 0.8, 2: 2.9}, 2, 1),
        # Blank lines between the block's lines are skipped.
        ([KICKER, "", HEADLINE, "", STANDFIRST, BODY], {2: 0.8, 4: 2.9}, 4, 2),
        # The ranker is sure of the long line: it stands.
        ([KICKER, HEADLINE, STANDFIRST, BODY], {1: 0.1, 2: 2.9}, 2, None),
        # The long line opens with other words than the kicker's.
        ([KICKER, HEADLINE, OTHER_OPENING, BODY], {1: 0.8, 2: 2.9}, 2, None),
        # A short "Kicker: headline" line is a headline itself.
        ([KICKER, HEADLINE, SHORT, BODY], {1: 0.8, 2: 2.9}, 2, None),
        # An opening of more than four words is no kicker.
        ([LONG_KICKER, HEADLINE, LONG_KICKER_STANDFIRST, BODY], {1: 0.8, 2: 2.9}, 2, None),
        # The line over the pick closes a sentence: no headline.
        ([KICKER, SENTENCE, STANDFIRST, BODY], {1: 0.8, 2: 2.9}, 2, None),
        # The line over the pick is not ranked.
        ([KICKER, HEADLINE, STANDFIRST, BODY], {2: 2.9}, 2, None),
        # No kicker over the headline.
        ([HEADLINE, STANDFIRST, BODY], {0: 0.8, 1: 2.9}, 1, None),
    ],
)
def test_headline_over_kicker_standfirst(
    texts: list[str], scores: dict[int, float], pick: int, expected: int | None
) -> None:
    assert headline_over_kicker_standfirst(printed_lines(texts), pick, scores, _never) == expected


def test_barred_headline_stands_aside() -> None:
    lines = printed_lines([KICKER, HEADLINE, STANDFIRST, BODY])
    assert headline_over_kicker_standfirst(lines, 2, {1: 0.8, 2: 2.9}, lambda index: index == 1) is None


def test_in_the_override_chain() -> None:
    lines = printed_lines([KICKER, HEADLINE, STANDFIRST, BYLINE, BODY])
    assert pick_over_ranker(lines, 2, 4, {1: 0.8, 2: 2.9}, _never) == 1
