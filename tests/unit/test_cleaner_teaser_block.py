"""A tight block of teasers under a "Related" label, in a story printed a blank line apart, goes."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.teaser_block import teaser_blocks

# The story's paragraphs a blank line apart (lines 1, 3, 5, 7), the label at 9.
STORY = [(1, True, False), (3, True, False), (5, True, False), (7, True, False)]
LABEL = (9, False, True)


def _run(rows: list[tuple[int, bool, bool]]) -> list[int]:
    numbers, kept, labels = (list(column) for column in zip(*rows, strict=True))
    return teaser_blocks(numbers, kept, labels)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # Three kept lines in one block right under the label: the teasers.
        ([*STORY, LABEL, (10, True, False), (11, True, False), (12, True, False)], [5, 6, 7]),
        # One blank line between the label and the block: the same.
        ([*STORY, LABEL, (11, True, False), (12, True, False), (13, True, False)], [5, 6, 7]),
        # The block ends at the first blank line: the story resumes below it.
        (
            [*STORY, LABEL, (10, True, False), (11, True, False), (12, True, False), (14, True, False)],
            [5, 6, 7],
        ),
        # Two lines only: a paragraph printed over two lines.
        ([*STORY, LABEL, (10, True, False), (11, True, False), (13, True, False)], []),
        # The lines under the label a blank line apart, as the story's: its paragraphs resuming.
        ([*STORY, LABEL, (11, True, False), (13, True, False), (15, True, False)], []),
        # The story itself printed as one block: the block under the label may be its own text.
        (
            [
                (1, True, False),
                (2, True, False),
                (3, True, False),
                (4, True, False),
                LABEL,
                (10, True, False),
                (11, True, False),
                (12, True, False),
            ],
            [],
        ),
        # Too little story above the label to read its spacing.
        (
            [
                (5, True, False),
                (7, True, False),
                LABEL,
                (10, True, False),
                (11, True, False),
                (12, True, False),
            ],
            [],
        ),
        # No label above the block.
        ([*STORY, (9, False, False), (10, True, False), (11, True, False), (12, True, False)], []),
        # The block's first line dropped: no block under the label.
        ([*STORY, LABEL, (10, False, False), (11, True, False), (12, True, False), (13, True, False)], []),
    ],
)
def test_teaser_blocks(rows: list[tuple[int, bool, bool]], expected: list[int]) -> None:
    assert _run(rows) == expected
