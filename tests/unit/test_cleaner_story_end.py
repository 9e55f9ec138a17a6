"""After the line model, islands below the story and a closing site notice are dropped (``story_end``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsdrop.text.cleaner.story_end import (
    closing_line,
    closing_notice,
    far_islands,
    hole_kind,
    islands,
    kept_repeats,
    story_holes,
    trailing_islands,
)

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


# Far islands: "x" a region line the model rejected (dropped, 10 characters), "." a line the rules dropped,
# "M" a kept paragraph of 500 characters, "L" one of 700.
_FAR_SIZES = {"S": 1000, "M": 500, "L": 700, "t": 50, "x": 10, ".": 10}


def _far_page(layout: str) -> tuple[list[bool], list[int], list[bool]]:
    kept = [mark not in ".x" for mark in layout]
    return kept, [_FAR_SIZES[mark] for mark in layout], [mark == "x" for mark in layout]


@pytest.mark.parametrize(
    ("layout", "dropped"),
    [
        # A teaser feed the model rejected line by line (16 lines), then a paragraph it kept: not the story.
        ("SS" + "x" * 18 + "M", [20]),
        # Each island past its own long rejected gap goes; one past a short gap is left to trailing_islands.
        ("SS" + "x" * 18 + "t" + "x" * 18 + "t", [20, 39]),
        ("SS" + "x" * 18 + "t..t", [20]),
        # 17 dropped lines are a widget inside the story (a headline box): the paragraph stays.
        ("SS" + "x" * 17 + "M", []),
        # A gap the rules dropped (a footer's link list, a menu), not rejected region lines: the text stays.
        ("SS" + "." * 18 + "M", []),
        # Half the gap rejected is enough; less is not.
        ("SS" + "x" * 9 + "." * 9 + "M", [20]),
        ("SS" + "x" * 8 + "." * 10 + "M", []),
        # An island with 60 % or more of the story's characters is a section of the story: 700 of 1000 stay.
        ("S" + "x" * 18 + "L", []),
        # Above the story nothing goes.
        ("M" + "x" * 18 + "SS", []),
    ],
)
def test_islands_past_a_long_rejected_stretch_below_the_story_are_dropped(
    layout: str, dropped: list[int]
) -> None:
    assert far_islands(*_far_page(layout)) == dropped


@pytest.mark.parametrize(
    ("layout", "notice_at", "size", "dropped"),
    [
        # The story's last line, short and a site notice (a newsletter pitch): dropped.
        ("SSSt", 3, 120, 3),
        # A notice that is not the last line stays (the story goes on after it).
        ("SSts", 2, 120, None),
        # Longer than 300 characters: a paragraph that mentions subscriptions, not a notice line.
        ("SSSt", 3, 301, None),
        # The last line of a page of one line is the story itself.
        ("t", 0, 120, None),
        # A notice past a gap is the island rules' business, not this one: the story's island ends before it.
        ("SSS..t", 5, 120, None),
    ],
)
def test_a_short_closing_site_notice_is_dropped(
    layout: str, notice_at: int, size: int, dropped: int | None
) -> None:
    kept = [mark != "." for mark in layout]
    sizes = [{"S": 1000, "t": size, "s": 1000, ".": 10}[mark] for mark in layout]
    notices = [index == notice_at for index in range(len(layout))]
    assert closing_notice(kept, sizes, notices) == dropped


@pytest.mark.parametrize(
    ("kept", "sizes"),
    [
        ([True, True, True, True], [1000, 1000, 1000, 120]),
        ([True, True, True, True], [1000, 1000, 1000, 301]),
        ([True, True, False, True], [1000, 1000, 10, 120]),
        ([True, False, False, True, True], [1000, 10, 10, 1000, 120]),
        ([True], [120]),
        ([True, True], [800, 120]),
        ([True, True], [1100, 120]),
        ([False, False], [10, 10]),
        ([], []),
    ],
)
def test_the_closing_line_is_the_one_line_a_closing_notice_may_be(kept: list[bool], sizes: list[int]) -> None:
    # Whichever line is a notice, ``closing_notice`` names the closing line or nothing.
    line = closing_line(kept, sizes)
    for notice_at in range(len(kept)):
        notices = [index == notice_at for index in range(len(kept))]
        assert closing_notice(kept, sizes, notices) == (line if notice_at == line else None)
    if line is not None:
        assert kept[line]


def test_a_closing_notice_needs_a_small_share_of_the_story() -> None:
    # The share is of the story's island, the notice included: 120 of 920 characters (13 %) stays.
    assert closing_notice([True, True], [800, 120], [False, True]) is None
    assert closing_notice([True, True], [1100, 120], [False, True]) == 1


# Story holes: "K" a kept line, "m" a line the line model dropped (the rules kept it), "r" a line a named rule
# dropped, "n" a line the model dropped that is not of the hole kind (printed twice, a notice, ...).
def _hole_page(
    layout: str, asked: list[int] | None = None
) -> tuple[list[bool], list[bool], Callable[[int], bool]]:
    """The page's kept lines, the model's drops and their kind (``asked`` notes each line the kind is asked of)."""

    def kind(at: int) -> bool:
        if asked is not None:
            asked.append(at)
        return layout[at] == "m"

    return [mark == "K" for mark in layout], [mark in "mn" for mark in layout], kind


@pytest.mark.parametrize(
    ("layout", "filled"),
    [
        # A crosshead the model dropped between two paragraphs goes back.
        ("KmK", [1]),
        ("KmKKmK", [1, 4]),
        # Two dropped lines are a widget: nothing goes back.
        ("KmmK", []),
        ("KmrK", []),
        # A line a named rule dropped (a caption, an ad) stays dropped.
        ("KrK", []),
        # Not of the kind (printed twice, a notice, a date): stays dropped.
        ("KnK", []),
        # At the page's edges or beside a dropped line there is no hole.
        ("mKK", []),
        ("KKm", []),
        ("rmK", []),
    ],
)
def test_one_line_holes_the_model_made_in_the_story_are_filled(layout: str, filled: list[int]) -> None:
    assert story_holes(*_hole_page(layout)) == filled


def test_the_kind_is_asked_only_of_a_lone_drop_between_kept_lines() -> None:
    # A drop beside another dropped line or at the page's edge is no hole: its tests are not run.
    asked: list[int] = []
    assert story_holes(*_hole_page("mKnKmmKnKm", asked)) == []
    assert asked == [2, 7]


@pytest.mark.parametrize(
    ("text", "printings", "notice", "admitted"),
    [
        ("Kunstkauf ohne Zinsen", 1, False, True),
        ("10. Make a backup plan", 1, False, True),
        ("Use Weighted Mean", 1, False, True),
        # The page prints it twice: a teaser title or a menu entry.
        ("Use Weighted Mean", 2, False, False),
        # A notice stem: a subscription or consent prompt.
        ("Join Our Newsletter", 1, True, False),
        # A pipe: a credit or a breadcrumb.
        ("Julia Vergin | Clare Roth", 1, False, False),
        # Four digits or more: a dateline or a timestamp (a year alone is enough).
        ("31. 10. 2025 17:46", 1, False, False),
        ("Updated 2024", 1, False, False),
        ("Top 100 films", 1, False, True),
        # A slash closing the first word: a picture credit or a prompt's two choices.
        ("PAP/ Rafał Guz", 1, False, False),
        ("AFP/Getty Images", 1, False, False),
        ("REGISTER / SIGN IN TO UNLOCK MORE ARTICLES", 1, False, False),
        # (A crosshead that opens on a slashed pair reads the same and goes too.)
        ("Input/output in the kernel", 1, False, False),
        # A slash further in, or a path in a command, is the story's.
        ("Read and write / one path", 1, False, True),
        ("Why read and write share one path", 1, False, True),
        ("$ cd ../bob", 1, False, True),
        # A person's caption: a name, a comma and what they do in the picture.
        ("Jill Binder, speaking at a WordCamp", 1, False, False),
        ("Jane Doe, pictured in 2019", 1, False, False),
        ("Mayor Ann Lee, seen here with her staff", 1, False, False),
        # A crosshead with a comma, or a name over a participle without the comma: the story's.
        ("Speaking at WordCamps, a path to leadership", 1, False, True),
        ("Jill Binder speaking at WordCamps", 1, False, True),
        ("Words, meaning and use", 1, False, True),
        # A sentence that opens on a participle clause.
        ("However, speaking in August, the president ruled it out.", 1, False, True),
    ],
)
def test_a_hole_line_is_printed_once_without_notice_pipe_or_date(
    text: str, printings: int, notice: bool, admitted: bool
) -> None:
    assert hole_kind(text, printings, notice) is admitted


@pytest.mark.parametrize(
    ("texts", "kept", "paragraphs", "dropped"),
    [
        # A paragraph a teaser or a summary box printed above, kept again: the second printing goes.
        (["a b c d e f", "x", "a b c d e f"], [True, True, True], [True, True, True], [2]),
        # The first printing dropped: the kept one is the only one in the body and stays.
        (["a b c d e f", "x", "a b c d e f"], [False, True, True], [True, True, True], []),
        # A pitch under every widget: each printing after the first goes.
        (["p q r s t u", "x", "p q r s t u", "y", "p q r s t u"], [True] * 5, [True] * 5, [2, 4]),
        # A refrain of five words or fewer is the story's own ("I would prefer not to.").
        (["i would prefer not to", "x", "i would prefer not to"], [True, True, True], [True, True, True], []),
        # A line the rules named (a crosshead, a caption) is not a paragraph: it stays.
        (["a b c d e f", "x", "a b c d e f"], [True, True, True], [True, True, False], []),
        # A dropped line in between is skipped, an empty key never matches.
        (["a b c d e f", "", "", "a b c d e f"], [True, True, True, True], [True] * 4, [3]),
    ],
)
def test_a_paragraph_the_kept_text_prints_again_goes(
    texts: list[str], kept: list[bool], paragraphs: list[bool], dropped: list[int]
) -> None:
    words = [len(text.split()) for text in texts]
    assert kept_repeats(kept, texts, words, paragraphs.__getitem__) == dropped


@pytest.mark.parametrize(
    "layout",
    [
        "SS" + "x" * 18 + "M",
        "SS" + "x" * 18 + "t..t",
        "t..SSSS..t",
        "SSS..tt...t",
        "SSSt",
        "S..tt",
        "....",
        "",
    ],
)
def test_the_island_stages_read_the_islands_they_are_given(layout: str) -> None:
    kept, sizes, rejected = _far_page(layout)
    spans = islands(kept, sizes)
    # Given the page's islands, each stage reads as it does reading them itself ...
    assert trailing_islands(kept, sizes, spans) == trailing_islands(kept, sizes)
    assert far_islands(kept, sizes, rejected, spans) == far_islands(kept, sizes, rejected)
    assert closing_line(kept, sizes, spans) == closing_line(kept, sizes)
    # ... and reads only those: given none, no stage finds anything.
    assert trailing_islands(kept, sizes, []) == far_islands(kept, sizes, rejected, []) == []
    assert closing_line(kept, sizes, []) is None
