"""A kept list of the site's user names (kudos, likes, follows): re-decided as boilerplate after the model."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.user_list import MIN_ITEMS, user_list, user_lists

_USERS = "KuroKitsuneNoYoko, Senpakuxkira, jennyjenka, nicarose24, Devilspawn2002, Revolvers_and_violets, "
_KUDOS = _USERS * 4 + "StealthyPeacock and Katyuam as well as 3381 guests left kudos on this work!"
_EU = (
    "The member states are Austria, Belgium, Bulgaria, Croatia, Cyprus, Czechia, Denmark, Estonia, Finland, France,"
    " Germany, Greece, Hungary, Ireland, Italy, Latvia, Lithuania, Luxembourg, Malta, the Netherlands, Poland,"
    " Portugal, Romania, Slovakia, Slovenia, Spain and Sweden."
)
_STORY = "The harbour authority said the new wall was finished two weeks early and under budget."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_KUDOS, True),
        # a story's list of places: capitalised words, shaped as no user name is
        (_EU, False),
        # a short list of users is no site list
        (", ".join(["nicarose24"] * (MIN_ITEMS - 2)), False),
        # a list of phrases, not single tokens
        (", ".join(["the new harbour wall"] * (MIN_ITEMS + 5)), False),
        (_STORY, False),
    ],
)
def test_user_list(text: str, expected: bool) -> None:
    assert user_list(text) is expected


_HANDLE = "nicarose24handle"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Exactly ``MIN_ITEMS`` items: the separator count's bound is met with commas, with "and"s, with both.
        (", ".join([_HANDLE] * MIN_ITEMS), True),
        (" and ".join([_HANDLE] * MIN_ITEMS), True),
        (", ".join([_HANDLE] * (MIN_ITEMS - 1)) + " and " + _HANDLE, True),
        (",\n".join([_HANDLE] * MIN_ITEMS), True),
        # One item short: the count refuses it before the split.
        (", ".join([_HANDLE * 2] * (MIN_ITEMS - 1)), False),
    ],
)
def test_user_list_separator_pretest_keeps_lists_at_the_bound(text: str, expected: bool) -> None:
    """The comma-and-"and" count runs before the split; it may only refuse lines of fewer than ``MIN_ITEMS``."""
    assert user_list(text) is expected


@pytest.mark.parametrize(
    ("kept", "expected"),
    [
        ([True, True, True], [1]),
        ([True, False, True], []),
    ],
)
def test_user_lists(kept: list[bool], expected: list[int]) -> None:
    assert user_lists([_STORY, _KUDOS, _STORY], kept) == expected
