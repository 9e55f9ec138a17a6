"""The cleaner's fast paths give what the plain computations they replace give (keys, word counts, features, verdicts)."""

from __future__ import annotations

import gc
import math
import re
from dataclasses import FrozenInstanceError, asdict, fields, replace
from pathlib import Path

import pytest

from newsdrop.models import LineDecision
from newsdrop.text.cleaner import _GC_GEN0_THRESHOLD, _decisions, _raise_gc_threshold, _word_count, rule_pass
from newsdrop.text.cleaner.lines import _analyse
from newsdrop.text.cleaner.model import (
    _COSTLY_AT,
    _HEAD_COUNT,
    _SHAPE_FEATURES,
    FEATURES,
    _rule_columns,
    _shape,
    feature_parts,
    line_features,
    load_model,
)
from newsdrop.text.line_keys import count_words, normalize_line_key
from newsdrop.text.rule_registry import holds_any

SEEDS = Path(__file__).resolve().parents[2] / "data" / "seeds"


@pytest.mark.parametrize(
    ("key", "stems", "expected"),
    [
        ("leave a comment below", ("comment", "repl"), True),
        ("no replies yet", ("comment", "repl"), True),
        ("the mayor spoke", ("comment", "repl"), False),
        ("", ("comment",), False),
        ("anything", (), False),
    ],
)
def testholds_any_is_a_substring_test_of_each_stem(key: str, stems: tuple[str, ...], expected: bool) -> None:
    assert holds_any(key, stems) is expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Hello World", "hello world"),
        ("Hello  World", "hello world"),
        ("Hello\tWorld", "hello world"),
        ("a\x1cb", "a b"),
        ("Trailing ", "trailing"),
        (" Leading", "leading"),
        ("Line\r\nbreak", "line break"),
        ("ONE", "one"),
        ("Caf\u00e9\u00a0\u201cau lait\u201d", 'café "au lait"'),
        ("\u00dcber Stra\u00dfe", "über strasse"),
        ("\u00dcber  \u3000Stra\u00dfe", "über strasse"),
    ],
)
def test_a_key_is_lower_case_words_joined_by_single_spaces(text: str, key: str) -> None:
    assert normalize_line_key(text) == key


@pytest.mark.parametrize(
    "text",
    [
        "One",
        "Two words",
        "A line, with punctuation: and more!",
        "x  y\tz",
        "数字 ニュース 速報",
        "Ünïcode words here",
    ],
)
def test_the_analysed_word_count_is_count_words(text: str) -> None:
    _key, words, *_ = _analyse(text.strip())
    assert words == count_words(text.strip())


@pytest.mark.parametrize(
    ("rule", "role", "prose", "kept", "group", "prose_flag"),
    [
        (None, None, True, 0.0, "r_region", 1.0),
        ("article_region", "body", True, 1.0, "r_region", 1.0),
        ("header_chrome", "boilerplate", False, 0.0, "r_header", 0.0),
        ("share_prompt", "boilerplate", False, 0.0, "r_named", 0.0),
        ("byline", "byline", False, 0.0, None, 0.0),
        ("crosshead", "subheading", False, 1.0, "r_crosshead", 0.0),
    ],
)
def test_a_rows_head_is_kept_the_rule_groups_one_hot_and_prose(
    rule: str | None, role: str | None, prose: bool, kept: float, group: str | None, prose_flag: float
) -> None:
    head = _rule_columns(rule, role, prose)
    names = FEATURES[: len(head)]
    assert head[0] == kept and head[-1] == prose_flag
    assert [name for name, value in zip(names[1:-1], head[1:-1], strict=True) if value] == (
        [group] if group else []
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The council met on Tuesday, and it voted 7-2 to approve the plan.",
            {"ends_sentence": 1.0, "title_cased": 0.0, "lower_start": 0.0, "url_like": 0.0, "pipes": 0.0},
        ),
        (
            "Home | News | Sport",
            {"ends_sentence": 0.0, "title_cased": 0.0, "pipes": 2.0, "few_words": 0.0, "url_like": 0.0},
        ),
        ("Harbour Wall Finished Early", {"title_cased": 1.0, "ends_sentence": 0.0, "punct_share": 0.0}),
        ("www.example.com", {"url_like": 1.0, "few_words": 1.0, "lower_start": 1.0}),
        ("• Subscribe now:", {"bullet_start": 1.0, "ends_colon": 1.0, "few_words": 0.0}),
        ("12345", {"digit_share": 1.0, "punct_share": 0.0}),
    ],
)
def test_shape_features_of_a_line(text: str, expected: dict[str, float]) -> None:
    shape = dict(zip(_SHAPE_FEATURES, _shape(text, len(text.split())), strict=True))
    assert shape["log_words"] == math.log1p(len(text.split()))
    assert {name: shape[name] for name in expected} == expected


def _seed_passes() -> list:
    return [rule_pass(path.read_text(encoding="utf-8")) for path in sorted(SEEDS.glob("*.txt"))]


def test_feature_parts_make_the_rows_line_features_returns() -> None:
    for found in _seed_passes():
        parts = feature_parts(found.lines, found.start, found.end)
        rows = line_features(found.lines, found.start, found.end)
        assert rows and all(len(row) == len(FEATURES) for row in rows)
        assert [parts.row(index) for index in range(len(rows))] == rows


