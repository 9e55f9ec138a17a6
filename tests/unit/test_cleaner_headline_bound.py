"""The rules' score bound: never under a candidate's score, and equal to it where the line's facts cost nothing."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.headline_bound import title_score_bounds
from newsdrop.text.cleaner.headline_facts import LinesUnder, _title_score, dated_and_bylined, lines_under
from newsdrop.text.cleaner.lines import _content_words, _Line
from tests.unit.cleaner_fixtures import printed_lines


def title_score_bound(
    lines: list[_Line],
    index: int,
    keys: dict[str, list[int]],
    variants: dict[str, set[int]],
    lead: frozenset[str],
    between: int,
    reworded: set[int],
    under: LinesUnder | None = None,
) -> float:
    """One line's bound, as the headline search reads it among the page's candidates."""
    return title_score_bounds(lines, [index], keys, variants, lead, [between], index, reworded, under)[0][0]


HEADLINE = "Council approves the new harbour bridge"
SENTENCE = "The council said on Tuesday that it would approve the new harbour bridge after all."
NAME = "Jane Doe"
DOMAIN = "News from www.example.com today"
LOWER = "and the council approves the harbour bridge"
MENU = "Sport"
CJK = "港の新しい橋"
LEAD = "The council approved the new harbour bridge on Tuesday after a decade of debate about its cost."


@pytest.mark.parametrize(
    ("texts", "roles", "rules", "index", "between", "tight"),
    [
        # A headline under which a byline stands: no fact of its text costs or gives points, the bound is its score.
        ([HEADLINE, "By Jane Doe", LEAD], [None, "byline", None], [None, None, None], 0, 0, True),
        # ... a link list's line with no byline under it: the penalty is read exactly too.
        ([HEADLINE, LEAD], [None, None], ["link_list", None], 0, 3, True),
        # A lower-case start is read exactly.
        ([LOWER, LEAD], [None, None], [None, None], 0, 0, True),
        # A short menu label: its penalty for few words is exact for an ASCII line.
        ([MENU, HEADLINE, LEAD], [None, None, None], [None, None, None], 0, 12, True),
        # A sentence, a name or a web address costs points the bound spares: the bound stands above the score.
        ([SENTENCE, LEAD], [None, None], [None, None], 0, 0, False),
        ([NAME, LEAD], [None, None], [None, None], 0, 0, False),
        ([DOMAIN, LEAD], [None, None], [None, None], 0, 0, False),
        # A short non-ASCII line may be CJK: the bound spares its few-words penalty (CJK here: equal).
        ([CJK, LEAD], [None, None], [None, None], 0, 0, True),
        ([f"{MENU} é", LEAD], [None, None], [None, None], 0, 0, False),
    ],
)
def test_bound_is_never_under_the_score(
    texts: list[str],
    roles: list[str | None],
    rules: list[str | None],
    index: int,
    between: int,
    tight: bool,
) -> None:
    lines = printed_lines(texts)
    for line, role, rule in zip(lines, roles, rules, strict=True):
        line.role, line.rule = role, rule
    keys: dict[str, list[int]] = {}
    for number, line in enumerate(lines):
        keys.setdefault(line.key, []).append(number)
    lead = _content_words(lines[-1].key)
    score = _title_score(lines, index, len(lines) - 1, keys, {}, lead, between, set())
    bound = title_score_bound(lines, index, keys, {}, lead, between, set())
    assert bound >= score
    # (Tight: equal bit for bit, the headline search takes such a bound for the score.)
    assert (bound == score) is tight


def test_bound_reads_printings_variants_and_rewording() -> None:
    lines = printed_lines([HEADLINE, "Menu", HEADLINE, LEAD])
    keys = {lines[0].key: [0, 2], "menu": [1], lines[3].key: [3]}
    lead = _content_words(lines[3].key)
    plain = title_score_bound(lines, 0, {lines[0].key: [0]}, {}, lead, 0, set())
    # A second printing, a variant printed by another line, another line in other words: six points each.
    assert title_score_bound(lines, 0, keys, {}, lead, 0, set()) == plain + 6
    assert title_score_bound(lines, 0, {lines[0].key: [0]}, {lines[0].key: {1}}, lead, 0, set()) == plain + 6
    assert title_score_bound(lines, 0, {lines[0].key: [0]}, {}, lead, 0, {0}) == plain + 6
    # The line's own variant is no other printing.
    assert title_score_bound(lines, 0, {lines[0].key: [0]}, {lines[0].key: {0}}, lead, 0, set()) == plain


@pytest.mark.parametrize(
    ("roles", "expected"),
    [
        # A byline within five lines under the line counts as a date too.
        ([None, None, "byline", None, None, None], (True, True)),
        # A date without a byline.
        ([None, "date", None, None, None, None], (True, False)),
        # A byline six lines down is out of reach, and so is a date there.
        ([None, None, None, None, None, "byline"], (False, False)),
        ([None, None, None, None, None, "date"], (False, False)),
        # A date above a byline: both.
        ([None, "date", None, "byline", None, None], (True, True)),
    ],
)
def test_dated_and_bylined_reads_the_five_lines_under(
    roles: list[str | None], expected: tuple[bool, bool]
) -> None:
    lines = printed_lines([HEADLINE, *[f"{LEAD} ({n})" for n in range(1, 6)], LEAD])
    for line, role in zip(lines[1:], roles, strict=True):
        line.role = role
    assert dated_and_bylined(lines, 0) == expected


@pytest.mark.parametrize(
    ("indices", "unclaimed", "first", "use_under"),
    [
        # Every line of the page in order, each at its own distance from the story, with and without the page's
        # lines under each candidate read once.
        ([0, 1, 2, 3, 4, 5], [0, 3, 5, 8, 10, 12], 0, False),
        ([0, 1, 2, 3, 4, 5], [0, 3, 5, 8, 10, 12], 0, True),
        # A window starting below the page's top, in another order: each line reads its own distance.
        ([5, 2, 4], [1, 2, 7, 9], 2, True),
        ([], [0], 0, False),
    ],
)
def test_bounds_of_a_page_are_each_lines_bound(
    indices: list[int], unclaimed: list[int], first: int, use_under: bool
) -> None:
    lines = printed_lines([HEADLINE, MENU, LOWER, "By Jane Doe", DOMAIN, CJK, HEADLINE, LEAD])
    lines[1].rule = "link_list"
    lines[3].role = "byline"
    keys: dict[str, list[int]] = {}
    for number, line in enumerate(lines):
        keys.setdefault(line.key, []).append(number)
    variants = {lines[2].key: {4}}
    lead = _content_words(lines[-1].key)
    under = lines_under(lines, 0, len(lines) - 2) if use_under else None
    found = title_score_bounds(lines, indices, keys, variants, lead, unclaimed, first, {0}, under)
    expected = [
        (title_score_bound(lines, index, keys, variants, lead, unclaimed[index - first], {0}, under), index)
        for index in indices
    ]
    assert found == expected
    # (The distance is read at the line's own place: a bound further from the story is lower.)
    assert all(
        bound <= title_score_bound(lines, index, keys, variants, lead, 0, {0}) for bound, index in found
    )
