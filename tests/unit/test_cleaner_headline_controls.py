"""Site furniture is never the headline: interface text, the site's name from the page's title, a closing address."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsdrop.text.cleaner import clean_article
from newsdrop.text.cleaner.headline import _heads_a_block
from newsdrop.text.cleaner.headline_controls import interface_text, site_of_opening
from newsdrop.text.cleaner.headline_names import named_title
from newsdrop.text.cleaner.model import HEADLINE_FEATURES, HeadlineModel, LineModel, load_model
from tests.unit.cleaner_fixtures import HEADLINE, LEAD, SECOND, printed_lines


@pytest.mark.parametrize(
    ("text", "interface"),
    [
        # A control's hint: a required field, a link to a new window, a player's dialog.
        ("E-Mail (erforderlich) (Adresse wird niemals veröffentlicht)", True),
        ("Name (required)", True),
        ("Bluesky (öffnet im neuen Fenster)", True),
        ("Share on Facebook (opens in a new window)", True),
        ("This is a modal window.", True),
        # Two button words on a short line: a form's row.
        ("Login Sign up", True),
        ("Suche nach: Suchen", True),
        ("Kommentar verfassen Antwort abbrechen", True),
        ("Bewertungen anzeigen Abbrechen Jetzt anmelden", True),
        # A read-aloud player's button, the whole line.
        ("Vorlesen", True),
        ("Artikel anhören", True),
        ("Jetzt in der App anhören", True),
        ("Listen to this article", True),
        ("LISTEN", True),
        ("Escuchar artículo", True),
        ("Écouter l'article", True),
        # A headline that opens with the act says what to listen to.
        ("Listen to the harbour's new foghorn", False),
        ("Vorlesen für Kinder: Die Bücherei lädt ein", False),
        # One such act is what a headline names.
        ("Search for missing climbers resumes at dawn", False),
        ("Suche nach dem Täter geht weiter", False),
        # A long line naming two acts is a sentence about them.
        ("Police search the harbour and cancel the regatta after the storm damaged the pier", False),
        # Brackets that hold no control's hint.
        ("Harbour wall (finally) finished", False),
        ("Scherenschnitt (3)", False),
    ],
)
def test_a_forms_or_a_links_own_text_is_interface_text(text: str, interface: bool) -> None:
    assert interface_text(text) is interface


@pytest.mark.parametrize(
    ("texts", "heads"),
    [
        # A form's row over the story heads no headline block: what follows it is no standfirst.
        (["Suche nach: Suchen"], False),
        (["Weather", "Login Sign up"], False),
        # A headline of three words or more does.
        (["Weather", HEADLINE], True),
    ],
)
def test_a_forms_text_heads_no_headline_block(texts: list[str], heads: bool) -> None:
    assert _heads_a_block(printed_lines(texts), len(texts) - 1) is heads


def _ranker(weights: dict[str, float], trust: float) -> LineModel:
    """The shipped line model with a linear headline ranker of the given weights (by feature name)."""
    shipped = load_model()
    assert shipped is not None
    model = HeadlineModel(tuple(weights.get(name, 0.0) for name in HEADLINE_FEATURES))
    return replace(shipped, headline=replace(model, trust=trust))


# A ranker that prefers the longest candidate, and one that prefers the nearest to the story.
LONGEST = {"log_words": 5.0}
NEAREST = {"nearest_candidate": 5.0}
SIGN_UP = "Login Sign up for harbour breakwater news"


@pytest.mark.parametrize(
    ("above", "weights", "trust", "title"),
    [
        # The ranker's pick is a link's own text: the next candidate is the headline.
        ([HEADLINE, "Bluesky (öffnet im neuen Fenster)"], NEAREST, 100.0, HEADLINE),
        # A line that is no interface text stays the ranker's pick.
        ([HEADLINE, "Harbour news from the coast desk"], NEAREST, 100.0, "Harbour news from the coast desk"),
        # A form's row printed twice is the rules' choice, trusted at any score (trust -100): the ranker is
        # asked instead.
        (
            [
                "Harbour wall news",
                "Kommentar verfassen Antwort abbrechen",
                "Kommentar verfassen Antwort abbrechen",
            ],
            LONGEST,
            -100.0,
            "Harbour wall news",
        ),
        # ... and the short headline under the row is no standfirst that sends the choice back to the row.
        (
            [SIGN_UP, "Weather", SIGN_UP, "Breakwater done"],
            LONGEST,
            -100.0,
            "Breakwater done",
        ),
    ],
)
def test_interface_text_is_never_the_headline(
    above: list[str], weights: dict[str, float], trust: float, title: str
) -> None:
    page = [*above, LEAD, SECOND]
    assert clean_article("\n\n".join(page) + "\n", model=_ranker(weights, trust)).title == title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # A web address closing the title after a dash is the site's name, however short the rest.
        ("atg 1700 - Pastebin.com", "atg 1700"),
        ("Harbour wall finished early \u2013 www.coastherald.net", HEADLINE),
        # A phrase after the dash, an address after a bar, or an address alone stays.
        (
            "Harbour wall finished early - visit coastherald.com",
            "Harbour wall finished early - visit coastherald.com",
        ),
        ("Harbour wall finished early | coastherald.com", "Harbour wall finished early | coastherald.com"),
        ("Coastherald.com", "Coastherald.com"),
        ("Kicker - Harbour wall finished early", "Kicker - Harbour wall finished early"),
    ],
)
def test_a_closing_web_address_after_a_dash_is_the_sites_name(text: str, title: str) -> None:
    assert named_title(text, printed_lines([text])) == title


@pytest.mark.parametrize(
    ("opening", "key", "site"),
    [
        # The closing part of the page's title line, after a headline of three words or more: the site's name.
        ("harbour wall finished early | the coast herald", "the coast herald", True),
        ("harbour wall finished early - coast herald", "coast herald", True),
        # The headline side, a part after a short opening part, a long closing part, or the opening itself: no.
        ("harbour wall finished early | the coast herald", "harbour wall finished early", False),
        ("news | the coast herald", "the coast herald", False),
        (
            "coast herald | harbour wall finished early after ten years of work",
            "harbour wall finished early",
            False,
        ),
        ("the coast herald", "the coast herald", False),
        ("", "the coast herald", False),
    ],
)
def test_the_closing_part_of_the_pages_title_line_is_the_sites_name(
    opening: str, key: str, site: bool
) -> None:
    assert site_of_opening(opening, key) is site


def test_the_sites_name_from_the_pages_title_line_is_never_the_ranked_headline() -> None:
    # The masthead prints the site's name right above the story: the nearest candidate, the ranker's pick.
    page = [f"{HEADLINE} | The Coast Herald", "Weather", HEADLINE, "Sports", "The Coast Herald", LEAD, SECOND]
    assert clean_article("\n\n".join(page) + "\n", model=_ranker(NEAREST, 100.0)).title == HEADLINE
