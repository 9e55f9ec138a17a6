"""The after-model stages' RE2 pre-tests (``re2_pretest.pretested``) never hide a match of their ``re`` patterns."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from newsdrop.text.cleaner import (
    affiliate_notice,
    closing_credits,
    comment_notice,
    donation_pitch,
    legal_notice,
    pitch_tail,
)
from newsdrop.text.re2_pretest import FOLDED_APART, pretest_source
from newsdrop.text.re2_sets import native_match, search_set
from tests.unit.case_folding import folded_apart, re_case_variants

# (the pattern, its RE2 superset, the pre-tested search, texts the pattern finds something in: each is read with
# every case pair ``re`` makes for each of its characters and every whitespace for each space).
_CASES: list[tuple[re.Pattern[str], str, Callable[[str], re.Match[str] | None], list[str]]] = [
    (
        closing_credits._CLOSING_CREDIT,
        closing_credits._CREDIT_SUPERSET,
        closing_credits._CLOSING_CREDIT_SEARCH,
        [
            "Der Bartgeier im Flug. Foto: Markus Leitner",
            "Protesters march downtown (Photo by Sarah Lazare)",
            "Crowds at the port — Picture by Yusof Mat Isa",
            "Kremlin walls at dusk. Bild: Pavel Golovkin/dpa/picture alliance",
            "Smoke rises over the city. Shamil Zhumatov/REUTERS",
            "A man walks past. IMAGO/Nico Herbertz",
            "Rescuers search the rubble. AP Photo/Eric Gay, File",
            "The prime minister speaks. Ohad Zwigenberg / Pool via Reuters",
            "Players warm up before kick-off. John Doe/Getty Images Sport",
            "Fans in the stands, Jane Roe via Getty Images",
            "Rally in the capital. J.J. Guillén/EFE",
            "Miners at the gate Florion Goga (REUTERS)",
            # re's "$" before a final line break.
            "Crowd at the stadium, Reuters/Jane Doe\n",
            "Smoke over the port. Jane Doe/AFP\n",
            "Miners at the gate Florion Goga (EPA)\n",
            "首相官邸で記者団の質問に答える首相（潟沼義樹撮影）",
            "ワシントンで演説する大統領＝ＡＰ",
            "서울 도심의 모습 [사진 = 김혜진 기자]",
            "시민들이 거리를 걷고 있다. 연합뉴스",
            "Vilniaus senamiestis žiemą LRT nuotr.",
        ],
    ),
    (
        pitch_tail._OFFER,
        pitch_tail._OFFER_SUPERSET,
        pitch_tail._OFFER_SEARCH,
        [
            "Nur 4,99 € im Monat – danach 9,99 €",
            "Zugang für 9,90 €/Monat",
            "Zugang für 9,90 €/ Jahr",
            "Suscríbete por 1 € al mes",
            "Abonnement à 1 € par an, résiliable",
            "Précio: 5 € per month, sans engagement",
            "Jederzeit kündbar — nein: jederzeit kündigen",
            "Cancela cuando quieras, sin compromiso",
            "Vous pouvez annuler à tout moment",
            "Disdici quando vuoi, senza vincoli",
            "Alle Abos für Studierende: 50 % günstiger",
            "Año nuevo: 3 €/AÑO",
            "Das Abo",
            "Preis: 2 € pro\nJahr",
        ],
    ),
    (
        affiliate_notice._DISCLOSURE,
        affiliate_notice._DISCLOSURE_SUPERSET,
        affiliate_notice._DISCLOSURE_SEARCH,
        [
            "Wenn Sie über diese Links kaufen, erhalten wir eine Provision.",
            "We may earn a small commission from purchases made through links.",
            "Le site perçoit une commission sur les ventes réalisées",
            "Nous touchons une commission",
            "Recibimos una comisión por las compras",
            "Riceviamo una commissione sulle vendite",
            "Bei einem Kauf bekommen wir eine kleine Vergütung.",
            "This post contains affiliate links to shops.",
            "Alle Partner-Links sind markiert.",
            "Cet article contient des liens affiliés.",
            "Este artículo incluye enlaces de afiliados.",
            "Questo articolo contiene link affiliati.",
        ],
    ),
    (
        legal_notice._RIGHTS,
        pretest_source(legal_notice._RIGHTS),
        legal_notice._RIGHTS_SEARCH,
        [
            "Copyright 2026 The AP. All rights reserved.",
            "© 2026 Verlag. Alle Rechte vorbehalten.",
            "Tous droits réservés",
            "Todos los derechos reservados.",
            "Tutti i diritti riservati",
            "Wszelkie prawa zastrzeżone",
            "版权所有，不得转载",
            "無断転載を禁じます",
            "This material may not be published, broadcast or rewritten.",
            "It may not be republished without permission.",
        ],
    ),
    (
        comment_notice._NOTICE,
        pretest_source(comment_notice._NOTICE),
        comment_notice._NOTICE_SEARCH,
        [
            f"Comments on this story: {words}."
            for words in (
                "the opinions are the readers' own",
                "views expressed here are not necessarily ours and reflect no one",
                "we are not responsible for them (Verantwortung, responsabilité)",
                "Die Meinung der Leser; moderiert nach unseren Richtlinien und der Netiquette",
                "comments are moderated and modérés; please be respectful and respectueux",
                "follow our guidelines, no insults, no libel, nichts Beleidigendes",
                "we reserve the right to remove them, Änderungen vorbehalten",
                "sie werden erst freigeschaltet, nach Prüfung, once approved after review",
                "comments are closed, geschlossen, deaktiviert",
                "the RSS 2.0 feed, pings are open",
                "see our policy, nuestra política, respeto",
                "you must be logged in or signed in; bitte einloggen, eingeloggt, angemeldet, anmelden",
                "vous devez être connecté, connectez-vous",
                "themenbezogen und sachlich",
            )
        ],
    ),
    (
        donation_pitch._DONATION,
        pretest_source(donation_pitch._DONATION),
        donation_pitch._DONATION_SEARCH,
        [
            "Please donate to keep us going",
            "Jetzt spenden und helfen",
            "Haz una donación hoy",
            "Vous pouvez faire un don",
            "Fai una donazione",
            "Faça uma doação",
            "Join us on Patreon",
            "Please support us today",
            "Support our independent journalism",
            "Unterstützen Sie uns jetzt",
            "Unterstützen Sie unsere Redaktion",
            "Für unseren Journalismus",
            "Das ist unsere Arbeit",
        ],
    ),
]


@pytest.mark.parametrize(
    ("pattern", "superset", "search", "text"),
    [(pattern, superset, search, text) for pattern, superset, search, texts in _CASES for text in texts],
    ids=[text[:40] for _, _, _, texts in _CASES for text in texts],
)
def test_the_pre_test_passes_every_variant_the_pattern_matches(
    pattern: re.Pattern[str], superset: str, search: Callable[[str], re.Match[str] | None], text: str
) -> None:
    assert pattern.search(text) is not None, text
    hint = native_match(search_set([superset]))
    for variant in re_case_variants(text):
        expected = pattern.search(variant)
        if expected is not None and not any(char in variant for char in FOLDED_APART):
            assert hint(variant.encode()), (pattern.pattern[:40], variant)
        found = search(variant)
        assert (found and found.span()) == (expected and expected.span()), variant


@pytest.mark.parametrize(
    ("superset", "text"),
    [
        # Lines that hold a mark the old pre-tests read ("/", "via", a stem) and none of the forms: the search
        # is skipped on them.
        (
            closing_credits._CREDIT_SUPERSET,
            "The rally in Kyiv went via the capital's main road to the square",
        ),
        (closing_credits._CREDIT_SUPERSET, "Prices rose by 3/4 of a percent over the year in the region"),
        (closing_credits._CREDIT_SUPERSET, "Photography has changed how we see the war, she said"),
        (pitch_tail._OFFER_SUPERSET, "Die Zeit läuft, ein Labor in Köln: Jahrhundertflut"),
        (pitch_tail._OFFER_SUPERSET, "Le maire a parlé d'abord de la dette."),
        (
            affiliate_notice._DISCLOSURE_SUPERSET,
            "Die EU-Kommission (commission) und ihre Partner trafen sich.",
        ),
        (pretest_source(legal_notice._RIGHTS), "Die Rechte der Mieter bleiben unberührt."),
        (pretest_source(comment_notice._NOTICE), "Der Kommentar des Chefredakteurs zur Wahl in Berlin."),
        (
            pretest_source(donation_pitch._DONATION),
            "Die Arbeitslosigkeit sinkt; die Regierung will ihn unterstützen.",
        ),
    ],
)
def test_the_pre_test_rejects_lines_without_any_form(superset: str, text: str) -> None:
    assert not native_match(search_set([superset]))(text.encode())


def test_every_character_re_folds_to_a_superset_letter_re2_folds_too_or_is_searched() -> None:
    # The ASCII letters are read in test_re2_pretest; these are the supersets' others ("é", "ü", "ñ", "ż", ...).
    letters = sorted(
        {char for _, superset, _, _ in _CASES for char in superset if char.isalpha() and not char.isascii()}
    )
    assert "ü" in letters and "ż" in letters
    assert set(folded_apart(letters)) <= set(FOLDED_APART)
