"""``re2_pretest``: its classes hold every character Python's do, and a pre-tested search is ``re``'s search."""

from __future__ import annotations

import re
import string
import sys

import pytest
import re2

from newsdrop.text.re2_pretest import FOLDED_APART, NOT_WORD, SPACE, pretest_source, pretested
from tests.unit.case_folding import folded_apart


def test_space_and_not_word_hold_every_character_pythons_classes_do() -> None:
    # One pass over every code point (lone surrogates have no UTF-8: no line holds one). NOT_WORD is read inside
    # case-blind patterns too, where RE2 would fold a case-sensitive class's letters.
    space = re2.compile(SPACE)
    not_word = [re2.compile(NOT_WORD), re2.compile("(?i)" + NOT_WORD)]
    python_space, python_not_word = re.compile(r"\s"), re.compile(r"\W")
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        if python_space.match(char) is not None:
            assert space.fullmatch(char) is not None, hex(code)
        if python_not_word.match(char) is not None:
            assert all(found.fullmatch(char) is not None for found in not_word), hex(code)


def test_not_word_leaves_out_the_ascii_word_characters() -> None:
    # Else it would be no test of a word's edge at all.
    for char in string.ascii_letters + string.digits + "_":
        assert re2.fullmatch("(?i)" + NOT_WORD, char) is None, char


def test_folded_apart_holds_every_character_re_pairs_with_an_ascii_letter_and_re2_does_not() -> None:
    missed = folded_apart(string.ascii_letters)
    # (re pairs "i" and "I" with "İ" and "ı", which Unicode's simple case folding does not.)
    assert missed and set(missed) <= set(FOLDED_APART), missed


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (
            re.compile(r"\bdonat\w*|support us\b", re.IGNORECASE),
            r"(?i)donat[\w\x{80}-\x{10FFFF}]*|support us",
        ),
        (re.compile(r"rss 2\.0|[^x]y"), r"rss 2\.0|(?s:.)y"),
        (re.compile(r"end\$"), r"end\$"),
    ],
)
def test_pretest_source(pattern: re.Pattern[str], expected: str) -> None:
    assert pretest_source(pattern) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        # re's "$" also matches before a final line break, RE2's does not; a lookbehind RE2 cannot read.
        re.compile(r"credit$"),
        re.compile(r"\\$"),
        re.compile(r"(?<=\w)/"),
        re.compile(r"a.b", re.DOTALL),
        re.compile(r"^a", re.MULTILINE),
    ],
)
def test_pretest_source_refuses_what_needs_a_superset_by_hand(pattern: re.Pattern[str]) -> None:
    with pytest.raises(ValueError):
        pretested(pattern)


_SEARCHED = re.compile(r"\bkündig\w*|\bsign(?:ed)? in\b|opinions?\b", re.IGNORECASE)


@pytest.mark.parametrize(
    "text",
    [
        "Sie können jederzeit kündigen.",
        "You must be SIGNED IN to comment",
        "Opinions are the authors' own",
        "KÜNDIGUNG",
        # Case pairs only re makes (the dotted and dotless i go to re whatever RE2 says).
        "sİgn in to read",
        "sıgned in",
        "ſign in",
        "\u212aündigen Sie jetzt",
        "opinion\u00a0pieces",
        "designed in Italy",
        "No offer here, just the news.",
        "",
    ],
)
def test_pretested_gives_res_search(text: str) -> None:
    found, expected = pretested(_SEARCHED)(text), _SEARCHED.search(text)
    assert (found and found.span()) == (expected and expected.span())


def test_pretested_skips_the_search_where_the_superset_fails() -> None:
    # A superset that never matches: only the dotted and dotless i still reach re.
    never = pretested(_SEARCHED, r"\z\A.")
    assert never("sign in") is None
    assert never("sıgn in") is not None
