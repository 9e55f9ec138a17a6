"""A headline candidate beyond the rules' best twelve: the page's opening line (a page view's <title>)."""

from __future__ import annotations

from newsdrop.text.cleaner import rule_pass
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


def test_the_opening_line_is_ranked_when_a_long_menu_puts_it_beyond_the_scan_window() -> None:
    # 250 menu lines between the page's <title> line and the story: more than the 200 lines scanned above it.
    menu = [f"Section {number}" for number in range(250)]
    candidates = _candidates([OPENING, *menu, LEAD, SECOND])
    assert 0 in candidates
    assert candidates.count(0) == 1


def test_without_a_menu_beyond_the_window_only_scanned_lines_are_ranked() -> None:
    # The first line of a short page is scanned as any other: ranked once, with no line from outside the page.
    candidates = _candidates([OPENING, *MENU, LEAD, SECOND])
    assert candidates.count(0) == 1
    assert all(0 <= index < len(MENU) + 1 for index in candidates)
