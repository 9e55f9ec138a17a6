"""The paywall's notice that the rest is for subscribers, and its rows under it: re-decided after the model."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.paywall_cut import MAX_LINES_UNDER, MIN_STORY_LINES, paywall_cut, paywall_notice
from newsdrop.text.line_keys import normalize_line_key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il vous reste 57.09% de cet article à lire. La suite est réservée aux abonnés.", True),
        ("This story is available exclusively to Business Insider subscribers. Become an Insider now.", True),
        ("THIS CONTENT IS RESERVED FOR SUBSCRIBERS ONLY", True),
        ("Esta funcionalidad es sólo para suscriptores", True),
        ("Dieser Artikel ist nur für Abonnenten", True),
        ("2 Wochen kostenlos testen", True),
        ("この記事は会員限定です。", True),
        ("有料会員になると会員限定の 有料記事もお読みいただけます。", True),
        # a teaser's label marks another story; a story about subscriptions
        ("Lire aussi Article réservé à nos abonnés Le FMI appelle les gouvernements à agir", False),
        ("The streaming service said its subscribers rose by two million in the quarter.", False),
        # a paragraph, not a notice
        (
            "The club said the lounge is reserved for members only, " + "and the harbour board agreed. " * 8,
            False,
        ),
    ],
)
def test_paywall_notice(text: str, expected: bool) -> None:
    assert paywall_notice(text, normalize_line_key(text)) is expected


_STORY = [True] * MIN_STORY_LINES


@pytest.mark.parametrize(
    ("kept", "notice", "expected"),
    [
        # the notice and the paywall's few rows under it
        (
            [*_STORY, True, True, False, True],
            [*[False] * MIN_STORY_LINES, True, False, False, False],
            [MIN_STORY_LINES, MIN_STORY_LINES + 1, MIN_STORY_LINES + 3],
        ),
        # a paywalled story shows two paragraphs above the notice: the notice and its rows go
        ([True, True, True, True, True], [False, False, True, False, False], [2, 3, 4]),
        # a long run under the notice: the story goes on, the notice alone goes
        (
            [*_STORY, True, *[True] * (MAX_LINES_UNDER + 1)],
            [*[False] * MIN_STORY_LINES, True, *[False] * (MAX_LINES_UNDER + 1)],
            [MIN_STORY_LINES],
        ),
        # too little of the story above the notice: a badge under the headline, the story under it
        ([True, True, True, True], [False, True, False, False], []),
        ([True, True, True], [True, False, False], []),
        # a dropped notice is not this stage's
        ([*_STORY, False, True], [*[False] * MIN_STORY_LINES, True, False], []),
        ([*_STORY, True], [False] * (MIN_STORY_LINES + 1), []),
    ],
)
def test_paywall_cut(kept: list[bool], notice: list[bool], expected: list[int]) -> None:
    assert paywall_cut(kept, notice) == expected
