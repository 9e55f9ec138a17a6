"""The story's topic tags printed as a list under its last paragraph in an HTML main content: dropped."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.tag_tail import MIN_TAGS, TAG_MAX_WORDS, tag_tail

_STORY = "The harbour authority said the new wall was finished two weeks early and under budget."
_TAGS = ["- Politics & Government", "- Arts & Entertainment", "- American flag"]


@pytest.mark.parametrize(
    ("texts", "kept", "expected"),
    [
        # topic names straight under the last sentence
        ([_STORY, _STORY, *_TAGS], [True] * 5, [2, 3, 4]),
        # a dropped line among them does not part them
        ([_STORY, _TAGS[0], "Share", _TAGS[1], _TAGS[2]], [True, True, False, True, True], [1, 3, 4]),
        # the story's own list has its lead-in or its heading above it
        (["You will need:", *_TAGS], [True] * 4, []),
        ([_STORY, "What you need", *_TAGS], [True] * 5, []),
        # ... or is a list of longer items, or one that ends a sentence, or too short to be tags
        ([_STORY, *_TAGS[:-1], "- " + "word " * (TAG_MAX_WORDS + 1)], [True] * 4, []),
        ([_STORY, *_TAGS[:-1], "- American flag."], [True] * 4, []),
        ([_STORY, *_TAGS[: MIN_TAGS - 1]], [True] * MIN_TAGS, []),
        # a list under a list item is a list
        (["- The first point we made here.", *_TAGS], [True] * 4, []),
        # the tags inside the story are left alone, and a main content of tags only
        ([_STORY, *_TAGS, _STORY], [True] * 5, []),
        (_TAGS, [True] * 3, []),
        ([], [], []),
    ],
)
def test_tag_tail(texts: list[str], kept: list[bool], expected: list[int]) -> None:
    assert tag_tail(texts, kept) == expected
