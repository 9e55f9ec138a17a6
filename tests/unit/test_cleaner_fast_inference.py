"""The cleaner's batched inference gives bit for bit what the per-row computations it replaces give."""

from __future__ import annotations

import math
import random
from dataclasses import replace
from pathlib import Path

import pytest

from newsdrop.text.cleaner import RulePass, rule_pass
from newsdrop.text.cleaner.headline_facts import _NUMBER, _mostly_numbers
from newsdrop.text.cleaner.model import (
    _HEAD_COUNT,
    _SHAPE_FEATURES,
    _TEXT_SHAPE_RANGES,
    _WORD_SHAPE,
    HeadlineModel,
    Tree,
    feature_parts,
    line_features,
    load_model,
)
from newsdrop.text.line_keys import _CJK, _EXTRA_SPACE, _has_extra_space, count_words, normalize_line_key
from newsdrop.text.rule_dispatch import first_rule
from newsdrop.text.rules import KEY_GUARDS, RULES, STEM_GUARDS, LineRule

DATA = Path(__file__).resolve().parents[2] / "data"
DEV = DATA / "cleaning-dev"
SEEDS = DATA / "seeds"

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
        # Two trees on the same split (compared once for both), one reaching a leaf before the other's depth;
        # rows at the threshold and beyond every one.
        (
            (
                ((2.0, 1.0, 1.0, 2.0), (-1.0,), (3.0,)),
                ((2.0, 1.0, 1.0, 4.0), (0.0, 0.0, 2.0, 3.0), (0.25,), (0.5,), (0.75,)),
            ),
            [[0.0, 0.0, x, 0.0, 0.0, 0.0] for x in (1.0, 0.5, float("inf"), float("-inf"))],
        ),
    ],
)
def test_score_all_edge_cases(trees: tuple[Tree, ...], rows: list[list[float]]) -> None:
    ranker = HeadlineModel((0.5,) * _FEATURES, bias=0.125, trees=trees)
    assert ranker.score_all(rows) == [ranker.score(row) for row in rows]


@pytest.mark.parametrize(
    ("leaves", "bias"),
    [
        # Added left to right each 1.0 is lost against 1e16; numpy's pairwise sum (eight running sums) keeps them.
        ((1e16, *(1.0,) * 14, -1e16), 0.0),
        ((0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7), 0.0),
        # Leaves of -0.0 alone: ``sum`` starts from 0 and keeps 0.0, whose sign a zero bias and weights keep.
        ((-0.0, -0.0), -0.0),
    ],
)
def test_score_all_adds_each_rows_leaves_in_the_trees_order(leaves: tuple[float, ...], bias: float) -> None:
    ranker = HeadlineModel((0.0,) * _FEATURES, bias=bias, trees=tuple(((leaf,),) for leaf in leaves))
    rows = [[0.0] * _FEATURES, [1.0] * _FEATURES]
    expected = [ranker.score(row) for row in rows]
    assert [(score, math.copysign(1.0, score)) for score in ranker.score_all(rows)] == [
        (score, math.copysign(1.0, score)) for score in expected
    ]


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


def _plain_first_rule(text: str, key: str, words: int) -> LineRule | None:
    """first_rule without its guards: every rule whose word bound admits the line, in order."""
    for rule in RULES:
        if words <= rule.max_words and rule.test(text, key, words):
            return rule
    return None


def _keyed(text: str) -> tuple[str, str, int]:
    stripped = text.strip()
    return stripped, normalize_line_key(stripped), count_words(stripped)


def test_the_rule_guards_name_registered_rules() -> None:
    names = {rule.name for rule in RULES}
    assert set(KEY_GUARDS) <= names
    assert set(STEM_GUARDS) <= names


# Lines each guarded rule claims (and near misses), in the forms its test reads: decoration, case, numbers.
_RULE_LINES = (
    "Add a comment",
    "› Leave a Reply Cancel reply",
    "12 comments",
    "Name (required)",
    "Comments are moderated according to our community guidelines.",
    "Rate this item",
    "(0 votes)",
    "Read 428 times",
    "Please verify you're not a robot: enter the security code",
    "Facebook Twitter Email",
    "• Share | Tweet | Pin it",
    "(facebook) / twitter",
    "Subscribe to our newsletter",
    "Follow us on Instagram and YouTube for more of our coverage of the local schools and sports",
    "Related articles",
    "Most popular",
    "Menu",
    "Read more: The mayor's plan",
    "Sign up for our newsletter to get the best stories in your inbox",
    "We use cookies to improve your browsing experience.",
    "© 2024 Coast News. All rights reserved.",
    "Powered by WordPress",
    "Advertisement",
    "Continue reading the main story",
    "Log in / Register",
    "Already a subscriber? Sign in",
    "Tags: harbour, weather",
    "Enlarge Image",
    "3 of 12",
    "42",
    "12.05.2024",
    "https://example.com/story",
    "www.example.com",
    "desk@example.com",
    "Photo: Jane Doe/Getty Images",
    "By Jane Doe",
    "The harbour authority said on Tuesday that the new breakwater would be finished early.",
    "Related News",
    "Share",
    "",
    "|",
)


