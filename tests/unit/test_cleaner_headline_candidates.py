"""Kinds of headline candidate beyond the rules' best twelve: the page's opening line, a title line dated in an
outer part, and a title line closed by its site's web host."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner import rule_pass
from newsdrop.text.cleaner.headline_facts import _dated
from newsdrop.text.cleaner.headline_names import headline_text
from newsdrop.text.cleaner.lines import _read_lines
from tests.unit.cleaner_fixtures import LEAD, SECOND

# Fourteen teaser headlines between the page's <title> line and the story: the rules score each above the
# opening line, which a menu's worth of lines keeps far from the story.
TEASERS = [
    f"{place} council approves the new {thing} plan"
    for place in ("Northport", "Southport", "Eastmere", "Westmere", "Upton", "Downton", "Midvale")
    for thing in ("ferry", "bridge")
]
OPENING = "Harbour wall finished two years early | Coast Herald"
MENU = ["Home", "News", "Sport", "Weather", "Contact"]


def _candidates(page: list[str]) -> list[int]:
    found = rule_pass("\n\n".join(page) + "\n", collect=True)
    return [index for index, _ in found.candidates]


def test_the_opening_line_is_ranked_when_the_rules_score_it_below_twelve_others() -> None:
    page = [OPENING, *MENU, *TEASERS, LEAD, SECOND]
    candidates = _candidates(page)
    assert 0 in candidates
    # Twelve of the rules' best, and the opening line besides.
    assert len(candidates) == 13


def test_an_opening_line_among_the_rules_best_is_ranked_once() -> None:
    page = [OPENING, *MENU, *TEASERS[:3], LEAD, SECOND]
    candidates = _candidates(page)
    assert candidates.count(0) == 1
    assert len(candidates) == len(set(candidates))


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        # The page's date in an outer part of a title line: the headline before it may be the title.
        ("Post-Vac-Syndrom nach COVID-19-Impfung: Was wissen wir? – DW – 13.06.2023", False),
        ("Una solución no violenta para la cuestión mapuche - 07.12.2017 - LA NACION", False),
        ("Ukrainische Gegenoffensive: Ziele, Chancen, Risiken | Europa | DW | 28.04.2023", False),
        # A dateline, a byline with a date, or a date in the first part: never a headline.
        ("Published 11:11 PM EST Nov 19, 2019", True),
        ("By admin - 2018-09-16", True),
        ("Updated 19 November 2019 - Coast Herald", True),
        # No date at all.
        ("Harbour wall finished early - Coast Herald", False),
    ],
)
def test_a_date_only_in_an_outer_part_leaves_a_title_line_a_candidate(text: str, dated: bool) -> None:
    assert _dated(text) is dated


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Stuttgart hat's drauf: Stadt der Superlative | stuttgarter-zeitung.de",
         "Stuttgart hat's drauf: Stadt der Superlative"),
        ("Quantumscape liefert Akkus für Motorräder - Golem.de", "Quantumscape liefert Akkus für Motorräder"),
        ("Die Presse berichtet über den Hafen – DiePresse.com", "Die Presse berichtet über den Hafen"),
        ("Harbour wall finished two years early · www.coastherald.co.uk", "Harbour wall finished two years early"),
        # What is left must still read as a headline: two words keep their host.
        ("Scherenschnitt drei - taz.de", "Scherenschnitt drei - taz.de"),
        # A host inside the headline, or opening it, is no closing site name.
        ("Why Node.js won the server war", "Why Node.js won the server war"),
        ("taz.de - Harbour wall finished two years early", "taz.de - Harbour wall finished two years early"),
    ],
)  # fmt: skip
def test_a_closing_web_host_is_cut_from_the_title(title: str, expected: str) -> None:
    lines = _read_lines("\n".join([title, LEAD]) + "\n", frozenset())
    assert headline_text(lines, 0) == expected
