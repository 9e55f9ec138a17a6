"""Speed pass 38's shortcuts in the headline search give what the plain computations they replace give."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.headline_facts import dated_and_bylined, lead_words_from, lines_under
from newsdrop.text.cleaner.lines import _content_words, _is_date_line, _Line
from tests.unit.cleaner_fixtures import keyed_lines, printed_lines

_PAGE = [
    ("menu home sport", False),
    ("the harbour plans were approved on monday.", True),
    ("councillors voted after a long debate about the harbour.", True),
    ("photo credit", False),
    ("building starts next spring, officials said.", True),
    ("the fourth paragraph mentions budgets and the harbour.", True),
    ("the fifth paragraph names the architects.", True),
    ("related stories", False),
]


def _plain(lines: list[_Line], first: int) -> frozenset[str]:
    return _content_words.__wrapped__(" ".join([line.key for line in lines[first:] if line.prose][:3]))


@pytest.mark.parametrize(
    "firsts",
    [
        # Overlapping leads read one after another (the region's head lines): each paragraph's words are memoised
        # once and shared, and every lead is still the plain lead of its slice.
        [0, 1, 2, 3, 4, 5, 6, 7],
        [7, 6, 5, 4, 3, 2, 1, 0],
        [5, 0, 2, 6, 1],
        # A lead of one paragraph, then a longer lead holding it.
        [6, 4, 0],
        # No prose under the line: no words.
        [8, 0],
    ],
)
def test_leads_through_one_memo_are_the_plain_leads(firsts: list[int]) -> None:
    lines = keyed_lines(_PAGE)
    memo: dict[tuple[int, ...], frozenset[str]] = {}
    for first in firsts:
        assert lead_words_from(lines, first, memo) == _plain(lines, first)
    # A one-paragraph entry is that paragraph's own words, whichever lead read it first.
    for picked, words in memo.items():
        if len(picked) == 1:
            assert words == _content_words.__wrapped__(lines[picked[0]].key)


def _page(marks: str) -> list[_Line]:
    """A page a character a line: "b" a byline, "d" a line with the date role, "t" a line printing a date (read by
    the date test), "." a plain line."""
    texts = {"b": "By Jane Doe", "d": "Updated", "t": "March 26, 2015", ".": "Harbour wall finished early"}
    lines = printed_lines([texts[mark] for mark in marks])
    for line, mark in zip(lines, marks, strict=True):
        line.role = {"b": "byline", "d": "date"}.get(mark)
    return lines


def _plain_under(lines: list[_Line], index: int) -> tuple[bool, bool]:
    following = lines[index + 1 : index + 6]
    return (
        any(other.role == "date" or _is_date_line(other) for other in following),
        any(other.role == "byline" for other in following),
    )


@pytest.mark.parametrize(
    ("marks", "first", "last"),
    [
        # A byline, a date role and a printed date at every distance from the candidates, near the page's end too.
        ("....b......d......t.....", 0, 23),
        ("..b..d..t..b", 2, 9),
        ("b.....b.....t", 0, 12),
        # The last candidate well above the page's end: the span stops at the fifth line under it.
        ("..........t.....b.....d...", 3, 8),
        # ... its fifth line under it the one byline or date in reach.
        ("......b.....", 0, 1),
        ("......t.....", 0, 1),
        # The page's last line a candidate (nothing under it), and a page of one line.
        (".....b", 0, 5),
        (".", 0, 0),
        # No candidate in the span (the region opens the page).
        ("b.t", 1, 0),
    ],
)
def test_lines_under_reads_what_the_five_lines_under_say(marks: str, first: int, last: int) -> None:
    under = lines_under(_page(marks), first, last)
    # Every line, inside the span or outside it (the opening line above it, a line under its last candidate).
    for index in range(len(marks)):
        fresh = _page(marks)
        assert under.under(_page(marks), index) == _plain_under(fresh, index)
        assert under.dated_and_bylined(_page(marks), index) == dated_and_bylined(fresh, index)
