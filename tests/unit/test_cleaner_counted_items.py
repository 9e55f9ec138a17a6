"""The kept lines of a teaser stream whose items each print a comment counter go."""

from __future__ import annotations

import re
import sys

import pytest

from newsdrop.text.cleaner.counted_items import (
    _COMMENTS,
    COUNTER_STEMS,
    counted_items,
    counter_line,
    stem_count,
)

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
        ("KOMENTARZE: 5", True),
        ("7 reacties", True),
        ("Comentarios (2)", True),
        # A sentence that names comments is no counter.
        ("Comments on the plan were collected from 300 residents over the summer and published.", False),
        ("3 comments on the new law were read out in the chamber by the speaker of the house today", False),
        ("Comments", False),
    ],
)
def test_counter_line(text: str, expected: bool) -> None:
    assert counter_line(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "200 Comments. Click to view comments",
        "12 KOMMENTARE",
        "Comments: 3",
        "Commentaires (4)",
        "KOMENTARZE: 5",
        "7 Reacties",
        "Comentarios (2)",
        "Commenti: 9",
    ],
)
def test_stem_count_covers_counters(text: str) -> None:
    # The page gate: a counter line's lower case holds a stem, so three counters give a count of three or more.
    assert counter_line(text)
    assert stem_count([text, "Headline", text, text]) >= 3


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["Comments: 3", "A headline", "Comments: 4"], 2),
        # A line too long for a counter is not read.
        (["Comments: 3", "The comments on the plan were read out in the chamber by the speaker."], 1),
        ([], 0),
    ],
)
def test_stem_count(texts: list[str], expected: int) -> None:
    assert stem_count(texts) == expected


def test_stem_letters_fold_as_lower() -> None:
    # ``re``'s IGNORECASE pairs each stem letter with exactly the characters whose ``str.lower`` is that letter, and
    # every word ``_COMMENTS`` names holds a stem: a line the counter matches holds one in its lower case.
    letters = sorted(set("".join(COUNTER_STEMS)))
    either = re.compile("(?i)[" + "".join(letters) + "]")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if either.fullmatch(char):
            assert char.lower() in letters, hex(code)
    words = re.findall(r"[a-z]+", _COMMENTS.replace("?:", ""))
    assert all(any(stem in word for stem in COUNTER_STEMS) for word in words if len(word) > 4)
