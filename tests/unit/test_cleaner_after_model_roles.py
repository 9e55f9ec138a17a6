"""The after-model stages' role tracker: kept verdicts and rules follow each assignment; snapshots stay put."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.after_model import _marked
from newsdrop.text.cleaner.lines import _Line
from newsdrop.text.cleaner.page_roles import PageRoles


def _lines(roles: list[tuple[str | None, str | None]]) -> list[_Line]:
    return [
        _Line(n, f"line {n}", f"line {n}", 2, role, rule) for n, (role, rule) in enumerate(roles, start=1)
    ]


@pytest.mark.parametrize(
    ("start", "assignments", "kept", "rules"),
    [
        # No assignment: the verdicts read the lines' roles (body and subheading are kept; None, caption not).
        (
            [("body", None), ("subheading", "crosshead"), (None, None), ("caption", "photo_caption")],
            [],
            [True, True, False, False],
            [None, "crosshead", None, "photo_caption"],
        ),
        # A kept line dropped, a dropped line kept, a kept line turned caption (not kept).
        (
            [("body", None), ("boilerplate", "nav"), ("body", "x")],
            [(0, "boilerplate", "aside"), (1, "body", "quoted_lines"), (2, "caption", "closing_credit")],
            [False, True, False],
            ["aside", "quoted_lines", "closing_credit"],
        ),
        # Assigned twice: the last assignment holds.
        (
            [("boilerplate", "nav")],
            [(0, "body", "lead_under_headline"), (0, "boilerplate", "pitch_tail")],
            [False],
            ["pitch_tail"],
        ),
    ],
)
def test_roles_follow_assignments(
    start: list[tuple[str | None, str | None]],
    assignments: list[tuple[int, str, str]],
    kept: list[bool],
    rules: list[str | None],
) -> None:
    lines = _lines(start)
    roles = PageRoles(lines)
    for index, role, rule in assignments:
        roles.assign(index, role, rule)
    assert roles.kept() == kept
    assert roles.rules() == rules
    # The lines themselves carry the assignments, and the lists agree with a fresh reading of them.
    assert roles.kept() == PageRoles(lines).kept()
    assert [line.rule for line in lines] == rules


def test_roles_snapshots_stay_put() -> None:
    roles = PageRoles(_lines([("body", None), ("body", None)]))
    kept, rules = roles.kept(), roles.rules()
    roles.assign(1, "boilerplate", "aside")
    # A stage's snapshot is unchanged by a later assignment; a new snapshot sees it.
    assert kept == [True, True] and rules == [None, None]
    assert roles.kept() == [True, False] and roles.rules() == [None, "aside"]


def test_roles_share_one_snapshot_between_assignments() -> None:
    roles = PageRoles(_lines([("body", None), ("body", None)]))
    kept, rules = roles.kept(), roles.rules()
    # No assignment between two calls: the same lists, not a copy each.
    assert roles.kept() is kept and roles.rules() is rules
    roles.assign(0, "boilerplate", "aside")
    # An assignment retires them: the next call's lists are new, the old ones as they were.
    assert roles.kept() is not kept and roles.rules() is not rules
    assert kept == [True, True] and roles.kept() == [False, True]


@pytest.mark.parametrize(
    ("among", "rules", "expected"),
    [
        # Only the listed lines are asked; a rule replaced since (or none) is read as it is now.
        ([0, 2], ["line_model:a", "line_model:b", "header"], [True, False, False]),
        ([0, 1], ["line_model:a", None], [True, False]),
        ([], ["line_model:a"], [False]),
    ],
)
def test_marked_asks_only_the_listed_lines(
    among: list[int], rules: list[str | None], expected: list[bool]
) -> None:
    assert _marked(len(rules), among, rules, lambda _, rule: rule.startswith("line_model")) == expected


def test_roles_hold_a_rule_as_assigned() -> None:
    roles = PageRoles(_lines([("body", "standfirst"), ("body", None)]))
    assert roles.holds("standfirst") and not roles.holds("aside")
    roles.assign(0, "boilerplate", "aside")
    # The rule replaced is no longer held; the new one is.
    assert not roles.holds("standfirst") and roles.holds("aside")


def test_roles_take_the_kept_verdicts_given_as_their_own_copy() -> None:
    lines = _lines([("body", None), ("boilerplate", "nav")])
    given = [True, False]
    roles = PageRoles(lines, given)
    roles.assign(1, "body", "quoted_lines")
    # The tracker follows the assignment; the caller's list stays as it was given.
    assert roles.kept() == [True, True] and given == [True, False]
