"""Barred headline candidates: lines never the headline (some only for the ranker), each page's verdict read once."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.headline_barred import barred_line, barred_test, best_unbarred
from tests.unit.cleaner_fixtures import printed_lines

HEADLINE = "Council approves the new harbour bridge after long debate"
CREDIT = "The harbour at dawn. Photo: Jane Doe"
ASIDE = "(Pictured: the harbour in 1950)"
POST_LINK = "← Older post about the harbour"
DATELINE = "Do 25.04.24 | 14:07 Uhr | Von Jane Doe"
STORY = "The council voted on Tuesday to approve the bridge, which has been debated for a decade."


@pytest.mark.parametrize(
    ("text", "ranked", "expected"),
    [
        # A headline is never barred.
        (HEADLINE, True, False),
        (HEADLINE, False, False),
        # A caption with its picture's credit, an aside in brackets, a link to another post: barred for the rules too.
        (CREDIT, False, True),
        (ASIDE, False, True),
        (POST_LINK, False, True),
        # A dateline: barred only for the ranker (the rules' ranking make train collects stays).
        (DATELINE, True, True),
        (DATELINE, False, False),
    ],
)
def test_barred_line(text: str, ranked: bool, expected: bool) -> None:
    lines = printed_lines([text, STORY])
    assert barred_line(lines, 0, lines[0], ranked) is expected


@pytest.mark.parametrize("ranked", [True, False])
def test_barred_test_reads_each_verdict_once_and_as_barred_line(ranked: bool) -> None:
    lines = printed_lines([HEADLINE, CREDIT, DATELINE, ASIDE, STORY])
    barred = barred_test(lines, lines[0], ranked)
    expected = [barred_line(lines, index, lines[0], ranked) for index in range(len(lines))]
    # Asked twice, in any order: the same verdicts.
    assert [barred(index) for index in range(len(lines))] == expected
    assert [barred(index) for index in reversed(range(len(lines)))] == expected[::-1]


@pytest.mark.parametrize(
    ("entries", "barred", "expected", "tested"),
    [
        # The best rank wins, tested alone.
        ([(3, 0.5), (7, 2.0), (9, 1.0)], set(), (2.0, 7), [7]),
        # A barred best gives way to the next best.
        ([(3, 0.5), (7, 2.0), (9, 1.0)], {7}, (1.0, 9), [7, 9]),
        # Of equal ranks the first in the entries' order, as a scan keeping the best so far names it.
        ([(3, 1.0), (7, 1.0), (9, 1.0)], set(), (1.0, 3), [3]),
        ([(3, 1.0), (7, 1.0), (9, 1.0)], {3}, (1.0, 7), [3, 7]),
        # Negative ranks and every line barred.
        ([(3, -2.0), (7, -1.0)], set(), (-1.0, 7), [7]),
        ([(3, -2.0), (7, -1.0)], {3, 7}, None, [7, 3]),
        ([], set(), None, []),
    ],
)
def test_best_unbarred_tests_lines_in_falling_rank(
    entries: list[tuple[int, float]],
    barred: set[int],
    expected: tuple[float, int] | None,
    tested: list[int],
) -> None:
    asked: list[int] = []

    def is_barred(index: int) -> bool:
        asked.append(index)
        return index in barred

    assert best_unbarred(entries, is_barred) == expected
    assert asked == tested
