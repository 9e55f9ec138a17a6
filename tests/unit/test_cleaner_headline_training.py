"""The headline ranker's training is deterministic, its averaged trees score as one sum, and its block features."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest

from newsdrop.text.cleaner import clean_article, rule_pass
from newsdrop.text.cleaner.model import HEADLINE_FEATURES, HeadlineModel, load_model
from tests.unit.cleaner_fixtures import HEADLINE, LEAD, SECOND
from tools import train_headlines
from tools.train_headlines import _tree_values, bin_edges, fit_boosted

STANDFIRST = "Crews poured the last concrete blocks of the breakwater on a calm Tuesday morning"


def _pages(seed: int, count: int = 60, noise: float = 0.0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Synthetic candidate rows: four candidates a page, the right one has the largest first column (plus
    ``noise``: near ties, where the right candidate leads on a noisy first column only)."""
    generator = np.random.default_rng(seed)
    x = generator.normal(size=(4 * count, len(HEADLINE_FEATURES)))
    groups = np.repeat(np.arange(count), 4)
    y = np.zeros(len(x))
    for page in range(count):
        rows = np.arange(4 * page, 4 * page + 4)
        lead = x[rows, 0] + generator.normal(scale=noise, size=4) if noise else x[rows, 0]
        y[rows[np.argmax(lead)]] = 1.0
    return x, y, groups


def test_the_same_rows_and_seed_give_the_same_ranker() -> None:
    x, y, groups = _pages(1)
    first = fit_boosted(x, y, groups, seed=7)
    again = fit_boosted(x.copy(), y.copy(), groups.copy(), seed=7)
    assert first.to_dict() == again.to_dict()
    assert first.trees


def test_the_fitted_ranker_learns_the_rows_and_scores_them_as_its_trees_sum() -> None:
    x, y, groups = _pages(2)
    ranker = fit_boosted(x, y, groups, seed=7)
    held_x, held_y, held_groups = _pages(3)
    scores = np.asarray(ranker.score_all(held_x.tolist()))
    right = sum(
        int(held_y[rows[np.argmax(scores[rows])]] > 0.5)
        for rows in (np.flatnonzero(held_groups == page) for page in np.unique(held_groups))
    )
    # Four candidates a page: a ranker that learned nothing is right on about a quarter of the pages.
    assert right >= 0.7 * len(np.unique(held_groups))
    summed = sum(_tree_values(tree, held_x) for tree in ranker.trees)
    assert scores == pytest.approx(summed)
    assert [ranker.score(row) for row in held_x.tolist()] == ranker.score_all(held_x.tolist())


# A hand-made ranker of two trees: a depth-2 tree on log_words then first_line, and a leaf.
_WORDS = float(HEADLINE_FEATURES.index("log_words"))
_FIRST = float(HEADLINE_FEATURES.index("first_line"))
TREE = ((_WORDS, 1.5, 1.0, 2.0), (-2.0,), (_FIRST, 0.5, 3.0, 4.0), (1.0,), (0.5,))


@pytest.mark.parametrize(
    ("log_words", "first_line", "expected"),
    [
        (1.0, 0.0, -2.0 + 0.125),
        (1.0, 1.0, -2.0 + 0.125),
        (1.5, 0.0, 1.0 + 0.125),
        (2.5, 0.0, 1.0 + 0.125),
        (2.5, 1.0, 0.5 + 0.125),
    ],
)
def test_a_hand_made_ranker_adds_the_leaf_each_row_reaches(
    log_words: float, first_line: float, expected: float
) -> None:
    row = [0.0] * len(HEADLINE_FEATURES)
    row[int(_WORDS)], row[int(_FIRST)] = log_words, first_line
    ranker = HeadlineModel((0.0,) * len(HEADLINE_FEATURES), trees=(TREE, ((0.125,),)))
    assert ranker.score(row) == pytest.approx(expected)
    assert ranker.score_all([row, row]) == [ranker.score(row)] * 2
    assert HeadlineModel.from_dict(ranker.to_dict()) == ranker


def _rows(lines: list[str]) -> dict[str, dict[str, float]]:
    """Each ranked candidate's features by name, by the candidate's text."""
    found = rule_pass("\n\n".join(lines) + "\n", collect=True)
    return {
        found.lines[index].text: dict(zip(HEADLINE_FEATURES, row, strict=True))
        for index, row in found.candidates
    }


PAGE = ["Coast News", "Weather", HEADLINE, STANDFIRST, LEAD, SECOND]


@pytest.mark.parametrize(
    ("text", "feature", "expected"),
    [
        # The headline sits over a longer candidate (its standfirst); the standfirst under a shorter one.
        (HEADLINE, "candidate_below", 1.0),
        (HEADLINE, "words_against_below", math.log1p(4) - math.log1p(14)),
        (STANDFIRST, "candidate_above", 1.0),
        (STANDFIRST, "words_against_above", math.log1p(14) - math.log1p(4)),
        # Its place in the header: 0 at the topmost candidate, nearer 1 close to the story.
        ("Coast News", "header_place", 0.0),
        (STANDFIRST, "header_place", 0.75),
        ("Coast News", "log_printings", math.log1p(1)),
        # Case shape: the share of words that open with a capital.
        (HEADLINE, "capital_share", 0.25),
        ("Coast News", "capital_share", 1.0),
        # The opening line is "Coast News": the share of its content words each candidate holds.
        ("Coast News", "opening_cover", 1.0),
        (HEADLINE, "opening_cover", 0.0),
    ],
)
def test_block_features_describe_the_candidates_place_among_the_others(
    text: str, feature: str, expected: float
) -> None:
    assert _rows(PAGE)[text][feature] == pytest.approx(expected)


