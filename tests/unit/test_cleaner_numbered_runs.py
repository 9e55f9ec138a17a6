"""A numbered list the page keeps most of: its dropped entries, and the island cut under it, are the story's."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.gallery import digit_led
from newsdrop.text.cleaner.numbered_runs import MIN_ENTRIES, numbered_blocks, numbered_runs

ENTRIES = [
    "47 STEINHEIL Signe Eagle",
    "48 STEINHEIL Signe Hands",
    "49 STELLA G. Balsamo",
    "49A STELLA variant",
]
MORE = ["50 STELLA G.M. Bottle", "51 STELLA Sandro Faun"]
CLOSE = "Appendix: the sizes given are the plate's outer size."


@pytest.mark.parametrize(
    ("texts", "kept", "rules", "expected"),
    [
        # Two entries the model dropped in a list kept otherwise, and the island cut right under it.
        (
            [*ENTRIES, *MORE, CLOSE],
            [True, True, False, True, True, False, False],
            ["article_region"] * 2
            + ["line_model:x"]
            + ["article_region"] * 2
            + ["trailing_island", "far_island"],
            [2, 5, 6],
        ),
        # Most of the list dropped: a list beside the story, not the story's.
        (
            [*ENTRIES, *MORE],
            [True, False, False, False, True, False],
            ["article_region"] + ["line_model:x"] * 3 + ["article_region", "line_model:x"],
            [],
        ),
        # A number that jumps ends the run: two runs under the entries a list needs.
        (
            ["1 a", "2 b", "3 c", "30 d", "31 e", "32 f"],
            [True, True, False, True, True, False],
            ["x", "x", "line_model:x", "x", "x", "line_model:x"],
            [],
        ),
        # Fewer entries than a list runs.
        (ENTRIES, [True, True, False, True], ["x", "x", "line_model:x", "x"], []),
        # Two lists one under the other: the second opens on the line that ends the first.
        (
            ["1 a", "2 b", "3 c", "4 d", "5 e", "1 f", "2 g", "3 h", "4 i", "5 j"],
            [True, False, True, True, True, True, True, False, True, True],
            ["x", "line_model:x", "x", "x", "x", "x", "x", "line_model:x", "x", "x"],
            [1, 7],
        ),
        # Numbered lines between unnumbered ones: no run.
        (["Intro", "1 a", "Text", "2 b", "Text"], [True] * 5, ["x"] * 5, []),
        # An entry a named rule dropped for what it says stays dropped; the line under the list only when an
        # island stage dropped it.
        (
            [*ENTRIES, *MORE, CLOSE],
            [True, True, False, True, True, True, False],
            ["x", "x", "advertisement", "x", "x", "x", "trailing_chrome"],
            [],
        ),
    ],
)
def test_numbered_runs(
    texts: list[str], kept: list[bool], rules: list[str | None], expected: list[int]
) -> None:
    assert len(ENTRIES) + len(MORE) > MIN_ENTRIES > len(ENTRIES)
    assert numbered_runs(texts, kept, rules) == expected
    # Read over the lines that open with a number alone, as the stage after the model reads it: the same.
    assert numbered_runs(texts, kept, rules, digit_led(texts)) == expected


def references(count: int) -> list[str]:
    """A paper's references: each number alone over its entry and its links' row."""
    texts: list[str] = []
    for number in range(1, count + 1):
        texts += [f"{number}.", f"Author A et al. Title of paper {number}.", "Article PubMed Google Scholar"]
    return texts


@pytest.mark.parametrize(
    ("texts", "kept", "rules", "expected"),
    [
        # The last two references dropped at the page's bottom (model, island): taken back; numbers and rows not.
        (
            references(MIN_ENTRIES),
            [False, True, False] * 3 + [False] * 6,
            ["bare_number", "article_region", "line_model:x"] * 3
            + ["bare_number", "line_model:smoothed", "x", "bare_number", "trailing_island", "x"],
            [10, 13],
        ),
        # Most entries dropped: a list beside the story.
        (
            references(MIN_ENTRIES),
            [False, True, False] * 2 + [False] * 9,
            ["bare_number", "article_region", "line_model:x"] * 2 + ["bare_number", "line_model:x", "x"] * 3,
            [],
        ),
        # Numbers too far apart (an entry's long abstract between): no list of lines.
        (
            [x for number in range(1, MIN_ENTRIES + 1) for x in (f"[{number}]", "Entry.", "a", "b", "c")],
            [False, True, False, False, False] * (MIN_ENTRIES - 1) + [False] * 5,
            ["x", "article_region", "x", "x", "x"] * (MIN_ENTRIES - 1) + ["x", "line_model:x", "x", "x", "x"],
            [],
        ),
        # A number that does not run up one by one ends the run: fewer entries than a list needs.
        (
            [x for number in (1, 2, 4, 5, 6) for x in (f"{number}.", "Entry.")],
            [False, True] * 4 + [False, False],
            ["x", "article_region"] * 4 + ["x", "line_model:x"],
            [],
        ),
    ],
)
def test_numbered_blocks(
    texts: list[str], kept: list[bool], rules: list[str | None], expected: list[int]
) -> None:
    assert numbered_blocks(texts, kept, rules) == expected
    # With the lines' sizes given (after_model has them): the same entries.
    assert numbered_blocks(texts, kept, rules, [len(text) for text in texts]) == expected


def test_the_first_character_test_agrees_with_the_entry_pattern_on_every_code_point() -> None:
    from newsdrop.text.cleaner.numbered_runs import _ENTRY, _number

    for point in range(0x110000):
        if 0xD800 <= point <= 0xDFFF:
            continue
        text = f"{chr(point)}7 STELLA Faun"
        found = _ENTRY.match(text)
        assert _number(text) == (int(found.group(1)) if found else None), hex(point)
