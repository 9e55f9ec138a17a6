"""A menu row repeating the steps of a breadcrumb trail printed beside it is never the headline."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.headline_trail_row import repeats_trail
from tests.unit.cleaner_fixtures import printed_lines

TRAIL = "Home › Tech & Science › Gadgets › Article"
HEADLINE = "Small projector turns the living room into a cinema"
BODY = "The projector fits in a coat pocket and still fills a wall with a sharp picture after dark."


@pytest.mark.parametrize(
    ("texts", "index", "expected"),
    [
        # Two of the trail's steps as a row under it, the headline between: a menu row.
        ([TRAIL, HEADLINE, "Tech & Science Gadgets", BODY], 2, True),
        # Separated by a bar, and the trail printed under the row.
        (["Tech & Science | Gadgets", "", TRAIL, HEADLINE, BODY], 0, True),
        # One step alone is a section's name (maybe a kicker): not this rule's.
        ([TRAIL, "Gadgets", HEADLINE, BODY], 1, False),
        # A headline holding a step's words holds other words too.
        ([TRAIL, "Gadgets we loved in Tech & Science this year", BODY], 1, False),
        # The headline itself under the trail.
        ([TRAIL, HEADLINE, BODY], 1, False),
        # A "Story > Site" pair is no trail.
        (["Gadgets › Tech & Science", "Tech & Science Gadgets", BODY], 1, False),
        # The trail is printed far from the row (more than four printed lines away): another block.
        ([TRAIL, "a", "b", "c", "d", "e", "Tech & Science Gadgets", BODY], 6, False),
        # A line longer than a menu row is not read against the trail.
        ([TRAIL, HEADLINE, "Tech & Science Gadgets " + "Tech & Science Gadgets " * 3, BODY], 2, False),
        # The trail line itself is never read as its own row.
        ([TRAIL, HEADLINE, BODY], 0, False),
    ],
)
def test_repeats_trail(texts: list[str], index: int, expected: bool) -> None:
    assert repeats_trail(printed_lines(texts), index) is expected
