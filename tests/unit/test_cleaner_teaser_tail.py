"""Other pages' teasers (a headline over a short paragraph) closing the kept text, past a widget, go."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.teaser_tail import headline_line, teaser_line, teaser_tail

STORY = [
    (
        "The council approved the new budget on Tuesday after a long debate about the city's schools and roads.",
        True,
    ),
    (
        "The mayor said the plan would keep taxes flat while adding money for repairs across every district.",
        True,
    ),
    (
        "Opponents argued that the spending on roads came at the cost of parks, libraries and the local pools.",
        True,
    ),
    ("The budget takes effect in January, and the council will review its first results next summer.", True),
]
WIDGET = [
    ("Share this article", False),
    ("Facebook", False),
    ("Twitter", False),
    ("More from the region", False),
]
TEASERS = [
    ("Fire at a farm in the north leaves five injured", False),
    ("Straw bales in the barn caught fire. The horses were brought to safety.", True),
    ("New coach takes over the struggling third-division club", True),
    ("The former coach of two top clubs replaces the dismissed manager.", True),
]


def _run(rows: list[tuple[str, bool]]) -> list[int]:
    texts, kept = (list(column) for column in zip(*rows, strict=True))
    return teaser_tail(texts, kept)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # Two teasers past the widget: the paragraph under a dropped headline, and a kept headline with its own.
        ([*STORY, *WIDGET, *TEASERS], [9, 10, 11]),
        # No widget between the story and the teasers: the story's crossheads over short paragraphs stay.
        ([*STORY, *TEASERS], []),
        # One teaser is a story's closing section as often.
        ([*STORY, *WIDGET, *TEASERS[:2]], []),
        # A kept story paragraph closing the text: the teasers above it are not closing it.
        ([*STORY, *WIDGET, *TEASERS, STORY[0]], []),
        # Headlines opening with a list item's number: the story's numbered list.
        (
            [
                *STORY,
                *WIDGET,
                ("3. Keep the receipts for every purchase", False),
                TEASERS[1],
                ("4. Ask the seller about the warranty terms", True),
                TEASERS[3],
            ],
            [],
        ),
        # The teasers outweigh the story: the "story" is not one.
        ([STORY[0], STORY[1], *WIDGET, *TEASERS], []),
    ],
)
def test_teaser_tail(rows: list[tuple[str, bool]], expected: list[int]) -> None:
    assert _run(rows) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fire at a farm in the north leaves five injured", True),
        ("Step 4", False),
        ("Is the city ready for winter?", False),
        ("10. United States of America today", False),
        ("Related coverage: the council's earlier vote on parks", True),
    ],
)
def test_headline_line(text: str, expected: bool) -> None:
    assert headline_line(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Straw bales in the barn caught fire. The horses were brought to safety.", True),
        ("Too short.", False),
        ("A paragraph that does not end in a sentence end and runs on without one", False),
        ("One. Two is here. Three is here. Four is here. Five is here and ends.", False),
        ("- A list item that ends in a full stop like a sentence would.", False),
    ],
)
def test_teaser_line(text: str, expected: bool) -> None:
    assert teaser_line(text) == expected
