"""The headline ranker of `make train`: a conditional logit over each page's headline candidates, fitted as an
average of boosted regression-tree ensembles (numpy, deterministic, seeded)."""

from __future__ import annotations

import math
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "functions") not in sys.path:
    sys.path.insert(0, str(ROOT / "functions"))

from newsdrop.text.cleaner.model import HEADLINE_FEATURES, HeadlineModel  # noqa: E402
from tools.cleaning_corpus import FOLDS  # noqa: E402
from tools.train_crops import CROP_GROUP  # noqa: E402

# The boosted headline ranker: an average of a few boosters, each of trees of depth 3 grown on a seeded
# share of the pages and of the features (stochastic gradient boosting), with L2 on leaf values and a
# minimum curvature per leaf. One booster on every page (issue 10: 100 trees, L2 1, leaves of 1) moved
# out-of-fold titles by 1-2 % when the rules' columns changed a little; averaging boosters fitted on
# different pages and features, with larger leaves, moves them less (docs/eval.md, "retrain"). Ten boosters
# instead of five, with bin edges on a grid (``bin_edges``): of 1612 views, out-of-fold picks that flip between
# two seeds 23.3 -> 11.3 and with 3 % of the pages left out 26 -> 14, top-1 held (docs/eval.md, "The headline
# ranker's steadiness"); the trees cost twice the inference time (about 0.2 ms a page view).
_BOOSTERS = 10
_TREES = 100
_TREE_DEPTH = 3
_LEARNING_RATE = 0.1
_LEAF_L2 = 3.0
# A split leaves at least this much softmax curvature (a few candidates) on each side.
_MIN_LEAF_WEIGHT = 3.0
# Each tree sees this share of the pages and this share of the features, drawn from the seeded generator.
_PAGE_SHARE = 0.7
_FEATURE_SHARE = 0.7
_BINS = 32
# Bin edges are rounded to this many decimals (the columns are shares, logs and scores of order 1).
_EDGE_DECIMALS = 2


def _softmax(z: np.ndarray, index: np.ndarray, count: int) -> np.ndarray:
    """Each candidate's share of its page's softmax (``index`` numbers the pages, rows sorted by page)."""
    starts = np.r_[0, np.flatnonzero(np.diff(index)) + 1]
    z = z - np.maximum.reduceat(z, starts)[index]
    e = np.exp(z)
    return e / np.bincount(index, e, count)[index]


def _fit_tree(
    binned: np.ndarray,
    edges: list[np.ndarray],
    gradient: np.ndarray,
    hessian: np.ndarray,
    features: np.ndarray | None = None,
) -> list[tuple[float, ...]]:
    """One regression tree by second-order boosting: each split maximises the gain in
    G^2 / (H + l2) over the quantile bins of every feature (of ``features`` where given, a mask); a leaf
    holds -G / (H + l2). Ties go to the lowest feature, then the lowest bin (argmax): deterministic."""
    nodes: list[tuple[float, ...]] = []
    width = binned.shape[1]
    # Each feature's bins get their own slots: one bincount gives every feature's histogram at once.
    slots = binned + (np.arange(width) * (_BINS + 1))[np.newaxis, :]

    def build(rows: np.ndarray, level: int) -> int:
        total_g, total_h = float(gradient[rows].sum()), float(hessian[rows].sum())
        node = len(nodes)
        nodes.append(())
        best: tuple[int, int] | None = None
        if level < _TREE_DEPTH and len(rows) > 1:
            base = total_g * total_g / (total_h + _LEAF_L2)
            flat = slots[rows].ravel()
            size = width * (_BINS + 1)
            left_g = np.cumsum(
                np.bincount(flat, np.repeat(gradient[rows], width), size).reshape(width, -1), axis=1
            )[:, :-1]
            left_h = np.cumsum(
                np.bincount(flat, np.repeat(hessian[rows], width), size).reshape(width, -1), axis=1
            )[:, :-1]
            right_g, right_h = total_g - left_g, total_h - left_h
            allowed = (left_h >= _MIN_LEAF_WEIGHT) & (right_h >= _MIN_LEAF_WEIGHT)
            if features is not None:
                allowed &= features[:, np.newaxis]
            gain = np.where(
                allowed,
                left_g**2 / (left_h + _LEAF_L2) + right_g**2 / (right_h + _LEAF_L2) - base,
                -np.inf,
            )
            feature, cut = np.unravel_index(int(np.argmax(gain)), gain.shape)
            if gain[feature, cut] > 1e-6:
                best = (int(feature), int(cut))
        if best is None:
            nodes[node] = (_LEARNING_RATE * -total_g / (total_h + _LEAF_L2),)
            return node
        feature, cut = best
        # Bin <= cut is exactly value < edges[cut].
        threshold = float(edges[feature][cut])
        below = binned[rows, feature] <= cut
        left = build(rows[below], level + 1)
        right = build(rows[~below], level + 1)
        nodes[node] = (float(feature), threshold, float(left), float(right))
        return node

    build(np.arange(len(gradient)), 0)
    return nodes


def _tree_values(tree: tuple[tuple[float, ...], ...], x: np.ndarray) -> np.ndarray:
    """``tree_value`` of every row of ``x`` (numpy; the same comparisons)."""
    values = np.zeros(len(x))
    stack = [(0, np.arange(len(x)))]
    while stack:
        node, rows = stack.pop()
        split = tree[node]
        if len(split) == 1:
            values[rows] = split[0]
            continue
        below = x[rows, int(split[0])] < split[1]
        stack += [(int(split[2]), rows[below]), (int(split[3]), rows[~below])]
    return values


