"""Speed pass 22's fast paths give what the plain computations they replace give."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdrop.text.line_keys import normalize_line_key
from newsdrop.text.rule_dispatch import _guard_matches, _guards_hold, _stems_for
from newsdrop.text.rule_registry import holds_any

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
