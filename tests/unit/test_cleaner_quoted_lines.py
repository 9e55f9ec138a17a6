"""A quotation set over several lines in the story, which the line model dropped, comes back."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.quoted_lines import quoted_lines

ABOVE = (1, "The rapper answered the diss in a new track.", True)
BELOW = (9, "These lines made him speak about his former signing.", True)
VERSE = [
    (3, "„He was my model, but inside he is done", False),
    (4, "Because at fifty he has nothing but memories", False),
    (5, "I helped him to the last line like an uncle“", False),
]


def _run(rows: list[tuple[int, str, bool]], dropped: list[bool] | None = None) -> list[int]:
    numbers, texts, kept = (list(column) for column in zip(*rows, strict=True))
    return quoted_lines(numbers, texts, kept, dropped if dropped is not None else [not keep for keep in kept])


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # Three lines, opened on the first, closed at the last one's end, between the story's lines.
        ([ABOVE, *VERSE, (7, "The story goes on.", True)], [1, 2, 3]),
        # English quotation marks.
        (
            [
                ABOVE,
                (3, "“One line", False),
                (4, "and another", False),
                (5, "and the last.”", False),
                (7, "x", True),
            ],
            [1, 2, 3],
        ),
        # Two lines only: a teaser's headline and its quote as often.
        (
            [
                ABOVE,
                VERSE[0],
                (4, "I helped him to the last line like an uncle“", False),
                (6, "Story.", True),
            ],
            [],
        ),
        # Closed before the last line: separate quotes (a list of quotes, teasers).
        (
            [
                ABOVE,
                (3, "„Short quote“ one", False),
                (4, "and a line", False),
                (5, "„another“", False),
                (7, "x", True),
            ],
            [],
        ),
        # Not closed at the end.
        ([ABOVE, *VERSE[:2], (5, "I helped him to the last line", False), (7, "Story.", True)], []),
        # No story line right below (more than one blank line away): the page's footer quotes.
        ([ABOVE, *VERSE, BELOW], []),
        # No story line above.
        ([*VERSE, (7, "Story.", True)], []),
        # A blank line inside the block: the block ends there.
        (
            [
                ABOVE,
                VERSE[0],
                VERSE[1],
                (6, "I helped him to the last line like an uncle“", False),
                (8, "x", True),
            ],
            [],
        ),
    ],
)
def test_quoted_lines(rows: list[tuple[int, str, bool]], expected: list[int]) -> None:
    assert _run(rows) == expected


def test_named_rule_verdict_stands() -> None:
    # A line a named rule dropped (not the line model) breaks the block.
    rows = [ABOVE, *VERSE, (7, "Story.", True)]
    assert _run(rows, [False, True, False, True, False]) == []
