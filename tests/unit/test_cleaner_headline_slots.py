"""A line the page prints many times takes one of the headline ranker's slots, not one for each printing."""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import replace

import pytest

from newsdrop.text.cleaner import clean_article
from newsdrop.text.cleaner.headline_slots import (
    REPEATED_PRINTINGS,
    printed_again,
    repeat_seen,
    top_candidates,
)
from newsdrop.text.cleaner.model import HEADLINE_FEATURES, HeadlineModel, LineModel, load_model
from tests.unit.cleaner_fixtures import HEADLINE, LEAD, SECOND, printed_lines


def _repeats(texts: list[str]) -> set[str]:
    """The keys of the lines printed ``REPEATED_PRINTINGS`` times or more, as the headline search collects them."""
    counts = Counter(line.key for line in printed_lines(texts))
    return {key for key, count in counts.items() if count >= REPEATED_PRINTINGS}


@pytest.mark.parametrize("seen_before", [False, True])
def test_a_repeat_is_skipped_once_its_slot_is_taken(seen_before: bool) -> None:
    repeats = {"find this author on pubmed"} if seen_before else set()
    assert repeat_seen("find this author on pubmed", repeats) is seen_before
    # The first printing is remembered: the next one is skipped.
    assert repeat_seen("find this author on pubmed", repeats) is True
    assert repeats == {"find this author on pubmed"}


@pytest.mark.parametrize(
    ("printings", "seen", "expected"),
    [
        (
            REPEATED_PRINTINGS - 1,
            {"site name"},
            False,
        ),  # printed too few times: every printing keeps its slot
        (REPEATED_PRINTINGS, set(), False),  # the first printing scored takes the slot
        (REPEATED_PRINTINGS, {"site name"}, True),  # a later printing leaves it
        (REPEATED_PRINTINGS + 3, {"site name"}, True),
    ],
)
def test_only_later_printings_of_a_much_repeated_line_give_up_their_slot(
    printings: int, seen: set[str], expected: bool
) -> None:
    repeats = set(seen)
    assert printed_again("site name", printings, repeats) is expected
    assert ("site name" in repeats) is (printings >= REPEATED_PRINTINGS or "site name" in seen)


AUTHOR_LINK = "Find this author on PubMed"
REPEATS = [AUTHOR_LINK] * REPEATED_PRINTINGS


@pytest.mark.parametrize(
    ("texts", "slots", "expected"),
    [
        # No line printed as often as a repeat: the rules' best, as heapq.nlargest gives them.
        (["Alpha line", "Beta line", "Gamma line", "Delta line"], 3, [3, 2, 1]),
        # Printed twice (a <title> and its headline): both printings keep their slots.
        (["Alpha line", "Beta line", "Alpha line", "Delta line"], 3, [3, 2, 1]),
        # Printed as often as a repeat is: its best-scored printing alone, the freed slots to the lines above it.
        ([HEADLINE, "Beta line", *REPEATS], 3, [REPEATED_PRINTINGS + 1, 1, 0]),
        # Fewer lines than slots: each line once.
        ([HEADLINE, *REPEATS], 12, [REPEATED_PRINTINGS, 0]),
        # Printed once less than that (a headline in a page view's <title>, trail, headline and share line): each
        # printing keeps its slot.
        ([HEADLINE, *REPEATS[1:]], 12, list(range(REPEATED_PRINTINGS - 1, -1, -1))),
    ],
)
def test_top_candidates_counts_a_repeated_line_once(
    texts: list[str], slots: int, expected: list[int]
) -> None:
    lines = printed_lines(texts)
    # Each line scored by its place: the lowest line best, as the nearest line to a story often is.
    scored = [(float(index), index) for index in range(len(lines))]
    top = top_candidates(lines, scored, _repeats(texts), slots)
    assert [index for _, index in top] == expected
    # Where no line is printed as often as a repeat the list is heapq.nlargest's.
    if all(texts.count(text) < REPEATED_PRINTINGS for text in texts):
        assert top == heapq.nlargest(slots, scored)


def _ranker(weights: dict[str, float]) -> LineModel:
    """The shipped line model with a linear headline ranker of the given weights, asked on every page."""
    shipped = load_model()
    assert shipped is not None
    model = HeadlineModel(tuple(weights.get(name, 0.0) for name in HEADLINE_FEATURES))
    return replace(shipped, headline=replace(model, trust=100.0))


def test_an_author_link_under_every_name_leaves_the_headline_a_slot() -> None:
    # A paper's page: the site's name, the title, then fourteen authors each with the same search link, then the
    # abstract. The links stand nearer the story than the title, so the rules score each above it: without the
    # one-slot rule their printings take all twelve slots and the ranker never sees the title.
    title = "Harbour wall finished two years early after a dry winter"
    authors = [line for number in range(14) for line in (f"Author Number{number}", AUTHOR_LINK)]
    page = ["Coast Herald", title, *authors, LEAD, SECOND]
    # A ranker preferring the longest of its candidates.
    article = clean_article("\n\n".join(page) + "\n", model=_ranker({"log_words": 10.0}))
    assert article.title == title
