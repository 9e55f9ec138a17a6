"""The kept-chrome stages' RE2 stem pre-test (``kept_chrome.stem_stages``) never hides a line a stage's stems find."""

from __future__ import annotations

import sys

import pytest
import re2

from newsdrop.text.cleaner.kept_chrome import _FOLDED_APART, _STAGES, stem_stages
from newsdrop.text.rule_registry import holds_any

_STEMS = [stems for _, _, stems in _STAGES if stems is not None]
_LETTERS = sorted({char for stems in _STEMS for stem in stems for char in stem})


def test_every_character_lowering_to_a_stem_letter_re2_folds_to_it_or_is_read() -> None:
    missed = set()
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        lowered = char.lower()
        if lowered == char:
            # A character that lowers to itself matches itself.
            continue
        for letter in set(lowered) & set(_LETTERS):
            if re2.fullmatch("(?i)" + re2.escape(letter), char) is None:
                missed.add(char)
    assert missed == set(_FOLDED_APART)


def _before(texts: list[str], kept: list[bool]) -> list[list[bool]]:
    """Each stage's own test: a kept line whose lower-case text holds one of its stems."""
    return [
        [keep and holds_any(text.lower(), stems) for text, keep in zip(texts, kept, strict=True)]
        for stems in _STEMS
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The council met on Tuesday.",
        "© 2024 The Daily. ALL RIGHTS RESERVED.",
        "Tous droits RÉSERVÉS",
        "WSZELKIE PRAWA ZASTRZEŻONE",
        "版权所有，不得转载",
        "We may earn a COMMISSION on sales.",
        "Diese Seite nutzt Partner-Links; wir erhalten eine VERGÜTUNG.",
        "Reader Comments are moderated.",
        "Unterstützen Sie unseren JOURNALISMUS mit einer Spende.",
        "Share on Facebook Twitter WhatsApp E-Mail",
        "Dies ist Teil 2 der Serie; TO JEST DRUGA CZĘŚĆ",
        "AFFİLİATE links",
        "COMİSİON",
        "The Kelvin sign: \u212aommentar",
        "",
    ],
)
def test_stem_stages_holds_every_line_a_stems_test_finds(text: str) -> None:
    texts = [text, text, "A plain line of prose."]
    kept = [True, False, True]
    after = stem_stages(texts, kept)
    for before_lines, after_lines in zip(_before(texts, kept), after, strict=True):
        if after_lines is None:
            # No line marked for the stage: no line's stems test finds one.
            assert not any(before_lines)
            continue
        assert all(after_lines[index] for index, found in enumerate(before_lines) if found)
        # A dropped line is never read.
        assert not after_lines[1]


@pytest.mark.parametrize(
    ("text", "stages"),
    [
        ("The council met on Tuesday.", []),
        ("All rights reserved.", [1]),
        ("Comments are closed; we earn a commission.", [0, 2]),
        ("Blog at WordPress.com.", [4]),
        ("This is part 2 of a series.", [5]),
        ("Share on Facebook", [6]),
        # The dotted capital I: read by every stage.
        ("İstanbul", [0, 1, 2, 3, 4, 5, 6]),
    ],
)
def test_stem_stages_marks_the_stages_whose_stems_a_line_may_hold(text: str, stages: list[int]) -> None:
    marked = [
        index for index, lines in enumerate(stem_stages([text], [True])) if lines is not None and lines[0]
    ]
    assert marked == stages


@pytest.mark.parametrize(
    ("rows", "marked"),
    [
        # A stage's list is made where a line marks it, and a stage no line marks has none (None).
        (
            [("Share on Facebook", True), ("All rights reserved.", False)],
            [None, None, None, None, None, None, [True, False]],
        ),
        (
            [("Plain prose.", True), ("Comments are closed.", True)],
            [None, None, [False, True], None, None, None, None],
        ),
        # A dropped line marks nothing; the dotted capital I marks every stage.
        ([("Comments are closed.", False)], [None] * 7),
        ([("x", True), ("İstanbul", True)], [[False, True]] * 7),
    ],
)
def test_stem_stages_makes_a_stages_list_only_where_a_line_marks_it(
    rows: list[tuple[str, bool]], marked: list[list[bool] | None]
) -> None:
    texts, kept = (list(column) for column in zip(*rows, strict=True))
    assert stem_stages(texts, kept) == marked
