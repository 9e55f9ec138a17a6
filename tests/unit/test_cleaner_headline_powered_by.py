"""A headline the copyright rule claimed for a "powered by" deep inside it is still a candidate; a credit is not."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner import clean_article, rule_pass
from newsdrop.text.cleaner.headline import _claimed_headline
from newsdrop.text.cleaner.lines import _Line
from newsdrop.text.line_keys import count_words, normalize_line_key
from newsdrop.text.prompt_rules import powered_by_in_prose
from tests.unit.cleaner_fixtures import LEAD, SECOND

HEADLINE = "Here Are 6 Harbour Gadgets Powered by a Tidal Turbine"


def _line(text: str, rule: str | None) -> _Line:
    line = _Line(0, text, normalize_line_key(text), count_words(text))
    line.rule = rule
    return line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Deep in a headline or a sentence: its own words.
        (HEADLINE, True),
        ("We are at the beginning of a new industrial revolution powered by artificial intelligence.", True),
        ("Strava: Leaderboard integrity powered by AI", True),
        # A credit opens the line or one of its parts, after a label of a few words at most.
        ("Powered by WordPress", False),
        ("Proudly powered by WordPress", False),
        ("© 2024 Example Daily | Powered by Some CMS", False),
        ("Conversation powered by Livefyre", False),
        ("Please enable JavaScript to view the comments powered by Disqus.", False),
        ("A non-profit newsroom, powered by WNYC.", False),
        ("Digital Worker (powered by example.jobs)", False),
        ("Box Office: A Good Weekend | Fandom powered by Wikia", False),
        # Another notice in the line: the footer's.
        ("Site content licensed under Creative Commons and powered by the harbour trust", False),
        # No "powered by" at all.
        ("© 2019 Example Media. All rights reserved.", False),
    ],
)
def test_a_powered_by_in_prose_is_no_credit(text: str, expected: bool) -> None:
    assert powered_by_in_prose(normalize_line_key(text)) is expected


@pytest.mark.parametrize(
    ("text", "rule", "expected"),
    [
        (HEADLINE, "copyright_footer", True),
        ("Powered by WordPress", "copyright_footer", False),
        # Only the copyright rule's claim is read so: another rule's claim stands.
        (HEADLINE, "newsletter_form", False),
    ],
)
def test_a_claimed_line_that_reads_as_a_headline(text: str, rule: str, expected: bool) -> None:
    assert _claimed_headline(_line(text, rule)) is expected


def test_a_headline_saying_powered_by_is_named() -> None:
    page = "\n\n".join(["Home", "News", "Technology", HEADLINE, "By Eva Example", LEAD, SECOND]) + "\n"
    found = rule_pass(page)
    # The copyright rule takes the headline for its "powered by" ...
    assert any(line.text == HEADLINE and line.rule == "copyright_footer" for line in found.lines)
    # ... and the ranker still names it the headline.
    assert clean_article(page).title == HEADLINE
