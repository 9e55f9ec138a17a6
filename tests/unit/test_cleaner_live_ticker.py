"""A live ticker the page keeps as its story: its oldest entries, dropped below the story, are taken back."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.live_ticker import MIN_STAMPS, minute_stamp, ticker_entries


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14'", True),
        ("90+3’", True),
        (" 45′ ", True),
        ("14", False),
        ("(65') Yoane Wissa", False),
        ("1 - 1", False),
    ],
)
def test_minute_stamp(text: str, expected: bool) -> None:
    assert minute_stamp(text) == expected


ENTRY = "The home side press high but the keeper clears the ball."
SWAP = "Substitution: Name"


def ticker(minutes: int) -> list[str]:
    """Entries over their stamps, newest first, ``minutes`` of them."""
    texts: list[str] = []
    for minute in range(minutes, 0, -1):
        texts += [ENTRY, f"{minute}'"]
    return texts


@pytest.mark.parametrize(
    ("texts", "kept", "rules", "expected"),
    [
        # The last two entries (the first minutes) dropped as an island below the story: taken back.
        (
            [*ticker(MIN_STAMPS), "Football"],
            [True, False, True, False, True, False, False, False, False, False, False],
            [
                *["article_region", "bare_number"] * 3,
                "trailing_island",
                "bare_number",
                "line_model:x",
                "x",
                "x",
            ],
            [6, 8],
        ),
        # The line under the last stamp is the ticker's too; a short substitution line or a menu entry is not.
        (
            [*ticker(MIN_STAMPS), ENTRY, SWAP],
            [True, False] * 4 + [False, False, False, False],
            ["article_region", "bare_number"] * 4 + ["bare_number", "bare_number", "trailing_chrome", "x"],
            [10],
        ),
        # Stamps closed by each of the three minute marks: one ticker.
        (
            [ENTRY, "5’", ENTRY, "4′", ENTRY, "3'", ENTRY, "2’", ENTRY, "1′", "Football"],
            [True, False, True, False, True, False, False, False, False, False, False],
            [
                *["article_region", "bare_number"] * 3,
                "trailing_island",
                "bare_number",
                "line_model:x",
                "x",
                "x",
            ],
            [6, 8],
        ),
        # Fewer stamps than a ticker prints: a score box's goal minutes.
        (
            ticker(MIN_STAMPS - 1),
            [True, False] * (MIN_STAMPS - 2) + [False, False],
            ["article_region", "bare_number"] * (MIN_STAMPS - 2) + ["line_model:x", "bare_number"],
            [],
        ),
        # Most of the ticker dropped: a live widget beside the story, not the story.
        (
            ticker(MIN_STAMPS),
            [True] + [False] * 9,
            ["article_region"] + ["line_model:x"] * 9,
            [],
        ),
        # An entry a named rule dropped for what it says stays dropped.
        (
            ticker(MIN_STAMPS),
            [True, False] * 4 + [False, False],
            ["article_region", "bare_number"] * 4 + ["paywall_cut", "bare_number"],
            [],
        ),
    ],
)
def test_ticker_entries(
    texts: list[str], kept: list[bool], rules: list[str | None], expected: list[int]
) -> None:
    assert ticker_entries(texts, kept, rules) == expected
    # With the lines' sizes given (after_model has them): the same lines.
    assert ticker_entries(texts, kept, rules, [len(text) for text in texts]) == expected