def bin_edges(x: np.ndarray) -> list[np.ndarray]:
    """Each column's split candidates: its ``_BINS`` quantiles, rounded to ``_EDGE_DECIMALS`` decimals.

    Rounded to a grid, a few pages more or less (a merge moving the rules' columns) leave the thresholds
    where they were, so the trees' splits, and the near ties they decide, move less (docs/eval.md)."""
    return [
        np.unique(np.round(np.quantile(x[:, feature], np.linspace(0, 1, _BINS + 1)[1:-1]), _EDGE_DECIMALS))
        for feature in range(x.shape[1])
    ]


def fit_boosted(
    x: np.ndarray, y: np.ndarray, groups: np.ndarray, seed: int = 7, weights: np.ndarray | None = None
) -> HeadlineModel:
    """Boosted regression trees for the conditional logit: each tree is a Newton step on the softmax of
    each page's candidate scores, fitted on a share of the pages and features drawn from a generator
    seeded with ``seed``; ``_BOOSTERS`` such boosters are averaged (their leaves scaled, so the model is
    one sum of trees). ``weights`` (a row's, one a page) scale each page's gradient and curvature. Pages
    without a gold candidate carry no information and are left out. The same input and seed give the same
    model."""
    _, index = np.unique(groups, return_inverse=True)
    count = int(index.max()) + 1 if len(index) else 0
    keep = (np.bincount(index, y, count) > 0)[index]
    weight = np.ones(len(y)) if weights is None else weights
    x, y, index, weight = x[keep], y[keep], index[keep], weight[keep]
    _, index = np.unique(index, return_inverse=True)
    count = int(index.max()) + 1 if len(index) else 0
    target = y / np.bincount(index, y, count)[index]
    edges = bin_edges(x)
    binned = np.stack(
        [np.searchsorted(edges[feature], x[:, feature], side="right") for feature in range(x.shape[1])],
        axis=1,
    )
    generator = np.random.default_rng(seed)
    trees: list[tuple[tuple[float, ...], ...]] = []
    for _ in range(_BOOSTERS):
        scores = np.zeros(len(y))
        for _ in range(_TREES):
            p = _softmax(scores, index, count)
            chosen = (generator.random(count) < _PAGE_SHARE)[index] * weight
            features = generator.random(x.shape[1]) < _FEATURE_SHARE
            tree = tuple(
                _fit_tree(
                    binned,
                    edges,
                    (p - target) * chosen,
                    np.maximum(p * (1 - p), 1e-6) * chosen,
                    features,
                )
            )
            scores += _tree_values(tree, x)
            # The booster's trees, each leaf scaled by its share of the average.
            trees.append(tuple(node if len(node) == 4 else (node[0] / _BOOSTERS,) for node in tree))
    return HeadlineModel((0.0,) * x.shape[1], trees=tuple(trees))


def fit_headlines(
    data: dict[str, np.ndarray], seed: int = 7, crops: int = 0
) -> tuple[dict[int, HeadlineModel], HeadlineModel]:
    """Headline rankers per fold and on every page; prints out-of-fold title accuracy, rules beside ranker.

    The ``crops`` extra crops of a page (``train_crops``, groups from ``CROP_GROUP``) are fitted at 1 / ``crops``
    of a view's weight each, so crops of the article view's kind weigh twice the page view together (four at
    full weight: out-of-fold article 627 -> 638 of 804, page 659 -> 646 of 806); no accuracy here counts them."""
    views = data["hgroup"] < CROP_GROUP
    weights = np.where(views, 1.0, 1.0 / max(crops, 1))
    models: dict[int, HeadlineModel] = {}
    scores = np.zeros(len(data["hy"]))
    for fold in range(FOLDS):
        train = data["hfold"] != fold
        models[fold] = fit_boosted(
            data["hx"][train], data["hy"][train], data["hgroup"][train], seed, weights[train]
        )
        held = ~train & views
        scores[held] = [models[fold].score(row) for row in data["hx"][held]]
    full = fit_boosted(data["hx"], data["hy"], data["hgroup"], seed, weights)
    hx, hy, groups, scores = data["hx"][views], data["hy"][views], data["hgroup"][views], scores[views]
    rules = hx[:, HEADLINE_FEATURES.index("rule_score")]
    rules_pick = hx[:, HEADLINE_FEATURES.index("log_rule_rank")] == 0.0
    pages = np.unique(groups)

    def accuracy(values: np.ndarray) -> float:
        right = 0
        for page in pages:
            rows = np.nonzero(groups == page)[0]
            right += int(hy[rows[np.argmax(values[rows])]] > 0.5)
        return right / len(pages)

    # The rules' best score on each candidate's page: the ranker may overrule only where it is below trust.
    page_best = np.zeros(len(hy))
    for page in pages:
        rows = np.nonzero(groups == page)[0]
        page_best[rows] = rules[rows].max()
    margins = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0)
    trusts = (math.inf, 20.0, 16.0, 14.0, 12.0, 10.0, 8.0, 6.0)
    found = {
        (margin, trust): accuracy(np.where(page_best >= trust / 10.0, rules, scores + margin * rules_pick))
        for margin in margins
        for trust in trusts
    }
    margin, trust = max(found, key=lambda key: (round(found[key], 4), key[0], -key[1]))
    print(
        f"headline, out-of-fold accuracy on pages with candidates: rules {accuracy(rules):.3f}, "
        f"ranker alone {found[(0.0, math.inf)]:.3f}, ranker at margin {margin} where the rules' best "
        f"score is below {trust}: {found[(margin, trust)]:.3f}"
    )
    return (
        {fold: replace(model, margin=margin, trust=trust) for fold, model in models.items()},
        replace(full, margin=margin, trust=trust),
    )