def test_a_line_printed_twice_counts_its_printings_and_the_best_overlap_is_zero_against_itself() -> None:
    rows = _rows(["Coast News", HEADLINE, "Weather", HEADLINE, LEAD, SECOND])
    assert rows[HEADLINE]["log_printings"] == pytest.approx(math.log1p(2))
    best = max(row["lead_overlap"] for row in rows.values())
    for row in rows.values():
        assert row["lead_overlap_against_best"] == pytest.approx(row["lead_overlap"] - best)
        assert row["lead_overlap_against_best"] <= 0.0


def test_a_candidate_is_compared_with_the_lead_overlap_of_its_neighbours() -> None:
    rows = _rows(PAGE)
    headline, standfirst = rows[HEADLINE], rows[STANDFIRST]
    # The two say different shares of the lead: the difference is the feature, seen from either side.
    assert standfirst["lead_overlap"] != headline["lead_overlap"]
    assert headline["lead_against_below"] == pytest.approx(
        headline["lead_overlap"] - standfirst["lead_overlap"]
    )
    assert standfirst["lead_against_above"] == pytest.approx(-headline["lead_against_below"])
    # "Coast News" has no candidate right above it: nothing to compare.
    assert rows["Coast News"]["lead_against_above"] == 0.0


# A ranker that prefers the longest candidate, whatever it says.
LONGEST = HeadlineModel(tuple(5.0 if name == "log_words" else 0.0 for name in HEADLINE_FEATURES))


@pytest.mark.parametrize(
    "aside",
    [
        "(The old harbour wall in the winter storms of the year before last)",
        "[Updated with the council's statement on the new breakwater and its cost]",
        "Crews at work on the new harbour wall. Photograph: Jane Doe for the Coast News",
    ],
)
def test_the_ranker_never_takes_a_bracketed_aside_or_a_photograph_credit(aside: str) -> None:
    shipped = load_model()
    assert shipped is not None
    text = "\n\n".join(["Coast News", HEADLINE, aside, LEAD, SECOND]) + "\n"
    assert clean_article(text, model=replace(shipped, headline=LONGEST)).title == HEADLINE
    # The same line without its brackets or credit is the longest candidate, and the ranker takes it.
    plain = aside.strip("()[]").split(". Photograph:")[0]
    text = "\n\n".join(["Coast News", HEADLINE, plain, LEAD, SECOND]) + "\n"
    assert clean_article(text, model=replace(shipped, headline=LONGEST)).title == plain


def _picks(boosters: int, seed: int, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The held-out pages' picks of a ranker averaging ``boosters`` boosters fitted with ``seed``."""
    monkeypatch.setattr(train_headlines, "_BOOSTERS", boosters)
    monkeypatch.setattr(train_headlines, "_TREES", 20)
    x, y, groups = _pages(4, 80, noise=0.7)
    ranker = fit_boosted(x, y, groups, seed=seed)
    assert len(ranker.trees) == boosters * 20
    held_x, _, held_groups = _pages(5, 80, noise=0.7)
    scores = np.asarray(ranker.score_all(held_x.tolist()))
    return [int(np.argmax(scores[held_groups == page])) for page in np.unique(held_groups)]


@pytest.mark.parametrize(("few", "many"), [(1, 10), (2, 10)])
def test_averaging_more_boosters_moves_fewer_picks_between_seeds(
    few: int, many: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each booster draws its pages and features from the seeded generator: a retrain with another seed (or
    # with the rules' columns moved a little) reorders near ties, and the average of more boosters less so.
    def moved(boosters: int) -> int:
        first, second = _picks(boosters, 7, monkeypatch), _picks(boosters, 1, monkeypatch)
        return sum(a != b for a, b in zip(first, second, strict=True))

    assert moved(many) < moved(few)


@pytest.mark.parametrize(
    "column",
    [
        np.linspace(0.0, 1.0, 400),  # a share
        np.log1p(np.arange(400.0)),  # a log count
        np.random.default_rng(6).normal(size=400),  # a score
    ],
)
def test_bin_edges_sit_on_a_grid_that_a_few_rows_more_or_less_do_not_move(column: np.ndarray) -> None:
    # A merge that moves the rules' columns on a few pages shifts every quantile a little; rounded, the
    # split thresholds stay where they were (most of them), so the trees split where they did.
    edges = bin_edges(column[:, np.newaxis])[0]
    fewer = bin_edges(np.delete(column, [3, 150, 301])[:, np.newaxis])[0]
    assert np.allclose(edges, np.round(edges, 2))
    assert len(np.intersect1d(edges, fewer)) >= 0.6 * len(edges)
