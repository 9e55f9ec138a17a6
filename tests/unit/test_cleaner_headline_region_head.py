"""The region's head: a headline the region chooser read as the story's first paragraph is a ranked candidate."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner import clean_article, rule_pass
from newsdrop.text.cleaner.headline import _region_head
from newsdrop.text.cleaner.lines import _Line
from newsdrop.text.cleaner.model import HEADLINE_FEATURES
from tests.unit.cleaner_fixtures import LEAD, SECOND

QUESTION = "What is the new harbour wall for, and who will pay for it?"
LONG = " ".join(["word"] * 25)
# The question headline ends like a sentence: the region starts at it, under a menu or on its own.
QUESTION_PAGES = [
    ["Home", "News", "Weather", QUESTION, LEAD, SECOND],
    [QUESTION, LEAD, SECOND],
]


def _lines(texts: list[str]) -> list[_Line]:
    return [_Line(n, text, text.lower(), len(text.split())) for n, text in enumerate(texts)]


@pytest.mark.parametrize(
    ("texts", "start", "head"),
    [
        # A headline the region opens with, the story's first long paragraph under it.
        (["Home", QUESTION, LONG, LONG], 1, [1]),
        # A kicker and a headline in the region's first lines, down to the first long paragraph.
        (["Coast", "Harbour wall", "Finished two years early", LONG], 0, [0, 1, 2]),
        # A blank line is no printed line: skipped, not counted.
        (["Home", "", "Harbour wall finished early", LONG], 1, [2]),
        # The region opens with a teaser longer than a headline: the headline under it is in the head ...
        (["Home", LONG, "Harbour wall finished early", LONG], 1, [2]),
        # ... down to the second long paragraph.
        (["Home", LONG, LONG, "Harbour wall finished early"], 1, []),
        # Short lines only: at most twelve of them.
        ([f"Short line {n}" for n in range(16)], 2, list(range(2, 14))),
    ],
)
def test_the_region_head_runs_to_the_second_paragraph_longer_than_a_headline(
    texts: list[str], start: int, head: list[int]
) -> None:
    assert _region_head(_lines(texts), start) == head


@pytest.mark.parametrize("page", QUESTION_PAGES)
def test_a_headline_the_region_opens_with_is_ranked_and_the_ranker_takes_it(page: list[str]) -> None:
    text = "\n\n".join(page) + "\n"
    found = rule_pass(text, collect=True)
    head = page.index(QUESTION)
    rows = dict(found.candidates)
    assert head in rows
    assert rows[head][HEADLINE_FEATURES.index("in_region_head")] == 1.0
    assert all(
        row[HEADLINE_FEATURES.index("in_region_head")] == 0.0 for index, row in rows.items() if index < head
    )
    assert clean_article(text).title == QUESTION


@pytest.mark.parametrize("page", QUESTION_PAGES)
def test_the_rules_alone_never_name_a_line_of_the_region_head(page: list[str]) -> None:
    # Without the ranker (and in the rows ``make train`` collects) the rules' choice is as before.
    text = "\n\n".join(page) + "\n"
    assert clean_article(text, model=None).title != QUESTION
    assert rule_pass(text, collect=True).title != QUESTION


def test_a_name_alone_in_the_region_is_no_headline() -> None:
    # A teaser paragraph, a picture's name caption, the story: a page without a headline stays without one.
    name = "Brigadier General Hossein Salami"
    text = "\n\n".join([LEAD, name, SECOND, LEAD.replace("Tuesday", "Monday")]) + "\n"
    found = rule_pass(text, collect=True)
    assert 1 not in dict(found.candidates)
    assert clean_article(text).title != name