@pytest.mark.parametrize("text", _RULE_LINES)
def test_first_rule_with_its_guards_is_the_plain_rule_scan(text: str) -> None:
    line = _keyed(text)
    assert first_rule(*line) is _plain_first_rule(*line)


def test_first_rule_with_its_guards_is_the_plain_rule_scan_on_the_dev_corpus() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(DEV.glob("*/*.txt"))]
    texts += [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    lines = {_keyed(raw) for text in texts for raw in text.splitlines() if raw.strip()}
    claimed = 0
    for line in lines:
        found = first_rule(*line)
        assert found is _plain_first_rule(*line), line
        claimed += found is not None
    # The corpus exercises the guards both ways: many lines claimed, far more not.
    assert 100 < claimed < len(lines) // 2


def test_every_shape_feature_has_a_range_for_the_bounds() -> None:
    # A shape feature without one only slows keeps_all down (its first bound settles nothing): add its range.
    assert set(_SHAPE_FEATURES) == set(_WORD_SHAPE) | set(_TEXT_SHAPE_RANGES)
    assert not set(_WORD_SHAPE) & set(_TEXT_SHAPE_RANGES)


def _dev_passes() -> list[RulePass]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(DEV.glob("*/*.txt"))[::4]]
    return [rule_pass(text) for text in texts]


def test_shape_features_stay_within_their_ranges_on_the_dev_corpus() -> None:
    for found in _dev_passes():
        for row in line_features(found.lines, found.start, found.end):
            shape = dict(
                zip(_SHAPE_FEATURES, row[_HEAD_COUNT : _HEAD_COUNT + len(_SHAPE_FEATURES)], strict=True)
            )
            for name, (low, high) in _TEXT_SHAPE_RANGES.items():
                assert low <= shape[name] <= high, name


def test_the_quick_shape_columns_are_the_cheap_shapes_values_on_the_dev_corpus() -> None:
    from newsdrop.text.cleaner.shape import _CHEAP_AT, _QUICK_FEATURES, _cheap_shape, _quick_columns

    lines = [line for found in _dev_passes() for line in found.lines]
    lines += [replace(lines[0], text=text) for text in ("a |b| c |d| e", "Ends.»", "»", "x:", "éa")]
    columns = _quick_columns([line.text for line in lines])
    cheap_names = [_SHAPE_FEATURES[index] for index in _CHEAP_AT]
    for name, column in zip(_QUICK_FEATURES, columns, strict=True):
        at = cheap_names.index(name)
        assert column == [_cheap_shape(line.text, line.words)[at] for line in lines], name


@pytest.mark.parametrize("seed", range(6))
def test_keeps_all_gives_each_rows_keeps_verdict_for_random_weights_and_thresholds(seed: int) -> None:
    """The bounds settle many lines and leave many to the whole score; either way the verdict is keeps'."""
    shipped = load_model()
    assert shipped is not None
    rng = random.Random(seed)
    scale = rng.choice((0.5, 1.0, 3.0))
    model = replace(
        shipped,
        weights=tuple(weight * scale + rng.gauss(0.0, 0.5) for weight in shipped.weights),
        bias=shipped.bias + rng.gauss(0.0, 1.0),
        keep_above=rng.uniform(0.05, 0.95),
        drop_below=rng.uniform(0.05, 0.95),
    )
    compared = 0
    for found in _dev_passes():
        parts = feature_parts(found.lines, found.start, found.end)
        rows = line_features(found.lines, found.start, found.end)
        kept = [rng.random() < 0.5 for _ in rows]
        verdicts = model.keeps_all(parts, kept)
        assert verdicts == [model.keeps(row, flag) for row, flag in zip(rows, kept, strict=True)]
        compared += len(rows)
    assert compared > 500


@pytest.mark.parametrize(
    "text",
    [
        "",
        "42",
        "Rockledge 14 11 6 15 — 44",
        "Viera defeats Rockledge 21-14",
        "no digits at all",
        "٣ ٤ goals",
        "a b",
    ],
)
def test_mostly_numbers_without_a_digit_is_the_plain_count(text: str) -> None:
    words = text.split()
    plain = len(words) >= 2 and sum(1 for word in words if _NUMBER.match(word)) >= 0.5 * len(words)
    assert _mostly_numbers(text) is plain


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain words",
        "“Curly” quotes — and dashes",
        "日本語のニュース記事です",
        "Seoul 서울 뉴스",
        "mixed 中文 text",
        "\u303f edge",
    ],
)
def test_count_words_counts_cjk_as_one_word_per_two_characters(text: str) -> None:
    words = len(text.split())
    cjk = len(_CJK.findall(text))
    plain = max(words, cjk // 2 + len(text.split()) - 1) if cjk else words
    assert count_words(text) == plain
