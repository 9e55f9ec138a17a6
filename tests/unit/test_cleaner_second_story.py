"""A second story printed under the first, its header's labels and byline block printed again, goes."""

from __future__ import annotations

from collections import Counter

import pytest

from newsdrop.text.cleaner.second_story import second_story
from newsdrop.text.line_keys import normalize_line_key

HEADLINE = ("Tensions rise after the strike", True)
STANDFIRST = ("An expert expects the strike to raise tensions across the region this winter.", True)
BYLINE = ("Martin Example", False)
DATE = ("Published 06.01.2026 - 17:29", False)
LABEL = ("In short", False)
NOTICE = ("The summary was written by a machine and checked by the newsroom.", False)
STORY = [
    (
        f"Paragraph {number} of the story goes on at some length about the matter at hand, and then some more.",
        True,
    )
    for number in range(5)
]
NEXT_HEADLINE = ("Coach linked with a return", True)
NEXT_STANDFIRST = ("The coach is said to be the club's first choice for the rest of the season.", True)
NEXT_DATE = ("Published 06.01.2026 - 16:25", False)
NEXT_STORY = [
    (f"Line {number} of the next story is about another matter altogether, told at some length here.", True)
    for number in range(5)
]
HEADER = [HEADLINE, STANDFIRST, BYLINE, DATE, LABEL, NOTICE]
NEXT_HEADER = [NEXT_HEADLINE, NEXT_STANDFIRST, BYLINE, NEXT_DATE, LABEL, NOTICE]
# The header reach (16 lines under the headline) ends inside the story: the next story stands below it.
PADDING = [
    (f"More of the story, part {number}, with a few more words of its own text, and a clause.", True)
    for number in range(12)
]


def _run(rows: list[tuple[str, bool]], title: int | None = 0) -> list[int]:
    texts = [text for text, _ in rows]
    return second_story(
        [keep for _, keep in rows], texts, [normalize_line_key(text) for text in texts], title
    )


def _kept_from(rows: list[tuple[str, bool]], start: int) -> list[int]:
    return [index for index in range(start, len(rows)) if rows[index][1]]


FIRES = [*HEADER, *STORY, *PADDING, *NEXT_HEADER, *NEXT_STORY]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # The next story's header (its labels and notice again, under a new date line): it goes from its headline.
        (FIRES, _kept_from(FIRES, len(HEADER) + len(STORY) + len(PADDING))),
        # No headline: nothing to read the header from.
        pytest.param(FIRES, [], id="no-title"),
        # The same date printed again (a share row under the story): not a new story's byline block.
        (
            [
                *HEADER,
                *STORY,
                *PADDING,
                NEXT_HEADLINE,
                NEXT_STANDFIRST,
                BYLINE,
                DATE,
                LABEL,
                NOTICE,
                *NEXT_STORY,
            ],
            [],
        ),
        # No date line over the repeats (a table of contents' headings printed again as crossheads).
        ([*HEADER, *STORY, *PADDING, NEXT_HEADLINE, NEXT_STANDFIRST, BYLINE, LABEL, NOTICE, *NEXT_STORY], []),
        # The labels printed at every entry (a live blog): more than twice on the page.
        ([*HEADER, *STORY, *PADDING, *NEXT_HEADER, *NEXT_STORY, *NEXT_HEADER, *NEXT_STORY], []),
        # One label printed again only.
        (
            [
                *HEADER,
                *STORY,
                *PADDING,
                NEXT_HEADLINE,
                NEXT_STANDFIRST,
                ("Other Writer", False),
                NEXT_DATE,
                LABEL,
                *NEXT_STORY,
            ],
            [],
        ),
        # Nothing of a next story under the header printed again.
        ([*HEADER, *STORY, *PADDING, *NEXT_HEADER], []),
        # A long run of dropped lines over the repeats: a feed or a box of links, not a byline block.
        (
            [
                *HEADER,
                *STORY,
                *PADDING,
                NEXT_HEADLINE,
                *[("Other link", False)] * 14,
                *NEXT_HEADER[2:],
                *NEXT_STORY,
            ],
            [],
        ),
    ],
)
def test_second_story(
    rows: list[tuple[str, bool]], expected: list[int], request: pytest.FixtureRequest
) -> None:
    title = None if request.node.callspec.id == "no-title" else 0
    assert _run(rows, title) == expected
    # With the page's key counts given (after_model has them): the same lines.
    texts = [text for text, _ in rows]
    keys = [normalize_line_key(text) for text in texts]
    assert second_story([keep for _, keep in rows], texts, keys, title, Counter(keys)) == expected
