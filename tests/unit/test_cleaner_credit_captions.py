"""Captions closed by a copyright credit: dropped from the article region, the headline left alone."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner import clean_article
from newsdrop.text.rules import copyright_credit_caption
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
        # a © inside a sentence, or followed by more sentences, credits no picture
        ("The © sign was printed on every page. The court said so on Monday, the lawyers added.", False),
        ("Der Verlag © 2023 gab an, die Rechte lägen beim Autor. Das Gericht sah das anders.", False),
        # a footer that opens with © is copyright_footer's, not a caption
        ("© 2024 Example Media. All rights reserved.", False),
        # a story's sentence without any ©
        (LEAD, False),
    ],
)
def test_copyright_credit_caption(text: str, caption: bool) -> None:
    assert copyright_credit_caption(text) is caption


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
