"""A numbered crosshead of the story's list that a link-list rule dropped comes back between its neighbours."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.numbered_heads import HEADING_MAX_WORDS, numbered_heads

_P = "Zeev Sharon said that the old rule of thumb is that the hotel should charge a dollar a night."


@pytest.mark.parametrize(
    ("texts", "kept", "headings", "expected"),
    [
        # "5." dropped under a "Read more" link between the kept "4." and "6."
        (
            [
                "4. Hotel rooms are priced",
                _P,
                "Read more",
                "5. Beware the hairdryer",
                _P,
                "6. Mini bars lose money",
                _P,
            ],
            [True, True, False, False, True, True, True],
            [True, False, False, False, False, True, False],
            [3],
        ),
        # the other mark: "3)"
        (
            ["2) First", _P, "3) Second", _P, "4) Third", _P],
            [True, True, False, True, True, True],
            [True, False, False, False, True, False],
            [2],
        ),
        # the numbers must follow on, with the same mark, from kept crossheads
        (
            ["4. Hotel rooms", _P, "5. Beware", _P, "7. Mini bars", _P],
            [True, True, False, True, True, True],
            [True, False, False, False, True, False],
            [],
        ),
        (
            ["4. Hotel rooms", _P, "5) Beware", _P, "6. Mini bars", _P],
            [True, True, False, True, True, True],
            [True, False, False, False, True, False],
            [],
        ),
        (
            ["4. Hotel rooms", _P, "5. Beware", _P, "6. Mini bars", _P],
            [True, True, False, True, True, True],
            [False, False, False, False, True, False],
            [],
        ),
        # the list's last item has no heading below it: left as the rules decided
        (
            ["4. Hotel rooms", _P, "5. Beware", _P],
            [True, True, False, True],
            [True, False, False, False],
            [],
        ),
        # a numbered paragraph runs on: no heading
        (
            ["4. Hotel rooms", _P, "5. " + "word " * HEADING_MAX_WORDS, _P, "6. Mini bars", _P],
            [True, True, False, True, True, True],
            [True, False, False, False, True, False],
            [],
        ),
        ([], [], [], []),
    ],
)
def test_numbered_heads(
    texts: list[str], kept: list[bool], headings: list[bool], expected: list[int]
) -> None:
    assert numbered_heads(texts, kept, headings) == expected
