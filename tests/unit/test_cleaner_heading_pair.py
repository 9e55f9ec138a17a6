"""Two headlines printed as one block between the story's paragraphs are a related box's links (``heading_pair``)."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.heading_pair import heading_pairs
from newsdrop.text.cleaner.related_runs import headline_like

_PARA = "Workers in hazmat outfits were seen stacking wooden coffins in deep trenches on the island."
_ONE = "One virus, two Americas"
_TWO = "Four out of five jobs affected by virus globally"


def _run(rows: list[tuple[int, str]]) -> list[int]:
    numbers = [number for number, _ in rows]
    texts = [text for _, text in rows]
    kept = [True] * len(rows)
    headlines = [headline_like(text, len(text.split())) for text in texts]
    return heading_pairs(numbers, texts, kept, headlines)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # Two headlines as one block between two paragraphs: a related box.
        ([(1, _PARA), (3, _ONE), (4, _TWO), (6, _PARA)], [1, 2]),
        # A blank line between them: each stands alone over its own text (two crossheads).
        ([(1, _PARA), (3, _ONE), (5, _TWO), (7, _PARA)], []),
        # No blank line above or below: a block of lines the story prints as one (a list, a table).
        ([(1, _PARA), (2, _ONE), (3, _TWO), (5, _PARA)], []),
        ([(1, _PARA), (3, _ONE), (4, _TWO), (5, _PARA)], []),
        # A list's items open in lower case; a label of two words is no headline.
        (
            [
                (1, _PARA),
                (3, "it is native (no installation required)"),
                (4, "it can be used programmatically"),
                (6, _PARA),
            ],
            [],
        ),
        ([(1, _PARA), (3, "Read more"), (4, _TWO), (6, _PARA)], []),
        # A third headline around the pair: a run of headlines, left to the related-run rules.
        ([(1, _PARA), (3, _ONE), (4, _TWO), (6, "Another headline of the page"), (8, _PARA)], []),
        # A sentence is no headline.
        ([(1, _PARA), (3, "The virus reached two Americas."), (4, _TWO), (6, _PARA)], []),
    ],
)
def test_heading_pairs_between_paragraphs(rows: list[tuple[int, str]], expected: list[int]) -> None:
    assert _run(rows) == expected


def test_dropped_neighbours_are_no_paragraphs() -> None:
    numbers, texts = [1, 3, 4, 6], [_PARA, _ONE, _TWO, _PARA]
    kept = [False, True, True, True]
    headlines = [
        keep and headline_like(text, len(text.split())) for keep, text in zip(kept, texts, strict=True)
    ]
    assert heading_pairs(numbers, texts, kept, headlines) == []
