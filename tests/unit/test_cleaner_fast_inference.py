"""The cleaner's batched inference gives bit for bit what the per-row computations it replaces give."""

from __future__ import annotations

import random

import pytest

from newsdrop.text.cleaner.model import HeadlineModel, Tree, load_model
from newsdrop.text.rules import _EXTRA_SPACE, _has_extra_space

_FEATURES = 6
# Row values and thresholds come from one small pool, so rows often sit exactly on a threshold (goes right).
_POOL = (-1.5, 0.0, 0.25, 1.0, 2.0, 3.75)


def _random_tree(rng: random.Random, depth: int) -> Tree:
    """A random tree in depth-first order: a split as (feature, threshold, left, right), a leaf as (value,)."""
    nodes: list[tuple[float, ...]] = []

    def grow(level: int) -> int:
        at = len(nodes)
        if level == depth or rng.random() < 0.3:
            nodes.append((rng.uniform(-2.0, 2.0),))
            return at
        nodes.append(())
        feature, threshold = float(rng.randrange(_FEATURES)), rng.choice(_POOL)
        left = grow(level + 1)
        right = grow(level + 1)
        nodes[at] = (feature, threshold, float(left), float(right))
        return at

    grow(0)
    return tuple(nodes)


def _random_rows(rng: random.Random, count: int) -> list[list[float]]:
    return [
        [rng.choice(_POOL) if rng.random() < 0.5 else rng.uniform(-3.0, 5.0) for _ in range(_FEATURES)]
        for _ in range(count)
    ]


@pytest.mark.parametrize("seed", range(12))
def test_score_all_equals_score_of_each_row(seed: int) -> None:
    rng = random.Random(seed)
    trees = tuple(_random_tree(rng, rng.randrange(0, 5)) for _ in range(rng.randrange(1, 30)))
    ranker = HeadlineModel(
        tuple(rng.uniform(-1.0, 1.0) for _ in range(_FEATURES)), bias=rng.uniform(-1.0, 1.0), trees=trees
    )
    rows = _random_rows(rng, rng.randrange(1, 15))
    assert ranker.score_all(rows) == [ranker.score(row) for row in rows]


@pytest.mark.parametrize(
    ("trees", "rows"),
    [
        # No trees, no rows, a lone leaf: the edge cases of the batch.
        ((), [[1.0] * _FEATURES]),
        ((((0.5,),),), []),
        ((((0.5,),),), [[0.0] * _FEATURES, [9.0] * _FEATURES]),
        # A row exactly on the threshold goes right, as in tree_value.
        ((((2.0, 1.0, 1.0, 2.0), (-1.0,), (3.0,)),), [[0.0, 0.0, 1.0, 0.0, 0.0, 0.0]]),
    ],
)
def test_score_all_edge_cases(trees: tuple[Tree, ...], rows: list[list[float]]) -> None:
    ranker = HeadlineModel((0.5,) * _FEATURES, bias=0.125, trees=trees)
    assert ranker.score_all(rows) == [ranker.score(row) for row in rows]


def test_the_shipped_rankers_trees_walked_together_reach_each_rows_leaves() -> None:
    model = load_model()
    assert model is not None and model.headline is not None
    ranker = model.headline
    rng = random.Random(7)
    # Rows drawn around the thresholds the trees split on, so every branch is taken.
    thresholds = sorted({node[1] for tree in ranker.trees for node in tree if len(node) == 4})
    width = len(ranker.weights)
    rows = [
        [rng.choice(thresholds) + rng.choice((-1e-9, 0.0, 1e-9)) for _ in range(width)] for _ in range(40)
    ]
    assert ranker.score_all(rows) == [ranker.score(row) for row in rows]


def test_every_whitespace_character_but_the_space_is_unprintable() -> None:
    # The premise of _has_extra_space's fast path, over every code point.
    assert [code for code in range(0x110000) if chr(code).isspace() and chr(code).isprintable()] == [32]


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "plain words",
        "double  space",
        " leading",
        "trailing ",
        "tab\there",
        "line\nbreak",
        "trailing line break\n",
        "nbsp\u00a0inside",
        "ideographic\u3000space",
        "a\x1cb",
        "a\x00b",
        "caf\u00e9 au lait",
        "\u2028",
        "x",
    ],
)
def test_has_extra_space_is_the_extra_space_regex(text: str) -> None:
    assert _has_extra_space(text) is (_EXTRA_SPACE.search(text) is not None)
