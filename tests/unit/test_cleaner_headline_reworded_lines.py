"""Header lines another header line says again in other words (the page's <title> against the printed headline)."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.headline_facts import _reworded_lines
from tests.unit.cleaner_fixtures import printed_lines

TITLE = "HS Roundup: Central beats Northside in overtime thriller"
PRINTED = "High School Roundup: Central beats Northside in overtime"
OTHER = "Weather service warns of heavy snow across the valley"
NEAR = "Central fans celebrate downtown after the game"
SHORT = "Sports"


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # Two printings of one headline in other words: both lines are reworded.
        ([TITLE, OTHER, PRINTED], {0, 2}),
        # A teaser sharing a word or two is not.
        ([TITLE, NEAR, OTHER], set()),
        # The same line printed twice is a repeat, not a rewording.
        ([TITLE, TITLE, OTHER], set()),
        # Lines of fewer than four words are not read.
        ([SHORT, TITLE, OTHER], set()),
    ],
)
def test_reworded_lines(texts: list[str], expected: set[int]) -> None:
    lines = printed_lines(texts)
    assert _reworded_lines(lines, 0, len(lines)) == expected
