"""Other pages' cards closing the page under a "Related" label, each kept line alone among dropped lines, go."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.related_cards import related_cards

# (key, kept, label)
STORY = ("a paragraph of the story", True, False)
LABEL = ("related", False, True)
KEPT_LABEL = ("related", True, True)
CARD = ("another page's blurb that the model kept", True, False)
TAGS = ("advocacy communications", False, False)
BYLINE = ("22 july 2019 by the foundation", False, False)
READ_MORE = ("read more", False, True)
AD = ("article content", False, False)

CARDS = [CARD, TAGS, CARD, BYLINE, READ_MORE, CARD, TAGS, CARD, BYLINE, READ_MORE]


def _run(rows: list[tuple[str, bool, bool]]) -> list[int]:
    return related_cards([row[1] for row in rows], [row[2] for row in rows], [row[0] for row in rows])


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # Cards under the label, their own "Read more" labels further down: every lone kept line goes.
        ([STORY] * 5 + [LABEL, *CARDS], [6, 8, 11, 13]),
        # The label kept too: the cards still go (the label is ``kept_labels``').
        ([STORY] * 5 + [KEPT_LABEL, TAGS, *CARDS], [7, 9, 12, 14]),
        # The story resumes under the label: two paragraphs in a row.
        ([STORY] * 5 + [LABEL, CARD, TAGS, STORY, STORY, BYLINE], []),
        # One lone line under the label: the story's last paragraph past an inline link as often.
        ([STORY] * 5 + [LABEL, CARD, BYLINE], []),
        # More kept under the label than above it: the label is no box's closing the story.
        ([STORY, STORY, LABEL, *CARDS], []),
        # The story's paragraphs stand apart by the same dropped line above the label: an ad slot's label.
        ([STORY, AD, STORY, AD, STORY, AD, STORY, AD, READ_MORE, STORY, AD, STORY, AD, STORY, AD], []),
        # No label.
        ([STORY] * 5 + [TAGS, CARD, BYLINE, CARD, TAGS], []),
    ],
)
def test_related_cards(rows: list[tuple[str, bool, bool]], expected: list[int]) -> None:
    assert _run(rows) == expected
