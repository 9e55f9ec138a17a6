"""Speed pass 10's RE2 sets give ``re``'s verdicts: the ASCII key guard, the rule stems and the notice stems."""

from __future__ import annotations

import math
import re
import sys
from pathlib import Path

import pytest
import re2

from newsdrop.text.cleaner.cues_notice import _NOTICE, _NOTICE_CHARS, _NOTICE_STEMS, notice_words
from newsdrop.text.line_keys import normalize_line_key
from newsdrop.text.prompt_rules import _PROMPT
from newsdrop.text.re2_sets import (
    _WIDENED,
    FOLDED_APART,
    native_match,
    search_set,
    start_set,
    superset_source,
)
from newsdrop.text.rule_dispatch import (
    _GUARD_ORDER,
    _guard_matches,
    _source,
    _stems_for,
    _stems_search,
)
from newsdrop.text.rule_registry import holds_any
from tests.unit.case_folding import folded_apart
from tests.unit.guard_alternation import guard_alternation

DATA = Path(__file__).resolve().parents[2] / "data"

# Tricky raw lines: decoration, digits, underscores, URLs, every rule's words, non-ASCII letters and digits,
# CJK, whitespace Python's \s holds and RE2's does not (\v, \x1c: the key drops them), stems at the 300th
# character.
_LINES = (
    "Share",
    "SHARE THIS:",
    "Teilen",
    "Teilen:",
    "Teilen mit",
    "» Teilen mit «",
    "Teilen mit Facebook",
    "Teilen_",
    "teilen mit_",
    "Teilenswert ist das",
    "3 of 12",
    "3 of 12 Photos",
    "12,345 views",
    "(0 votes)",
    "Menu",
    "Search…",
    "Advertisement",
    "ADVERTISEMENT\x0b",
    "Tags:\x1cpolitics",
    "Tags:\tpolitics, economy",
    "Filed under: news",
    "https://example.com/a/b",
    "www.example.com",
    "jane@example.co",
    "[email protected]",
    "Read more »",
    "--- Share ---",
    "Sign in / Register",
    "Log in or subscribe",
    "Leave a reply Cancel reply",
    "This entry was posted in News. Bookmark the permalink.",
    "Facebook Twitter Email",
    "1.234,5 %",
    "_",
    "0",
    "²³",
    "١٢٣",
    "Zdjęcie: PAP",
    "Gefällt mir",
    "Udostępnij",
    "個人情報の取り扱いについて",
    "ログインしてください",
    "Wir verwenden Cookies und Drittanbieter-Dienste.",
    "Données personnelles et confidentialité",
    "Ｃｏｏｋｉｅ",
    "Quıck links",
    "Adverтisement",
    "１２．３ ％",
    "\u3000Share\u3000",
    "«Mehr»",
    "The harbour authority said on Tuesday that the work would end early.",
    "x" * 293 + " cookie",
    "x" * 294 + " cookie",
    "",
)


def _corpus_keys() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted((DATA / "cleaning-dev").glob("*/*.txt"))]
    lines = {raw.strip() for text in texts for raw in text.splitlines() if raw.strip()}
    return sorted({normalize_line_key(line) for line in lines | set(_LINES)})


@pytest.fixture(scope="module")
def keys() -> list[str]:
    return _corpus_keys()


def test_each_guard_matches_an_ascii_key_in_re2_as_in_re(keys: list[str]) -> None:
    sources = [_source(guard, lower_ascii=True) for _, guard in _GUARD_ORDER]
    matched = 0
    for source in sources:
        one, plain = start_set([source]), re.compile(source)
        for key in keys:
            if key.isascii():
                assert (one(key) is None) == (plain.match(key) is None), (source[:40], key)
                matched += one(key) is not None
    assert matched > 100


def test_guard_matches_gives_the_re_alternations_verdict(keys: list[str]) -> None:
    for key in keys:
        pattern, bounds = guard_alternation(key.isascii())
        found = pattern.match(key)
        for words in (1, 3, 6, 12, 20, 25, 30, 60, 61):
            expected = found is not None and bounds[found.lastgroup] >= words
            assert _guard_matches(key, words) is expected, (key, words)


# The share prompt before speed pass 10, with its lookahead (RE2 reads none): the rewrite must agree.
_PROMPT_BEFORE = re.compile(
    r"^[\W_]*(?:subscribe|sign up|signup|follow|share|tweet|pin it|like us|join us|get (?:our|the) newsletter"
    r"|newsletter|download (?:our|the) app|get (?:breaking|the latest|more)|stay (?:up to date|informed|connected)"
    r"|click to (?:share|email|print)|email me|get it|(?:view|get) author|e-?mail the author"
    r"|teilen(?: mit)?(?=[\W_]*$)|empfiehl|gefällt mir|compartir|compartilhe|partager|partagez|condividi|udostępnij)\b"
)


def test_the_share_prompt_without_lookahead_matches_where_it_did(keys: list[str]) -> None:
    for key in keys:
        assert (_PROMPT.match(key) is None) == (_PROMPT_BEFORE.match(key) is None), key
    assert _PROMPT.match("teilen:") and _PROMPT.match("» teilen mit «")
    assert not _PROMPT.match("teilen mit facebook") and not _PROMPT.match("teilen_")


