"""Regression trees of the headline ranker: one row's walk, and all rows through all trees at once (numpy)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# A regression tree of the headline ranker: nodes in depth-first order, a split as (feature, threshold,
# left, right) with rows below the threshold going left, a leaf as (value,).
Tree = tuple[tuple[float, ...], ...]


def tree_value(tree: Tree, row: Sequence[float]) -> float:
    """The leaf value a row reaches in one tree."""
    node = tree[0]
    while len(node) == 4:
        node = tree[int(node[2]) if row[int(node[0])] < node[1] else int(node[3])]
    return node[0]


@dataclass(frozen=True, slots=True)
class _TreeTables:
    """Trees flattened into node arrays (a leaf points to itself), for walking many rows through them at once."""

    trees: tuple[Tree, ...]
    roots: Any
    feature: Any
    threshold: Any
    left: Any
    right: Any
    value: Any
    depth: int
    # left and right interleaved: children[2 * node] and children[2 * node + 1].
    children: Any


# The tables of the last few tree ensembles, by identity (a model's trees are built once, when it loads).
_TABLES: dict[int, _TreeTables] = {}


_TABLES_KEPT = 8


def _tree_tables(trees: tuple[Tree, ...]) -> _TreeTables:
    import numpy as np

    found = _TABLES.get(id(trees))
    if found is not None and found.trees is trees:
        return found
    roots: list[int] = []
    feature: list[int] = []
    threshold: list[float] = []
    left: list[int] = []
    right: list[int] = []
    value: list[float] = []
    depth = 0
    for tree in trees:
        offset = len(feature)
        roots.append(offset)
        for local, node in enumerate(tree):
            at = offset + local
            if len(node) == 4:
                feature.append(int(node[0]))
                threshold.append(node[1])
                left.append(offset + int(node[2]))
                right.append(offset + int(node[3]))
                value.append(0.0)
            else:
                feature.append(0)
                threshold.append(0.0)
                left.append(at)
                right.append(at)
                value.append(node[0])
        # The deepest leaf's level, from the root down: the walk takes that many steps.
        stack = [(0, 0)]
        while stack:
            local, level = stack.pop()
            node = tree[local]
            if len(node) == 4:
                stack += [(int(node[2]), level + 1), (int(node[3]), level + 1)]
            else:
                depth = max(depth, level)
    found = _TreeTables(
        trees,
        np.array(roots, dtype=np.intp),
        np.array(feature, dtype=np.intp),
        np.array(threshold, dtype=float),
        np.array(left, dtype=np.intp),
        np.array(right, dtype=np.intp),
        np.array(value, dtype=float),
        depth,
        np.array([child for pair in zip(left, right, strict=True) for child in pair], dtype=np.intp),
    )
    if len(_TABLES) >= _TABLES_KEPT:
        _TABLES.clear()
    _TABLES[id(trees)] = found
    return found


def _leaf_values(trees: tuple[Tree, ...], rows: Sequence[Sequence[float]]) -> list[list[float]]:
    """For each row, the leaf value it reaches in each tree (``tree_value``), all rows and trees at once."""
    import numpy as np

    tables = _tree_tables(trees)
    matrix = np.array(rows, dtype=float)
    # The rows flattened: row r's feature f is at r * width + f (one 1-d gather per step, not a 2-d one).
    flat = matrix.ravel()
    offsets = (np.arange(len(rows)) * matrix.shape[1])[:, np.newaxis]
    nodes = np.repeat(tables.roots[np.newaxis, :], len(rows), axis=0)
    for _ in range(tables.depth):
        # A leaf goes "left" or "right" to itself: rows that reached one stay there. children[2 * node] is
        # the left child, children[2 * node + 1] the right one (taken where the row is not below the threshold).
        goes_right = ~(flat[offsets + tables.feature[nodes]] < tables.threshold[nodes])
        nodes = tables.children[2 * nodes + goes_right]
    return tables.value[nodes].tolist()
