"""HTML path: a last line that leads into a box the extractor dropped goes (``main_tail``)."""

from __future__ import annotations

import pytest

from newsdrop.text.main_tail import without_dangling_lead_in

_STORY = [
    "The council approved the harbour plan on Monday after a long debate.",
    "Work on the new wall is to start in the spring and last two years.",
]
_LONG = "The mayor listed what the plan would pay for, in the order the council had voted on it last year, as follows:"


@pytest.mark.parametrize(
    ("main_lines", "expected"),
    [
        # a live blog's lead-in whose box the extractor dropped
        ([*_STORY, "Mehr zur Lage im Nahen Osten lesen Sie in unserem Liveblog:"], _STORY),
        ([*_STORY, "See photos from this story:"], _STORY),
        # a full-width colon
        ([*_STORY, "関連記事："], _STORY),
        # a long line that ends with a colon is a paragraph of the story's
        ([*_STORY, _LONG], [*_STORY, _LONG]),
        # a lead-in with its list under it stays
        ([*_STORY, "Exported were:", "- machines"], [*_STORY, "Exported were:", "- machines"]),
        # a lead-in above the last line is the story's
        ([_STORY[0], "Exported were:", _STORY[1]], [_STORY[0], "Exported were:", _STORY[1]]),
        # a main content that is the lead-in alone stays whole
        (["See photos from this story:"], ["See photos from this story:"]),
        ([], []),
    ],
)
def test_without_dangling_lead_in(main_lines: list[str], expected: list[str]) -> None:
    assert without_dangling_lead_in(main_lines) == expected
