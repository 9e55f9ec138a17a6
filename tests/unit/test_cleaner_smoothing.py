"""Smoothing of the line model's verdicts along a page: the Viterbi pass, its margins and make train's use of it."""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path

import numpy as np
import pytest

from newsdrop.text.cleaner import apply_model, rule_pass
from newsdrop.text.cleaner.model import (
    FeatureParts,
    LineModel,
    decidable,
    feature_parts,
    line_features,
    load_model,
    smooth_verdicts,
)
from tools.train_thresholds import smoothed

SEEDS = Path(__file__).resolve().parents[2] / "data" / "seeds"


@pytest.mark.parametrize(
    ("margins", "cost", "expected"),
    [
        ([], 0.3, []),
        ([0.0], 0.3, [True]),
        ([0.0], 0.0, [True]),
        # Without a switch cost every line keeps its own verdict.
        ([2.0, -0.1, 2.0], 0.0, [True, False, True]),
        # A lone weak "drop" inside a kept run follows its neighbours ...
        ([2.0, -0.1, 2.0], 0.3, [True, True, True]),
        # ... a sure one (beyond twice the cost) does not.
        ([2.0, -0.7, 2.0], 0.3, [True, False, True]),
        # A lone weak "keep" among dropped lines is dropped; at the page's edge one change is saved only.
        ([-2.0, 0.2, -2.0], 0.3, [False, False, False]),
        ([0.2, -2.0, -2.0], 0.3, [False, False, False]),
        ([0.4, -2.0, -2.0], 0.3, [True, False, False]),
        # Two weak lines together outweigh one change but not two.
        ([3.0, -0.25, -0.25, 3.0], 0.3, [True, True, True, True]),
        ([3.0, -0.4, -0.4, 3.0], 0.3, [True, False, False, True]),
    ],
)
def test_smooth_verdicts_weighs_each_line_against_the_changes_it_causes(
    margins: list[float], cost: float, expected: list[bool]
) -> None:
    assert smooth_verdicts(margins, cost) == expected


@pytest.mark.parametrize(
    ("margins", "edge", "expected"),
    [
        # A weak closing line after dropped ones: free ends drop it, kept ends (the rules kept it) do not.
        ([-2.0, -2.0, 0.2], None, [False, False, False]),
        ([-2.0, -2.0, 0.2], True, [False, False, True]),
        # A weak opening line before kept ones: dropped ends (the rules dropped it) leave it dropped.
        ([-0.2, 2.0, 2.0], None, [True, True, True]),
        ([-0.2, 2.0, 2.0], False, [False, True, True]),
        # Enclosed lines are smoothed whatever the ends.
        ([2.0, -0.1, 2.0], True, [True, True, True]),
        ([-2.0, 0.1, -2.0], False, [False, False, False]),
    ],
)
def test_smooth_verdicts_assumes_the_edge_verdict_beyond_the_page(
    margins: list[float], edge: bool | None, expected: list[bool]
) -> None:
    assert smooth_verdicts(margins, 0.3, edge) == expected


def _objective(margins: list[float], cost: float, path: tuple[bool, ...], edge: bool | None) -> float:
    gained = sum(margin for margin, keep in zip(margins, path, strict=True) if keep)
    full = path if edge is None else (edge, *path, edge)
    return gained - cost * sum(1 for a, b in itertools.pairwise(full) if a != b)


@pytest.mark.parametrize("edge", [None, True, False])
def test_smooth_verdicts_finds_the_best_sequence_and_never_flips_a_sure_line(edge: bool | None) -> None:
    rng = random.Random(5)
    for _ in range(300):
        margins = [round(rng.uniform(-1.5, 1.5), 2) for _ in range(rng.randint(1, 8))]
        cost = rng.choice((0.1, 0.3, 0.6))
        found = smooth_verdicts(margins, cost, edge)
        best = max(
            _objective(margins, cost, path, edge)
            for path in itertools.product((False, True), repeat=len(margins))
        )
        assert _objective(margins, cost, tuple(found), edge) == pytest.approx(best)
        for margin, keep in zip(margins, found, strict=True):
            if abs(margin) > 2 * cost:
                assert keep == (margin > 0)


def _seed_passes() -> list:
    return [rule_pass(path.read_text(encoding="utf-8")) for path in sorted(SEEDS.glob("*.txt"))]


@pytest.mark.parametrize("slack", [0.0, 0.6, 100.0])
def test_margins_are_the_logit_over_the_threshold_or_a_bound_beyond_the_slack(slack: float) -> None:
    model = load_model()
    assert model is not None
    compared = 0
    for found in _seed_passes():
        parts = feature_parts(found.lines, found.start, found.end)
        rows = line_features(found.lines, found.start, found.end)
        kept: list[bool | None] = [index % 3 == 0 for index in range(len(rows))]
        kept[0] = None
        margins = model.margins(parts, kept, slack)
        assert margins[0] is None
        for row, flag, margin in zip(rows[1:], kept[1:], margins[1:], strict=True):
            assert margin is not None and flag is not None
            score = model.score(row)
            threshold = model.drop_below if flag else model.keep_above
            exact = float(np.log(score / (1 - score)) - np.log(threshold / (1 - threshold)))
            assert (margin >= 0) == model.keeps(row, flag)
            if abs(exact) <= slack:
                assert margin == pytest.approx(exact, abs=1e-6)
            else:
                assert abs(margin) > slack and (margin > 0) == (exact > 0)
            compared += 1
    assert compared > 50


