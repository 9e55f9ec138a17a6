"""Picture captions that place their people ("from left", "(v.l.)"): re-decided as captions after the model."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.placed_caption import (
    _PLACED,
    MAX_CAPTION_CHARS,
    placed_caption,
    placed_captions,
    places_people,
)

_STORY = "The harbour authority said the new wall was finished two weeks early and under budget."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Murder victims from left: Kaylee Goncalves, Ethan Chapin, Xana Kernodle", True),
        ("Commandant Major-General Arturo Roja, second left, and Colonel Stuart Glenn, left, talk.", True),
        ("Pictured at the back, from left, are romance authors Jo Watson and Lindsay Norman.", True),
        ("The minister (centre) meets the union leaders in Leeds.", True),
        ("Vorstandsmitglieder (von li nach re): Pia Ianniello, Pamela Visani, Pietro Murrali", True),
        ("Starkes Trio seit 32 Jahren: Kerstin Wahala, Judy Lybke und Elke Hannemann (v.l.).", True),
        ("Los ministros, de izquierda a derecha, posan en Madrid.", True),
        ("Les lauréats, de gauche à droite, posent à Paris.", True),
        # a lone letter is a party's as often as a place
        ("Senator Bethany Funke (R) said the bill would pass.", False),
        # a story's sentence about left and right
        ("The party's left wing voted against the budget on Tuesday.", False),
        ("He turned left at the junction and drove on to Leeds.", False),
        (_STORY, False),
        # a long line that names places is a story's or a document's header
        ("Pictured from left " + "x" * MAX_CAPTION_CHARS, False),
    ],
)
def test_placed_caption(text: str, expected: bool) -> None:
    assert placed_caption(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The headline stage's test: ``placed_caption``'s forms ...
        ("Murder victims from left: Kaylee Goncalves, Ethan Chapin, Xana Kernodle", True),
        ("The minister (centre) meets the union leaders in Leeds.", True),
        # ... and a place between commas after a name.
        (
            "The leaders of seven parties, including party President Jo Example, center, pose before the debate",
            True,
        ),
        ("Colonel Stuart Glenn, left, and the mayor open the new harbour wall", True),
        ("Harbour master Eva Example, second from right, inspects the wall", True),
        # A headline names people without pointing at them.
        ("Prime Minister Dodges Criticism During Leaders Debate; Takes Cautious Stance on Pact", False),
        ("Left, right and centre: the parties' plans for the harbour", False),
        ("The party's left wing votes against the budget, right after the debate", False),
        ("Senator Bethany Funke (R) says the bill will pass", False),
    ],
)
def test_a_caption_placing_its_people_is_never_the_headline(text: str, expected: bool) -> None:
    assert places_people(text) is expected


@pytest.mark.parametrize("case", [str.upper, str.lower, str.title])
def test_placed_caption_word_pretest_keeps_every_line_the_pattern_reads(case) -> None:
    """The RE2 word set runs first; it may only skip lines the pattern would refuse, in any letter case."""
    for values in test_placed_caption.pytestmark[0].args[1]:
        text = case(values[0])
        if _PLACED.search(text) is not None and len(text) < 250:
            assert placed_caption(text), text


@pytest.mark.parametrize("case", [str.upper, str.lower, str.title])
def test_placed_captions_page_pretest_keeps_every_caption(case) -> None:
    """The word set reads once over the kept lines first; a page with a placing caption still has it found."""
    for values in test_placed_caption.pytestmark[0].args[1]:
        text = case(values[0])
        if placed_caption(text):
            assert placed_captions([_STORY, text, _STORY], [True] * 3) == [1], text


_C = "Pictured from left, are the novelists at the festival."


@pytest.mark.parametrize(
    ("texts", "kept", "expected"),
    [
        # a caption between the story's paragraphs
        ([_STORY, _C, _STORY], [True, True, True], [1]),
        # the first kept line stays (the lead picture's caption opens the story on some sites)
        ([_C, _STORY, _STORY], [True, True, True], []),
        ([_STORY, _C, _STORY], [False, True, True], []),
        # a dropped caption is left alone
        ([_STORY, _C, _STORY], [True, False, True], []),
        # every other kept line a caption: an empty story is worse
        ([_STORY, _C, _C], [True, True, True], []),
        # a caption that places by its opening word alone, below the page's first line: the page's hint reads
        # each line's start, not only the joined lines' first
        ([_STORY, "Pictured: the novelists at the festival.", _STORY], [True, True, True], [1]),
        ([_STORY, "PICTURED: the novelists at the festival.", _STORY], [True, True, True], [1]),
        ([], [], []),
    ],
)
def test_placed_captions(texts: list[str], kept: list[bool], expected: list[int]) -> None:
    assert placed_captions(texts, kept) == expected
