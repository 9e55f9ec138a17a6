"""The gallery stage after the line model: a picture gallery's numbered slides are not the story."""

from __future__ import annotations

import re

import pytest

from newsdrop.text.cleaner import clean_article
from newsdrop.text.cleaner.gallery import digit_led, gallery_lines, slide_counter
from tests.unit.cleaner_fixtures import STORY


@pytest.mark.parametrize(
    ("text", "counter"),
    [
        ("1/50 United goin down", (1, 50)),
        ("12/50 Blockbusters aid studio expansion", (12, 50)),
        ("1 of 4 A shopper looks at extension cords at a hardware store, Tuesday.", (1, 4)),
        ("Image 3 of 8", (3, 8)),
        ("Bild 2 von 5: Der Hafen im Winter", (2, 5)),
        # Dates and times are no counters.
        ("11/20/2019 01:14 PM", None),
        ("20/1/2026 18:30", None),
        ("12/03 10:45", None),
        # A fraction or a count below three slides is no gallery's.
        ("1/2 cup of flour", None),
        ("5/4 was the final score", None),
        # A number inside a sentence does not open it.
        ("The club won 3 of 4 games this month.", None),
    ],
)
def test_slide_counter(text: str, counter: tuple[int, int] | None) -> None:
    assert slide_counter(text) == counter


@pytest.mark.parametrize(
    ("texts", "gallery"),
    [
        # Slides of counter, caption and credit: every line to the end of the last slide (three lines).
        (
            [
                "Lead.",
                "1/4 Title one",
                "Caption one.",
                "Getty",
                "2/4 Title two",
                "Caption two.",
                "AFP",
                "3/4 Title three",
                "Caption three.",
                "Reuters",
                "Story goes on.",
            ],
            [1, 2, 3, 4, 5, 6, 7, 8, 9],
        ),
        # Counter and caption on one line: the gallery is the counters' lines.
        (
            [
                "Lead.",
                "1 of 4 A shopper looks.",
                "2 of 4 A shopper pays.",
                "3 of 4 Cords.",
                "4 of 4 Shelves.",
                "Story.",
            ],
            [1, 2, 3, 4],
        ),
        # Two counters are not a gallery.
        (["Lead.", "1/5 One", "Caption.", "2/5 Two", "Caption.", "Story."], []),
        # Counters that do not run up one by one (a list of scores, of ratings) are not slides.
        (["1/10 Alpha", "4/10 Beta", "7/10 Gamma", "Story."], []),
        # Counters of different counts do not make one gallery.
        (["1/4 One", "2/5 Two", "3/6 Three", "Story."], []),
    ],
)
def test_gallery_lines(texts: list[str], gallery: list[int]) -> None:
    assert gallery_lines(texts) == gallery


def test_clean_article_drops_a_gallery_inside_the_story() -> None:
    """The slides between the story's paragraphs go; the story's paragraphs around them stay."""
    slides: list[str] = []
    for number in range(1, 6):
        slides += [
            f"{number}/5 Harbour scene number {number}",
            f"Boats number {number} lie in the old basin while crews pour concrete for the new wall, officials said.",
            "",
        ]
    text = "\n\n".join([STORY[0], STORY[1], STORY[2], *slides, STORY[3], STORY[4], STORY[5], STORY[6]])
    article = clean_article(text, model=None)
    assert "Boats number" not in article.body
    assert all(paragraph in article.body for paragraph in STORY[1:])
    assert {line.rule for line in article.lines if line.text.startswith(("1/5", "Boats number 3"))} == {
        "gallery"
    }


# The backtracking form ``digit_led``'s possessive pattern replaced: the same lines must open with a number.
_BACKTRACKING = re.compile(r"\s*(?:\w{1,12}\s+)?\d")
LED_LINES = [
    "12/50 A shopper looks on",
    "   \t 3 of 8",
    "Bild 2 von 5",
    "Twelvelettrs 7",  # a 12-letter word, then a number
    "Thirteenlettr 7",  # 13 letters: too long a word
    "Word\u00a0\u2003 9",
    "Wörter ٣ Arabic-Indic digit",
    "A1 opens with a word holding a digit",  # the digit is not the number after the word
    "The council met on Tuesday.",
    "Two words 5",  # one word at most before the number
    "٣",
    "\u3000 ２ full-width",
    "",
    "  ",
    "word",
    "word ",
    "_ 5",
    "© 2024",
]


def test_digit_led_keeps_the_backtracking_patterns_lines() -> None:
    expected = [index for index, text in enumerate(LED_LINES) if _BACKTRACKING.match(text) is not None]
    assert expected == [0, 1, 2, 3, 5, 6, 10, 11, 16]
    assert digit_led(LED_LINES) == expected
