"""The flips' strongest features and rows a batch at a time (``strongest_many``, ``FeatureParts.rows``) as one by one."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.line_model import LineModel
from newsdrop.text.cleaner.model import FEATURES, feature_parts
from tests.unit.cleaner_fixtures import LEAD, Line

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
            None,
        ),
    ],
)
def test_strongest_many_names_what_strongest_names(
    rows: list[list[float]], keeps: list[bool], expected: list[str] | None
) -> None:
    one_by_one = [_MODEL.strongest(row, keep) for row, keep in zip(rows, keeps, strict=True)]
    assert _MODEL.strongest_many(rows, keeps) == one_by_one
    if expected is not None:
        assert one_by_one == expected


_PAGE = [
    Line(1, "Menu", prose=False),
    Line(2, LEAD, prose=True),
    Line(4, "A crosshead", prose=False),
    Line(5, "Share this article on Facebook, Twitter | Mail", prose=False),
    Line(6, LEAD + " " + LEAD, prose=True),
]


@pytest.mark.parametrize("indices", [[], [0], [1, 3], [4, 2, 0], list(range(len(_PAGE)))])
def test_rows_are_the_rows_one_by_one(indices: list[int]) -> None:
    parts = feature_parts(_PAGE, 1, 4)
    rows = parts.rows(indices)
    assert rows.shape == (len(indices), len(FEATURES))
    assert rows.tolist() == [parts.row(index) for index in indices]
