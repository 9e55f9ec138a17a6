"""Two printings of one headline, one with an initialism for words the other spells out: the spelled-out one is
the headline."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsdrop.text.cleaner import clean_article
from newsdrop.text.cleaner.headline_printings import abbreviates, spelled_out
from newsdrop.text.cleaner.model import HEADLINE_FEATURES, HeadlineModel, LineModel, load_model
from tests.unit.cleaner_fixtures import LEAD, SECOND


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        # An initialism for a run of words, anywhere in the line.
        ("HS Roundup: Viera defeats Rockledge", "High School Roundup: Viera defeats Rockledge", True),
        ("Harbour wall: EU pays for the repair", "Harbour wall: European Union pays for the repair", True),
        ("NHS trusts warn of winter", "National Health Service trusts warn of winter", True),
        # Two printings word for word, or one cut short, abbreviate nothing.
        ("Harbour wall finished early", "Harbour wall finished early", False),
        ("Harbour wall finished", "Harbour wall finished early", False),
        # An initialism whose letters do not open the words, or another headline.
        ("HS Roundup: Viera defeats Rockledge", "Harbour Roundup: Viera defeats Rockledge", False),
        ("HS Roundup: Viera defeats Rockledge", "High School Roundup: Cocoa defeats Rockledge", False),
        # A name's initials alone are no headline's printing.
        ("AA", "Anadolu Ajansi", False),
        ("RF 12", "Raphael Felice 12", False),
        # The longer line is never the abbreviation.
        ("High School Roundup: Viera defeats Rockledge", "HS Roundup: Viera defeats Rockledge", False),
    ],
)
def test_an_initialism_printing_is_told(short: str, long: str, expected: bool) -> None:
    assert abbreviates(short, long) is expected


@pytest.mark.parametrize(
    ("texts", "chosen", "expected"),
    [
        # The chosen printing's initialism is spelled out by another candidate: that one.
        ({0: "High School Roundup: Viera wins", 3: "HS Roundup: Viera wins", 5: "Menu"}, 3, 0),
        ({2: "HS Roundup: Viera wins", 7: "High School Roundup: Viera wins"}, 2, 7),
        # No candidate spells it out, or the choice holds no initialism: the choice stands.
        ({0: "Harbour news", 3: "HS Roundup: Viera wins"}, 3, 3),
        ({0: "High School Roundup: Viera wins", 3: "HS Roundup: Viera wins"}, 0, 0),
        # A choice of two words is a name's initialism, not a headline's printing: it stands.
        ({0: "High School Roundup", 3: "HS Roundup"}, 3, 3),
        # Of two candidates spelling it out, the first by line; one that does not is passed over.
        (
            {
                1: "Harbour news today",
                4: "High School Roundup: Viera wins",
                6: "HS Roundup: Viera wins",
                9: "High School Roundup: Viera wins",
            },
            6,
            4,
        ),
    ],
)
def test_the_spelled_out_printing_is_chosen(texts: dict[int, str], chosen: int, expected: int) -> None:
    assert spelled_out(texts, chosen) == expected


def _nearest() -> LineModel:
    """The shipped line model with a headline ranker that prefers the candidate nearest the story."""
    shipped = load_model()
    assert shipped is not None
    weights = tuple(5.0 if name == "nearest_candidate" else 0.0 for name in HEADLINE_FEATURES)
    return replace(shipped, headline=replace(HeadlineModel(weights), trust=100.0))


@pytest.mark.parametrize(
    ("upper", "nearest", "title"),
    [
        # The nearest candidate prints the headline with an initialism: the spelled-out printing above wins.
        (
            "High School Roundup: Harbour Team Wins Again",
            "HS Roundup: Harbour Team Wins Again",
            "High School Roundup: Harbour Team Wins Again",
        ),
        # Another headline above leaves the ranker's pick alone.
        (
            "Harbour news from the coast desk",
            "HS Roundup: Harbour Team Wins Again",
            "HS Roundup: Harbour Team Wins Again",
        ),
    ],
)
def test_an_initialism_printing_gives_way_to_the_spelled_out_one(
    upper: str, nearest: str, title: str
) -> None:
    page = [upper, nearest, LEAD, SECOND]
    assert clean_article("\n\n".join(page) + "\n", model=_nearest()).title == title
