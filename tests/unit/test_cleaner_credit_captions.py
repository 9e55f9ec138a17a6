"""Captions in the story's flow (a © credit, a caption label, a place in the picture): dropped from the region."""

from __future__ import annotations

import pytest

from newsdrop.text.captions import region_caption
from newsdrop.text.cleaner import clean_article
from tests.unit.cleaner_fixtures import HEADLINE, LEAD, SECOND


@pytest.mark.parametrize(
    ("text", "caption"),
    [
        # a caption closed by its copyright credit, in the forms of the main languages' sites
        ("Der Hamburg-Marathon führte quer durch die Stadt. © Axel Heimken/dpa", True),
        ("Tijdens een herdenking voor de slachtoffers in de provincie Luik. — © BELGA", True),
        ("Das Wohn- und Pflegeheim in Nußdorf-Debant © Gemeinde Nußdorf-Debant", True),
        ("Die Karte zeigt die Rauchwolke. © Berliner Morgenpost Infografik/OSM | C. Schlippes", True),
        ("Marco Odermatt, Ski-Star aus der Schweiz. © AFP / MARCO BERTORELLO", True),
        ("Le maire devant la mairie de Lyon, lundi. © Jean Dupont / AFP", True),
        # a caption's own label, a rights credit, where the people pictured stand
        ("Legende: Biden traf sich am Samstagabend im Weissen Haus mit seinen Beratern.", True),
        ("Bildunterschrift: Die Brücke kurz nach der Sprengung", True),
        ("Légende : le président lors de sa visite à Lyon.", True),
        (
            "Pro Stunde werden in Schmalkalden etwa 45 Schweine geschlachtet. Bildrechte: MDR/David Straub",
            True,
        ),
        ("Sir Tony Blair (left) being interviewed by Dylan Jones", True),
        ("Vargas Llosa (l.) auf Mallorca.", True),
        ("Le ministre (à gauche) et son homologue allemand à Berlin.", True),
        # a legend in a sentence, or a bracket that is no place in a picture
        ("Die Legende sagt: Wer hier baut, baut für immer.", False),
        ("The party (left-leaning since 2019) won the vote, officials said.", False),
        ("Die Partei (links der Mitte) verlor deutlich.", False),
        # a © inside a sentence, or followed by more sentences, credits no picture
        ("The © sign was printed on every page. The court said so on Monday, the lawyers added.", False),
        ("Der Verlag © 2023 gab an, die Rechte lägen beim Autor. Das Gericht sah das anders.", False),
        # a footer that opens with © is copyright_footer's, not a caption
        ("© 2024 Example Media. All rights reserved.", False),
        # a story's sentence without any ©
        (LEAD, False),
    ],
)
def test_region_caption(text: str, caption: bool) -> None:
    assert region_caption(text) is caption


def _story(caption: str) -> str:
    return "\n\n".join([HEADLINE, LEAD, caption, SECOND, LEAD.replace("Tuesday", "Wednesday")])


def test_a_credit_closed_caption_inside_the_region_is_dropped_as_a_caption() -> None:
    caption = "The old breakwater in the storm of 2019, seen from the lighthouse. © Jane Doe / Harbour Press"
    article = clean_article(_story(caption), model=None)
    decision = next(line for line in article.lines if line.text == caption)
    assert (decision.role, decision.rule) == ("caption", "photo_caption")
    assert caption not in article.body
    assert LEAD in article.body and SECOND in article.body


def test_the_caption_rule_leaves_the_headline_and_the_other_paragraphs_as_they_were() -> None:
    # The same page with a plain sentence in the caption's place: the headline and every other line's
    # decision are the same, because the credit test runs after the region and the headline are chosen.
    caption = "The old breakwater in the storm of 2019, seen from the lighthouse. © Jane Doe / Harbour Press"
    plain = "The old breakwater in the storm of 2019 was seen from the lighthouse by many people."
    with_caption = clean_article(_story(caption), model=None)
    without = clean_article(_story(plain), model=None)
    assert with_caption.title == without.title == HEADLINE
    others = [(line.role, line.rule) for line in with_caption.lines if line.text != caption]
    assert others == [(line.role, line.rule) for line in without.lines if line.text != plain]
