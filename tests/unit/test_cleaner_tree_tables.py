"""The ranker's tree tables index inside their arrays, which lets the batched walk gather in numpy's "wrap" mode."""

from __future__ import annotations

import random

import pytest

from newsdrop.text.cleaner.model import HeadlineModel, load_model
from newsdrop.text.cleaner.trees import _leaf_values, _tree_tables, tree_value
from tests.unit.test_cleaner_fast_inference import _FEATURES, _random_rows, _random_tree


def _assert_tables_index_inside(trees: tuple, width: int) -> None:
    """Every index the walk gathers by lies inside its array: a split's feature inside the row, a level's pair
    number under the pair count, each level twice as wide as the one above it (a slot at level ``l`` is under
    ``trees << l``, a child at ``2 * slot + turn``), the leaves as wide as the level under the last."""
    tables = _tree_tables(trees)
    pairs = len(tables.pair_feature)
    assert len(tables.pair_threshold) == pairs
    assert all(0 <= feature < width for feature in tables.pair_feature.tolist())
    for level, nodes in enumerate(tables.levels):
        assert len(nodes) == len(trees) << level
        assert all(0 <= pair < pairs for pair in nodes.tolist())
    assert len(tables.leaves) == len(trees) << len(tables.levels)
    assert tables.doubled.tolist() == [2 * tree for tree in range(len(trees))]


@pytest.mark.parametrize("seed", range(12))
def test_the_tree_tables_index_inside_their_arrays(seed: int) -> None:
    rng = random.Random(seed)
    trees = tuple(_random_tree(rng, rng.randrange(1, 5)) for _ in range(rng.randrange(1, 30)))
    _assert_tables_index_inside(trees, _FEATURES)
    rows = _random_rows(rng, rng.randrange(1, 15))
    # And the walk reaches each row's leaf in each tree (a wrapped index would read another tree's leaf).
    assert _leaf_values(trees, rows).tolist() == [[tree_value(tree, row) for tree in trees] for row in rows]


def test_the_shipped_rankers_tree_tables_index_inside_their_arrays() -> None:
    model = load_model()
    assert model is not None and isinstance(model.headline, HeadlineModel)
    _assert_tables_index_inside(model.headline.trees, len(model.headline.weights))


@pytest.mark.parametrize(
    "rows",
    [
        [[0.0, 1.0], [0.0]],
        [[0.0], [0.0, 1.0]],
        # As many values as three rows of three: a matrix filled in order would shift the later rows' columns.
        [[0.0, 1.0, 2.0], [0.0], [0.0, 1.0, 2.0, 3.0, 4.0]],
    ],
)
def test_rows_of_unequal_widths_are_refused(rows: list[list[float]]) -> None:
    with pytest.raises(ValueError, match="unequal widths"):
        _leaf_values((((0.0, 0.5, 1.0, 2.0), (1.0,), (2.0,)),), rows)
