"""The line model's short-page margins (``plain_margins``) against its numpy stages, and the tail's per-line columns."""

from __future__ import annotations

import math
import random
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from newsdrop.text.cleaner import line_model, rule_pass
from newsdrop.text.cleaner.model import FEATURES, LineModel, feature_parts, line_features, load_model
from tests.unit.cleaner_fixtures import Line

DEV = Path(__file__).resolve().parents[2] / "data" / "cleaning-dev"

# Lines of every shape the bound stages look at: prose, menus, a closing colon, pipes, a lower-case start,
# a timestamp, an ellipsis, a quoted sentence end, a lone word, several of them at once.
TEXTS = (
    "The council voted on Tuesday to close the old bridge. Repairs start in May and last a year.",
    "Engineers said the work, which cost about 40 million euros, would end two years ahead of plan.",
    "Home | News | Sport | Weather",
    "Read more:",
    "and then the storm came back over the hills",
    "Updated 12:45, 3 May 2024",
    "Subscribe to our newsletter for more stories like this …",
    "“We were lucky,” she said.",
    "Menu",
    "Share",
    "Related stories",
    "A",
    # Several quick features at once (a lower-case start, pipes, a sentence end or a closing colon): their sum's
    # order shows in the last bits.
    "and the menu | said | so it ended.",
    "see more | here | and there:",
    "or | this one?",
    # Pipes past the cap of three.
    "a | b | c | d | e",
)
ROLES = ("body", "body", "subheading", "boilerplate", None)
RULES = (None, "article_region", "header_chrome", "link_list", "navigation", "repeated_line")


def _page(rng: random.Random, count: int) -> list[Line]:
    lines, number = [], 0
    for _ in range(count):
        number += rng.choice((1, 1, 1, 2))
        text = rng.choice(TEXTS)
        lines.append(
            Line(
                number,
                text,
                prose=text.endswith(".") and len(text) > 40,
                role=rng.choice(ROLES),
                rule=rng.choice(RULES),
                notice=rng.choice((0.0, 0.0, 0.5, 1.0)),
                truncated=rng.choice((0.0, 1.0)),
                pronouns=rng.choice((0.0, 0.25)),
            )
        )
    return lines


def _model(seed: int, keep_above: float | None = None, drop_below: float | None = None) -> LineModel:
    """The shipped model, its weights and thresholds jittered from seed 1 on (0: as shipped)."""
    shipped = load_model()
    assert shipped is not None
    rng = random.Random(seed)
    model = shipped
    if seed:
        model = replace(
            shipped,
            weights=tuple(w * rng.choice((0.5, 1.0, 3.0)) + rng.gauss(0.0, 0.5) for w in shipped.weights),
            bias=shipped.bias + rng.gauss(0.0, 1.0),
            keep_above=rng.uniform(0.05, 0.95),
            drop_below=rng.uniform(0.05, 0.95),
        )
    return replace(
        model,
        keep_above=model.keep_above if keep_above is None else keep_above,
        drop_below=model.drop_below if drop_below is None else drop_below,
    )


def _both_paths(
    monkeypatch: pytest.MonkeyPatch, model: LineModel, parts, kept: list[bool | None], slack: float
) -> tuple[list[float | None], list[float | None]]:
    """The margins by the plain path and by the numpy stages (the page-size cut moved past either end)."""
    monkeypatch.setattr(line_model, "PLAIN_LINES", 10**9)
    plain = model.margins(parts, kept, slack)
    monkeypatch.setattr(line_model, "PLAIN_LINES", -1)
    stages = model.margins(parts, kept, slack)
    return plain, stages


def _assert_identical(plain: list[float | None], stages: list[float | None]) -> None:
    as_array = [math.nan if value is None else value for value in plain]
    assert np.array_equal(
        np.array(as_array), np.array([math.nan if v is None else v for v in stages]), equal_nan=True
    )
    # Bit for bit, the sign of a zero and None included.
    assert [repr(value) for value in plain] == [repr(value) for value in stages]


