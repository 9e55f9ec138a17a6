"""Headline search shortcuts that answer as the full tests do: claimed rules, text columns, words, stamps."""

from __future__ import annotations

import random
import re
import sys

import pytest

from newsdrop.text.cleaner.headline import _CLAIMED_RULES, _claimed_headline
from newsdrop.text.cleaner.headline_facts import _DOMAIN
from newsdrop.text.cleaner.headline_rank import _CLOCK_OR_DATE, _LONG_WORD, _REPEAT_MIN_CHARS, _text_columns
from newsdrop.text.cleaner.line_facts import _title_cased
from newsdrop.text.cleaner.lines import _Line
from newsdrop.text.line_keys import count_words, normalize_line_key

# Texts either claimed-line test frees under its own rule: a tag row reading as a headline, a "powered by" headline.
_FREED = (
    "Harbour wall finished early after a mild winter",
    "Here Are 6 Harbour Gadgets Powered by a Tidal Turbine",
)
_RULES = ("tag_list", "copyright_footer", "navigation", "link_list", "header_chrome", "trailing_chrome", None)


def _line(text: str, rule: str | None) -> _Line:
    line = _Line(0, text, normalize_line_key(text), count_words(text))
    line.role, line.rule = "boilerplate", rule
    return line


@pytest.mark.parametrize("rule", _RULES)
@pytest.mark.parametrize("text", _FREED)
def test_only_the_claimed_rules_free_a_line(rule: str | None, text: str) -> None:
    # ``_find_title`` asks ``_claimed_headline`` only of these rules' lines: no other rule's line may pass it.
    if rule not in _CLAIMED_RULES:
        assert not _claimed_headline(_line(text, rule))


def test_the_claimed_rules_free_their_lines() -> None:
    assert _claimed_headline(_line(_FREED[0], "tag_list"))
    assert _claimed_headline(_line(_FREED[1], "copyright_footer"))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "AMD Announces New GPU For Laptops",
        "Harbour wall finished early",
        "the harbour Wall Finished Early",
        "2024 Budget: What It Means For You",
        "10 11 12 a",
        "Ⓐ Ⓑ c d",
        "² Élan Über straße",
        "Ein Bericht über die Lage",
        "東京 News Today",
    ],
)
def test_the_title_case_column_reads_as_title_cased(text: str) -> None:
    columns = _text_columns.__wrapped__(text)
    words = text.split()
    assert columns[1] == (1.0 if _title_cased(text) else 0.0)
    assert columns[6] == (sum(1 for word in words if word[:1].isupper()) / len(words) if words else 0.0)


def test_no_character_is_both_a_capital_and_a_digit() -> None:
    # The column adds the capitals' and the digits' counts for ``_title_cased``'s count of either.
    assert not any(chr(code).isupper() and chr(code).isdigit() for code in range(sys.maxunicode + 1))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc de",
        "For schools For schools",
        "harbour-wall finished: early, early!",
        "Über straße 2024 ab_cd",
        "東京都 ニュース",
    ],
)
def test_the_long_words_are_the_words_long_enough(text: str) -> None:
    # ``_own_kinds`` finds the words of four characters or more in one search: ``\w+``'s words that long.
    assert _LONG_WORD.findall(text) == [
        word for word in re.findall(r"\w+", text) if len(word) >= _REPEAT_MIN_CHARS
    ]


# Each rewrite opens on its first consumed character and looks back at the word boundary before it, so the scan
# jumps between those characters: it must find a match wherever the plain pattern has one.
_PLAIN_PATTERNS = {
    "clock or date": (
        _CLOCK_OR_DATE,
        re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b"),
        "0123456789ab :./-_é",
        [
            "14:07",
            "a14:07",
            "Do 25.04.24 | 14:07 Uhr",
            "3/9/2017",
            "AMP Conf 2019",
            "x3/9/2017",
            "1:234",
            "é1:23",
        ],
    ),
    "web address": (
        _DOMAIN,
        re.compile(r"\bwww\.|\w\.(?:com|net|org|co\.\w\w|info)\b", re.IGNORECASE),
        "wWcomnetrgifCO.. _é1",
        ["www.site.com", "awww.x", "AS - WWW.SITE.NET", "site.co.uk", "x .com", "a.comb", "é.info", "www."],
    ),
}


@pytest.mark.parametrize("name", sorted(_PLAIN_PATTERNS))
def test_a_rewritten_search_finds_what_its_plain_pattern_finds(name: str) -> None:
    rewritten, plain, alphabet, texts = _PLAIN_PATTERNS[name]
    rng = random.Random(7)
    texts = texts + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(20000)]
    for text in texts:
        assert (rewritten.search(text) is None) == (plain.search(text) is None), text
