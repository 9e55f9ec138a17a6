"""Regression trees of the headline ranker: one row's walk, and all rows through all trees at once (numpy)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
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
    """Trees laid out level by level as complete binary trees, for walking many rows through them at once (numpy).

    The trees' splits share few distinct (feature, threshold) pairs (the ranker's bin edges): each row is
    compared with every pair once, and the walk only looks the comparisons up. At each level the trees' nodes
    sit side by side, tree ``t``'s ``j``-th node of level ``l`` at ``t * 2**l + j``, its children at twice
    that (left) and one more (right) on the next level: a row's walk is ``slot = 2 * slot + went_right``, one
    lookup of the comparison a level, in tables a few times smaller than a node list with child addresses
    (they stay nearer in cache between pages). A leaf above the deepest level fills its whole subtree: its
    value at every leaf slot below it (the unread comparisons under it change nothing).
    """

    trees: tuple[Tree, ...]
    # The distinct split pairs: a row goes right at a split iff not row[pair_feature] < pair_threshold.
    pair_feature: Any
    pair_threshold: Any
    # By level above the leaves, each node slot's pair (0 under a leaf: read, never deciding).
    levels: tuple[Any, ...]
    # Each tree's leaf values at its ``2**depth`` slots of the last level.
    leaves: Any
    # Twice each tree's index: the first step's slot, before its turn is added.
    doubled: Any


# The tables of the last few tree ensembles, by identity (a model's trees are built once, when it loads).
_TABLES: dict[int, _TreeTables] = {}


_TABLES_KEPT = 8


def _depth(tree: Tree) -> int:
    """The deepest leaf's level, from the root down: a walk takes that many steps."""
    depth = 0
    stack = [(0, 0)]
    while stack:
        local, level = stack.pop()
        node = tree[local]
        if len(node) == 4:
            stack += [(int(node[2]), level + 1), (int(node[3]), level + 1)]
        else:
            depth = max(depth, level)
    return depth


def _tree_tables(trees: tuple[Tree, ...]) -> _TreeTables:
    import numpy as np

    found = _TABLES.get(id(trees))
    if found is not None and found.trees is trees:
        return found
    depth = max((_depth(tree) for tree in trees), default=0)
    count = len(trees)
    pairs: dict[tuple[int, float], int] = {}
    levels = [[0] * (count << level) for level in range(depth)]
    leaves = [0.0] * (count << depth)
    for tree_index, tree in enumerate(trees):
        # (node, its level, its slot within its tree's nodes of that level)
        stack = [(0, 0, 0)]
        while stack:
            local, level, slot = stack.pop()
            node = tree[local]
            if len(node) == 4:
                levels[level][(tree_index << level) + slot] = pairs.setdefault(
                    (int(node[0]), node[1]), len(pairs)
                )
                stack += [(int(node[2]), level + 1, 2 * slot), (int(node[3]), level + 1, 2 * slot + 1)]
            else:
                span = 1 << (depth - level)
                first = (tree_index << depth) + slot * span
                leaves[first : first + span] = [node[0]] * span
    found = _TreeTables(
        trees,
        np.array([feature for feature, _ in pairs], dtype=np.intp),
        np.array([threshold for _, threshold in pairs], dtype=float),
        tuple(np.array(level, dtype=np.intp) for level in levels),
        np.array(leaves, dtype=float),
        2 * np.arange(count, dtype=np.intp),
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
    if not tables.levels:
        return np.repeat(tables.leaves[np.newaxis, :], len(rows), axis=0)
    # The rows as one matrix, filled from their values in order (``fromiter`` with the count: ``np.array`` of a list
    # of lists first discovers each element's type and the shape). Rows of unequal widths are refused, as there.
    width = len(rows[0])
    if any(len(row) != width for row in rows):
        raise ValueError("rows of unequal widths")
    matrix = np.fromiter(chain.from_iterable(rows), float, len(rows) * width).reshape(len(rows), width)
    # Every index below lies inside its array by construction (a pair number under the pair count, a slot under
    # its level's width, a row's offset under the rows' span: ``test_the_tree_tables_index_inside_their_arrays``),
    # so ``take`` runs in "wrap" mode: the same elements, without "raise" mode's bounds check of each index
    # (about a quarter of the gathers' instructions).
    # Every row against every distinct split pair, once (the same float comparison as tree_value's),
    # flattened: row r's verdict on pair p is at r * pairs + p. A 1 goes right. (As a platform integer: the
    # turns are added to the slots without a cast from bytes at every level.)
    right = (
        (~(matrix.take(tables.pair_feature, axis=1, mode="wrap") < tables.pair_threshold))
        .ravel()
        .astype(np.intp)
    )
    # Every row starts at the roots, whose pairs are the first level's; each step doubles the slot and adds
    # the turn (a leaf's subtree holds its value at every slot, whichever way its unread turns go).
    # (``take``: the same gathers as indexing with an array, through numpy's faster loop for a flat source.)
    first = (np.arange(len(rows)) * len(tables.pair_feature))[:, np.newaxis] + tables.levels[0]
    slots = right.take(first, mode="wrap") + tables.doubled
    # Each row's offset into ``right`` at every tree, as a whole array: added at each level without numpy
    # copying a broadcast column into its buffer first.
    offsets = first - tables.levels[0]
    for pairs in tables.levels[1:]:
        turned = pairs.take(slots, mode="wrap")
        turned += offsets
        slots <<= 1
        slots += right.take(turned, mode="wrap")
    return tables.leaves.take(slots, mode="wrap")
