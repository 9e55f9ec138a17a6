"""Speed pass 39: a non-ASCII key's guard verdict from ``re`` one guard at a time, only the guards whose widened forms
matched (every guard where a letter folds apart), gives the verdict of the guards' alternation it replaced."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsdrop.text.cleaner.cues_notice import NOTICE_STEMS
from newsdrop.text.cleaner.related_runs import ASCII_LABEL_STARTS
from newsdrop.text.line_keys import normalize_line_key
from newsdrop.text.re2_sets import FOLDED_APART
from newsdrop.text.rule_dispatch import _re_guard_matches, _wide_guard, rule_scanner
from tests.unit.guard_alternation import guard_alternation

DATA = Path(__file__).resolve().parents[2] / "data"

# Counts at and around every guard's bound, and past the largest.
_WORDS = (0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 16, 17, 20, 21, 25, 26, 30, 31, 60, 61, 200)

# Non-ASCII keys: several guards' words at once (bounds 25 and 30, 6 and 25), each guard's non-ASCII words, CJK, a
# widened class's letters (a guard's ASCII ``\w`` widened), the dotted and dotless i the engines fold apart.
_LINES = (
    "Menü",
    "Teilen…",
    "» Teilen mit «",
    "Mehr zum Thema:",
    "Lesen Sie auch: Über den Winter",
    "Schreibe einen Kommentar…",
    "Deine E-Mail-Adresse wird nicht veröffentlicht.",
    "Erforderliche Felder sind mit * markiert.",
    "Dieser Eintrag wurde veröffentlicht in Politik",
    "Zdjęcie: PAP",
    "Udostępnij",
    "Gefällt mir",
    "Kommentare (12)",
    "Réactions",
    "Los comentarios están cerrados.",
    "Lire aussi : les élections",
    "Leer más",
    "12 345 vues",
    "١٢٣",
    "１２．３ ％",
    "３ of １２",
    "Related — Über uns",
    "More from Zürich",
    "Tags: Wirtschaft, Börse",
    "Tagś: x",
    "Şhare",
    "Share İt",
    "Quıck links",
    "Sİgn in",
    "Advertısement",
    "İ",
    "ı",
    "個人情報の取り扱いについて",
    "ログインしてください",
    "“Share”",
    "Ｓｈａｒｅ",
    "Search…",
    "Photo: Ölçü",
    "https://example.com/über",
    "jürgen@example.de",
)


def _alternation(key: str, words: int) -> bool:
    """The guards' alternation's verdict (the form before this pass)."""
    pattern, bounds = guard_alternation(False)
    found = pattern.match(key)
    return found is not None and bounds[found.lastgroup] >= words


def _widened_places(key: str) -> list[int] | None:
    """The places whose widened guards match the key's start (every place where a letter folds apart: None)."""
    if any(letter in key for letter in FOLDED_APART):
        return None
    return _wide_guard()(key.encode())


@pytest.mark.parametrize("line", _LINES)
def test_one_guard_at_a_time_is_the_alternation(line: str) -> None:
    key = normalize_line_key(line)
    places = _widened_places(key)
    for words in _WORDS:
        expected = _alternation(key, words)
        assert _re_guard_matches(key, words) is expected, (key, words)
        assert _re_guard_matches(key, words, places) is expected, (key, words, places)


def test_the_table_holds_matches_of_several_bounds() -> None:
    # The table must try keys some guard admits and keys it admits only at low counts.
    verdicts = [[_alternation(normalize_line_key(line), words) for words in _WORDS] for line in _LINES]
    assert sum(any(row) for row in verdicts) >= 15
    assert sum(any(row) and not all(row[:-1]) for row in verdicts) >= 10


@pytest.mark.parametrize(
    ("places", "expected"),
    [
        ([], False),  # no widened guard matched
        ([99, 100], False),  # stems' and literals' places are not guards
        (None, True),  # every guard
    ],
)
def test_places_limit_the_guards_asked(places: list[int] | None, expected: bool) -> None:
    assert _re_guard_matches("teilen…", 1, places) is expected


def test_over_the_dev_keys() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted((DATA / "cleaning-dev").glob("*/*.txt"))]
    lines = {raw.strip() for text in texts for raw in text.splitlines() if raw.strip()}
    keys = sorted({normalize_line_key(line) for line in lines})
    admitted = 0
    for key in (key for key in keys if not key.isascii()):
        places = _widened_places(key)
        for words in (1, 3, 6, 12, 25, 30, 61):
            expected = _alternation(key, words)
            assert _re_guard_matches(key, words, places) is expected, (key, words)
            admitted += expected
    assert admitted > 20


def test_the_scanner_compiles_no_alternation(monkeypatch: pytest.MonkeyPatch) -> None:
    compiled: list[str] = []
    compile_ = re.compile

    def recording_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
        compiled.append(str(pattern))
        return compile_(pattern, flags)

    monkeypatch.setattr(re, "compile", recording_compile)
    scan = rule_scanner(NOTICE_STEMS, ASCII_LABEL_STARTS)
    for line in _LINES:
        scan(line, normalize_line_key(line), 2)
    # The scan read non-ASCII keys whose widened guards matched, and compiled no alternation of the guards.
    assert any(not line.isascii() for line in _LINES)
    assert not any("(?P<_guard" in pattern for pattern in compiled)
    # (The recorder sees a compile: the alternation, were it built, would be seen.)
    guard_alternation.cache_clear()
    guard_alternation(False)
    assert any("(?P<_guard" in pattern for pattern in compiled)
