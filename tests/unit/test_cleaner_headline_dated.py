"""A headline that names a date ("Weekly Edition for March 26, 2015") is a candidate the ranker reads."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner import clean_article
from newsdrop.text.cleaner.headline_facts import _facts, dated_headline
from newsdrop.text.line_keys import count_words, normalize_line_key
from tests.unit.cleaner_fixtures import LEAD, SECOND


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Harbour Weekly Edition for March 26, 2015", True),
        ("Bericht zur Lage vom 22.04.2020 – worauf wartet die Politik?", True),
        ("Harbour council minutes of 3 May 2021 published in full", True),
        # A stamp beside a label or a name: the date follows a separator, a bracket or opens the line.
        ("Accueil | Par Eva Exemple | 30 septembre 2018", False),
        ("Blog Home Harbour News • October 18, 2019", False),
        ("Red. / 31.10.2023 Die ehemalige Kolonie wählt", False),
        ("March 26, 2015 harbour wall finished early today", False),
        ("(26.03.2015) Harbour wall finished early today", False),
        # A clock time makes a dateline, and too few words beside the date a label.
        ("Harbour news from 22.04.2020 at 14:07 for the coast", False),
        ("Posted on March 26, 2015", False),
        # A post's dateline: the author named after the date, or a line running on in lower case.
        ("Posted on March 26, 2015 by Eva Example in News", False),
        ("Veröffentlicht am 23. Januar 2020 von Eva Beispiel in Allgemein", False),
        ("am 23. Januar 2020 in der Kategorie Hafen und Meer", False),
        ("Blogposting 01/23/2020", False),
        # No date at all: the date test does not rule it out, so there is nothing to let back in.
        ("Harbour wall finished early", False),
    ],
)
def test_a_dated_headline_runs_a_date_on_from_its_words(text: str, expected: bool) -> None:
    assert dated_headline(text, normalize_line_key(text)) is expected


def test_a_dated_headline_is_what_the_date_test_rules_out() -> None:
    text = "Harbour Weekly Edition for March 26, 2015"
    assert _facts(text, normalize_line_key(text), count_words(text)).excluded
    assert dated_headline(text, normalize_line_key(text))


def test_the_ranker_names_a_dated_headline() -> None:
    # The only headline above the story names a date: the shipped model ranks it and names it.
    headline = "Harbour Weekly Edition for March 26, 2015"
    page = "\n\n".join(["Home", "News", "Sport", headline, "By Eva Example", LEAD, SECOND]) + "\n"
    assert clean_article(page).title == headline
