"""The numbered-sections stage after the line model: a story's dropped numbered headings come back."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.numbered_sections import numbered_sections, section_number

K, D = True, False


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1. Define early retirement", 1),
        ("2) Take inventory", 2),
        ("10. Make a backup plan", 10),
        # No space after the point: a version, a decimal, a date.
        ("4.2.3 April 2014", None),
        ("3.5 million people", None),
        ("Step 1", None),
        ("2024. A year of change", None),
    ],
)
def test_section_number(text: str, number: int | None) -> None:
    assert section_number(text) == number


def _page(rows: list[tuple[bool, str, str | None]]) -> tuple[list[bool], list[str], list[str | None]]:
    return [row[0] for row in rows], [row[1] for row in rows], [row[2] for row in rows]


STORY = "A paragraph of the story that runs on for a while."


@pytest.mark.parametrize(
    ("rows", "restored"),
    [
        # Headings between the story's paragraphs, some dropped by the model: they come back.
        (
            [
                (K, STORY, None),
                (D, "1. Take the blankets off", "line_model:prose_above"),
                (K, STORY, None),
                (K, "2. Check the peep hole", "crosshead"),
                (K, STORY, None),
                (D, "3. Skip the wooden rack", "header_chrome"),
                (K, STORY, None),
            ],
            [1, 5],
        ),
        # A listicle's sections right under its introduction, the story's kept text ending above them.
        (
            [
                (K, STORY, None),
                (K, STORY, None),
                (D, "Picture credit", "line_model:log_words"),
                (D, "1. Evergrande owned 1,300 projects.", "trailing_island"),
                (D, "Getty", "media_widget"),
                (D, "2. It owed 300 billion dollars.", "trailing_island"),
                (D, "Getty", "media_widget"),
                (D, "3. Twelve million owners lived in its homes.", "line_model:smoothed"),
                (D, "End", None),
            ],
            [3, 5, 7],
        ),
        # Numbered lines one under another are a list (a ranking, a "most read" feed): not sections.
        (
            [
                (K, STORY, None),
                (D, "1. Finland", "line_model:prose_above"),
                (D, "2. Norway", "line_model:prose_above"),
                (D, "3. Australia", "line_model:prose_above"),
                (K, STORY, None),
            ],
            [],
        ),
        # Two numbered headings are not a run of sections.
        (
            [
                (K, STORY, None),
                (D, "1. One", "header_chrome"),
                (K, STORY, None),
                (D, "2. Two", "header_chrome"),
                (K, STORY, None),
            ],
            [],
        ),
        # Numbers that do not run up one by one are not sections.
        (
            [
                (K, STORY, None),
                (D, "1. One", "x"),
                (K, STORY, None),
                (D, "3. Three", "x"),
                (K, STORY, None),
                (D, "5. Five", "x"),
                (K, STORY, None),
            ],
            [],
        ),
        # A reader's comments or a link list keep their verdict.
        (
            [
                (K, STORY, None),
                (D, "1. First comment", "comment_section"),
                (K, STORY, None),
                (D, "2. Second", "comment_section"),
                (K, STORY, None),
                (D, "3. Third", "comment_section"),
            ],
            [],
        ),
        # Sections far below the story's last kept line (a numbered teaser feed under the footer) stay dropped.
        (
            [
                (K, STORY, None),
                *[(D, "Footer link", "trailing_chrome")] * 12,
                (D, "1. Teaser one", "trailing_chrome"),
                (D, "Blurb.", "trailing_chrome"),
                (D, "2. Teaser two", "trailing_chrome"),
                (D, "Blurb.", "trailing_chrome"),
                (D, "3. Teaser three", "trailing_chrome"),
            ],
            [],
        ),
        # Nor do sections above the story's kept text with no kept line among them.
        (
            [
                (D, "1. Menu one", "header_chrome"),
                (D, "x", "header_chrome"),
                (D, "2. Menu two", "header_chrome"),
                (D, "x", "header_chrome"),
                (D, "3. Menu three", "header_chrome"),
                (K, STORY, None),
            ],
            [],
        ),
    ],
)
def test_numbered_sections(rows: list[tuple[bool, str, str | None]], restored: list[int]) -> None:
    assert numbered_sections(*_page(rows)) == restored
