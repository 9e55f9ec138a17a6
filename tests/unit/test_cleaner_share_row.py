"""A row of share buttons printed as one line goes; a sentence naming networks stays."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.share_row import share_row, share_rows

ROW = "Share this item on Facebook facebook Share this item on X x Send this page to someone via email email"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ROW, True),
        (
            "LinkedIn Link kopiert Error occurred Facebook Link kopiert Error occurred X Link kopiert E-Mail",
            True,
        ),
        # A sentence naming the networks.
        ("The video was shared on Facebook, X and Telegram before it was taken down.", False),
        # Two networks only.
        ("Share on Facebook Share on X", False),
    ],
)
def test_share_row(text: str, expected: bool) -> None:
    assert share_row(text) == expected


def test_share_rows_reads_kept_lines_only() -> None:
    assert share_rows([ROW, "A story.", ROW], [True, True, False]) == [0]
