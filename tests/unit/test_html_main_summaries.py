"""HTML path: other stories' summaries, under their headline links or inside their cards, leave the main content."""

from __future__ import annotations

import pytest

from newsdrop.text.main_edits import bare_key
from newsdrop.text.main_summaries import _card_link, without_closing_summaries, without_opening_summaries

_TITLE = "Cargo ship breaks up over Siberia"
_TEASERS = [
    (
        "Council votes to close the old library",
        "The city council voted on Monday to close the old library for good.",
    ),
    (
        "Storm floods the harbour district again",
        "Heavy rain flooded the harbour district for the second time this month.",
    ),
    (
        "Mayor names a new head of transport",
        "The mayor named a former rail engineer to run the city's buses and trams.",
    ),
    (
        "School year to start a week later",
        "Pupils will go back to school a week later than planned, officials said.",
    ),
]
_STORY = [
    "An unmanned cargo ship broke up in the atmosphere over Siberia on Thursday, the agency said.",
    "The craft stopped sending data six minutes after its launch from the space port.",
]


def _page(teasers: int, headline_between: bool = True, linked: bool = True) -> tuple[list[str], list[str]]:
    """The page's printed lines and the main content an extractor took from it (summaries and story)."""
    page = ["Home", "News"]
    main: list[str] = []
    for headline, summary in _TEASERS[:teasers]:
        page += ["12 Comments", headline if linked else f"{headline} today", summary]
        main.append(summary)
    page += ([_TITLE] if headline_between else []) + ["Associated Press, December 2"] + _STORY
    return page, main + _STORY


_LINKS = frozenset(bare_key(text) for text in ["Home", "News", "12 Comments", *(h for h, _ in _TEASERS)])


@pytest.mark.parametrize(
    ("teasers", "headline_between", "linked", "dropped"),
    [
        (3, True, True, True),
        (4, True, True, True),
        # two summaries under links are no list of other stories
        (2, True, True, False),
        # no headline of the story under the run: the run may be the story's own paragraphs
        (4, False, True, False),
        # summaries under headlines that are no links
        (4, True, False, False),
    ],
)
def test_opening_summaries(teasers: int, headline_between: bool, linked: bool, dropped: bool) -> None:
    page, main = _page(teasers, headline_between, linked)
    got = without_opening_summaries(main, page, _LINKS, _TITLE)
    assert got == (_STORY if dropped else main)


def test_a_summary_that_is_no_paragraph_ends_the_run() -> None:
    # The second teaser's text is a bare headline (no sentence): the run stops at one summary.
    page, main = _page(4)
    short = "Storm floods the harbour"
    page[page.index(_TEASERS[1][1])] = short
    main[1] = short
    assert without_opening_summaries(main, page, _LINKS, _TITLE) == main


def test_main_content_that_is_only_summaries_is_kept() -> None:
    page, main = _page(4)
    only = main[:4]
    assert without_opening_summaries(only, page[: page.index(_TITLE)], _LINKS, _TITLE) == only


def test_no_title_leaves_the_main_content() -> None:
    page, main = _page(4)
    assert without_opening_summaries(main, page, _LINKS, "") == main


_LONG_STORY = [*_STORY, "Debris fell into an uninhabited region of the taiga, rescuers said on Friday."]


def _card(headline: str, summary: str) -> str:
    """A teaser card's link text: the whole box is the link (headline, date, summary)."""
    return bare_key(f"{headline} 2024-10-14 {summary}")


@pytest.mark.parametrize(
    ("cards", "story", "whole_card", "expected"),
    [
        (3, _LONG_STORY, True, _LONG_STORY),
        (4, _LONG_STORY, True, _LONG_STORY),
        # two cards are no box of other stories
        (2, _LONG_STORY, True, None),
        # a paragraph that is a link's whole text (no headline before it in the link) is no card's summary
        (4, _LONG_STORY, False, None),
        # too little story above the run
        (4, _STORY, True, None),
    ],
)
def test_closing_summaries(
    cards: int, story: list[str], whole_card: bool, expected: list[str] | None
) -> None:
    teasers = _TEASERS[:cards]
    main = story + [summary for _, summary in teasers]
    links = frozenset(_card(h, s) if whole_card else bare_key(s) for h, s in teasers) | _LINKS
    assert without_closing_summaries(main, links) == (main if expected is None else expected)


def test_summaries_in_one_link_are_one_card() -> None:
    # Four paragraphs inside a single link: the run stops at the second (the same link), below three.
    main = _LONG_STORY + [summary for _, summary in _TEASERS]
    links = frozenset({bare_key("Read more " + " ".join(summary for _, summary in _TEASERS))})
    assert without_closing_summaries(main, links) == main


def test_a_story_paragraph_ends_the_run() -> None:
    # A story paragraph in no link between the cards: only the three cards under it go.
    teasers = _TEASERS[:4]
    main = [*_LONG_STORY, teasers[0][1], _STORY[0], *(summary for _, summary in teasers[1:])]
    links = frozenset(_card(h, s) for h, s in teasers)
    assert without_closing_summaries(main, links) == main[:-3]


def test_a_summary_held_by_two_links_names_the_least_of_them() -> None:
    # Not the first a set yields: string hashes differ between processes, and a redelivered bundle must clean the same.
    summary = "An official said the storm would reach the coast by Friday night, and ferries stopped."
    links = frozenset({_card("Taiwan on alert", summary), _card("Coast braces", summary), bare_key("Home")})
    assert _card_link(summary, links) == min(
        _card("Taiwan on alert", summary), _card("Coast braces", summary)
    )
    assert _card_link("Home", links) is None
