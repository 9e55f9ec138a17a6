"""A short bare label over the headline (a kicker, a topic's or a section's name): the line under it is the headline."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.headline_label import headline_under_label
from newsdrop.text.cleaner.headline_overrides import pick_over_ranker
from tests.unit.cleaner_fixtures import printed_lines

LABEL = "War in the North"
SECTION = "News from the harbour office"
HEADLINE = "Harbour wall finished two years early"
QUESTION = "Who will pay for the new harbour wall?"
STANDFIRST = "Crews poured the last of the concrete on Friday."
LONG_LINE = "Crews poured the last of the concrete on Friday after a winter mild enough to work through"
SHORT_HEADLINE = "Harbour wall done"
COLON_HEADLINE = "Harbour: wall finished"
QUOTED = "»Wall finished«"
SAME_WORDS = "Harbour wall finished"
LOWER = "read more about the wall"
BYLINE = "By Jane Doe"
BODY = "The harbour authority said on Friday that the wall was finished two years before the date it had set."


@pytest.mark.parametrize(
    ("texts", "scores", "pick", "expected"),
    [
        # A topic's label over the headline, the ranker a hair surer of the label: the headline.
        ([LABEL, HEADLINE, BYLINE, BODY], {0: 2.0, 1: 1.8}, 0, 1),
        # A section's name, a blank line between them, a question headline.
        ([SECTION, "", QUESTION, BODY], {0: 2.0, 2: 1.2}, 0, 2),
        # The ranker is sure of the label: it stands.
        ([LABEL, HEADLINE, BODY], {0: 2.5, 1: 1.0}, 0, None),
        # A short headline with a headline's marks (a colon, quotes) is no bare label: it stands.
        ([COLON_HEADLINE, HEADLINE, BODY], {0: 2.0, 1: 1.8}, 0, None),
        ([QUOTED, HEADLINE, BODY], {0: 2.0, 1: 1.8}, 0, None),
        # A longer pick reads as a headline itself.
        ([HEADLINE + " after a mild winter", SHORT_HEADLINE, BODY], {0: 2.0, 1: 1.8}, 0, None),
        # The line under it is a standfirst (a sentence, or longer than a headline) or a lower-case button.
        ([SHORT_HEADLINE, STANDFIRST, BODY], {0: 2.0, 1: 1.8}, 0, None),
        ([SHORT_HEADLINE, LONG_LINE, BODY], {0: 2.0, 1: 1.8}, 0, None),
        ([LABEL, LOWER, BODY], {0: 2.0, 1: 1.8}, 0, None),
        # The line under it prints the pick's words again (another printing of one headline).
        ([SAME_WORDS, HEADLINE, BODY], {0: 2.0, 1: 1.8}, 0, None),
        # The line under it is no ranked candidate, or a barred one.
        ([LABEL, HEADLINE, BODY], {0: 2.0}, 0, None),
        ([LABEL, HEADLINE, BODY], {0: 2.0, 1: 1.8}, 0, "barred"),
        # The headline-shaped line stands two lines under the label (a byline between): the pick stands.
        ([LABEL, BYLINE, HEADLINE, BODY], {0: 2.0, 2: 1.8}, 0, None),
    ],
)
def test_the_headline_under_a_label(
    texts: list[str], scores: dict[int, float], pick: int, expected: int | str | None
) -> None:
    lines = printed_lines(texts)
    barred = (lambda index: index == 1) if expected == "barred" else (lambda index: False)
    found = headline_under_label(lines, pick, len(texts) - 1, scores, barred)
    assert found == (None if isinstance(expected, str) else expected)


def test_a_line_of_the_story_is_no_label() -> None:
    # The region starts at the label: a line of the story's head, not a label over its headline.
    lines = printed_lines([LABEL, HEADLINE, BODY])
    assert headline_under_label(lines, 0, 0, {0: 2.0, 1: 1.8}, lambda index: False) is None


TITLE = "Jane Doe surprised by her manager on the ward | Coast Herald"
NAME_LABEL = "Jane Doe"
UNDER_NAME = "Surprise visit from her manager on the ward"
UNDER_SENTENCE = "She was surprised by her manager on the ward."


@pytest.mark.parametrize(
    ("under", "expected"),
    [
        # The reworded <title> gives way to a printed line sharing its words, a name over the headline: the
        # headline under the name.
        (UNDER_NAME, 5),
        # The line under the name is a sentence (a standfirst): the name the <title> gave way to stands.
        (UNDER_SENTENCE, 4),
    ],
)
def test_a_label_the_title_gave_way_to_gives_way_to_the_headline_under_it(under: str, expected: int) -> None:
    lines = printed_lines([TITLE, "Home", "News", "Sport", NAME_LABEL, under, BODY])
    scores = {0: 2.0, 4: 1.2, 5: 0.8}
    assert pick_over_ranker(lines, 0, 6, scores, lambda index: False) == expected
