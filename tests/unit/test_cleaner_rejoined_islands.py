"""An island cut below the story that a line taken back after the model joined to the story again."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.rejoined_islands import rejoined_islands

K, D = True, False
ISLAND, FAR, MODEL = "trailing_island", "far_island", "line_model:x"


@pytest.mark.parametrize(
    ("kept", "rules", "expected"),
    [
        # A section's heading taken back right over its paragraphs the island stage cut: they follow it.
        ([K, K, D, D], ["x", "numbered_section", ISLAND, ISLAND], [2, 3]),
        # One dropped line between the kept line and the island: still within the island gap.
        ([K, D, D], ["x", MODEL, FAR], [2]),
        # Two dropped lines between: the island stands apart, it stays dropped.
        ([K, D, D, D], ["x", MODEL, MODEL, ISLAND], []),
        # Lines dropped by other rules are not taken; an island line under them only within the gap.
        ([K, D, D, D], ["x", "share_prompt", ISLAND, ISLAND], [2, 3]),
        # No kept line above: nothing to join.
        ([D, D, K], [ISLAND, ISLAND, "x"], []),
    ],
)
def test_rejoined_islands(kept: list[bool], rules: list[str | None], expected: list[int]) -> None:
    assert rejoined_islands(kept, rules) == expected


@pytest.mark.parametrize(
    ("rules", "expected"),
    [
        # The far island alone, the trailing island alone: each is read (the page gate lets either through).
        (["x", MODEL, FAR], [2]),
        (["x", MODEL, ISLAND], [2]),
        # No island rule on the page: nothing is taken, whatever the kept lines.
        (["x", MODEL, "share_prompt"], []),
        (["x", MODEL, None], []),
    ],
)
def test_rejoined_islands_reads_only_pages_with_an_island(
    rules: list[str | None], expected: list[int]
) -> None:
    assert rejoined_islands([K, D, D], rules) == expected