@pytest.mark.parametrize("costly_weight", [None, 40.0, -40.0])
def test_keeps_all_gives_the_verdict_keeps_gives_each_row(costly_weight: float | None) -> None:
    """Also with weights so large on the costly shape features that the bounds settle nothing."""
    shipped = load_model()
    assert shipped is not None
    model = shipped
    if costly_weight is not None:
        weights = list(shipped.weights)
        for index in _COSTLY_AT:
            weights[_HEAD_COUNT + index] = costly_weight
        model = replace(shipped, weights=tuple(weights))
    compared = 0
    for found in _seed_passes():
        parts = feature_parts(found.lines, found.start, found.end)
        rows = line_features(found.lines, found.start, found.end)
        kept: list[bool | None] = [index % 3 == 0 for index in range(len(rows))]
        kept[0] = None  # a line the model may not judge
        verdicts = model.keeps_all(parts, kept)
        assert verdicts[0] is None
        assert verdicts[1:] == [model.keeps(row, flag) for row, flag in zip(rows[1:], kept[1:], strict=True)]
        compared += len(rows) - 1
    assert compared > 50


@pytest.mark.parametrize(
    "body",
    [
        "",
        "one",
        "  two words ",
        "snake_case and 2,500 numbers: 3.14!",
        "--dash--led--",
        "Para one.\n\nPara two, with more words.",
        "Caf\u00e9 au lait, na\u00efve r\u00e9sum\u00e9",
        "数字ニュース 速報",
        # Non-ASCII bodies of 300 characters or more take the numpy table: a word at either edge, astral and
        # lone-surrogate text, a body just past the limit.
        "\u00e9l\u00e8ve, " * 46,
        "\u2019quoted\u2019 word" * 24,
        "Caf\u00e9 au lait, na\u00efve r\u00e9sum\u00e9_2. " * 200,
        " \u00ab\u00e9t\u00e9\u00bb \u0661\u0662 \u00b2 \u2163 " * 300 + "end",
        "\U0001d400\U0001d401 word \U0001f600 " * 300,
        "\ud800 word " * 400,
        "数字ニュース 速報。" * 400,
        # One word filling the body, no word at all, a word at both ends.
        "\u00e9" * 400,
        "\u00ab " * 200,
        "\u00e9t\u00e9 \u2014 " * 60 + "fin",
    ],
)
def test_word_count_counts_what_the_word_regex_finds(body: str) -> None:
    assert _word_count(body) == len(re.findall(r"\w+", body))


@pytest.mark.parametrize(
    "key",
    [
        "",
        "a an of",
        "the cat sat on the mat",
        "with from and for",
        "ab abc abcd abcdefgh x_y_z",
        "é3 ça über 数字ニュース",
        # Longer words opening with a function word: their stems are no function word, and stay.
        "there theatre andes android former fromage without within aren't wasabi",
        "the there the_end and-or for4 with, 12345 1234567 x9_ab",
        "straße überschrift 数字ニュース速報 ñandú ab_c",
    ],
)
def test_content_words_are_the_stems_of_the_long_non_function_words(key: str) -> None:
    from newsdrop.text.cleaner.lines import _FUNCTION_WORDS, _content_words

    plain = {word[:5] for word in re.findall(r"\w+", key) if len(word) > 2 and word not in _FUNCTION_WORDS}
    assert _content_words.__wrapped__(key) == plain


def test_no_function_word_is_as_long_as_a_stem() -> None:
    # ``_content_words`` drops the function words from the stems: exact only while no stem of a longer word can be one.
    from newsdrop.text.cleaner.lines import _FUNCTION_WORDS, _STEM_CHARS

    assert max(map(len, _FUNCTION_WORDS)) < _STEM_CHARS


def test_decisions_are_the_dataclass_made_decisions_of_every_line() -> None:
    # Each field is set through its slot: a field added to LineDecision (or a __post_init__) would be skipped.
    assert [field.name for field in fields(LineDecision)] == ["n", "text", "role", "rule"]
    assert not hasattr(LineDecision, "__post_init__")
    text = (SEEDS / sorted(path.name for path in SEEDS.glob("*.txt"))[0]).read_text(encoding="utf-8")
    lines = rule_pass(text).lines
    # A line no rule named: the fallbacks ("body", "default") are filled in too.
    lines[1].role = lines[1].rule = None
    made = _decisions(lines)
    expected = tuple(
        LineDecision(line.n, line.text, line.role or "body", line.rule or "default") for line in lines
    )
    assert len(made) > 5
    assert made == expected
    assert {type(decision) for decision in made} == {LineDecision}
    assert [hash(decision) for decision in made] == [hash(decision) for decision in expected]
    assert [asdict(decision) for decision in made] == [asdict(decision) for decision in expected]
    assert (made[1].role, made[1].rule) == ("body", "default")
    with pytest.raises(FrozenInstanceError):
        made[0].role = "body"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ((700, 10, 10), (_GC_GEN0_THRESHOLD, 10, 10)),
        ((50_000, 5, 5), (50_000, 5, 5)),
        ((0, 10, 10), (0, 10, 10)),
    ],
)
def test_gc_threshold_is_raised_never_lowered_and_a_disabled_collector_stays_off(
    before: tuple[int, int, int], after: tuple[int, int, int]
) -> None:
    saved = gc.get_threshold()
    try:
        gc.set_threshold(*before)
        _raise_gc_threshold()
        assert gc.get_threshold() == after
    finally:
        gc.set_threshold(*saved)


def test_importing_the_cleaner_raised_the_gc_threshold() -> None:
    assert gc.get_threshold()[0] >= _GC_GEN0_THRESHOLD
