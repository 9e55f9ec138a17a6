"""A long sentence right over the story: the ranker's pick gives way to a candidate nearly tying it."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.headline_lead_sentence import headline_over_lead_sentence
from tests.unit.cleaner_fixtures import printed_lines

HEADLINE = "World championships postponed by a year"
LEAD = "What had been rumoured for weeks has now been confirmed by the federation in an official statement"
SHORT_LEAD = "The federation confirmed the rumours of the past weeks"
LEAD_AGAIN = (
    "Rumoured for weeks, now confirmed: the federation has postponed the world championships by a year"
)
HEADLINE_AGAIN = "The federation has postponed the world championships by a year after weeks of rumours"
STORY = "The pandemic still weighs on international sport events and their organisers around the world."


@pytest.mark.parametrize(
    ("texts", "region_start", "scores", "pick", "barred", "expected"),
    [
        # The lead sentence right over the story, the headline a near second: the headline.
        ([HEADLINE, "News", LEAD, STORY], 3, {0: 1.0, 2: 1.6}, 2, (), 0),
        # ... a blank line between the lead and the story: the same.
        ([HEADLINE, "News", LEAD, "", STORY], 4, {0: 1.0, 2: 1.6}, 2, (), 0),
        # A printed line between the lead and the story (a byline): the pick stands.
        ([HEADLINE, LEAD, "By Jane Doe", STORY], 3, {0: 1.0, 1: 1.6}, 1, (), None),
        # A short pick is no lead sentence: it stands.
        ([HEADLINE, "News", SHORT_LEAD, STORY], 3, {0: 1.0, 2: 1.6}, 2, (), None),
        # The ranker is sure of its pick: it stands.
        ([HEADLINE, "News", LEAD, STORY], 3, {0: 0.5, 2: 1.6}, 2, (), None),
        # The other candidate is barred, inside the story or far up the page: none takes the pick's place.
        ([HEADLINE, "News", LEAD, STORY], 3, {0: 1.0, 2: 1.6}, 2, (0,), None),
        ([LEAD, HEADLINE, STORY], 1, {0: 1.6, 1: 1.0}, 0, (), None),
        ([HEADLINE, *["Menu item"] * 8, LEAD, STORY], 10, {0: 1.0, 9: 1.6}, 9, (), None),
        # The other candidate prints the pick's words again (the pick is the headline, printed twice): it stands.
        ([HEADLINE_AGAIN, "News", LEAD_AGAIN, STORY], 3, {0: 1.0, 2: 1.6}, 2, (), None),
        # Of several others, the best-scored one.
        ([HEADLINE, "Sport news", LEAD, STORY], 3, {0: 1.0, 1: 0.2, 2: 1.6}, 2, (), 0),
    ],
)
def test_a_lead_sentence_over_the_story_gives_way(
    texts: list[str],
    region_start: int,
    scores: dict[int, float],
    pick: int,
    barred: tuple[int, ...],
    expected: int | None,
) -> None:
    lines = printed_lines(texts)
    found = headline_over_lead_sentence(lines, pick, region_start, scores, lambda index: index in barred)
    assert found == expected
