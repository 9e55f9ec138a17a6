"""Page furniture the ranker may take for a headline is never the headline: cross-references, relative time
stamps, picture labels, topic rows, kickers cut off at their separator."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsdrop.text.cleaner import clean_article
from newsdrop.text.cleaner.headline import _heads_a_block
from newsdrop.text.cleaner.headline_controls import furniture_line, interface_text, site_text
from newsdrop.text.cleaner.model import HEADLINE_FEATURES, HeadlineModel, LineModel, load_model
from tests.unit.cleaner_fixtures import HEADLINE, LEAD, SECOND, printed_lines


@pytest.mark.parametrize(
    ("text", "furniture"),
    [
        # A cross-reference (a wiki's hatnote), in the corpora's languages.
        ("See also: Mozilla Foundation and Mozilla Corporation", True),
        ("Siehe auch: Hafenmauer", True),
        ("Voir aussi : le port", True),
        # A relative time stamp beside a name, or alone.
        ("Nizaar Kinsella 2 minutes ago", True),
        ("Published 3 seconds ago", True),
        ("vor 14 Minuten", True),
        ("il y a 2 heures", True),
        ("hace 3 horas", True),
        # A picture's label in brackets opening a caption.
        ("(Symbolbild) Wenn Bus und Bahn stillstehen, wird der Arbeitsweg schwer.", True),
        ("(Foto: Hafenamt) Die neue Mauer", True),
        # A topic row under its label.
        ("Themen: Krieg in der Ukraine Russland", True),
        ("Tags: harbour, breakwater", True),
        # A comment link or count closing a meta row, an author's archive link.
        ("Bildung, Homeschooling, Schule Add comments", True),
        ("5343 mal gelesen | 32 Kommentare", True),
        ("No comments", True),
        ("View all posts by Emily Zemler", True),
        ("Life is not digital. Zeige alle Beiträge von Cem Basman", True),
        # A gifted article's notice, a feature kept for subscribers.
        ("Ein Hafen-Mitglied schenkt dir diesen Artikel.", True),
        ("This article was gifted to you by a subscriber", True),
        ("Gift this article", True),
        ("Esta funcionalidad es sólo para registrados", True),
        ("This feature is only available to subscribers", True),
        ("Diese Funktion ist nur für registrierte Nutzer verfügbar", True),
        # A kicker cut off at its separator.
        ("Umbau des Weissen Hauses \u2013", True),
        ("Startseite | Schweiz |", True),
        ("Harbour wall -", True),
        # Headlines that name such things, or set a separator inside.
        ("See the harbour wall finished at last", False),
        ("Also see: nothing", False),
        ("Ten years ago the harbour wall fell", False),
        ("Harbour wall finished 2 years late", False),
        ("Symbolbild der Hafenmauer (1950)", False),
        ("Themenwoche am Hafen: Die Mauer steht", False),
        ("Kicker \u2013 Harbour wall finished early", False),
        ("Harbour wall: finished early", False),
        ("What is the OBR and what does it do?", False),
        ("Comments sought on the harbour wall plan", False),
        ("Readers post 300 comments on the harbour wall", False),
        ("All posts by the harbour board are public now", False),
        ("Harbour master gifts the town a new article of law", False),
        ("This feature of the harbour wall surprised engineers", False),
        ("Registrados 300 barcos en el puerto", False),
    ],
)
def test_page_furniture_is_told_from_a_headline(text: str, furniture: bool) -> None:
    assert furniture_line(text) is furniture


@pytest.mark.parametrize(
    ("text", "site"),
    [
        # A form's or a link's own text, page furniture, both, neither.
        ("Login Sign up", True),
        ("Listen to this article", True),
        ("Themen: Krieg in der Ukraine Russland", True),
        ("Umbau des Weissen Hauses \u2013", True),
        ("Bluesky (öffnet im neuen Fenster) vor 14 Minuten", True),
        ("Harbour wall finished 2 years late", False),
        ("Search for missing climbers resumes at dawn", False),
    ],
)
def test_site_text_is_interface_text_or_furniture(text: str, site: bool) -> None:
    # Asked twice: the memoised verdict is the first one.
    assert site_text(text) is site_text(text) is site
    assert site is (interface_text(text) or furniture_line(text))


def _ranker(weights: dict[str, float], trust: float) -> LineModel:
    """The shipped line model with a linear headline ranker of the given weights (by feature name)."""
    shipped = load_model()
    assert shipped is not None
    model = HeadlineModel(tuple(weights.get(name, 0.0) for name in HEADLINE_FEATURES))
    return replace(shipped, headline=replace(model, trust=trust))


# A ranker that prefers the nearest candidate to the story.
NEAREST = {"nearest_candidate": 5.0}


@pytest.mark.parametrize(
    ("furniture", "title"),
    [
        # The ranker's pick (the nearest candidate) is furniture: the next candidate is the headline.
        ("See also: Harbour authority and harbour board", HEADLINE),
        ("Coast desk reporter 2 minutes ago", HEADLINE),
        ("Themen: Harbour Breakwater Coast", HEADLINE),
        ("(Symbolbild) The harbour wall seen from the sea", HEADLINE),
        ("View all posts by Coast Desk Reporter", HEADLINE),
        # A line that is no furniture stays the ranker's pick.
        ("Harbour news from the coast desk", "Harbour news from the coast desk"),
    ],
)
def test_furniture_is_never_the_ranked_headline(furniture: str, title: str) -> None:
    page = [HEADLINE, furniture, LEAD, SECOND]
    assert clean_article("\n\n".join(page) + "\n", model=_ranker(NEAREST, 100.0)).title == title


@pytest.mark.parametrize(
    ("texts", "heads"),
    [
        # Furniture over the story heads no headline block: a pick under it is no standfirst to send back.
        (["Themen: Harbour Breakwater Coast"], False),
        (["See also: Harbour authority and harbour board"], False),
        # A headline of three words or more does.
        ([HEADLINE], True),
    ],
)
def test_furniture_heads_no_headline_block(texts: list[str], heads: bool) -> None:
    assert _heads_a_block(printed_lines(texts), len(texts) - 1) is heads


# A ranker that prefers the longest candidate.
LONGEST = {"log_words": 5.0}
TOPICS = "Themen: Harbour Breakwater Coast Weather"


def test_furniture_chosen_by_the_rules_is_not_trusted() -> None:
    # The topic row printed twice is the rules' choice, trusted at any score (trust -100): the ranker is asked
    # instead, and its pick (the longest candidate) being furniture, the headline under it is named.
    page = ["Harbour wall news", TOPICS, TOPICS, LEAD, SECOND]
    assert (
        clean_article("\n\n".join(page) + "\n", model=_ranker(LONGEST, -100.0)).title == "Harbour wall news"
    )
