"""Speed pass 49's fast paths give what the computations they replace give."""

from __future__ import annotations

import random
import re

import numpy as np
import pytest

from newsdrop.text.cleaner import _bmp_word_table
from newsdrop.text.cleaner.features import _HEAD_COUNT, FEATURES, feature_parts
from newsdrop.text.cleaner.line_model import LineModel
from newsdrop.text.cleaner.line_weights import _KNOWN_SHAPE
from newsdrop.text.cleaner.shape import _SHAPE_FEATURES
from tests.unit.cleaner_fixtures import LEAD, Line


def test_the_word_table_marks_every_plane_character_the_word_regex_matches() -> None:
    # The reference: each character of the plane (lone surrogates too) substituted by the regex when not a word's.
    words_only = re.sub(r"\W", "\0", "".join(map(chr, range(0x10000))))
    expected = np.frombuffer(words_only.encode("utf-32-le"), dtype=np.uint32) != 0
    table = _bmp_word_table()
    assert table.dtype == bool
    assert table.shape == expected.shape
    assert np.array_equal(table, expected)


_TEXTS = [
    "Menu",
    LEAD,
    "A crosshead:",
    "Share this article on Facebook | Twitter | Mail | Print",
    "lower-case teaser that runs on without an end",
    "Posted 12.03.2024 at 10:45 by http://example.com/user",
    "• A Bulleted Title Cased Line With Many Capitals",
    LEAD + " " + LEAD + " " + LEAD,
    "“Quoted,” she said, “with commas, commas, commas.”",
    "x",
    "2024",
]


def _page() -> list[Line]:
    return [
        Line(
            2 * n,
            text,
            prose=n in (1, 7),
            role="body" if n % 3 else "boilerplate",
            rule=None if n % 2 else "menu",
        )
        for n, text in enumerate(_TEXTS)
    ]


def test_the_known_shape_is_the_shape_at_its_features() -> None:
    parts = feature_parts(_page(), 1, 7)
    for index in range(len(_TEXTS)):
        shape = parts.shape(index)
        assert parts.known_shape(index) == tuple(shape[at] for at in _KNOWN_SHAPE)
    # The features left out are the ones that take a regex pass, and no other.
    assert {_SHAPE_FEATURES[at] for at in range(len(_SHAPE_FEATURES)) if at not in _KNOWN_SHAPE} == {
        "title_cased",
        "digit_share",
        "punct_share",
        "commas_per_word",
        "url_like",
        "bullet_start",
        "sentences",
        "has_time",
    }


def _weights(seed: int, shape_scale: float) -> tuple[float, ...]:
    draw = random.Random(seed)
    weights = [draw.uniform(-1.0, 1.0) for _ in FEATURES]
    for at in range(len(_SHAPE_FEATURES)):
        weights[_HEAD_COUNT + at] *= shape_scale
    return tuple(weights)


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("shape_scale", [0.0, 0.1, 1.0, 5.0])
def test_strongest_flips_names_what_strongest_names_of_the_whole_row(seed: int, shape_scale: float) -> None:
    # Small shape weights leave the text features out of reach (the bound path), large ones make them win.
    model = LineModel(weights=_weights(seed, shape_scale), bias=0.0)
    parts = feature_parts(_page(), 1, 7)
    draw = random.Random(seed)
    indices = draw.sample(range(len(_TEXTS)), draw.randint(1, len(_TEXTS)))
    keeps = [draw.random() < 0.5 for _ in indices]
    expected = [model.strongest(parts.row(index), keep) for index, keep in zip(indices, keeps, strict=True)]
    assert model.strongest_flips(parts, indices, keeps) == expected
    assert model.strongest_flips(parts, [], []) == []


def test_a_text_feature_tying_the_largest_known_push_wins_it() -> None:
    # The first of the largest pushes: a text feature (before the tail) at exactly the tail's best push wins, and
    # the bound (the feature's weight times the top of its range, 1.0 here) then equals that push.
    parts = feature_parts(_page(), 1, 7)
    index = len(_TEXTS) - 1
    row = parts.row(index)
    weights = [0.0] * len(FEATURES)
    digit_share = _HEAD_COUNT + _SHAPE_FEATURES.index("digit_share")
    position = FEATURES.index("position")
    weights[position] = 1.0
    weights[digit_share] = row[position] / row[digit_share]
    model = LineModel(weights=tuple(weights), bias=0.0)
    pushes = [weight * value for weight, value in zip(weights, row, strict=True)]
    assert row[digit_share] == 1.0
    assert pushes[digit_share] == pushes[position] == max(pushes)
    assert model.strongest_flips(parts, [index], [True]) == ["digit_share"]
    weights[digit_share] = 0.0
    assert LineModel(weights=tuple(weights), bias=0.0).strongest_flips(parts, [index], [True]) == ["position"]


@pytest.mark.parametrize(
    ("weighted", "expected"),
    [
        (("kept_by_rules", "few_words", "blank_after"), "kept_by_rules"),
        (("few_words", "blank_after"), "few_words"),
        (("blank_after",), "blank_after"),
    ],
)
def test_equal_pushes_in_the_head_known_shape_and_tail_go_to_the_first(
    weighted: tuple[str, ...], expected: str
) -> None:
    # "x" is kept by the rules (1.0), has few words (1.0) and a blank line after it (1.0): equal pushes.
    parts = feature_parts([Line(0, "x", prose=False, rule=None), Line(5, "Menu", prose=False)], 0, 1)
    weights = tuple(0.5 if name in weighted else 0.0 for name in FEATURES)
    model = LineModel(weights=weights, bias=0.0)
    assert model.strongest(parts.row(0), True) == expected
    assert model.strongest_flips(parts, [0], [True]) == [expected]
