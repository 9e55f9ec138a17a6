"""Other pages' cards (a date line over a title and a blurb) printed one under the other in the story: dropped."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.dated_teasers import dated_cards

PARAGRAPH = "Travellers should check the rules of each region before they set off, the ministry said."
TITLE = "Travel warnings during the pandemic"
BLURB = "The ministry advises against travel to a number of countries."


@pytest.mark.parametrize(
    ("rows", "cards"),
    [
        # (text, kept): two cards one right under the other, between the story's paragraphs
        (
            [
                (PARAGRAPH, True),
                ("04.11.2021 Article", False),
                (TITLE, True),
                (BLURB, True),
                ("12.11.2021 Article", False),
                (TITLE, True),
                (BLURB, True),
                ("Security", False),
                (PARAGRAPH, True),
            ],
            [2, 3, 5, 6],
        ),
        # the model kept the first card's date line: it goes with the cards
        (
            [
                (PARAGRAPH, True),
                ("04.11.2021 Article", True),
                (TITLE, True),
                (BLURB, True),
                ("12.11.2021 Article", False),
                (TITLE, True),
                ("Security", False),
                (PARAGRAPH, True),
            ],
            [1, 2, 3, 5],
        ),
        # one card alone: a story's paragraph under its own date
        (
            [
                (PARAGRAPH, True),
                ("04.11.2021 Article", False),
                (TITLE, True),
                (BLURB, True),
                ("Share", False),
            ],
            [],
        ),
        # two dated entries that each run longer than a card (a chronology's paragraphs)
        (
            [
                (PARAGRAPH, True),
                ("4 November 2021", False),
                (PARAGRAPH, True),
                (PARAGRAPH, True),
                (PARAGRAPH, True),
                ("12 November 2021", False),
                (PARAGRAPH, True),
                (PARAGRAPH, True),
                (PARAGRAPH, True),
            ],
            [],
        ),
        # cards parted by another dropped line: no box of cards one under the other
        (
            [
                (PARAGRAPH, True),
                ("04.11.2021 Article", False),
                (TITLE, True),
                ("Advertisement", False),
                ("12.11.2021 Article", False),
                (TITLE, True),
                (PARAGRAPH, True),
            ],
            [],
        ),
        # no date over the lines
        ([(PARAGRAPH, True), ("Related", False), (TITLE, True), ("More", False), (TITLE, True)], []),
    ],
)
def test_two_dated_cards_one_under_the_other_are_other_pages_teasers(
    rows: list[tuple[str, bool]], cards: list[int]
) -> None:
    texts, kept = zip(*rows, strict=True)
    assert dated_cards(kept, texts) == cards
