"""A teaser list below the story whose blurbs open with a kicker in capitals and a dash goes."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.kicker_teasers import kicker_line, kicker_teasers

STORY = [
    (f"Paragraph {number} of the story goes on at some length about the matter at hand." * 3, True)
    for number in range(4)
]
HEADLINE = ("Kyiv waits for the next Russian escalation", True)
BLURB = ("DÉCRYPTAGE - After the change in doctrine, the staff fear a shift in the balance of forces.", True)
OTHER = ("REPORTAGE - After a journey of thousands of kilometres, a few dozen people reach the border.", True)
DROPPED = ("Read also", False)


def _run(rows: list[tuple[str, bool]]) -> list[int]:
    kept, texts = [keep for _, keep in rows], [text for text, _ in rows]
    found = kicker_teasers(kept, texts)
    # With the lines' sizes given (after_model has them): the same lines.
    assert kicker_teasers(kept, texts, [len(text) for text in texts]) == found
    return found


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # Three headline + kicker blurb items below the story: the list goes, from the first headline on.
        ([*STORY, DROPPED, DROPPED, HEADLINE, BLURB, HEADLINE, OTHER, HEADLINE, BLURB], [6, 7, 8, 9, 10, 11]),
        # Blurbs with no headline between them.
        ([*STORY, DROPPED, DROPPED, BLURB, OTHER, BLURB], [6, 7, 8]),
        # Two only: a story's closing lines may open so.
        ([*STORY, DROPPED, DROPPED, HEADLINE, BLURB, HEADLINE, OTHER], []),
        # Too far apart: not one list.
        (
            [
                *STORY,
                DROPPED,
                DROPPED,
                BLURB,
                DROPPED,
                DROPPED,
                DROPPED,
                OTHER,
                DROPPED,
                DROPPED,
                DROPPED,
                BLURB,
            ],
            [],
        ),
        # In the story's island (the largest): a roundup of datelined briefs, the story's own.
        ([BLURB, OTHER, BLURB, *STORY], []),
    ],
)
def test_kicker_teasers(rows: list[tuple[str, bool]], expected: list[int]) -> None:
    assert _run(rows) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DÉCRYPTAGE - Moscou a dénoncé des frappes", True),
        ("L’ÉDITORIAL DU FIGARO - La décision de Joe Biden", True),
        ("LIVE – Follow the vote as it happens", True),
        # A capitalised name and a dash in a sentence, no kicker.
        ("Paris - the city of light - was quiet today", False),
        # Too few letters: an initialism.
        ("UN - talks resume", False),
        # No dash: a headline in capitals.
        ("BREAKING NEWS", False),
        # The dash closes the line: nothing follows the kicker.
        ("DÉCRYPTAGE -", False),
    ],
)
def test_kicker_line(text: str, expected: bool) -> None:
    assert kicker_line(text) is expected
