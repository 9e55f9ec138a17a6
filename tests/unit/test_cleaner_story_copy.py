"""One long line that prints the story's kept paragraphs again: re-decided as boilerplate after the model."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.story_copy import MIN_COPY_CHARS, story_copies

_P = [
    f"Paragraph {n} of the story, which tells what the harbour authority said on Monday. " * 4
    for n in range(4)
]
_COPY = "".join(_P)
# Three paragraphs long enough that their copy alone is a copy's length.
_P3 = [paragraph * 2 for paragraph in _P[:3]]
_SUMMARY = _P[0] + _P[1] + _P[2] + "An editor's own summary of the story, in words of its own. " * 20


@pytest.mark.parametrize(
    ("texts", "kept", "expected"),
    [
        # the paragraphs, then their copy run together on one line
        ([*_P, _COPY], [True] * 5, [4]),
        # the copy above the story
        ([_COPY, *_P], [True] * 5, [0]),
        # a dropped copy is left alone
        ([*_P, _COPY], [True, True, True, True, False], []),
        # only two paragraphs in it: a summary quoting the story, not a copy
        ([*_P, _P[0] + _P[1]], [True] * 5, []),
        # the paragraphs make up too little of the line
        ([*_P, _SUMMARY], [True] * 5, []),
        # the copy's paragraphs were dropped: the line is the story
        ([*_P, _COPY], [False, False, False, False, True], []),
        # three paragraphs and their copy: the fewest lines long enough to be parts that make one
        ([*_P3, "".join(_P3)], [True] * 4, [3]),
        # a crosshead too short to count as a part beside two paragraphs: fewer than three parts
        (["Harbour", *_P3[:2], "Harbour" + "".join(_P3)], [True] * 4, []),
        ([], [], []),
    ],
)
def test_story_copies(texts: list[str], kept: list[bool], expected: list[int]) -> None:
    assert len(_COPY) >= MIN_COPY_CHARS
    assert story_copies(texts, kept) == expected


def test_two_copies_keep_one() -> None:
    # two copies of the story on one line each: each counts the paragraphs, not the other copy
    assert story_copies([*_P, _COPY, _COPY], [True] * 6) == [4, 5]
