"""A headline typed with plain quotes: the ranker's pick gives way to a nearly tied typeset printing of it."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.headline_plain_copy import typeset_copy
from tests.unit.cleaner_fixtures import printed_lines

PLAIN = "Let's Get Behind The Statement Tee"
TYPESET = "For Parties This Year, Let’s Get Behind The Statement Tee"
TYPESET_SAME = "Let’s Get Behind The Statement Tee"
PLAIN_LONG = "For Parties This Year, Let's Get Behind The Statement Tee"
MIXED = 'For Parties This Year, Let’s Get Behind The "Statement" Tee'
OTHER_STORY = "Why We’re Done With Statement Sneakers"
DOUBLE_PLAIN = 'Minister calls plan "a disaster"'
DOUBLE_TYPESET = "Minister calls plan „a disaster“"
NO_QUOTES = "Let us get behind the statement tee"
SHORT_PLAIN = "It's on"
SHORT_TYPESET = "Yes, it’s on"
QUOTING = (
    "Why this winter’s party season is the moment to say “Let’s Get Behind The Statement Tee” and mean it, "
    "our editors argue"
)
STORY = "In a year when so much happened, graphic tees make a lot of sense for the holidays."


@pytest.mark.parametrize(
    ("texts", "scores", "pick", "barred", "expected"),
    [
        # The plain-typed copy picked, the typeset headline (behind a lead-in) a near second: the typeset one.
        ([PLAIN, TYPESET, "Jane Doe", STORY], {0: 2.8, 1: 1.3, 2: -4.0}, 0, (), 1),
        # ... printed over the plain copy, or the same length (only the quotes differ): the same.
        ([TYPESET, "News", PLAIN, STORY], {0: 1.3, 2: 2.8}, 2, (), 0),
        ([TYPESET_SAME, PLAIN, STORY], {0: 1.3, 1: 2.8}, 1, (), 0),
        # Double quotes, typographic in another language's style: the same.
        ([DOUBLE_PLAIN, DOUBLE_TYPESET, STORY], {0: 2.0, 1: 1.0}, 0, (), 1),
        # The pick is typeset already, or has no quotes: it stands.
        ([TYPESET, PLAIN_LONG, STORY], {0: 2.8, 1: 1.3}, 0, (), None),
        ([NO_QUOTES, TYPESET, STORY], {0: 2.8, 1: 1.3}, 0, (), None),
        # The other candidate mixes plain and typographic quotes, or prints another story: the pick stands.
        ([PLAIN, MIXED, STORY], {0: 2.8, 1: 1.3}, 0, (), None),
        ([PLAIN, OTHER_STORY, STORY], {0: 2.8, 1: 1.3}, 0, (), None),
        # A paragraph quoting the headline inside a longer text is no printing of it: the pick stands.
        ([PLAIN, QUOTING, STORY], {0: 2.8, 1: 1.3}, 0, (), None),
        # A copy of two words is found in other lines by chance: the pick stands.
        ([SHORT_PLAIN, SHORT_TYPESET, STORY], {0: 2.8, 1: 1.3}, 0, (), None),
        # The ranker is sure of its pick, the typeset printing is barred or far down the page: the pick stands.
        ([PLAIN, TYPESET, STORY], {0: 3.5, 1: 1.3}, 0, (), None),
        ([PLAIN, TYPESET, STORY], {0: 2.8, 1: 1.3}, 0, (1,), None),
        ([PLAIN, *["Menu item"] * 8, TYPESET, STORY], {0: 2.8, 9: 1.3}, 0, (), None),
        # A pick the ranker did not score: none takes its place.
        ([PLAIN, TYPESET, STORY], {1: 1.3}, 0, (), None),
    ],
)
def test_a_plain_typed_copy_gives_way_to_the_typeset_headline(
    texts: list[str],
    scores: dict[int, float],
    pick: int,
    barred: tuple[int, ...],
    expected: int | None,
) -> None:
    lines = printed_lines(texts)
    assert typeset_copy(lines, pick, scores, lambda index: index in barred) == expected
