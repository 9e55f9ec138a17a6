"""Speed pass 22's fast paths give what the plain computations they replace give."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsdrop.text.bylines import names_people
from newsdrop.text.captions import _CAPTION_FIRST, _CAPTION_START, photo_caption
from newsdrop.text.line_keys import normalize_line_key, words_at_least, words_at_most
from newsdrop.text.rule_dispatch import _guard_matches, _guards_hold, _stems_for
from newsdrop.text.rule_registry import holds_any
from newsdrop.text.stamp_rules import _BYLINE, _BYLINE_FIRST, _HANDLE_BYLINE, byline

DATA = Path(__file__).resolve().parents[2] / "data"

# Raw lines: every guard's and stem's forms, captions and bylines both ways, non-ASCII keys (the dotted and
# dotless i, Cyrillic look-alikes, full-width digits), stems past a long opening, edge whitespace.
_LINES = (
    "Share",
    "Teilen mit",
    "3 of 12 Photos",
    "12,345 views",
    "Advertisement",
    "Adverтisement",
    "Quıck links",
    "İmage: Reuters",
    "ımage: Reuters",
    "Tags: harbour, weather",
    "https://example.com/a",
    "We use cookies to improve your browsing experience.",
    "© 2024 Coast News. All rights reserved.",
    "Sign up for our newsletter",
    "Comments are moderated according to our community guidelines.",
    "Please verify you're not a robot",
    "Write a letter to the editor",
    "x" * 293 + " cookie",
    "Leserbrief schreiben",
    "Données personnelles et cookies",
    "Photo: Jane Doe/Getty Images",
    "Foto: dpa",
    "Bild: Keystone",
    "Zdjęcie: PAP",
    "Crédits photo : AFP",
    "3 of 12 The harbour at dawn",
    "١ of 12 The harbour at dawn",
    "The mayor at the harbour (Photo: Jane Doe)",
    "The mayor at the harbour. Foto: Andina",
    "Image courtesy of the council",
    "By Jane Doe",
    "BY JANE DOE",
    "by",
    "Written by Jane Doe, 3 May",
    "Von München bis Aachen: die Route",
    "Von unserem Korrespondenten",
    "Par Jean Dupont",
    "Author: Jane Doe",
    "Correspondents: J. Doe",
    "Jane Doe @jdoe / 2 days",
    "Jane Doe @jdoe.",
    "The harbour authority said on Tuesday that the work would end early.",
    "Die Hafenbehörde teilte am Dienstag mit, die Arbeiten würden früher enden",
    " By Jane Doe",
    "",
)


def _corpus_lines() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted((DATA / "cleaning-dev").glob("*/*.txt"))]
    lines = {raw.strip() for text in texts for raw in text.splitlines() if raw.strip()}
    return sorted(lines | set(_LINES))


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return _corpus_lines()


def test_one_scan_gives_the_guard_and_stem_verdicts_of_the_two(lines: list[str]) -> None:
    seen = {True: 0, False: 0}
    for key in sorted({normalize_line_key(line) for line in lines}):
        encoded = key.encode()
        for words in (1, 3, 6, 10, 12, 14, 20, 25, 30, 40, 45, 60, 61):
            guard, stems = _guards_hold(key, words, encoded)
            assert guard is _guard_matches(key, words), (key, words)
            assert stems is holds_any(key, _stems_for(words)), (key, words)
            seen[guard or stems] += 1
    # The lines exercise both verdicts.
    assert seen[True] > 100 and seen[False] > 1000


def test_the_caption_openings_first_characters_are_those_re_pairs_with_them() -> None:
    # Every alternative of _CAPTION_START opens with one of these letters (case-blind) or with \d.
    folded = re.compile(r"(?i)[ipfcb]|(?i:z)")
    assert {char for char in map(chr, range(0x110000)) if folded.match(char)} == _CAPTION_FIRST
    assert all(re.match(r"\d", char) is not None for char in map(chr, range(0x110000)) if char.isdecimal())
    assert not any(
        re.match(r"\d", char) is not None and not char.isdecimal() for char in map(chr, range(0x110000))
    )


def test_the_byline_openings_first_characters_are_those_re_pairs_with_them() -> None:
    # Every alternative of _BYLINE opens with one of these letters, case-blind.
    folded = re.compile(r"(?i)[bwprvdac]")
    assert {char for char in map(chr, range(0x110000)) if folded.match(char)} == _BYLINE_FIRST


def _plain_photo_caption(text: str, key: str, words: int) -> bool:
    """photo_caption with its opening's match on every line."""
    return _CAPTION_START.match(text) is not None or photo_caption(text, key, words)


def _plain_byline(text: str, key: str, words: int) -> bool:
    """byline without its first test."""
    if words > 14 or (text.rstrip().endswith((".", "!", "?")) and not text.rstrip().endswith(" ...")):
        return False
    if _BYLINE.match(text) is not None:
        return names_people(text, words)
    return _HANDLE_BYLINE.match(text) is not None


def test_the_caption_and_byline_tests_with_their_first_tests_are_the_plain_ones(lines: list[str]) -> None:
    claimed = {"caption": 0, "byline": 0}
    for text in lines:
        key, words = normalize_line_key(text), len(text.split())
        caption = photo_caption(text, key, words)
        assert caption is _plain_photo_caption(text, key, words), text
        assert byline(text, key, words) is _plain_byline(text, key, words), text
        claimed["caption"] += caption
        claimed["byline"] += byline(text, key, words)
    assert claimed["caption"] > 10 and claimed["byline"] > 10


@pytest.mark.parametrize(
    ("text", "caption", "by"),
    [
        ("Photo: Jane Doe", True, False),
        ("İmage: Reuters", True, False),
        ("3 of 12 The harbour", True, False),
        ("By Jane Doe", False, True),
        ("Jane Doe @jdoe", False, True),
        ("The harbour at dawn", False, False),
        (" By Jane Doe", False, False),
    ],
)
def test_caption_and_byline_verdicts(text: str, caption: bool, by: bool) -> None:
    key, words = normalize_line_key(text), len(text.split())
    assert photo_caption(text, key, words) is caption
    assert byline(text, key, words) is by


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "one",
        "one two",
        " a  b\tc\u00a0d\u3000e ",
        "a b c d e ",
        "a b c d e f",
        "x " * 40,
        "個人情報 の 取り扱い",
    ],
)
def test_bounded_word_counts_are_the_full_splits(text: str) -> None:
    for bound in range(-1, 9):
        assert words_at_most(text, bound) is (len(text.split()) <= bound), (text, bound)
        assert words_at_least(text, bound) is (len(text.split()) >= bound), (text, bound)


def test_bounded_word_counts_are_the_full_splits_on_the_dev_corpus(lines: list[str]) -> None:
    for text in lines:
        count = len(text.split())
        for bound in (1, 3, 5, 6, 14, 30):
            assert words_at_most(text, bound) is (count <= bound), (text, bound)
            assert words_at_least(text, bound) is (count >= bound), (text, bound)
