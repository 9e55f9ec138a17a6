"""``kept_where``: the kept lines a one-line test takes, among the marked ones where marks are given."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.kept_lines import kept_where

TEXTS = ["keep a", "drop b", "keep c", "keep d", "keep e"]


@pytest.mark.parametrize(
    ("kept", "maybe", "expected"),
    [
        ([True, True, True, True, True], None, [0, 2, 3, 4]),
        ([True, True, False, True, True], None, [0, 3, 4]),
        # Marks narrow the lines read; a marked line no longer kept is never taken, an unmarked one never read.
        ([True, True, False, True, True], [True, True, True, False, True], [0, 4]),
        ([False, False, False, False, True], [True, True, True, True, True], [4]),
        ([True, True, True, True, True], [False, False, False, False, False], []),
    ],
)
def test_kept_where(kept: list[bool], maybe: list[bool] | None, expected: list[int]) -> None:
    assert kept_where(lambda text: text.startswith("keep"), TEXTS, kept, maybe) == expected
