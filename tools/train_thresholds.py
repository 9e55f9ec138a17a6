"""How `make train` turns the line model's out-of-fold scores into verdicts: the keep and drop thresholds and
the smoothing cost, chosen by approximate page F1 and snippet accuracy, never deciding a seed line wrong."""

from __future__ import annotations

import sys
from itertools import pairwise
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "functions") not in sys.path:
    sys.path.insert(0, str(ROOT / "functions"))

from newsdrop.text.cleaner.model import FEATURES, smooth_verdicts  # noqa: E402


def page_f1(data: dict[str, np.ndarray], keep: np.ndarray, dev_weight: float) -> float:
    """Approximate corpus F1 of pages with a gold body: per page P and R over labelled lines' tokens."""
    mask = data["body"]
    group, tokens, labels = data["group"][mask], data["tokens"][mask], data["y"][mask]
    kept = keep[mask].astype(np.float64)
    pages, index = np.unique(group, return_inverse=True)
    positive = np.bincount(index, tokens * labels, len(pages))
    kept_tokens = np.bincount(index, tokens * kept, len(pages))
    right = np.bincount(index, tokens * labels * kept, len(pages))
    precision = np.where(kept_tokens > 0, right / np.maximum(kept_tokens, 1e-9), 1.0)
    recall = np.where(positive > 0, right / np.maximum(positive, 1e-9), 1.0)
    weight = np.where(
        np.bincount(index, data["dev"][mask].astype(np.float64), len(pages)) > 0, dev_weight, 1.0
    )
    mean_p = float(np.average(precision, weights=weight))
    mean_r = float(np.average(recall, weights=weight))
    return 0.0 if mean_p + mean_r == 0 else 2 * mean_p * mean_r / (mean_p + mean_r)


def snippet_accuracy(data: dict[str, np.ndarray], keep: np.ndarray) -> float:
    """Approximate snippet accuracy: the share of snippet pages whose every labelled line is decided
    as its label says (a `with` line kept, a `without` line dropped)."""
    mask = ~data["body"] & np.isfinite(data["y"])
    if not mask.any():
        return 1.0
    _, index = np.unique(data["group"][mask], return_inverse=True)
    wrong = np.bincount(index, (keep[mask] != (data["y"][mask] > 0.5)).astype(np.float64))
    return float(np.mean(wrong == 0))


def _logit(p: np.ndarray | float) -> np.ndarray:
    clipped = np.clip(p, 1e-12, 1.0 - 1e-12)
    return np.log(clipped / (1.0 - clipped))


def smoothed(
    scores: np.ndarray,
    rules: np.ndarray,
    groups: np.ndarray,
    keep_above: float,
    drop_below: float,
    switch_cost: float,
) -> np.ndarray:
    """The cleaner's verdicts with smoothing (``apply_model``): a line the rules kept is dropped when its
    own score or ``smooth_verdicts`` along its page drops it; a line they dropped is kept by its own
    score alone (rows of a page contiguous, in page order)."""
    margins = _logit(scores) - np.where(rules, _logit(drop_below), _logit(keep_above))
    own = margins >= 0.0
    if switch_cost <= 0.0:
        return own
    dropping = np.zeros(len(scores), dtype=bool)
    starts = np.r_[0, np.flatnonzero(np.diff(groups)) + 1, len(groups)]
    for start, stop in pairwise(starts):
        dropping[start:stop] = smooth_verdicts(margins[start:stop].tolist(), switch_cost, edge=True)
    return np.where(rules, own & dropping, own)


# Switch costs tried (logit units); 0 is the line-by-line verdict.
_SWITCH_COSTS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)


