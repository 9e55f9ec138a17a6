"""The line model's neighbourhood features, filled a pair of columns at a time: each line's prose and kept lines
around and right beside it, and the prose block right above and below it."""

from __future__ import annotations

import math

import pytest

from newsdrop.text.cleaner.model import FEATURES, line_features
from tests.unit.cleaner_fixtures import Line

PARAGRAPH = "The council voted on Tuesday to close the old bridge. Repairs start in May and last a year."


def _columns(prose: tuple[bool, ...], kept: tuple[bool, ...]) -> dict[str, list[float]]:
    lines = [
        Line(i + 1, PARAGRAPH if flag else "Menu", prose=flag, role="body" if keep else "boilerplate")
        for i, (flag, keep) in enumerate(zip(prose, kept, strict=True))
    ]
    rows = line_features(lines, 0, len(lines) - 1)
    names = ("prose_around", "kept_around", "kept_adjacent", "prose_adjacent", "next_block", "prev_block")
    return {name: [row[FEATURES.index(name)] for row in rows] for name in names}


@pytest.mark.parametrize(
    ("prose", "kept", "expected"),
    [
        (
            (True,),
            (True,),
            {"prose_around": [0.0], "kept_around": [0.0], "kept_adjacent": [0.0], "prose_adjacent": [0.0]},
        ),
        (
            (True, False),
            (False, True),
            {
                "prose_around": [0.0, 1.0],
                "kept_around": [1.0, 0.0],
                "kept_adjacent": [1.0, 0.0],
                "prose_adjacent": [0.0, 1.0],
            },
        ),
        (
            (True, False, True),
            (True, True, False),
            {
                "prose_around": [0.5, 1.0, 0.5],
                "kept_around": [0.5, 0.5, 1.0],
                "kept_adjacent": [1.0, 1.0, 1.0],
                "prose_adjacent": [0.0, 2.0, 0.0],
            },
        ),
        # Eight lines: the window is three lines either side, cut at the page's ends.
        (
            (True, True, True, True, False, False, False, False),
            (True, False, False, False, False, False, False, True),
            {
                "prose_around": [1.0, 0.75, 0.6, 0.5, 0.5, 0.4, 0.25, 0.0],
                "kept_around": [0.0, 0.25, 0.2, 1 / 6, 1 / 6, 0.2, 0.25, 0.0],
                "kept_adjacent": [0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0],
                "prose_adjacent": [1.0, 2.0, 2.0, 1.0, 1.0, 0.0, 0.0, 0.0],
            },
        ),
    ],
)
def test_neighbourhood_columns(
    prose: tuple[bool, ...], kept: tuple[bool, ...], expected: dict[str, list[float]]
) -> None:
    found = _columns(prose, kept)
    for name, values in expected.items():
        assert found[name] == [pytest.approx(value) for value in values], name


@pytest.mark.parametrize(
    ("prose", "blocks"),
    [
        ((True,), [1]),
        ((True, False, True, True), [1, 0, 2, 2]),
        ((False, True, True, False, False, True), [0, 2, 2, 0, 0, 1]),
    ],
)
def test_next_and_prev_block_are_the_neighbours_block_chars(
    prose: tuple[bool, ...], blocks: list[int]
) -> None:
    found = _columns(prose, (True,) * len(prose))
    chars = [math.log1p(n * len(PARAGRAPH)) / 10.0 if n else 0.0 for n in blocks]
    assert found["next_block"] == [pytest.approx(value) for value in [*chars[1:], 0.0]]
    assert found["prev_block"] == [pytest.approx(value) for value in [0.0, *chars[:-1]]]
