"""A label or table row printed twice in a row inside an HTML main content: the second printing goes."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.repeated_label import LABEL_MAX_WORDS, repeated_labels

_STORY = "The harbour authority said the new wall was finished two weeks early and under budget."
_HEADER = "| Pos | Player | Plays | % | Stats |"


@pytest.mark.parametrize(
    ("texts", "kept", "code", "expected"),
    [
        # a sticky table header printed again over the table
        (
            [_STORY, _HEADER, _HEADER, "| DE | Myles Garrett | 60 | 100% | 4 tackles |"],
            [True] * 4,
            [False] * 4,
            [2],
        ),
        # ... and three times: the first printing heads the table
        ([_HEADER, _HEADER, _HEADER], [True] * 3, [False] * 3, [1, 2]),
        # a box's label printed as its title and its link: both go
        (
            [_STORY, "Business news in pictures", "Business news in pictures", _STORY],
            [True] * 4,
            [False] * 4,
            [1, 2],
        ),
        # three printings; whitespace does not tell them apart
        (["Gallery", "Gallery", " Gallery ", _STORY], [True] * 4, [False] * 4, [0, 1, 2]),
        # a dropped line between them does not part them: the reader sees the kept lines one under the other
        (["Gallery", "Ad", "Gallery", _STORY], [True, False, True, True], [False] * 4, [0, 2]),
        # a sentence quoted again, a refrain with a comma, a long line: the page's own text
        ([_STORY, _STORY], [True, True], [False, False], []),
        (["Purple rain, purple rain", "Purple rain, purple rain"], [True, True], [False, False], []),
        (["word " * (LABEL_MAX_WORDS + 1)] * 2, [True, True], [False, False], []),
        # code repeats its closing braces
        (["}", "}"], [True, True], [True, True], []),
        # a repeat the model dropped, or lines apart, is left alone
        (["Gallery", "Gallery"], [True, False], [False, False], []),
        (["Gallery", _STORY, "Gallery"], [True, True, True], [False] * 3, []),
        ([], [], [], []),
    ],
)
def test_repeated_labels(texts: list[str], kept: list[bool], code: list[bool], expected: list[int]) -> None:
    assert repeated_labels(texts, kept, code) == expected
