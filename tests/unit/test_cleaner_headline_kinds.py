"""The headline ranker's candidate kinds: datelines, repeated menu labels, a headline glued to a label."""

from __future__ import annotations

import math

import pytest

from newsdrop.text.cleaner import rule_pass
from newsdrop.text.cleaner.headline_rank import _page_columns
from newsdrop.text.cleaner.lines import _Line
from newsdrop.text.cleaner.model import HEADLINE_FEATURES, HeadlineModel
from newsdrop.text.line_keys import normalize_line_key
from tests.unit.cleaner_fixtures import HEADLINE, LEAD, SECOND

_KINDS = ("clock_or_numeric_date", "repeated_words", "holds_candidate", "held_by_candidate")


# The columns ``headline_features`` gives (``_page_columns`` appends the rest).
_OWN = HEADLINE_FEATURES.index("lead_overlap_against_best")


def _columns(texts: list[str], region_start: int) -> list[dict[str, float]]:
    """Each text as a ranked candidate of one page: the columns ``_page_columns`` appends, by name."""
    lines = [_Line(n, text, normalize_line_key(text), len(text.split())) for n, text in enumerate(texts)]
    rows: list[list[float]] = [[0.0] * _OWN for _ in texts]
    _page_columns(lines, list(range(len(texts))), region_start, rows)
    return [dict(zip(HEADLINE_FEATURES[_OWN:], row[_OWN:], strict=True)) for row in rows]


def _kinds(texts: list[str]) -> list[dict[str, float]]:
    """Each text as a ranked candidate of one page above the region: its kind columns by name."""
    return [{kind: row[kind] for kind in _KINDS} for row in _columns(texts, len(texts))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thu 25.04.24 | 14:07 | By Eva Example", 1.0),
        ("Harbour wall finished at 9:30 on Tuesday", 1.0),
        ("Posted 3/9/2017 by the harbour office", 1.0),
        # A year, a score or a number is no timestamp: headlines name them.
        ("AMP Conf 2019 opens in Tokyo", 0.0),
        ("Harbour side wins 3:1 in the derby", 0.0),
        (HEADLINE, 0.0),
    ],
)
def test_a_clock_time_or_numeric_date_is_a_dateline_kind(text: str, expected: float) -> None:
    assert _kinds([text])[0]["clock_or_numeric_date"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A menu printing each label twice: of its words of four letters or more, 2 distinct of 4.
        ("For schools For schools For tutors For tutors", 1.0 - 2 / 4),
        ("Harbour wall finished early", 0.0),
        ("Harbour wall finished early, harbour master says", 1.0 - 6 / 7),
        # Short words repeat in any long headline: they do not count.
        ("Desperate to get through to the board, vendors turn to the press", 0.0),
        # Under four words a repeat says nothing.
        ("News News News", 0.0),
    ],
)
def test_the_share_of_repeated_words(text: str, expected: float) -> None:
    assert _kinds([text])[0]["repeated_words"] == pytest.approx(expected)


@pytest.mark.parametrize(
    ("texts", "holds", "held"),
    [
        # A breadcrumb glued in front of the headline, and a site's name behind it.
        (["Home News Harbour wall finished early", HEADLINE], [1.0, 0.0], [0.0, 1.0]),
        ([f"{HEADLINE} - Latest news", HEADLINE], [1.0, 0.0], [0.0, 1.0]),
        # A two-word part is a label, not a headline: no glue either way.
        (["Coast News today and more", "Coast News"], [0.0, 0.0], [0.0, 0.0]),
        # Only at an end: a headline inside another line's middle is another sentence.
        ([f"Why the {HEADLINE.lower()} matters", HEADLINE], [0.0, 0.0], [0.0, 0.0]),
        # The same line printed twice is no glue.
        ([HEADLINE, HEADLINE], [0.0, 0.0], [0.0, 0.0]),
    ],
)
def test_a_candidate_that_glues_another_to_a_label(
    texts: list[str], holds: list[float], held: list[float]
) -> None:
    kinds = _kinds(texts)
    assert [row["holds_candidate"] for row in kinds] == holds
    assert [row["held_by_candidate"] for row in kinds] == held


@pytest.mark.parametrize(
    ("region_start", "inside", "above"),
    [
        # Every candidate above the region; the region opens at the third; at the first.
        (4, [0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]),
        (2, [0.0, 0.0, 1.0, 1.0], [0.0, 0.0, 0.0, math.log1p(1)]),
        (0, [1.0, 1.0, 1.0, 1.0], [0.0, math.log1p(1), math.log1p(2), math.log1p(3)]),
    ],
)
def test_the_region_head_columns_count_the_region_lines_above_a_candidate(
    region_start: int, inside: list[float], above: list[float]
) -> None:
    rows = _columns(["Coast News", HEADLINE, LEAD, SECOND], region_start)
    assert [row["in_region_head"] for row in rows] == inside
    assert [row["log_region_lines_above"] for row in rows] == pytest.approx(above)


def test_every_ranked_candidate_row_has_every_feature_in_order() -> None:
    text = "\n\n".join(["Home News Harbour wall finished early", HEADLINE, LEAD, SECOND]) + "\n"
    found = rule_pass(text, collect=True)
    assert found.candidates
    for index, row in found.candidates:
        assert len(row) == len(HEADLINE_FEATURES)
        named = dict(zip(HEADLINE_FEATURES, row, strict=True))
        if found.lines[index].text == HEADLINE:
            assert named["held_by_candidate"] == 1.0


def test_a_ranker_trained_before_the_kinds_loads_and_scores_as_before() -> None:
    old = len(HEADLINE_FEATURES) - len(_KINDS)
    data = HeadlineModel((0.5,) * len(HEADLINE_FEATURES)).to_dict()
    data["features"], data["weights"] = data["features"][:old], data["weights"][:old]  # type: ignore[index]
    loaded = HeadlineModel.from_dict(data)
    row = [1.0] * len(HEADLINE_FEATURES)
    # The new columns weigh 0: the old model's score of the old columns.
    assert loaded.score(row) == pytest.approx(0.5 * old)
    data["features"] = list(reversed(data["features"]))  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="make train"):
        HeadlineModel.from_dict(data)