def test_the_stem_search_holds_a_stem_iff_a_substring_test_does(keys: list[str]) -> None:
    for words in (1, 6, 14, 25, 45, 60, 61):
        search = _stems_search(words)
        for key in keys:
            assert (search(key) is not None) is holds_any(key, _stems_for(words)), (key, words)


@pytest.mark.parametrize(
    ("stems", "text", "expected"),
    [
        (("a.b",), "axb", False),
        (("a.b",), "xa.bx", True),
        (("(c)", "©"), "© acme", True),
        (("(c)", "©"), "c 2024", False),
        (("個人情報",), "個人情報の取り扱い", True),
        (("個人情報",), "個人の情報", False),
        (("données",), "donnees", False),
        (("données",), "les données", True),
        (("é",), "e\u0301", False),
    ],
)
def test_a_search_set_of_escaped_literals_finds_a_literal_substring(
    stems: tuple[str, ...], text: str, expected: bool
) -> None:
    assert (search_set([re.escape(stem) for stem in stems])(text) is not None) is expected


def test_notice_words_counts_as_the_findall_alone(keys: list[str]) -> None:
    for key in keys:
        assert notice_words(key) == math.log1p(len(_NOTICE.findall(key, 0, _NOTICE_CHARS))), key
    assert notice_words(normalize_line_key("x" * 293 + " cookie")) > 0
    assert notice_words(normalize_line_key("x" * 294 + " cookie")) == 0
    assert len(_NOTICE_STEMS) > 10


def test_a_pattern_re2_cannot_read_is_refused() -> None:
    with pytest.raises(ValueError, match="RE2 cannot read"):
        start_set([r"teilen(?=\W)"])


@pytest.mark.parametrize(
    ("patterns", "anchored", "text"),
    [
        (["share", "tweet"], False, "please share this"),
        (["share", "tweet"], False, "nothing here"),
        (["share", "tweet"], False, ""),
        ([r"share\b", r"(?:tweet|pin it)"], True, "share this"),
        ([r"share\b", r"(?:tweet|pin it)"], True, "we share this"),
        (["個人情報", "cookie"], False, "個人情報の取り扱い and cookies"),
        (["données"], False, "les données"),
    ],
)
def test_native_match_gives_the_wrappers_indices_over_bytes(
    patterns: list[str], anchored: bool, text: str
) -> None:
    found = (start_set if anchored else search_set)(patterns)
    assert sorted(native_match(found)(text.encode())) == sorted(found(text) or [])


def test_native_match_of_no_set_or_another_callable() -> None:
    assert native_match(None)(b"anything") == []

    def plain(text: str) -> list[int] | None:
        return [0] if "x" in text else None

    # A callable that is not the binding's wrapper is called as it is (its text decoded back).
    assert native_match(plain)(b"axb") == [0]
    assert native_match(plain)(b"ab") == []


def test_widened_classes_hold_every_character_pythons_do() -> None:
    # One pass over every code point (lone surrogates have no UTF-8: no key holds one).
    for escape, widened in _WIDENED.items():
        python, wide = re.compile("\\" + escape), re2.compile(f"[{widened}]")
        for code in range(sys.maxunicode + 1):
            if 0xD800 <= code <= 0xDFFF:
                continue
            char = chr(code)
            if python.match(char) is not None:
                assert wide.match(char) is not None, (escape, hex(code))


@pytest.mark.parametrize(
    ("pattern", "texts"),
    [
        (r"^[\W_]*\d+\s*min\b", ["３ min", "— ٣\u3000min.", "3 minutes", "x3 min"]),
        (
            r"[^\W\d_A-Z][^\W\d_]{0,5}(?:\s*/\s*[^\W\d_]{2,12}){1,2}",
            ["aja/PAP", "żż / łódź", "TCP/IP", "/ab"],
        ),
        (r"[]x]+\w", ["]]é", "x_", "é"]),
        (r"(?i:teilen|über)\b", ["ÜBER uns", "teilenswert", "Teilen"]),
        (r"\S+@\S+\.\w+$", ["jane@exämple.de", "a @b.c"]),
    ],
)
def test_superset_source_matches_wherever_re_does(pattern: str, texts: list[str]) -> None:
    wide = re2.compile(superset_source(pattern))
    for text in texts:
        if re.match(pattern, text) is not None:
            assert wide.match(text) is not None, (pattern, text)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bab\B", "ab"),
        (r"[^x]y", "(?s:.)y"),
        (r"[]x]", r"[\]x]"),
        (r"a\Wb\.", r"a\Wb\."),
    ],
)
def test_superset_source(pattern: str, expected: str) -> None:
    assert superset_source(pattern) == expected


@pytest.mark.parametrize("pattern", [r"(a)\1", r"\Aa"])
def test_superset_source_refuses_what_it_cannot_widen(pattern: str) -> None:
    with pytest.raises(ValueError):
        superset_source(pattern)


def test_the_guards_case_folding_apart_is_the_dotted_and_dotless_i() -> None:
    # Every character ``re``'s case-blind guards pair with one of their letters and RE2 does not: a key holding one
    # goes to ``re`` whatever the widened set says.
    letters = {char for _, guard in _GUARD_ORDER for char in guard.pattern.lower() if char.isalpha()}
    assert set(folded_apart(letters | set("abcdefghijklmnopqrstuvwxyz"))) <= set(FOLDED_APART)
