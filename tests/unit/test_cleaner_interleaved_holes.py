"""A crosshead the model dropped between paragraphs a repeated label separates goes back."""

from __future__ import annotations

from collections import Counter

import pytest

from newsdrop.text.cleaner.interleaved_holes import interleaved_holes

# (key, kept, dropped by the model, admitted by ``hole_kind``)
PARAGRAPH = ("a paragraph of the story", True, False, True)
LABEL = ("article content", False, True, False)
HEAD = ("a crosshead of the story", False, True, True)
OTHER = ("another label", False, True, False)
RULED = ("a line a named rule dropped", False, False, True)
TEASER = ("a teaser printed twice", False, True, False)
# The page prints its label between every two blocks: five printings at least.
FILLER = [PARAGRAPH, LABEL, PARAGRAPH, LABEL, PARAGRAPH, LABEL, PARAGRAPH, LABEL]


def _run(rows: list[tuple[str, bool, bool, bool]]) -> list[int]:
    keys = [key for key, *_ in rows]
    return interleaved_holes(
        [row[1] for row in rows], keys, [row[2] for row in rows], [row[3] for row in rows].__getitem__
    )


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # The crosshead between two printings of the label, paragraphs over and under them.
        ([*FILLER, PARAGRAPH, LABEL, HEAD, LABEL, PARAGRAPH], [10]),
        # Two label printings back to back over it.
        ([*FILLER, PARAGRAPH, LABEL, LABEL, HEAD, LABEL, PARAGRAPH], [11]),
        # A label printed four times only: not the page's separator.
        ([PARAGRAPH, LABEL, PARAGRAPH, LABEL, HEAD, LABEL, PARAGRAPH, LABEL], []),
        # The label on one side only: a widget's heading over a video's or a related link's title.
        ([*FILLER, PARAGRAPH, LABEL, HEAD, PARAGRAPH], []),
        # Two different lines around it.
        ([*FILLER, PARAGRAPH, LABEL, HEAD, OTHER, PARAGRAPH], []),
        # A named rule's verdict stands.
        ([*FILLER, PARAGRAPH, LABEL, RULED, LABEL, PARAGRAPH], []),
        # A line ``hole_kind`` turns down (printed twice, a notice, a credit).
        ([*FILLER, PARAGRAPH, LABEL, TEASER, LABEL, PARAGRAPH], []),
        # No kept line under the labels: the story's end, not a hole.
        ([*FILLER, PARAGRAPH, LABEL, HEAD, LABEL, LABEL, LABEL, OTHER], []),
    ],
)
def test_interleaved_holes(rows: list[tuple[str, bool, bool, bool]], expected: list[int]) -> None:
    assert _run(rows) == expected


@pytest.mark.parametrize(
    ("printings", "asked"),
    [
        # No key printed five times on the page: no line is a label, and ``kind`` is never asked.
        ({"a paragraph of the story": 4, "article content": 4}, False),
        # One key printed that often: the lines are read.
        ({"a paragraph of the story": 4, "article content": 5}, True),
    ],
)
def test_interleaved_holes_reads_no_line_without_a_label(printings: dict[str, int], asked: bool) -> None:
    rows = [PARAGRAPH, LABEL, HEAD, LABEL, PARAGRAPH]
    seen: list[int] = []

    def kind(index: int) -> bool:
        seen.append(index)
        return rows[index][3]

    found = interleaved_holes(
        [row[1] for row in rows], [row[0] for row in rows], [row[2] for row in rows], kind, Counter(printings)
    )
    assert found == ([2] if asked else [])
    assert bool(seen) == asked
