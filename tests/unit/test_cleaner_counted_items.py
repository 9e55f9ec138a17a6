"""The kept lines of a teaser stream whose items each print a comment counter go."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.counted_items import counted_items, counter_line

HEADLINE = ("Trump picks Treasury secretary, says he'll leave his business", True)
BLURB = (
    "President-elect Donald Trump named a Wall Street veteran for Treasury secretary on Wednesday.",
    True,
)
SOURCE = ("Associated Press", False)
PARAGRAPH = (
    "The story goes on in its own paragraphs, long and without any counter between them at all.",
    True,
)


def _counter(number: int) -> tuple[str, bool]:
    return (f"{number} Comments. Click to view comments", False)


def _run(rows: list[tuple[str, bool]]) -> list[int]:
    return counted_items([keep for _, keep in rows], [text for text, _ in rows])


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # Three items, each closed by its counter: the kept lines from the first counter to the last go.
        (
            [
                PARAGRAPH,
                _counter(200),
                HEADLINE,
                BLURB,
                SOURCE,
                _counter(30),
                HEADLINE,
                BLURB,
                _counter(8),
                PARAGRAPH,
            ],
            [2, 3, 6, 7],
        ),
        # Two counters only: a story's header count and its comment link.
        ([PARAGRAPH, _counter(200), HEADLINE, BLURB, SOURCE, _counter(30), PARAGRAPH], []),
        # Counters too far apart: no one stream.
        ([_counter(1), *[PARAGRAPH] * 13, _counter(2), *[PARAGRAPH] * 13, _counter(3)], []),
        # German counters in brackets.
        (
            [
                ("Kommentare (3)", False),
                HEADLINE,
                ("Kommentare (12)", False),
                BLURB,
                ("Kommentare (0)", False),
            ],
            [1, 3],
        ),
    ],
)
def test_counted_items(rows: list[tuple[str, bool]], expected: list[int]) -> None:
    assert _run(rows) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("200 Comments. Click to view comments", True),
        ("12 Kommentare", True),
        ("Comments: 3", True),
        ("Commentaires (4)", True),
        # A sentence that names comments is no counter.
        ("Comments on the plan were collected from 300 residents over the summer and published.", False),
        ("3 comments on the new law were read out in the chamber by the speaker of the house today", False),
        ("Comments", False),
    ],
)
def test_counter_line(text: str, expected: bool) -> None:
    assert counter_line(text) is expected
