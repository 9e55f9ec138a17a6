"""Speed pass 38's shortcuts in the headline search give what the plain computations they replace give."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.headline_facts import lead_words_from
from newsdrop.text.cleaner.lines import _content_words, _Line


def _lines(rows: list[tuple[str, bool]]) -> list[_Line]:
    lines = []
    for n, (key, prose) in enumerate(rows, start=1):
        line = _Line(n, key, key, len(key.split()))
        line.prose = prose
        lines.append(line)
    return lines


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
    lines = _lines(_PAGE)
    memo: dict[tuple[int, ...], frozenset[str]] = {}
    for first in firsts:
        assert lead_words_from(lines, first, memo) == _plain(lines, first)
    # A one-paragraph entry is that paragraph's own words, whichever lead read it first.
    for picked, words in memo.items():
        if len(picked) == 1:
            assert words == _content_words.__wrapped__(lines[picked[0]].key)
