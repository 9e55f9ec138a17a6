"""What a site prints above the story in its container (main_opening): article tools, a reprint notice, teasers."""

from __future__ import annotations

import pytest

from newsdrop.text.html_page import collect
from newsdrop.text.main_edits import bare_key
from newsdrop.text.main_opening import without_opening_teasers, without_opening_tools

_HEAD = "Home Depot Stock Is Falling After Its Earnings Release"
_NOTICE = (
    "This copy is for your personal, non-commercial use only. To order presentation-ready copies for "
    "distribution to your colleagues, clients or customers visit http://www.example.com."
)
_P1 = "Shares of the retailer fell in early trading after the company cut its sales forecast for the year."
_P2 = "Analysts said the market had expected the cut and that the shares would recover within weeks."


@pytest.mark.parametrize(
    ("main_lines", "witness_kept", "expected"),
    [
        # the tools row and the notice under the headline go
        ([_HEAD, "- Order Reprints", "- Print Article", _NOTICE, _P1, _P2], set(), [_HEAD, _P1, _P2]),
        # the notice alone, and tools under it
        ([_HEAD, _NOTICE, "- Share", _P1], set(), [_HEAD, _P1]),
        # other languages' wording of the same notice
        ([_HEAD, "Nur zum privaten Gebrauch. Weitergabe untersagt.", _P1], set(), [_HEAD, _P1]),
        ([_HEAD, "- Reprints & Permissions", _P1], set(), [_HEAD, _P1]),
        # the witness kept the notice on the page's own text: left alone
        ([_HEAD, "- Print Article", _NOTICE, _P1], {_NOTICE}, [_HEAD, "- Print Article", _NOTICE, _P1]),
        # a tool the witness kept stays with the list it belongs to
        ([_HEAD, "- Print Article", _NOTICE, _P1], {"Print Article"}, [_HEAD, "- Print Article", _P1]),
        # further down, a line about reprints is the story's
        (
            [_HEAD, _P1, _P2, _P1, _P2, _P1, _NOTICE],
            set(),
            [_HEAD, _P1, _P2, _P1, _P2, _P1, _NOTICE],
        ),
        # list items of the story (sentences, or longer) are no tools
        (
            [_HEAD, "- The shares fell.", _NOTICE, _P1],
            set(),
            [_HEAD, "- The shares fell.", _P1],
        ),
        # a long paragraph about reprint rights is no notice
        (
            [_HEAD, "The court ruled that " + "the copies were made for personal, non-commercial use and " * 5, _P1],
            set(),
            [_HEAD, "The court ruled that " + "the copies were made for personal, non-commercial use and " * 5, _P1],
        ),
        # no notice: tools alone stay (a story's own short list)
        ([_HEAD, "- Print Article", "- Share", _P1], set(), [_HEAD, "- Print Article", "- Share", _P1]),
        # the main content that is only the notice stays
        ([_NOTICE], set(), [_NOTICE]),
    ],
)  # fmt: skip
def test_without_opening_tools(main_lines: list[str], witness_kept: set[str], expected: list[str]) -> None:
    assert without_opening_tools(main_lines, frozenset(witness_kept)) == expected


_LABEL = "2019 Music Awards"
_T1 = "Singers Lead This Year's Music Awards Nominations"
_T2 = "Band Added to the Music Awards Performance Lineup"
_T3 = "Comedian to Host the Music Awards, Plus New Performers"
_LINKS = frozenset(bare_key(line) for line in (_T1, _T2, _T3))
_STORY_TEXT = [_P1, _P2]


@pytest.mark.parametrize(
    ("main_lines", "witness_kept", "links", "title", "expected"),
    [
        # a label and three linked headlines above the kept paragraph go
        ([_LABEL, _T1, _T2, _T3, *_STORY_TEXT], set(_STORY_TEXT), _LINKS, _HEAD, _STORY_TEXT),
        # without the label too
        ([_T1, _T2, _T3, *_STORY_TEXT], set(_STORY_TEXT), _LINKS, _HEAD, _STORY_TEXT),
        # two headlines are too few to tell a teaser block from a story's opening lines
        ([_LABEL, _T1, _T2, *_STORY_TEXT], set(_STORY_TEXT), _LINKS, _HEAD, [_LABEL, _T1, _T2, *_STORY_TEXT]),
        # lines that are no link on the page (the story's summary points) stay
        (
            [_LABEL, _T1, _T2, _T3, *_STORY_TEXT],
            set(_STORY_TEXT),
            frozenset(),
            _HEAD,
            [_LABEL, _T1, _T2, _T3, *_STORY_TEXT],
        ),
        # the paragraph under the block is not one the witness kept: left alone
        ([_T1, _T2, _T3, *_STORY_TEXT], set(), _LINKS, _HEAD, [_T1, _T2, _T3, *_STORY_TEXT]),
        # a headline the witness kept is the story's
        ([_T1, _T2, _T3, *_STORY_TEXT], {_T2, *_STORY_TEXT}, _LINKS, _HEAD, [_T1, _T2, _T3, *_STORY_TEXT]),
        # the page's headline opens the main content: no teaser block
        (
            [_T1, _T2, _T3, *_STORY_TEXT],
            set(_STORY_TEXT),
            _LINKS,
            _T1,
            [_T1, _T2, _T3, *_STORY_TEXT],
        ),
        # a block that is the whole main content stays
        ([_T1, _T2, _T3], set(), _LINKS, _HEAD, [_T1, _T2, _T3]),
    ],
)  # fmt: skip
def test_without_opening_teasers(
    main_lines: list[str], witness_kept: set[str], links: frozenset[str], title: str, expected: list[str]
) -> None:
    assert without_opening_teasers(main_lines, frozenset(witness_kept), links, title) == expected


def test_the_page_collects_its_link_texts() -> None:
    page = collect('<p>Read <a href="/a">Band Added to <b>the</b> Lineup</a> now</p><a href="/b"> </a>')
    assert page.links == {"Band Added to the Lineup"}
