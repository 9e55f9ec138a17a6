"""combine: a default reading that agrees with the witness is read again where it skipped a block of the story."""

from __future__ import annotations

import pytest

from newsdrop.models import Hints
from newsdrop.text.combine import combine
from tests.unit.combine_fixtures import FEATURE, MENU

LONG_FEATURE = [
    *FEATURE,
    "Shop owners on the quay said they feared losing trade during the summer months of the building work.",
    "The council promised signs on the main road pointing visitors to the shops that stay open all season.",
    "A local diving club offered to help survey the seabed once the old stones have been lifted away.",
    "Some residents asked whether the new wall would be high enough to stop the largest winter waves.",
    "The engineers answered that it would stand a metre higher than the old one along its whole length.",
    "Funding from the regional government will cover about half of the cost, the treasurer told the meeting.",
    "The rest is to come from a loan that the town will repay over twenty years from its harbour fees.",
    "Work on the southern end is due to begin first, because the storms did the most damage there.",
]
PAGE_TEXT = "\n".join(["Harbour wall to be rebuilt", MENU, *LONG_FEATURE, "Related"])
HINTS = Hints(title="Harbour wall to be rebuilt")


@pytest.mark.parametrize(
    ("skipped", "asked"),
    [
        # three paragraphs (53 words, over _SKIPPED_STORY_MIN_WORDS) between its own: read again, they are filled
        (LONG_FEATURE[5:8], True),
        # one paragraph: the reading agrees, no second reading
        (LONG_FEATURE[5:6], False),
        # nothing skipped
        ([], False),
    ],
)
def test_a_reading_that_skipped_a_block_of_the_story_is_read_again(skipped: list[str], asked: bool) -> None:
    calls: list[bool] = []

    def recall() -> str:
        calls.append(True)
        return "\n".join(LONG_FEATURE)

    default = [line for line in LONG_FEATURE if line not in skipped]
    text = combine("\n".join(default), recall, PAGE_TEXT, HINTS).text
    assert bool(calls) == asked
    assert text.split("\n") == (LONG_FEATURE if asked else default)