@pytest.mark.parametrize("seed", range(4))
def test_margins_hold_for_random_weights_and_thresholds(seed: int) -> None:
    """Each bound stage (the word-decided, the quick, the cheap shape) settles only lines beyond the slack."""
    shipped = load_model()
    assert shipped is not None
    rng = random.Random(seed)
    model = replace(
        shipped,
        weights=tuple(
            weight * rng.choice((0.5, 1.0, 3.0)) + rng.gauss(0.0, 0.5) for weight in shipped.weights
        ),
        bias=shipped.bias + rng.gauss(0.0, 1.0),
        keep_above=rng.uniform(0.05, 0.95),
        drop_below=rng.uniform(0.05, 0.95),
    )
    slack = rng.choice((0.2, 0.6, 2.0))
    compared = 0
    dev = sorted((SEEDS.parent / "cleaning-dev").glob("*/*.txt"))[seed::6]
    for found in [rule_pass(path.read_text(encoding="utf-8")) for path in dev]:
        parts = feature_parts(found.lines, found.start, found.end)
        rows = line_features(found.lines, found.start, found.end)
        kept = [rng.random() < 0.5 for _ in rows]
        for row, flag, margin in zip(rows, kept, model.margins(parts, kept, slack), strict=True):
            assert margin is not None
            score = model.score(row)
            threshold = model.drop_below if flag else model.keep_above
            exact = float(np.log(score / (1 - score)) - np.log(threshold / (1 - threshold)))
            if abs(exact) <= slack:
                assert margin == pytest.approx(exact, abs=1e-6)
            else:
                assert abs(margin) > slack and (margin > 0) == (exact > 0)
            compared += 1
    assert compared > 500


@dataclass(frozen=True)
class _FixedMargins(LineModel):
    """The shipped model's weights with given margins for the decidable lines, in page order."""

    given: tuple[float, ...] = ()

    def margins(self, parts: FeatureParts, kept: Sequence[bool | None], slack: float) -> list[float | None]:
        values = iter(self.given)
        return [None if flag is None else next(values) for flag in kept]


def test_apply_model_drops_a_weak_kept_line_between_dropped_ones_and_names_smoothing() -> None:
    shipped = load_model()
    assert shipped is not None
    found = rule_pass(sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8"))
    decidable_kept = [
        line.role in ("body", "subheading") if decidable(line) else None for line in found.lines
    ]
    chain = [index for index, flag in enumerate(decidable_kept) if flag is not None]
    kept_at = [position for position, index in enumerate(chain) if decidable_kept[index]]
    # A kept line the model barely keeps, between two kept lines it is sure to drop; every other line sure.
    weak = kept_at[len(kept_at) // 2]
    margins = [5.0 if decidable_kept[index] else -5.0 for index in chain]
    margins[weak - 1] = margins[weak + 1] = -5.0
    margins[weak] = 0.1
    model = _FixedMargins(
        **{f.name: getattr(shipped, f.name) for f in fields(LineModel)}, given=tuple(margins)
    )
    apply_model(found, replace(model, switch_cost=0.3))
    rules = {index: found.lines[index].rule for index in chain}
    assert rules[chain[weak]] == "line_model:smoothed"
    assert found.lines[chain[weak]].role == "boilerplate"
    assert sum(rule == "line_model:smoothed" for rule in rules.values()) == 1


@pytest.mark.parametrize(
    ("scores", "rules", "expected"),
    [
        # Kept by the rules, one line the model nearly drops between two it drops: dropped too.
        ([0.2, 0.47, 0.2], [True, True, True], [False, False, False]),
        # Smoothing never undoes a flip: a line the model keeps among rules-dropped lines stays kept.
        ([0.95, 0.1, 0.1], [False, False, False], [True, False, False]),
        # A rules-dropped line the model nearly keeps between two it keeps: still dropped.
        ([0.95, 0.65, 0.95], [False, False, False], [True, False, True]),
        # At the page's end a weak kept line is not dropped for lack of a kept neighbour.
        ([0.2, 0.2, 0.47], [True, True, True], [False, False, True]),
    ],
)
def test_smoothing_only_drops_lines_the_rules_kept(
    scores: list[float], rules: list[bool], expected: list[bool]
) -> None:
    keep = smoothed(np.asarray(scores), np.asarray(rules), np.zeros(len(scores)), 0.7, 0.45, 0.3)
    assert keep.tolist() == expected
