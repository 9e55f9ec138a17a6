"""The region's anchor: the page's title line printed again as the headline, and a story without sentences under it."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.lines import _read_lines
from newsdrop.text.cleaner.region import (
    _ANCHOR_NEAR_LENGTH,
    _anchor_names,
    _bigrams,
    _choose_region,
    _headline_repeats,
    _near_lengths,
)


@pytest.mark.parametrize(
    ("title", "part", "anchors"),
    [
        ("Harbour wall finished two years early | Coast News", "Harbour wall finished two years early", True),
        # A blog's <title> puts " @ " between the post and the blog: the post's title anchors, in words.
        (
            "新竹尖石_美樹營地賞楓 (2) @ 史蒂文的家_藍天 :: 痞客邦 PIXNET ::",
            "新竹尖石_美樹營地賞楓 (2)",
            True,
        ),
        ("Harbour wall finished early — Coast News", "Harbour wall finished early", True),
        # A part of one or two words is a site or a section name, not the headline.
        ("Harbour wall finished two years early | Coast News", "Coast News", False),
        ("Harbour wall finished early @ Coast", "Coast", False),
    ],
)
def test_the_anchor_is_the_title_line_or_a_part_long_enough_to_be_the_headline(
    title: str, part: str, anchors: bool
) -> None:
    key = _read_lines(title, frozenset())[0].key
    assert (_read_lines(part, frozenset())[0].key in _anchor_names(key)) is anchors


SCHEDULE = [
    f"Round {number}: {day} March - Interlagos circuit" for number, day in enumerate(range(3, 27, 3), 1)
]
SIDEBAR = [
    "Click on the photo of our columnist and read his columns about Formula 1, MotoGP and the other series.",
    "Click on the picture above and see how the drivers stand in this season's power ranking of the series.",
]
STORY = [
    "The series announced on Monday that the first round of the season would be held at Interlagos in March.",
    "The organiser said the calendar could still change, as it usually does before the season gets under way.",
]


def _page(*lines: str) -> list[str]:
    return [
        "Stock car calendar 2018 | Racing site",
        "Home",
        "Racing",
        "Stock car calendar 2018",
        "22 January 2018 10:13",
        *lines,
    ]


@pytest.mark.parametrize(
    ("body", "first_kept"),
    [
        # A list under the headline and no prose run there: the list is the story, not the sidebar's prose.
        ([*SCHEDULE, "Share", "Tags", *SIDEBAR], SCHEDULE[0]),
        # Prose under the headline: the densest prose run, as before.
        ([*STORY, "Share", "Tags", *SIDEBAR], STORY[0]),
        # Too short a block is no story.
        ([*SCHEDULE[:3], "Share", "Tags", *SIDEBAR], SIDEBAR[0]),
    ],
)
def test_a_block_of_text_lines_under_the_printed_headline_is_the_story(
    body: list[str], first_kept: str
) -> None:
    lines = _read_lines("\n\n".join(_page(*body)), frozenset())
    region = _choose_region(lines)
    assert region is not None
    assert lines[region[0]].text == first_kept


@pytest.mark.parametrize(
    ("printed", "repeats"),
    [
        ("Minister admits the harbour wall was finished two years early", True),
        # Printed with small edits: a word dropped, "..." for "…".
        ("Minister admits harbour wall was finished two years early...", True),
        # Another headline of about the same length is no copy.
        ("Fishermen say the new breakwater keeps the eastern gales out", False),
        ("Minister admits", False),
    ],
)
def test_the_headline_printed_with_small_edits_is_a_repeat_of_the_title_line(
    printed: str, repeats: bool
) -> None:
    lines = _read_lines(
        "\n\n".join(
            ["Minister admits the harbour wall was finished two years early | Coast News", "Home", printed]
        ),
        frozenset(),
    )
    assert (_headline_repeats(lines) == [2]) is repeats


def test_a_near_copy_counts_only_on_a_page_without_an_exact_one() -> None:
    # The list's own heading prints the headline with an edit; the sidebar's prose starts within the scan
    # below it, but the exact headline above heads the list.
    lines = _read_lines(
        "\n\n".join(_page("Stock car calendar of 2018", *SCHEDULE, "Share", "Tags", *SIDEBAR)), frozenset()
    )
    region = _choose_region(lines)
    assert region is not None
    assert lines[region[0]].text == "Stock car calendar of 2018"


@pytest.mark.parametrize("text", ["", "a", "ab", "aaaa", "abab", "Ünïcødé… “q”", "新竹尖石_美樹", "x\ny"])
def test_a_text_s_bigrams_are_its_slices_of_two(text: str) -> None:
    # ``_bigrams`` pairs characters by ``map``: the same set as every two-character slice, short texts too.
    assert _bigrams(text) == frozenset(text[index : index + 2] for index in range(len(text) - 1))


@pytest.mark.parametrize("sizes", [[20], [21, 47], [33, 100, 101], [250]])
def test_the_near_lengths_are_the_lengths_near_copy_reads(sizes: list[int]) -> None:
    # The gate passes exactly the key lengths ``_near_copy``'s own length test reads against some name.
    near = {
        length
        for length in range(1000)
        if any(abs(length - size) <= _ANCHOR_NEAR_LENGTH * size for size in sizes)
    }
    assert _near_lengths(sizes) == near
