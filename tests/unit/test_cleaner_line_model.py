"""The line model's paragraph-block, sentence, timestamp and prose-mass features, and how make train picks thresholds."""

from __future__ import annotations

import math

import numpy as np
import pytest

from newsdrop.text.cleaner.model import FEATURES, line_features
from tests.unit.cleaner_fixtures import Line
from tools.train_thresholds import choose_thresholds, snippet_accuracy

PARAGRAPH = "The council voted on Tuesday to close the old bridge. Repairs start in May and last a year."
TEASER = "Read our earlier story about the bridge and its history."


def _feature(lines: list[Line], name: str) -> list[float]:
    return [row[FEATURES.index(name)] for row in line_features(lines, 0, len(lines) - 1)]


def test_new_features_are_part_of_the_model() -> None:
    for name in (
        "sentences",
        "has_time",
        "block_chars",
        "block_lines",
        "prose_above",
        "prose_below",
        "blank_after",
    ):
        assert name in FEATURES


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Short menu entry", 0),
        ("One sentence that ends here.", 0),
        (PARAGRAPH, 1),
        ("“First,” she said. Then a second one! And a third? Yes.", 3),
        # Only the opening 400 characters are read: a long paragraph's count is bounded.
        ("Word. " * 200, 66),
    ],
)
def test_sentences_counts_sentence_breaks_inside_a_line(text: str, sentences: int) -> None:
    assert _feature([Line(1, text, prose=True)], "sentences") == [pytest.approx(math.log1p(sentences))]


@pytest.mark.parametrize(
    ("text", "has_time"),
    [
        ("Updated 14:35 by the newsroom", 1.0),
        ("Published 12.04.2024", 1.0),
        ("Back in 1998 the bridge was new", 1.0),
        ("Seven people were hurt in the crash", 0.0),
        ("Flight 12345 was late", 0.0),
        # A timestamp after the opening 200 characters does not count.
        ("x" * 210 + " 14:35", 0.0),
    ],
)
def test_has_time_finds_clock_times_dates_and_years_in_the_opening(text: str, has_time: float) -> None:
    assert _feature([Line(1, text, prose=True)], "has_time") == [has_time]


@pytest.mark.parametrize(
    ("prose", "block_lines"),
    [
        # A story: three paragraphs in a row form one block.
        ((True, True, True), (3, 3, 3)),
        # Teasers: each sentence alone between short lines.
        ((True, False, True, False), (1, 0, 1, 0)),
        ((False, True, True, False, True), (0, 2, 2, 0, 1)),
    ],
)
def test_block_features_measure_the_run_of_prose_lines(
    prose: tuple[bool, ...], block_lines: tuple[int, ...]
) -> None:
    lines = [Line(i + 1, PARAGRAPH if flag else "Menu", prose=flag) for i, flag in enumerate(prose)]
    assert _feature(lines, "block_lines") == [pytest.approx(math.log1p(n)) for n in block_lines]
    chars = [n * len(PARAGRAPH) for n in block_lines]
    assert _feature(lines, "block_chars") == [pytest.approx(math.log1p(c) / 10.0) for c in chars]


@pytest.mark.parametrize(
    ("prose", "above", "below"),
    [
        ((True, True), (0.0, 0.5), (0.5, 0.0)),
        ((True, False, True, True), (0.0, 1 / 3, 1 / 3, 2 / 3), (2 / 3, 2 / 3, 1 / 3, 0.0)),
        # No prose on the page: both shares are 0, never a division by zero.
        ((False, False), (0.0, 0.0), (0.0, 0.0)),
    ],
)
def test_prose_above_and_below_are_shares_of_the_pages_prose(
    prose: tuple[bool, ...], above: tuple[float, ...], below: tuple[float, ...]
) -> None:
    lines = [Line(i + 1, PARAGRAPH if flag else "Menu", prose=flag) for i, flag in enumerate(prose)]
    assert _feature(lines, "prose_above") == [pytest.approx(value) for value in above]
    assert _feature(lines, "prose_below") == [pytest.approx(value) for value in below]


