"""Teaser blurbs below the story, each kept under its dropped date line, go when two or more stand there."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.dated_teasers import date_only, dated_teasers

STORY = [
    (f"Paragraph {number} of the story goes on at some length about the matter at hand." * 3, True)
    for number in range(4)
]
BLURB = ("RISK REMAINS: An official said the outcome is uncertain and the talks may resume later.", True)
HEADLINE = ("Taiwan on alert over carrier", False)


def _run(rows: list[tuple[str, bool]]) -> list[int]:
    texts = [text for text, _ in rows]
    kept = [keep for _, keep in rows]
    found = dated_teasers(kept, texts)
    # With the lines' sizes given (after_model has them): the same lines.
    assert dated_teasers(kept, texts, [len(text) for text in texts]) == found
    return found


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # Two teasers below the story, each a headline, a date line and a blurb: the blurbs go.
        (
            [*STORY, HEADLINE, ("2024-10-14", False), BLURB, HEADLINE, ("12. März 2024", False), BLURB],
            [6, 9],
        ),
        # A blurb with a second kept line (a credit) goes with it.
        (
            [
                *STORY,
                HEADLINE,
                ("2024-10-14", False),
                BLURB,
                ("By A. Writer", True),
                HEADLINE,
                ("2024-10-10", False),
                BLURB,
            ],
            [6, 7, 10],
        ),
        # A news ticker's entries under their clock times, one dropped stamp between two (one island).
        (
            [*STORY, HEADLINE, HEADLINE, ("14:10", False), BLURB, BLURB, ("11:08", False), BLURB],
            [7, 8, 10],
        ),
        # One only: a story's closing paragraph under its own date line after a widget.
        ([*STORY, HEADLINE, ("2024-10-14", False), BLURB], []),
        # No date line over the second: the story's paragraphs resuming past a widget.
        ([*STORY, HEADLINE, ("2024-10-14", False), BLURB, HEADLINE, ("Advertisement", False), BLURB], []),
        # An island of three kept lines under its date: more than a teaser's blurb.
        (
            [
                *STORY,
                HEADLINE,
                ("2024-10-14", False),
                BLURB,
                HEADLINE,
                ("2024-10-10", False),
                BLURB,
                BLURB,
                BLURB,
            ],
            [],
        ),
        # Above the story (the largest island), dated islands are left alone.
        (
            [
                HEADLINE,
                ("2024-10-14", False),
                BLURB,
                HEADLINE,
                ("2024-10-10", False),
                BLURB,
                HEADLINE,
                HEADLINE,
                *STORY,
            ],
            [],
        ),
    ],
)
def test_dated_teasers(rows: list[tuple[str, bool]], expected: list[int]) -> None:
    assert _run(rows) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-10-14", True),
        ("12. März 2024", True),
        ("Oct 16, 2024", True),
        # A sentence that names a date is no date line.
        ("The talks resumed on 12 March 2024 after a long pause.", False),
        ("Advertisement", False),
        ("14:10", True),
        ("9.45 Uhr", True),
        # A score or a ratio is no clock time.
        ("3:1", False),
        ("25:61", False),
    ],
)
def test_date_only(text: str, expected: bool) -> None:
    assert date_only(text) is expected