def choose_switch_cost(
    data: dict[str, np.ndarray],
    scores: np.ndarray,
    keep_above: float,
    drop_below: float,
    dev_weight: float,
    snippet_weight: float = 0.0,
    seeds: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None,
) -> tuple[float, float]:
    """The switch cost of ``smooth_verdicts`` with the best out-of-fold objective (as ``choose_thresholds``),
    and that objective. A cost is ruled out when it decides a seed line wrong or lowers out-of-fold snippet
    accuracy below the line-by-line verdicts': smoothing must not trade one figure for the other."""
    rules = data["x"][:, FEATURES.index("kept_by_rules")] > 0.5
    best: tuple[float, float] | None = None
    floor = snippet_accuracy(data, smoothed(scores, rules, data["group"], keep_above, drop_below, 0.0))
    for cost in _SWITCH_COSTS:
        keep = smoothed(scores, rules, data["group"], keep_above, drop_below, cost)
        value = page_f1(data, keep, dev_weight)
        snippets = snippet_accuracy(data, keep)
        if snippet_weight:
            value = (1 - snippet_weight) * value + snippet_weight * snippets
        if snippets < floor:
            continue
        if seeds is not None:
            seed_scores, seed_rules, seed_gold, seed_files = seeds
            seed_keep = smoothed(seed_scores, seed_rules, seed_files, keep_above, drop_below, cost)
            if not np.all(seed_keep == seed_gold):
                continue
        if best is None or value > best[1] + 1e-6:
            best = (cost, value)
    return best if best is not None else (0.0, 0.0)


# Out-of-fold objectives closer than this count as equal when the thresholds are chosen (choose_thresholds).
_OBJECTIVE_TIE = 0.0005


def choose_thresholds(
    data: dict[str, np.ndarray],
    scores: np.ndarray,
    dev_weight: float,
    snippet_weight: float = 0.0,
    seeds: tuple[np.ndarray, ...] | None = None,
) -> tuple[float, float, float]:
    """The (keep_above, drop_below) pair with the best out-of-fold objective, and that objective: page F1,
    mixed with snippet accuracy by ``snippet_weight``. drop_below may exceed 0.5: the rules' region
    keeps lines the model doubts. ``seeds`` (the shipped model's scores, the rules' and the gold's
    verdicts on the seeds' lines) rules out any pair that decides a seed line wrong: the seeds stay perfect."""
    rules = data["x"][:, FEATURES.index("kept_by_rules")] > 0.5

    def seeds_right(keep_above: float, drop_below: float) -> bool:
        if seeds is None:
            return True
        seed_scores, seed_rules, seed_gold = seeds[:3]
        keep = np.where(seed_rules, seed_scores >= drop_below, seed_scores >= keep_above)
        return bool(np.all(keep == seed_gold))

    def objective(keep: np.ndarray) -> float:
        value = page_f1(data, keep, dev_weight)
        if snippet_weight:
            value = (1 - snippet_weight) * value + snippet_weight * snippet_accuracy(data, keep)
        return value

    best = (1.01, -0.01, objective(rules))
    pairs: list[tuple[float, float, float, np.ndarray]] = []
    for keep_above in np.arange(0.5, 1.0, 0.05):
        for drop_below in np.arange(0.0, 0.7, 0.05):
            keep = np.where(rules, scores >= drop_below, scores >= keep_above)
            value = objective(keep)
            if not seeds_right(keep_above, drop_below):
                continue
            pairs.append((round(float(keep_above), 2), round(float(drop_below), 2), value, keep))
            if value > best[2] + 1e-6:
                best = (round(float(keep_above), 2), round(float(drop_below), 2), value)
    # Pairs within _OBJECTIVE_TIE of the best objective are a tie (a feature that moves the objective by
    # 0.0001 flipped keep_above between 0.65 and 0.7, and snippet accuracy by 0.02 with it): among them the
    # pair with the best out-of-fold snippet accuracy wins, so the choice does not trade snippets for noise.
    tied = [pair for pair in pairs if pair[2] >= best[2] - _OBJECTIVE_TIE]
    if tied:
        chosen = max(tied, key=lambda pair: (snippet_accuracy(data, pair[3]), pair[2]))
        best = chosen[:3]
    return best
