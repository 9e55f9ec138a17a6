"""The headline ranker's columns read from a candidate's printed neighbours and the page's other printings."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.headline_facts import lines_under
from newsdrop.text.cleaner.headline_rank import _RankContext, headline_features
from newsdrop.text.cleaner.lines import _content_words
from newsdrop.text.cleaner.model import HEADLINE_FEATURES
from tests.unit.cleaner_fixtures import HEADLINE, LEAD, STANDFIRST, printed_lines


def _row(texts: list[str], index: int, variants: dict[str, set[int]] | None = None) -> dict[str, float]:
    """The ranker's row of the line at ``index`` (every line a ranked candidate), by column name."""
    lines = printed_lines(texts)
    context = _RankContext(
        rank={at: at for at in range(len(lines))},
        best_score=10.0,
        nearest=len(lines) - 1,
        opening_parts=frozenset(),
        opening_words=frozenset(),
        lead_words=_content_words(lines[-1].key),
        printed={},
        first=0,
        variants=variants or {},
        under=lines_under(lines, 0, len(lines) - 1),
    )
    row = headline_features(lines, index, len(lines), 10.0, 0, context)
    return dict(zip(HEADLINE_FEATURES, row, strict=False))


# A line with an empty key: the neighbour columns look past it.
_BLANK = ""


@pytest.mark.parametrize(
    ("texts", "index", "columns"),
    [
        # A section label over the headline, its standfirst under it.
        (
            ["News", HEADLINE, STANDFIRST, LEAD],
            1,
            {"label_above": 1.0, "standfirst_below": 1.0, "candidate_above": 1.0, "candidate_below": 1.0},
        ),
        # The neighbours read past a line printing no word; the first line has none above.
        (
            ["News", _BLANK, HEADLINE, _BLANK, STANDFIRST, LEAD],
            2,
            {"label_above": 1.0, "standfirst_below": 1.0, "candidate_above": 1.0, "candidate_below": 1.0},
        ),
        (
            [HEADLINE, STANDFIRST, LEAD],
            0,
            {"label_above": 0.0, "candidate_above": 0.0, "candidate_below": 1.0},
        ),
        # A longer line above is no label; nothing below the last line.
        (
            [STANDFIRST, HEADLINE],
            1,
            {"label_above": 0.0, "standfirst_below": 0.0, "below_overlap": 0.0, "candidate_below": 0.0},
        ),
        # The words of the two lines under it: one line, two lines, the second's words only, none shared.
        (["Harbour wall finished", "The harbour wall is finished", LEAD], 0, {"below_overlap": 1.0}),
        (["Harbour wall finished", _BLANK, "The wall was finished", LEAD], 0, {"below_overlap": 2 / 3}),
        (["Harbour wall finished", "Fishing news", "harbour", "wall"], 0, {"below_overlap": 1 / 3}),
        (["Harbour wall finished", _BLANK, _BLANK, "harbour wall finished"], 0, {"below_overlap": 0.0}),
    ],
)
def test_a_candidates_neighbour_columns(texts: list[str], index: int, columns: dict[str, float]) -> None:
    row = _row(texts, index)
    assert {name: row[name] for name in columns} == columns


@pytest.mark.parametrize(
    ("variants", "printed"),
    [
        # Another line prints the candidate as a variant ("Headline | Site"), or it alone does, or none does.
        ({"harbour wall finished early": {0, 2}}, 1.0),
        ({"harbour wall finished early": {2}}, 1.0),
        ({"harbour wall finished early": {1}}, 0.0),
        ({"harbour wall finished early": set()}, 0.0),
        ({"another headline": {0, 2}}, 0.0),
        ({}, 0.0),
    ],
)
def test_a_candidate_printed_as_another_lines_variant(variants: dict[str, set[int]], printed: float) -> None:
    assert _row(["News", HEADLINE, LEAD], 1, variants)["variant_printed"] == printed
