"""The page's lists the line model's features keep (texts, keys, numbers, sizes, word counts) and the stages after
the model reading them: the same facts and the same verdicts as reading each line again."""

from __future__ import annotations

import copy
import random
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from newsdrop.models import KEPT_ROLES
from newsdrop.text.cleaner import after_model, apply_model, line_model, rule_pass
from newsdrop.text.cleaner.model import feature_parts, load_model
from tests.unit.cleaner_fixtures import Line

DEV = Path(__file__).resolve().parents[2] / "data" / "cleaning-dev"


@pytest.mark.parametrize(
    "lines",
    [
        [],
        [Line(1, "Menu", False)],
        [
            Line(3, "The council voted on Tuesday to close the old bridge for a year.", True),
            Line(4, "Home | News | Sport", False, role="boilerplate", rule="navigation"),
            Line(9, "Menu", False, key="menu", words=1),
            Line(10, "Menu", False, key="menu", words=7),
        ],
    ],
)
def test_the_features_lists_are_each_lines_facts(lines: list[Line]) -> None:
    parts = feature_parts(lines, 0, max(0, len(lines) - 1))
    assert parts.texts == [line.text for line in lines]
    assert parts.keys == [line.key for line in lines]
    assert parts.numbers == [line.n for line in lines]
    assert parts.lengths == [len(line.text) for line in lines]
    assert parts.words == [line.words for line in lines]


@pytest.mark.parametrize("seed", range(3))
def test_plain_margins_read_the_word_counts_listed_or_the_lines_alike(seed: int) -> None:
    model = load_model()
    assert model is not None
    rng = random.Random(seed)
    path = sorted(DEV.glob("*/*.txt"))[seed * 7]
    found = rule_pass(path.read_text(encoding="utf-8"))
    parts = feature_parts(found.lines, found.start, found.end)
    kept: list[bool | None] = [rng.random() < 0.5 for _ in found.lines]
    # A fresh cache of word-count dots each time: the first call fills it from the counts it reads.
    line_model._weight_blocks.cache_clear()
    listed = model.margins(parts, kept, 0.2)
    line_model._weight_blocks.cache_clear()
    unlisted = model.margins(replace(parts, words=[]), kept, 0.2)
    assert [repr(value) for value in listed] == [repr(value) for value in unlisted]


@pytest.mark.parametrize("step", [0, 1, 2, 3])
def test_after_model_reads_the_models_lists_as_its_own(step: int) -> None:
    model = load_model()
    assert model is not None
    for path in sorted(DEV.glob("*/*.txt"))[step::20]:
        found = rule_pass(path.read_text(encoding="utf-8"))
        page = apply_model(found, model)
        assert page[:5] == (
            [line.text for line in found.lines],
            [line.key for line in found.lines],
            [line.n for line in found.lines],
            [len(line.text) for line in found.lines],
            Counter([line.key for line in found.lines]),
        )
        # Every line whose rule names the model is among the flips (in page order), and the kept verdicts are the
        # lines' roles as the model's stages left them.
        flips, kept = page[5], page[6]
        assert flips == sorted(set(flips))
        assert {
            at for at, line in enumerate(found.lines) if (line.rule or "").startswith("line_model")
        } <= set(flips)
        assert kept == [line.role in KEPT_ROLES for line in found.lines]
        again = copy.deepcopy(found.lines)
        after_model(found.lines, found.start, modelled=True, region_start=found.region_start, page=page)
        after_model(again, found.start, modelled=True, region_start=found.region_start)
        assert [(line.role, line.rule) for line in found.lines] == [(line.role, line.rule) for line in again]
