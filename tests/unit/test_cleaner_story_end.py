"""Small islands of kept lines below the story are dropped after the line model (``story_end``)."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.story_end import islands, trailing_islands

# Page layouts as one character a line: "S" a story line kept (1000 characters), "t" a small kept line (50),
# "." a dropped line.
_SIZES = {"S": 1000, "t": 50, ".": 10}


def _page(layout: str) -> tuple[list[bool], list[int]]:
    return [mark != "." for mark in layout], [_SIZES[mark] for mark in layout]


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        # One dropped line does not part an island; two do.
        ("SS.t", [(0, 3, 2050, 3)]),
        ("SS..t", [(0, 1, 2000, 2), (4, 4, 50, 1)]),
        ("..t...SS", [(2, 2, 50, 1), (6, 7, 2000, 2)]),
        ("....", []),
    ],
)
def test_islands_are_runs_of_kept_lines_parted_by_two_dropped_lines(
    layout: str, expected: list[tuple[int, int, int, int]]
) -> None:
    assert islands(*_page(layout)) == expected


@pytest.mark.parametrize(
    ("layout", "dropped"),
    [
        # A teaser's blurb or an author box past a share row below the story goes.
        ("SSS..t", [5]),
        ("SSS..tt...t", [5, 6, 10]),
        # One dropped line between: a caption or an ad inside the story, the paragraph stays.
        ("SSS.t", []),
        # Above the story nothing goes (a standfirst, the lead above a picture credit).
        ("t..SSS", []),
        # Four kept lines below are the story's closing section after a widget, however short.
        ("SSS..tttt", []),
        # An island with 12 % or more of the story's text is no teaser: 150 of 1000 characters stay, 100 go.
        ("S..ttt", []),
        ("S..tt", [3, 4]),
        # No story island to measure against: a page of one island keeps everything.
        ("SSSt", []),
    ],
)
def test_small_islands_below_the_story_are_dropped(layout: str, dropped: list[int]) -> None:
    assert trailing_islands(*_page(layout)) == dropped


@pytest.mark.parametrize(
    ("island_chars", "dropped"),
    [(359, True), (360, False)],
)
def test_the_island_share_bound_is_twelve_percent_of_the_story(island_chars: int, dropped: bool) -> None:
    kept = [True, False, False, True]
    sizes = [3000, 10, 10, island_chars]
    assert trailing_islands(kept, sizes) == ([3] if dropped else [])


def test_the_story_is_the_largest_island_not_the_first() -> None:
    # A teaser block above the story and one below: only the one below the story goes.
    kept, sizes = _page("t..SSSS..t")
    assert trailing_islands(kept, sizes) == [9]
