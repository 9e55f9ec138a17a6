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
    """Trees flattened for walking many rows through them at once (numpy).

    The trees' splits share few distinct (feature, threshold) pairs (the ranker's bin edges): each row is
    compared with every pair once, and the walk only looks the comparisons up. Nodes are addressed by twice
    their index, so a node's two children sit at ``step[2 * node]`` (left) and ``step[2 * node + 1]``
    (right) and the walk needs no multiply; a leaf steps to itself.
    """

    trees: tuple[Tree, ...]
    # The distinct split pairs: a row goes right at a split iff not row[pair_feature] < pair_threshold.
    pair_feature: Any
    pair_threshold: Any
    # Indexed by 2 * node and 2 * node + 1: the node's pair (0 for a leaf, never read there), its child's
    # address going left / right (a leaf's own address), and its leaf value (0.0 for a split).
    pair: Any
    step: Any
    value: Any
    roots: Any
    depth: int
    # The roots' pairs (the first step's, the same for every row), and by address the leaf value of the node
    # a step leads to (``value[step]``: the last step picks the leaf's value at once).
    root_pair: Any
    step_value: Any


# The tables of the last few tree ensembles, by identity (a model's trees are built once, when it loads).
_TABLES: dict[int, _TreeTables] = {}


_TABLES_KEPT = 8


def _tree_tables(trees: tuple[Tree, ...]) -> _TreeTables:
    import numpy as np

    found = _TABLES.get(id(trees))
    if found is not None and found.trees is trees:
        return found
    pairs: dict[tuple[int, float], int] = {}
    roots: list[int] = []
    pair: list[int] = []
    step: list[int] = []
    value: list[float] = []
    depth = 0
    for tree in trees:
        offset = len(pair) // 2
        roots.append(2 * offset)
        for local, node in enumerate(tree):
            if len(node) == 4:
                index = pairs.setdefault((int(node[0]), node[1]), len(pairs))
                pair += (index, index)
                step += (2 * (offset + int(node[2])), 2 * (offset + int(node[3])))
                value += (0.0, 0.0)
            else:
                at = 2 * (offset + local)
                pair += (0, 0)
                step += (at, at)
                value += (node[0], node[0])
        # The deepest leaf's level, from the root down: the walk takes that many steps.
        stack = [(0, 0)]
        while stack:
            local, level = stack.pop()
            node = tree[local]
            if len(node) == 4:
                stack += [(int(node[2]), level + 1), (int(node[3]), level + 1)]
            else:
                depth = max(depth, level)
    pair_array, step_array = np.array(pair, dtype=np.intp), np.array(step, dtype=np.intp)
    value_array, roots_array = np.array(value, dtype=float), np.array(roots, dtype=np.intp)
    found = _TreeTables(
        trees,
        np.array([feature for feature, _ in pairs], dtype=np.intp),
        np.array([threshold for _, threshold in pairs], dtype=float),
        pair_array,
        step_array,
        value_array,
        roots_array,
        depth,
        pair_array[roots_array],
        value_array[step_array],
    )
    if len(_TABLES) >= _TABLES_KEPT:
        _TABLES.clear()
    _TABLES[id(trees)] = found
    return found


def _leaf_values(trees: tuple[Tree, ...], rows: Sequence[Sequence[float]]) -> Any:
    """For each row, the leaf value it reaches in each tree (``tree_value``), all rows and trees at once: a
    C-contiguous float array, one row per row and one column per tree."""
    import numpy as np

    tables = _tree_tables(trees)
    matrix = np.array(rows, dtype=float)
    # Every row against every distinct split pair, once (the same float comparison as tree_value's),
    # flattened: row r's verdict on pair p is at r * pairs + p. A 1 goes right.
    right = (~(matrix[:, tables.pair_feature] < tables.pair_threshold)).ravel().view(np.uint8)
    offsets = (np.arange(len(rows)) * len(tables.pair_feature))[:, np.newaxis]
    if tables.depth == 0:
        return np.repeat(tables.value[tables.roots][np.newaxis, :], len(rows), axis=0)
    # Every row starts at the roots (one row of addresses, broadcast), whose pairs are known.
    nodes, pairs = tables.roots, tables.root_pair
    for level in range(tables.depth):
        # A leaf steps to itself whichever way its (unread) verdict says: rows that reached one stay there.
        turned = nodes + right[offsets + pairs]
        if level == tables.depth - 1:
            # The last step reads the value of the leaf it leads to (``value[step[...]]``).
            return tables.step_value[turned]
        nodes = tables.step[turned]
        pairs = tables.pair[nodes]
    raise AssertionError("unreachable: the loop returns at its last level")
