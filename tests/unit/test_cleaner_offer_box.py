"""The site's offer box kept between two of its subscription notices: re-decided as boilerplate after the model."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.offer_box import (
    MAX_BOX_LINE_CHARS,
    MAX_BOX_LINES,
    box_edges,
    offer_boxes,
    offer_notice,
)
from newsdrop.text.line_keys import normalize_line_key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SUBSCRIBE FOR MORE ARTICLES", True),
        ("By signing up you consent to receive the above newsletter from the publisher.", True),
        ("Jetzt abonnieren und weiterlesen", True),
        # an advertising label stands between a story's paragraphs as often; a consent word names no offer
        ("Advertisement", False),
        ("Anzeige", False),
        ("We use cookies to improve your experience.", False),
        ("The harbour authority said the wall was finished early.", False),
    ],
)
def test_offer_notice(text: str, expected: bool) -> None:
    assert offer_notice(normalize_line_key(text)) is expected


@pytest.mark.parametrize(
    ("kept", "expected"),
    [
        ([], []),
        ([False], []),
        ([True, False, False, True], [1, 2]),
        ([False, True, False, False, False, True, True], [0, 2, 4]),
    ],
)
def test_box_edges(kept: list[bool], expected: list[int]) -> None:
    assert box_edges(kept) == expected


_S, _L = 40, MAX_BOX_LINE_CHARS


@pytest.mark.parametrize(
    ("kept", "sizes", "notice", "expected"),
    [
        # story, notice, two short benefit lines, notice, story: the two lines are the box
        (
            [True, True, True, False, True, True, False, True],
            [_L, _L, _L, _S, _S, _S, _S, _L],
            [False, False, False, True, False, False, True, False],
            [4, 5],
        ),
        # only one side is an offer notice (an advertisement label below): the story's paragraphs
        (
            [True, True, True, False, True, True, False, True],
            [_L, _L, _L, _S, _S, _S, _S, _L],
            [False, False, False, True, False, False, False, False],
            [],
        ),
        # a paragraph as long as a story's between the prompts: the story between two sign-up rows
        (
            [True, True, True, False, True, True, False, True],
            [_L, _L, _L, _S, _S, _L, _S, _L],
            [False, False, False, True, False, False, True, False],
            [],
        ),
        # more lines than a box holds
        (
            [True, True, True, False, *[True] * (MAX_BOX_LINES + 1), False, True],
            [_L, _L, _L, _S, *[_S] * (MAX_BOX_LINES + 1), _S, _L],
            [False, False, False, True, *[False] * (MAX_BOX_LINES + 1), True, False],
            [],
        ),
        # the box would leave too little of the story
        (
            [True, False, True, True, False],
            [_L, _S, _S, _S, _S],
            [False, True, False, False, True],
            [],
        ),
    ],
)
def test_offer_boxes(kept: list[bool], sizes: list[int], notice: list[bool], expected: list[int]) -> None:
    assert offer_boxes(kept, sizes, notice) == expected
