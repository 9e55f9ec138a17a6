"""The facts of a line's text settled when it is read are the values the line model's features computed apart."""

from __future__ import annotations

import dataclasses

import pytest

from newsdrop.text.cleaner.cues_notice import notice_words
from newsdrop.text.cleaner.features import feature_parts
from newsdrop.text.cleaner.line_facts import _analyse, _analyse_long
from newsdrop.text.cleaner.lines import _read_lines
from newsdrop.text.cleaner.reader_cues import line_cues, truncated_end
from newsdrop.text.cleaner.related_runs import line_labels, related_labels
from newsdrop.text.line_keys import count_words, normalize_line_key
from newsdrop.text.rule_dispatch import first_rule, rule_scanner

_TEXTS = [
    "We use cookies and similar technologies to improve your experience.",
    "Subscribe to our newsletter for the latest news...",
    "Read more…”",
    "If you want to know more, you should read your copy of the report before you decide.",
    "Ten things you should know about the new harbour wall (part one...)",
    "The harbour authority said on Tuesday that the wall would be finished two years early.",
    "Datenschutz und Einwilligung: Ihre Daten werden nicht weitergegeben.",
    "ログインして続きを読む…",
    "Home | News | Sport",
    "…and the story goes on after the dots",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Read more...", 1.0),
        ("Read more…", 1.0),
        ('He said "wait..."', 1.0),
        ("The list goes on (and on…)", 1.0),
        ("…and then it starts", 0.0),
        ("A sentence.", 0.0),
        ("Two dots..", 0.0),
        ("", 0.0),
    ],
)
def test_truncated_end(text: str, expected: float) -> None:
    assert truncated_end(text) == expected
    assert line_cues(text, False)[1] == expected


@pytest.mark.parametrize("text", _TEXTS)
def test_read_line_carries_the_model_cues_of_its_text(text: str) -> None:
    (line,) = _read_lines(text, frozenset())
    assert line.notice == notice_words(line.key)
    assert line.truncated == line_cues(line.text, False)[1]
    assert line.pronouns == (line_cues(line.text, True)[0] if line.prose_text else None)


@pytest.mark.parametrize("prose", [False, True])
def test_features_equal_with_and_without_the_read_facts(prose: bool) -> None:
    lines = _read_lines("\n".join(_TEXTS), frozenset())
    for line in lines:
        line.prose = prose
    bare = [dataclasses.replace(line, notice=None, truncated=None, pronouns=None) for line in lines]
    read = feature_parts(lines, 1, len(lines) - 2).tail.tolist()
    computed = feature_parts(bare, 1, len(lines) - 2).tail.tolist()
    assert read == computed


_LITERALS = ("cookie", "newsletter", "ログイン", "datenschutz")


@pytest.mark.parametrize(
    "text",
    [
        *_TEXTS,
        "Share on Facebook",
        "By Jane Doe",
        "Photo: Reuters",
        "Sign up for our newsletter",
        "İstanbul: cookie policy",
        "Ihre Datenschutz-Einstellungen",
        "x " * 40 + "cookie",
    ],
)
def test_rule_scanner_is_first_rule_and_a_literal_test(text: str) -> None:
    key = normalize_line_key(text)
    words = count_words(text)
    found = first_rule(text, key, words)
    assert rule_scanner(_LITERALS)(text, key, words)[:2] == (
        found,
        any(literal in key for literal in _LITERALS),
    )


@pytest.mark.parametrize("text", [*_TEXTS, "Cookies " + "word " * 70, "Werbung"])
def test_read_notice_is_notice_words(text: str) -> None:
    key = normalize_line_key(text)
    assert _analyse(text)[5] == notice_words(key)


@pytest.mark.parametrize(
    "text",
    [
        "Related",
        "Mehr zum Thema",
        "Read more",
        "Most popular",
        "filter_none Weitere Beiträge",
        "The harbour authority said on Tuesday that the wall would be finished early.",
        "some_icon_name " + "word " * 10,
        *_TEXTS,
    ],
)
def test_read_lines_carry_related_labels(text: str) -> None:
    lines = _read_lines(text, frozenset())
    expected = related_labels([line.key for line in lines], [line.words for line in lines])
    assert [line.related for line in lines] == expected
    assert line_labels(lines) == expected
    assert line_labels([dataclasses.replace(line, related=None) for line in lines]) == expected


@pytest.mark.parametrize("text", [*_TEXTS, "We value your privacy. " * 20, "Werbung " + "Wort " * 80])
def test_a_long_line_is_read_with_the_same_facts(text: str) -> None:
    assert _analyse_long(text) == _analyse(text)
