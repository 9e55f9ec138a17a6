"""The placed-caption test's RE2 pre-test (``placed_caption._PLACED_HINT``) never hides a ``_PLACED`` match."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.placed_caption import (
    _PLACE_WORDS,
    _PLACED,
    MAX_CAPTION_CHARS,
    placed_caption,
)
from newsdrop.text.re2_sets import FOLDED_APART
from tests.unit.case_folding import folded_apart

# Every letter of ``_PLACED``'s words, which the pre-test reads case-blind.
_WORDS = (
    "from left right second to centre center far pictured von li nach re v l n r links de izquierda a derecha"
)
_LETTERS = sorted(set(_WORDS + " gauche à droite da sinistra") - {" "})


def test_every_character_re_folds_to_a_letter_re2_folds_too_or_is_searched() -> None:
    missed = folded_apart(_LETTERS)
    # (re pairs "i" with "İ" and "ı", which Unicode's simple case folding does not.)
    assert missed and set(missed) <= set(FOLDED_APART), missed


def _before(text: str) -> bool:
    """``placed_caption`` without the pre-test."""
    return (
        len(text) <= MAX_CAPTION_CHARS and _PLACE_WORDS(text) is not None and _PLACED.search(text) is not None
    )


@pytest.mark.parametrize(
    "text",
    [
        "Murder victims from left: Jane Doe, John Roe and Max Mustermann.",
        "Major-General Arturo Roja, second left, at the ceremony.",
        "Pictured at the back, from left, are the winners.",
        "PICTURED: the team after the final",
        "Vorstandsmitglieder (von li nach re): A, B und C",
        "Kerstin Wahala, Judy Lybke und Elke Hannemann (v.l.)",
        "Die Preisträger (v. l. n. r.): A, B, C",
        "Los ganadores, de izquierda a derecha, en la gala",
        "Les lauréats, de gauche à droite, à Paris",
        "DE GAUCHE À DROITE : les élus",
        "I ministri, da sinistra, a Roma",
        "Bethany Funke (R) won the seat",
        "Sir Tony Blair (left) being interviewed",
        "He turned right at the corner and left the building.",
        "All rights reserved. Copyright 2024.",
        "The centre-left coalition won the vote.",
        # Case folds only re pairs with the words' letters (dotted capital and dotless i).
        "PİCTURED: the mayor, second left",
        "Die Sieger von lınks: A und B",
        "de ızquierda a derecha, los ministros",
        "",
    ],
)
def test_placed_caption_gives_the_verdict_it_gave_without_the_pre_test(text: str) -> None:
    assert placed_caption(text) is _before(text)
