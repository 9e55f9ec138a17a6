"""Exact shortcuts of line reading: ``key_and_words`` and the rule scan of a non-ASCII key agree with their references."""

from __future__ import annotations

import sys

import pytest

from newsdrop.text.line_keys import (
    _CJK,
    _QUOTE_PAIRS,
    _cjk_count,
    count_words,
    key_and_words,
    normalize_line_key,
)
from newsdrop.text.rule_dispatch import first_rule, rule_scanner


@pytest.mark.parametrize(
    "text",
    [
        "Die Straße ist gesperrt, sagte die Polizei am Dienstag.",
        "„Wir sind sehr froh“, sagte sie – und lachte.",
        "Ça n’a rien à voir avec l’équipe de France",
        "ΟΔΟΣ ΚΛΕΙΣΤΗ σήμερα",  # final sigma: case folding maps it apart from lower()
        "東京都の新しい条例について説明します",  # CJK without spaces: two characters a word
        "ソウル 서울특별시 市長が 記者会見",  # kana, hangul and ideographs between spaces
        "e\u0301te\u0301 a\u0308rger",  # combining marks NFKC composes
        "\uff21\uff22\uff23 full-width letters \uff11\uff12",  # compatibility characters NFKC maps to ASCII
        "\ufb01nal o\ufb04ce",  # ligatures
        "caf\u00e9\u00a8 after a diaeresis",  # NFKC opens the spacing diaeresis with a space: one word more
        "x\u00a8y\u00b4z",
        "a\u00a0b\u2003c  d\u3000e",  # no-break, em and ideographic spaces, a double space
        "tab\tand\u000bvertical\u001fseparators",
        "\u2474 parenthesised digit",  # NFKC: "(1)"
        "\u3371 square hpa",
        "\u0130stanbul \u0131s\u0131k KELVIN \u212a",
        "\u1e9e GROSSES ESZETT",
        "\u00e9",
        "\u00a8",
        "\u200b zero width space",
        "\U0001d400\U0001d401 mathematical bold",
        "\U00020000\U00020001 extension B ideographs",
        "\uff76\uff80\uff76\uff85 half-width katakana",
    ],
)
def test_key_and_words_agrees_with_the_reference(text: str) -> None:
    assert key_and_words(text) == (normalize_line_key(text), count_words(text))


def test_folding_keeps_whitespace_apart_from_other_characters() -> None:
    # The fast count's premise: case folding maps whitespace to whitespace alone, other characters to other
    # characters alone (never to none), code point by code point.
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        folded = char.casefold()
        assert folded, hex(code)
        if char.isspace():
            assert folded.isspace(), hex(code)
        else:
            assert not any(part.isspace() for part in folded), hex(code)
    for fancy, plain in _QUOTE_PAIRS:
        assert not fancy.isspace() and plain and not any(part.isspace() for part in plain)


def test_the_cjk_count_agrees_with_the_regex_at_every_code_point() -> None:
    # The lead-byte pre-test may skip the regex only where it finds nothing: each character alone, then each at
    # either edge and inside Latin text (lone surrogates included).
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert _cjk_count(char) == len(_CJK.findall(char)), hex(code)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Die Straße – „gesperrt“ …", 0),
        ("東京都の新しい条例", 9),
        ("ソウル 서울특별시 市長", 10),
        ("\u303f\u3040 \u30ff\u3100 \u33ff\u3400", 3),  # the ranges' edges: U+3040, U+30FF, U+3400
        ("\u9fff\ua000 \uabff\uac00 \ud7af\ud7b0", 3),
        ("\u2fff\u3000\u3001 \ue000\uf900 \uff76", 0),  # lead bytes 0xE2, 0xE3, 0xEE, 0xEF: none CJK
        ("lone \ud800 surrogate \udfff", 0),
        ("\U00020000 extension B", 0),
        ("", 0),
    ],
)
def test_the_cjk_count_of_mixed_texts(text: str, count: int) -> None:
    assert _cjk_count(text) == len(_CJK.findall(text)) == count


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "Advertısement",
            "advertisement",
        ),  # the dotless i: re's case-blind guards pair it with "i", RE2 does not
        ("Sign ın", "login_prompt"),
        ("Skıp to content", "navigation"),
        ("Related artıcles", "navigation"),
        ("Read more: İstanbul news", "navigation"),
        ("Share on Facebook İ", "share_prompt"),
        ("Subscrıbe to our newsletter", None),
        ("Home | News | Sport ı", None),
    ],
)
def test_the_scanner_reads_the_letters_the_engines_fold_apart_as_first_rule(
    text: str, rule: str | None
) -> None:
    key, words = key_and_words(text)
    found, scanned = first_rule(text, key, words), rule_scanner(())(text, key, words)[0]
    assert (found and found.name) == (scanned and scanned.name) == rule
