"""A flip's strongest feature (``LineModel.strongest``): the push towards the decision, the first of the largest."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.line_model import LineModel

_MODEL = LineModel(weights=(0.5, -2.0, 1.0, 0.0), bias=0.1, names=("a", "b", "c", "d"))


@pytest.mark.parametrize(
    ("rows", "keeps", "expected"),
    [
        ([], [], []),
        ([[1.0, 0.0, 0.0, 0.0]], [True], ["a"]),
        ([[1.0, 1.0, 0.0, 0.0]], [False], ["b"]),
        # A tie: the first of the largest pushes, as ``max`` then ``index`` pick it.
        ([[2.0, 0.0, 1.0, 0.0]], [True], ["a"]),
        ([[0.0, 0.0, 0.0, 0.0], [-0.0, 0.0, -0.0, 5.0]], [True, False], ["a", "a"]),
        (
            [[0.1, -0.3, 0.2, 9.0], [3.0, 0.7, 1.4, -1.0], [1e-300, -1e-300, 0.0, 0.0]],
            [True, False, True],
            ["b", "b", "b"],
        ),
    ],
)
def test_strongest_names_the_first_largest_push(
    rows: list[list[float]], keeps: list[bool], expected: list[str]
) -> None:
    assert [_MODEL.strongest(row, keep) for row, keep in zip(rows, keeps, strict=True)] == expected
