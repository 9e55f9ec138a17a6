"""A slideshow page: where nothing is kept once the gallery's slides are dropped, the slides' sentences are the story."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.slideshow import MIN_SLIDE_WORDS, slideshow_story

SLIDE = "The latest phone is not what you would expect from the maker, a small and cheap one."
SHORT = "A phone, small and cheap."
TITLE = "Pocket friendly"
CREDIT = "Image credit: www.example.com/in/"
COUNTER = "2 / 5"


@pytest.mark.parametrize(
    ("texts", "kept", "rules", "gallery", "expected"),
    [
        # Nothing kept: the slides' sentences, dropped by the gallery stage or the model, are the story.
        (
            [COUNTER, TITLE, SLIDE, CREDIT, COUNTER, SLIDE],
            [False] * 6,
            [
                "header_chrome",
                "line_model:x",
                "gallery",
                "photo_caption",
                "line_model:x",
                "line_model:smoothed",
            ],
            [0, 1, 2, 3, 4, 5],
            [2, 5],
        ),
        # A line kept elsewhere: the page has a story beside its gallery.
        ([SLIDE, "A paragraph of the story."], [False, True], ["gallery", "article_region"], [0], []),
        # No line the gallery stage dropped: not a gallery page.
        ([SLIDE], [False], ["line_model:x"], [0], []),
        # Under the words a slide runs, or ending no sentence: a title or a credit.
        ([SHORT, SLIDE.rstrip(".")], [False, False], ["gallery", "gallery"], [0, 1], []),
        # A line a named rule dropped for what it says stays dropped; a line outside the gallery is not read.
        ([SLIDE, SLIDE, SLIDE], [False] * 3, ["gallery", "cookie_notice", "line_model:x"], [0, 1], [0]),
    ],
)
def test_slideshow_story(
    texts: list[str], kept: list[bool], rules: list[str | None], gallery: list[int], expected: list[int]
) -> None:
    assert len(SLIDE.split()) >= MIN_SLIDE_WORDS > len(SHORT.split())
    assert slideshow_story(texts, kept, rules, gallery) == expected