@pytest.mark.parametrize(
    ("numbers", "blank_after"),
    [
        ((1, 2, 3), (0.0, 0.0, 0.0)),
        ((1, 3, 4), (1.0, 0.0, 0.0)),
        ((2, 5, 9), (1.0, 1.0, 0.0)),
    ],
)
def test_blank_after_marks_a_line_followed_by_an_empty_line(
    numbers: tuple[int, ...], blank_after: tuple[float, ...]
) -> None:
    lines = [Line(n, TEASER, prose=True) for n in numbers]
    assert _feature(lines, "blank_after") == list(blank_after)


def _data(
    kept: list[bool], labels: list[float], body: list[bool], groups: list[int]
) -> dict[str, np.ndarray]:
    x = np.zeros((len(kept), len(FEATURES)))
    x[:, FEATURES.index("kept_by_rules")] = kept
    return {
        "x": x,
        "y": np.asarray(labels),
        "body": np.asarray(body),
        "group": np.asarray(groups),
        "tokens": np.ones(len(kept)),
        "dev": np.zeros(len(kept), dtype=bool),
    }


@pytest.mark.parametrize(
    ("keep", "accuracy"),
    [
        ([True, False, True, False], 1.0),
        # Page 0 keeps its `without` line: one of two pages fails.
        ([True, True, True, False], 0.5),
        ([False, True, False, True], 0.0),
    ],
)
def test_snippet_accuracy_counts_pages_whose_every_snippet_line_is_right(
    keep: list[bool], accuracy: float
) -> None:
    data = _data([True] * 4, [1.0, 0.0, 1.0, 0.0], [False] * 4, [0, 0, 1, 1])
    assert snippet_accuracy(data, np.asarray(keep)) == accuracy


def test_thresholds_never_decide_a_seed_line_wrong() -> None:
    # Two body pages: the rules keep a boilerplate line the model scores 0.55 (dropping it helps F1).
    data = _data([True, True, True, True], [1.0, 0.0, 1.0, 1.0], [True] * 4, [0, 0, 1, 1])
    scores = np.asarray([0.9, 0.55, 0.9, 0.8])
    unconstrained = choose_thresholds(data, scores, dev_weight=1.0)
    assert unconstrained[1] > 0.55
    # A seed body line the rules keep scores 0.57: no drop_below above it may be chosen.
    seeds = (np.asarray([0.57]), np.asarray([True]), np.asarray([True]))
    constrained = choose_thresholds(data, scores, dev_weight=1.0, seeds=seeds)
    assert constrained[1] <= 0.57
    assert constrained[2] < unconstrained[2]


@pytest.mark.parametrize(
    ("dropped_gold_tokens", "keeps_the_snippet_page"),
    [
        # Keeping the rules-dropped gold line moves the objective by ~0.00005: a tie, and the snippet wins.
        (1.0, True),
        # It moves the objective by ~0.05: no tie, page F1 decides (the `without` line goes with it).
        (1000.0, False),
    ],
)
def test_thresholds_within_the_tie_break_ties_by_snippet_accuracy(
    dropped_gold_tokens: float, keeps_the_snippet_page: bool
) -> None:
    # Body page 0: a kept gold line (10000 tokens) and a gold line the rules dropped, scored 0.62.
    # Snippet page 1: a kept `with` line and a `without` line the rules dropped, scored 0.61.
    data = _data([True, False, True, False], [1.0, 1.0, 1.0, 0.0], [True, True, False, False], [0, 0, 1, 1])
    data["tokens"] = np.asarray([10000.0, dropped_gold_tokens, 1.0, 1.0])
    scores = np.asarray([0.9, 0.62, 0.9, 0.61])
    keep_above, _, _ = choose_thresholds(data, scores, dev_weight=1.0)
    rules = np.asarray([True, False, True, False])
    keep = np.where(rules, scores >= 0.0, scores >= keep_above)
    assert (snippet_accuracy(data, keep) == 1.0) is keeps_the_snippet_page
