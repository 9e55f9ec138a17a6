"""An embedded link card (a title printed two or three times over, its cut blurb) goes; the story stays."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.link_cards import link_cards, repeated_title

TITLE = "How Your Brain Corrupts Your Shopping Choices"
CARD = (f"{TITLE} {TITLE} {TITLE}", True)
BLURB = (
    "Ever come home from a day of shopping and wondered why on earth you bought it? As it… Read more Read more",
    True,
)
PARAGRAPH = (
    "For example, confirmation bias makes you believe only what conforms to your prior beliefs.",
    True,
)


def _run(rows: list[tuple[str, bool]]) -> list[int]:
    return link_cards([keep for _, keep in rows], [text for text, _ in rows])


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # The card's title line and its cut blurb, between two paragraphs.
        ([PARAGRAPH, CARD, BLURB, PARAGRAPH], [1, 2]),
        # A blurb that is not cut: the story's next paragraph stays.
        ([PARAGRAPH, CARD, PARAGRAPH], [1]),
        # A dropped card is left as it is.
        ([PARAGRAPH, (CARD[0], False), BLURB, PARAGRAPH], []),
        # No repeated title: a paragraph ending in an ellipsis stays.
        ([PARAGRAPH, BLURB, PARAGRAPH], []),
    ],
)
def test_link_cards(rows: list[tuple[str, bool]], expected: list[int]) -> None:
    assert _run(rows) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{TITLE} {TITLE}", True),
        # The last printing cut short, mid-word.
        (f"{TITLE} {TITLE} How Your Brain Corr", True),
        # A phrase of two words twice: a refrain, not a card.
        ("No answer. No answer.", False),
        # A short question twice: a refrain in the story, not a card; three times over is a card.
        ("Are we done yet? Are we done yet?", False),
        ("Are we done yet? Are we done yet? Are we done yet?", True),
        # A separator of stars: no words.
        ("* * * * * * * *", False),
        ("Is it true? Is it true? they asked, and nobody answered them.", False),
        (PARAGRAPH[0], False),
        # Printed three times, parted by tabs and line-feed-free runs of spaces: whitespace of any kind.
        ("Four words of title\tFour words of title  Four words of title", True),
        # The first word printed once: no repeat can start.
        ("Alpha beta gamma delta alpha beta gamma delta alpha beta gamma delta", False),
    ],
)
def test_repeated_title(text: str, expected: bool) -> None:
    assert repeated_title(text) is expected
