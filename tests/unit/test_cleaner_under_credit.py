"""A picture's caption printed flush under its credit line between the story's paragraphs: re-decided as a caption."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.closing_credits import credit_line, credits_alone, under_credit_captions

PARAGRAPH = "The vultures were released in the national park last summer and have been tracked since then."
CAPTION = "The bearded vulture Bavaria in flight."


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("© Markus Leitner", True),
        ("Foto: Jane Doe", True),
        ("Photo: Agency / Jane Doe", True),
        ("(c) Harbour Authority", True),
        # a copyright footer's sentence, a label alone, a story sentence
        ("© 2024 The Harbour Times. All rights reserved by the publisher and its partners.", False),
        ("Foto:", False),
        ("The photo: a bird over the valley", False),
    ],
)
def test_a_credit_line_is_a_mark_or_label_and_a_few_words_of_name(text: str, credit: bool) -> None:
    assert credit_line(text) is credit


@pytest.mark.parametrize(
    ("rows", "captions"),
    [
        # (line number, text, kept): the caption flush under its credit, a blank line under it
        (
            [(1, PARAGRAPH, True), (3, "© Markus Leitner", False), (4, CAPTION, True), (6, PARAGRAPH, True)],
            [2],
        ),
        # a blank line between the credit and the line: the story's next paragraph
        (
            [(1, PARAGRAPH, True), (3, "© Markus Leitner", False), (5, CAPTION, True), (7, PARAGRAPH, True)],
            [],
        ),
        # no credit over it
        ([(1, PARAGRAPH, True), (3, "Share this", False), (4, CAPTION, True), (6, PARAGRAPH, True)], []),
        # a paragraph-long line under the credit, or one the next kept line runs on from without a break
        (
            [
                (1, PARAGRAPH, True),
                (3, "© Markus Leitner", False),
                (4, PARAGRAPH * 3, True),
                (6, PARAGRAPH, True),
            ],
            [],
        ),
        (
            [(1, PARAGRAPH, True), (3, "© Markus Leitner", False), (4, CAPTION, True), (5, PARAGRAPH, True)],
            [],
        ),
        # the story's first kept line, or a page keeping nothing: not between the story's lines
        (
            [(1, "© Markus Leitner", False), (2, CAPTION, True), (4, PARAGRAPH, True), (6, PARAGRAPH, True)],
            [],
        ),
        ([(1, PARAGRAPH, False), (3, "© Markus Leitner", False), (4, CAPTION, False)], []),
        # the story's last kept line: not between the story's lines
        (
            [(1, PARAGRAPH, True), (3, "© Markus Leitner", False), (4, CAPTION, True), (6, "Footer", False)],
            [],
        ),
    ],
)
def test_the_short_line_flush_under_a_credit_between_the_storys_lines_is_its_caption(
    rows: list[tuple[int, str, bool]], captions: list[int]
) -> None:
    numbers, texts, kept = zip(*rows, strict=True)
    assert under_credit_captions(numbers, texts, kept) == captions


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("PAP/ Rafał Guz", True),
        ("imago images/Pemax", True),
        ("Reuters/Corbis", True),
        ("© Markus Leitner", True),
        ("Foto: Jane Doe", True),
        # a story's line with a slash, a crosshead, a sentence naming an agency
        ("Input/output errors", False),
        ("The harbour wall", False),
        ("Reuters reported the figures on Tuesday.", False),
    ],
)
def test_a_kept_credit_alone_on_its_line_is_taken(text: str, credit: bool) -> None:
    assert (credits_alone([PARAGRAPH, text, PARAGRAPH], [True, True, True]) == [1]) is credit
    # a dropped line is not read
    assert credits_alone([PARAGRAPH, text], [True, False]) == []
