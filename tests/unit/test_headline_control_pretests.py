"""The headline stage's RE2 pre-tests (``headline_controls``, ``re2_pretest.pretested``) never hide a match of ``re``."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from newsdrop.text.cleaner import headline_controls as controls
from newsdrop.text.re2_pretest import FOLDED_APART, pretest_source
from newsdrop.text.re2_sets import native_match, search_set
from tests.unit.case_folding import folded_apart, re_case_variants

DATA = Path(__file__).resolve().parents[2] / "data"

Search = Callable[[str], re.Match[str] | None]

# (the pattern, its RE2 superset, the pre-tested search, a word of the superset a mutation misspells, texts the
# pattern finds something in: each is read with every case pair ``re`` makes for each of its characters and every
# whitespace for each space).
_CASES: list[tuple[re.Pattern[str], str, Search, str, list[str]]] = [
    (
        controls._CONTROL_HINT,
        pretest_source(controls._CONTROL_HINT),
        controls._CONTROL_HINT_SEARCH,
        "erforderlich",
        [
            "E-Mail (erforderlich)",
            "Name (required)",
            "Nom (obligatoire)",
            "Correo (obligatorio)",
            "E-mail (obrigatório)",
            "Naam (verplicht)",
            "Name (Pflichtfeld)",
            "Bluesky (öffnet im neuen Fenster)",
            "Share on X (opens in a new window)",
            "Partager (s'ouvre dans une nouvelle fenêtre)",
            "Compartir (se abre en una ventana nueva)",
            "This is a modal window.",
            "Beginning of dialog window. Modal dialog",
        ],
    ),
    (
        controls._CONTROL_WORD,
        pretest_source(controls._CONTROL_WORD),
        controls._CONTROL_WORD_SEARCH,
        "abbrechen",
        [
            "Login Sign up",
            "Log out",
            "Suche nach: Suchen",
            "Antwort abbrechen",
            "Anmelden Registrieren",
            "Einloggen Abmelden Absenden",
            "Buscar Cancelar",
            "Iniciar sesión Registrarse",
            "Responder Enviar",
            "Rechercher Annuler",
            "Répondre Envoyer",
            "Connexion S'inscrire",
            "Submit reply",
        ],
    ),
    (
        controls._RELATIVE_TIME,
        pretest_source(controls._RELATIVE_TIME),
        controls._RELATIVE_TIME_SEARCH,
        "minuten",
        [
            "Nizaar Kinsella 2 minutes ago",
            "5 hrs ago",
            "1 week ago",
            "٣ days ago",
            "vor 14 Minuten",
            "vor 3 Tagen",
            "il y a 2 heures",
            "il y a 10 secondes",
            "hace 3 días",
            "hace 1 semana",
        ],
    ),
    (
        controls._COMMENT_LINK,
        controls._COMMENT_LINK_SUPERSET,
        controls._COMMENT_LINK_SEARCH,
        "hinzufügen",
        [
            "Bildung, Schule Add comments",
            "Leave a reply",
            "Leave a comment ",
            "No comments",
            "5343 mal gelesen | 32 Kommentare",
            "Kommentar hinzufügen",
            "Kommentare schreiben",
            "Keine Kommentare",
            "1 Kommentar",
            # re's "$" before a final line break.
            "12 comments\n",
            "Kommentar hinterlassen\n",
        ],
    ),
    (
        controls._AUTHOR_ARCHIVE,
        pretest_source(controls._AUTHOR_ARCHIVE),
        controls._AUTHOR_ARCHIVE_SEARCH,
        "beiträge",
        [
            "View all posts by Jane Doe",
            "See all posts by X",
            "Zeige alle Beiträge von X",
            "Voir tous les articles de Y",
            "Ver todas las entradas de Z",
        ],
    ),
    (
        controls._GIFT_NOTICE,
        pretest_source(controls._GIFT_NOTICE),
        controls._GIFT_NOTICE_SEARCH,
        "verschenken",
        [
            "Ein Mitglied schenkt dir diesen Artikel.",
            "Jemand verschenkt diesen Artikel",
            "Artikel verschenken",
            "Gift this article",
            "This article was gifted to you",
            "This story has been a gift",
            "Offrir cet article",
            "Offrir l’article",
            "Regalar este artículo",
        ],
    ),
    (
        controls._SUBSCRIBER_FEATURE,
        pretest_source(controls._SUBSCRIBER_FEATURE),
        controls._SUBSCRIBER_FEATURE_SEARCH,
        "premium",
        [
            "Esta funcionalidad es sólo para registrados",
            "Esta función es para suscriptores",
            "This feature is for subscribers only",
            "This feature is for premium members",
            "Diese Funktion ist nur für registrierte Nutzer",
            "Cette fonctionnalité est réservée aux abonnés",
        ],
    ),
]


def _hidden(pattern: re.Pattern[str], superset: str, texts: list[str]) -> list[str]:
    """The variants of ``texts`` ``pattern`` finds something in and ``superset`` passes over (the dotted and
    dotless i aside: ``pretested`` searches a text holding one anyway)."""
    hint = native_match(search_set([superset]))
    return [
        variant
        for text in texts
        for variant in re_case_variants(text)
        if pattern.search(variant) is not None
        and not any(char in variant for char in FOLDED_APART)
        and not hint(variant.encode())
    ]


@pytest.mark.parametrize(
    ("pattern", "superset", "search", "text"),
    [(pattern, superset, search, text) for pattern, superset, search, _, texts in _CASES for text in texts],
    ids=[text[:40] for *_, texts in _CASES for text in texts],
)
def test_the_pre_test_passes_every_variant_the_pattern_matches(
    pattern: re.Pattern[str], superset: str, search: Search, text: str
) -> None:
    assert pattern.search(text) is not None, text
    assert _hidden(pattern, superset, [text]) == []
    for variant in re_case_variants(text):
        expected, found = pattern.search(variant), search(variant)
        assert (found and found.span()) == (expected and expected.span()), variant


@pytest.mark.parametrize(
    ("pattern", "superset", "word", "texts"),
    [(pattern, superset, word, texts) for pattern, superset, _, word, texts in _CASES],
    ids=[word for *_, word, _ in _CASES],
)
def test_a_superset_with_a_word_misspelt_hides_a_match_from_the_table(
    pattern: re.Pattern[str], superset: str, word: str, texts: list[str]
) -> None:
    assert word in superset
    assert _hidden(pattern, superset.replace(word, word[:-1] + "#"), texts)


def _corpus_lines() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted((DATA / "cleaning-dev").glob("*/*.txt"))]
    texts += [path.read_text(encoding="utf-8") for path in sorted((DATA / "seeds").glob("*.txt"))]
    return sorted({raw.strip() for text in texts for raw in text.splitlines() if raw.strip()})


def test_every_corpus_line_gets_the_patterns_own_verdicts() -> None:
    lines = _corpus_lines()
    assert len(lines) > 1000
    for pattern, _, search, _, _ in _CASES:
        assert [search(line) is not None for line in lines] == [
            pattern.search(line) is not None for line in lines
        ]
    # The stage's verdict as the plain searches give it.
    plain = [
        any(p.search(line) for p, *_ in _CASES if p is not controls._CONTROL_WORD)
        or controls._LISTEN_CONTROL.match(line) is not None
        or (len(line.split()) <= 8 and len(controls._CONTROL_WORD.findall(line)) >= 2)
        or any(
            p.search(line)
            for p in (
                controls._CROSS_REFERENCE,
                controls._PICTURE_LABEL,
                controls._TOPIC_LABEL,
                controls._DANGLING_SEPARATOR,
            )
        )
        for line in lines
    ]
    assert [controls.interface_text(line) or controls.furniture_line(line) for line in lines] == plain
    assert 0 < sum(plain) < len(lines)


def test_every_character_re_folds_to_a_superset_letter_re2_folds_too_or_is_searched() -> None:
    # The ASCII letters are read in test_re2_pretest; these are the supersets' others ("ö", "é", "ó", "í", ...).
    letters = sorted(
        {char for _, superset, *_ in _CASES for char in superset if char.isalpha() and not char.isascii()}
    )
    assert "ö" in letters and "é" in letters
    assert set(folded_apart(letters)) <= set(FOLDED_APART)
