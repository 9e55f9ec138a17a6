"""The headline ranker's extra training crops follow the article view's recipe, and its page weights count."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsdrop.text.cleaner.model import HEADLINE_FEATURES
from tests.unit.cleaner_fixtures import HEADLINE, LEAD, SECOND
from tools.cleaning_corpus import Page
from tools.train_crops import CROP_GROUP, crop, crop_rows
from tools.train_headlines import fit_boosted

TITLE = "Harbour wall finished after two years"
# A page view: 20 header lines (every other one blank), the headline, a body of 10 lines, a footer of 40.
HEADER = [f"Menu item {number}" if number % 2 == 0 else "" for number in range(20)]
BODY = [f"Body sentence number {number} of the story." for number in range(10)]
FOOTER = [f"Footer link {number}" for number in range(40)]
PAGE = [*HEADER, TITLE, *BODY, *FOOTER]
# The article view: 4 non-empty lines above the headline, the body and 12 lines of the footer.
ARTICLE = PAGE[12:43]


def _non_empty_above(lines: list[str], title: str) -> int:
    return sum(1 for line in lines[: lines.index(title)] if line.strip())


@pytest.mark.parametrize(
    ("page", "article", "reason"),
    [
        (PAGE, PAGE, "the article view is the whole page"),
        (PAGE, ["Not on the page", *ARTICLE], "the article view is no slice of the page"),
        (PAGE, [], "an empty article view"),
    ],
)
def test_no_crop_where_the_article_view_is_not_a_crop(
    page: list[str], article: list[str], reason: str
) -> None:
    assert crop(page, article, frozenset({TITLE}), "page:crop0") is None, reason


@pytest.mark.parametrize("key", [f"page-{number}:crop{k}" for number in range(12) for k in range(4)])
def test_a_crop_keeps_two_to_eight_lines_above_the_headline_and_the_body(key: str) -> None:
    lines = crop(PAGE, ARTICLE, frozenset({TITLE}), key)
    assert lines is not None
    assert 2 <= _non_empty_above(lines, TITLE) <= 8
    assert all(line in lines for line in BODY)
    # The tail moves at most 5 lines up or 15 down from the article view's.
    end = PAGE.index(lines[-1]) + 1
    assert 43 - 5 <= end <= 43 + 15
    assert lines == PAGE[PAGE.index(lines[0]) : end]


@pytest.mark.parametrize("key", [f"page-{number}:crop{k}" for number in range(12) for k in range(4)])
def test_without_the_headline_a_crop_only_gains_lines_above(key: str) -> None:
    lines = crop(PAGE, ARTICLE, frozenset({"A title the page never prints"}), key)
    assert lines is not None
    first = PAGE.index(lines[0])
    assert first <= 12
    assert sum(1 for line in PAGE[first:12] if line.strip()) <= 6


def test_crops_are_seeded_by_their_key_and_vary_between_keys() -> None:
    titles = frozenset({TITLE})
    assert crop(PAGE, ARTICLE, titles, "a:crop0") == crop(list(PAGE), list(ARTICLE), titles, "a:crop0")
    margins = {_non_empty_above(crop(PAGE, ARTICLE, titles, f"a:crop{k}") or [], TITLE) for k in range(40)}
    assert margins == set(range(2, 9))


def test_a_crop_above_a_headline_near_the_top_starts_at_the_page_top() -> None:
    page = ["Logo", TITLE, *BODY, *FOOTER]
    for k in range(20):
        lines = crop(page, page[1:20], frozenset({TITLE}), f"top:crop{k}")
        assert lines is not None
        assert lines[:2] == ["Logo", TITLE]


def _conflicting_pages() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """40 pages of two candidates, the two columns pointing opposite ways: on the first 20 the right one has
    the larger first column, on the last 20 the larger second column."""
    generator = np.random.default_rng(3)
    x = generator.normal(size=(80, len(HEADLINE_FEATURES)))
    y = np.zeros(80)
    for page in range(40):
        rows = np.array([2 * page, 2 * page + 1])
        column = 0 if page < 20 else 1
        x[rows[1], 0] = x[rows[0], 0] + (1.0 if column == 0 else -1.0)
        x[rows[1], 1] = x[rows[0], 1] + (-1.0 if column == 0 else 1.0)
        y[rows[1]] = 1.0
    return x, y, np.repeat(np.arange(40), 2), np.repeat(np.arange(40) < 20, 2)


@pytest.mark.parametrize(
    ("first_weight", "second_weight", "prefers_first_column"), [(1.0, 0.05, True), (0.05, 1.0, False)]
)
def test_page_weights_decide_which_pages_the_ranker_follows(
    first_weight: float, second_weight: float, prefers_first_column: bool
) -> None:
    x, y, groups, first = _conflicting_pages()
    ranker = fit_boosted(x, y, groups, seed=7, weights=np.where(first, first_weight, second_weight))
    # One candidate leads on the first column, the other on the second.
    row = [0.0] * len(HEADLINE_FEATURES)
    first_leads = [1.0, -1.0, *row[2:]]
    second_leads = [-1.0, 1.0, *row[2:]]
    assert (ranker.score(first_leads) > ranker.score(second_leads)) == prefers_first_column


def test_unit_weights_give_the_unweighted_ranker() -> None:
    x, y, groups, _ = _conflicting_pages()
    assert (
        fit_boosted(x, y, groups, seed=7).to_dict() == fit_boosted(x, y, groups, 7, np.ones(len(y))).to_dict()
    )


def _page(directory: Path) -> Page:
    """A harbour story's page view (a menu, the headline, the story, a footer) and its article view's crop."""
    header = ["Home", "", "News", "", "Sport", "", "Weather", ""]
    story = [HEADLINE, "", LEAD, "", SECOND, ""]
    footer = [f"Most read story {number} of the day" for number in range(12)]
    page = [*header, *story, *footer]
    for view, lines in (("page", page), ("article", page[4:20])):
        (directory / view).mkdir()
        (directory / view / "one.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Page("one", "fun", directory, {"title": HEADLINE, "url": "https://news.example/one"})


@pytest.mark.parametrize("crops", [0, 1, 3])
def test_crop_rows_give_each_crop_its_own_group_in_its_page_fold(tmp_path: Path, crops: int) -> None:
    page = _page(tmp_path)
    rows, labels, groups, folds = crop_rows([page], crops)
    assert sorted(set(groups)) == [CROP_GROUP * (k + 1) for k in range(crops)]
    assert len(rows) == len(labels) == len(groups) == len(folds)
    assert set(folds) <= {page.fold}
    # Each crop ranks the headline among its candidates, labelled right once.
    for k in range(crops):
        assert (
            sum(label for label, group in zip(labels, groups, strict=True) if group == CROP_GROUP * (k + 1))
            == 1.0
        )
