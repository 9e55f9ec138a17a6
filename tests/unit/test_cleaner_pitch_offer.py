"""The billing-offer test's pre-test on non-ASCII text (``pitch_tail._OFFER_SUPERSET``) never hides an ``_OFFER`` match."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.pitch_tail import _OFFER, _offer
from newsdrop.text.re2_pretest import FOLDED_APART
from tests.unit.case_folding import folded_apart

# Every character of ``_OFFER``'s words and marks, which the pre-test reads case-blind.
_LETTERS = sorted(
    set("/" + "per pro al im par month year mes año monat jahr mois an cancel kündig annul disdic abo")
)
_LETTERS.remove(" ")


def test_every_character_re_folds_to_a_letter_re2_folds_too_or_is_searched() -> None:
    missed = folded_apart(_LETTERS)
    # (re pairs "i" with "İ" and "ı", which Unicode's simple case folding does not.)
    assert missed and set(missed) <= set(FOLDED_APART), missed


@pytest.mark.parametrize(
    "text",
    [
        # Offers in non-ASCII text: a billing period, a cancellation, a subscription.
        "Nur 4,99 € im Monat – jederzeit kündigen",
        "Suscríbete por 1 € al mes, cancela cuando quieras",
        "Zugang für 9,90 €/Monat",
        "Abos für Studierende: 50 % günstiger",
        "Résiliable à tout moment, 1 € par mois",
        "Dieses Jahr: ein Angebot für Sie",
        "Año nuevo, 3 €/AÑO",
        "Aucune offre ici, l'été arrive",
        "Das Wetter wird schön, und die Zeit läuft.",
        # Case folds only re pairs with the words' letters (dotless and dotted i, long s, the Kelvin sign).
        "Jetzt DİSDİC für 2 € — probieren",
        "kündıgen sie jederzeit — ohne Frist",
        "ABOſ — ab heute",
        "\u212aündigen Sie bis Montag",
        "ıch abonniere ş",
        "",
    ],
)
def test_offer_gives_the_pattern_verdict_on_non_ascii_text(text: str) -> None:
    assert _offer(text) is (_OFFER.search(text) is not None)
