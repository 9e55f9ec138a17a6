"""reading_copies: a reading that is the story printed several times keeps its first copy; any other is unchanged."""

from __future__ import annotations

import pytest

from newsdrop.text.reading_copies import without_story_copies

STORY = [
    f"Paragraph {n} of the story tells what happened at the harbour on Monday and what the council said."
    for n in range(5)
]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # Three copies of the story (headings and all): the first stays.
        (
            ["Storm hits", *STORY, "Share", "Storm hits", *STORY, "Share", *STORY],
            ["Storm hits", *STORY, "Share"],
        ),
        # Copies that differ in spacing are copies.
        ([*STORY, *(f"  {line}  " for line in STORY)], STORY),
        # One quote repeated as a pull quote: no copy of the story, unchanged.
        ([*STORY, STORY[2], "Share"], [*STORY, STORY[2], "Share"]),
        # Short lines repeated (a menu printed twice) are no story's paragraphs: unchanged.
        (["Home", "World", *STORY, "Home", "World"], ["Home", "World", *STORY, "Home", "World"]),
        # Too few paragraphs to tell copies from quotes: unchanged.
        ([*STORY[:3], *STORY[:3]], [*STORY[:3], *STORY[:3]]),
    ],
)
def test_without_story_copies(lines: list[str], expected: list[str]) -> None:
    assert without_story_copies("\n".join(lines)).split("\n") == expected
