"""The story's publication stamp kept in an HTML main content: re-decided as its date line."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.stamp_line import STAMP_MAX_WORDS, stamp_line, stamp_lines

_STORY = "The harbour authority said the new wall was finished two weeks early and under budget."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("posted on April 21, 2015, at 11:29 a.m.", True),
        ("Published 3 May 2024, updated 4 May 2024 at 10:02", True),
        ("Updated: March 5, 2019", True),
        ("Last updated on 2023-11-02", True),
        ("Veröffentlicht am 03.05.2024, 17:47 Uhr", True),
        ("Mis à jour le 5 mars 2024 à 10h02", True),
        ("Publicado el 3 de mayo de 2024", True),
        # a label without a date, a category, a sentence that tells when something was published
        ("Posted in News", False),
        ("Published by Reuters", False),
        (
            "Published in 2019, the report found that the harbour wall would need repairs within ten years.",
            False,
        ),
        # the label must open the line
        ("The report was updated on March 5, 2019.", False),
        # a word that only starts like a label
        ("Postedit 2019", False),
        ("posted on " + "day " * STAMP_MAX_WORDS + "2019", False),
        (_STORY, False),
        # a post's closing line that names its writer ends a sentence: the post's own; an initial or an
        # abbreviation closes a stamp
        ("Posted on Tuesday 15 October 2019 at 09:11 by Jane Q. Doe.", False),
        ("Publié le 3 mai 2024 par Jean Dupont.", False),
        ("Posted 3 May 2024 by J. Doe", True),
        ("Updated: March 5, 2019.", True),
    ],
)
def test_stamp_line(text: str, expected: bool) -> None:
    assert stamp_line(text) is expected


@pytest.mark.parametrize(
    ("texts", "kept", "expected"),
    [
        ([_STORY, "posted on April 21, 2015, at 11:29 a.m.", _STORY], [True, True, True], [1]),
        # a stamp the cleaner already dropped is left alone
        ([_STORY, "posted on April 21, 2015, at 11:29 a.m.", _STORY], [True, False, True], []),
        ([], [], []),
    ],
)
def test_stamp_lines(texts: list[str], kept: list[bool], expected: list[int]) -> None:
    assert stamp_lines(texts, kept) == expected