@pytest.mark.parametrize(
    ("count", "seed", "slack", "none_share", "keep_above", "drop_below"),
    [
        (1, 0, 0.2, 0.0, None, None),
        (2, 1, 0.2, 0.5, None, None),
        (7, 2, 0.6, 0.2, None, None),
        (40, 0, 0.2, 0.1, None, None),
        (40, 3, 2.0, 0.1, None, None),
        (120, 4, 0.2, 0.3, None, None),
        (120, 5, 100.0, 0.0, None, None),
        # Every line fixed: no margin at all.
        (30, 6, 0.2, 1.0, None, None),
        # Thresholds without a logit (0, 1): no bound settles, each verdict is a margin past the slack.
        (50, 7, 0.2, 0.1, 1.0, 0.0),
        (50, 8, 0.2, 0.1, 0.0, 1.0),
        # Longer than the cut: both paths still agree.
        (450, 9, 0.2, 0.1, None, None),
    ],
)
def test_plain_margins_are_the_numpy_stages_bit_for_bit_on_synthetic_pages(
    monkeypatch: pytest.MonkeyPatch,
    count: int,
    seed: int,
    slack: float,
    none_share: float,
    keep_above: float | None,
    drop_below: float | None,
) -> None:
    rng = random.Random(seed)
    lines = _page(rng, count)
    start = rng.randrange(count)
    parts = feature_parts(lines, start, min(count - 1, start + rng.randrange(count)))
    kept: list[bool | None] = [None if rng.random() < none_share else rng.random() < 0.6 for _ in lines]
    plain, stages = _both_paths(monkeypatch, _model(seed, keep_above, drop_below), parts, kept, slack)
    _assert_identical(plain, stages)
    assert sum(value is not None for value in plain) == sum(flag is not None for flag in kept)


@pytest.mark.parametrize("seed", range(3))
def test_plain_margins_are_the_numpy_stages_bit_for_bit_on_dev_pages(
    monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    model = _model(seed)
    rng = random.Random(seed)
    exact = 0
    for path in sorted(DEV.glob("*/*.txt"))[seed::8]:
        found = rule_pass(path.read_text(encoding="utf-8"))
        parts = feature_parts(found.lines, found.start, found.end)
        kept: list[bool | None] = [rng.random() < 0.5 for _ in found.lines]
        plain, stages = _both_paths(monkeypatch, model, parts, kept, 0.2)
        _assert_identical(plain, stages)
        exact += sum(value is not None and abs(value) <= 0.2 for value in plain)
    # Some margins went through every stage to the whole score.
    assert exact > 0


def _tail(lines: list[Line], name: str) -> list[float]:
    return [row[FEATURES.index(name)] for row in line_features(lines, 0, len(lines) - 1)]


@pytest.mark.parametrize(
    ("name", "lines", "expected"),
    [
        # A prose line's pronoun cue as read; a line that is not prose has none.
        (
            "second_person",
            [Line(1, "You can help.", True, pronouns=0.5), Line(2, "Menu", False, pronouns=0.5)],
            [0.5, 0.0],
        ),
        (
            "ends_ellipsis",
            [Line(1, "More …", False, truncated=1.0), Line(2, "Menu", False, truncated=0.0)],
            [1.0, 0.0],
        ),
        (
            "notice_words",
            [Line(1, "Menu", False, notice=0.25), Line(2, "Menu", False, notice=0.0)],
            [0.25, 0.0],
        ),
        # A key's repeats on the page beyond the line itself, as log1p.
        (
            "log_repeats",
            [Line(1, "Menu", False), Line(2, "Menu", False), Line(3, "Menu", False), Line(4, "News", False)],
            [math.log1p(2)] * 3 + [0.0],
        ),
        # Kept neighbours within three lines either side, as a share of them.
        (
            "kept_around",
            [
                Line(1, "Menu", False, role=role)
                for role in ("body", None, "body", "boilerplate", "subheading")
            ],
            [1 / 3, 3 / 4, 2 / 4, 3 / 4, 1 / 3],
        ),
        # Line numbers far past 32 bits still mark the blank line after.
        ("blank_after", [Line(n, "Menu", False) for n in (2**40, 2**40 + 2, 2**40 + 3)], [1.0, 0.0, 0.0]),
    ],
)
def test_the_tails_per_line_columns_read_each_lines_value(
    name: str, lines: list[Line], expected: list[float]
) -> None:
    assert _tail(lines, name) == expected
