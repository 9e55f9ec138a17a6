"""The benchmark's body metric (tools/eval_metric.py) and the floor check of tools/eval_cleaner.py."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from newsdrop.text.rule_catalogue import rule_catalogue
from tools.cleaning_corpus import Corpus, Page, fold_of, registered_domain
from tools.eval_cleaner import FLOORS, below_floors, load_floors
from tools.eval_metric import Result, Row, f1, precision_recall, score, shingles


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", {}),
        ("one two", {("one", "two"): 1}),
        ("a b c d", {("a", "b", "c", "d"): 1}),
        (
            "a b c d a b c d",
            {
                ("a", "b", "c", "d"): 2,
                ("b", "c", "d", "a"): 1,
                ("c", "d", "a", "b"): 1,
                ("d", "a", "b", "c"): 1,
            },
        ),
        ("It's 5 o'clock.", {("It", "s", "5", "o"): 1, ("s", "5", "o", "clock"): 1}),
    ],
)
def test_shingles_are_a_multiset_of_token_4_grams(text: str, expected: dict[tuple[str, ...], int]) -> None:
    assert dict(shingles(text)) == expected


@pytest.mark.parametrize(
    ("predicted", "gold", "precision", "recall"),
    [
        ("a b c d e", "a b c d e", 1.0, 1.0),
        ("", "a b c d e", 1.0, 0.0),  # nothing predicted: no false positive, all missed
        ("a b c d e f g", "a b c d e", 2 / 4, 1.0),  # 4 shingles predicted, 2 right
        ("a b c d", "a b c d e f", 1.0, 1 / 3),
        ("x y z w", "a b c d", 0.0, 0.0),
    ],
)
def test_precision_recall_per_article(predicted: str, gold: str, precision: float, recall: float) -> None:
    assert precision_recall(predicted, gold) == pytest.approx((precision, recall))


def test_f1_is_the_harmonic_mean_and_zero_without_overlap() -> None:
    assert f1(0.5, 1.0) == pytest.approx(2 / 3)
    assert f1(0.0, 0.0) == 0.0


def test_below_floors_names_each_figure_under_its_floor_and_missing_ones() -> None:
    rows = {"article": Row("a", f1=0.95, title=0.80), "seeds": Row("s", lines=1.0)}
    floors = {
        "article": {"f1": 0.94, "title": 0.85},
        "seeds": {"lines": 1.0, "metadata": 1.0},
        "gone": {"f1": 0.5},
    }
    failures = below_floors(rows, floors)
    assert failures == ["article.title 0.8 < 0.85", "seeds.metadata None < 1.0", "gone.f1 None < 0.5"]
    assert below_floors(rows, {"article": {"f1": 0.95}}) == []


def test_committed_floors_are_in_the_readme() -> None:
    floors = load_floors(FLOORS)
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| (\w+) \| (\w+) \| ([0-9.]+) \|$", readme, re.MULTILINE))
    expected = {
        (row, figure, str(floor)) for row, figures in floors.items() for figure, floor in figures.items()
    }
    assert listed == expected, "README.md's floor table differs from eval/floors.json: copy the file's values"


def test_floors_file_is_valid_json_with_numbers_in_range() -> None:
    data = json.loads(FLOORS.read_text(encoding="utf-8"))
    for figures in data["floors"].values():
        for figure, floor in figures.items():
            assert isinstance(floor, int | float)
            assert 0 < floor <= (1.0 if figure != "mb_per_s" else 1000)


def test_docs_list_every_rule_the_cleaner_can_record() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "eval.md").read_text(encoding="utf-8")
    for name, why in rule_catalogue().items():
        assert why, f"rule {name} has no reason"
        assert f"| `{name}` |" in docs, f"docs/eval.md lacks rule {name}: run tools.eval_cleaner --rules"


def test_sites_group_subdomains_and_country_second_levels() -> None:
    assert registered_domain("https://www.news.bbc.co.uk/a") == "bbc.co.uk"
    assert registered_domain("http://edition.cnn.com/x") == "cnn.com"
    assert registered_domain("https://abc.net.au/news") == "abc.net.au"
    assert registered_domain(None) == "unknown"
    # Every page of a site shares its fold: the cross-validation never sees the page's site in training.
    assert fold_of("bbc.co.uk") == fold_of(registered_domain("https://www.bbc.co.uk/other"))
    assert {fold_of(f"site{i}.com") for i in range(50)} == set(range(5))


def test_score_counts_titles_snippets_and_catastrophes_per_page() -> None:
    gold = {
        "title": "A Headline",
        "title_printed": "Kicker: A Headline",
        "body": "one two three four five six",
    }
    body_page = Page("fun-x", "fun", Path("."), gold)
    snippet_page = Page(
        "traf-y", "traf", Path("."), {"title": "T", "body": None, "with": ["kept words"], "without": ["menu"]}
    )
    rows = score(
        "x",
        [
            Result(body_page, "one two three four five six", "Kicker:  A Headline", None),
            Result(body_page, "nothing alike at all here", "Other", None),
            Result(snippet_page, "the kept words stay", "T", None),
            Result(snippet_page, "kept words and the menu", "T", None),
        ],
    )
    # Per-page P/R means over the body pages only: (1 + 0) / 2 each.
    assert (rows.precision, rows.recall, rows.f1) == pytest.approx((0.5, 0.5, 0.5))
    assert rows.title == pytest.approx(3 / 4)
    assert rows.snippets == pytest.approx(1 / 2)
    assert rows.above_02 == pytest.approx(1 / 2)
    assert rows.pages == 4


def test_a_gold_stored_decomposed_is_scored_as_the_composed_text_the_cleaner_returns(tmp_path: Path) -> None:
    dev, train = tmp_path / "dev", tmp_path / "train"
    for directory in (dev, train):
        (directory / "gold").mkdir(parents=True)
    body = "Caffè e città: 한국 뉴스 오늘"
    decomposed = {"url": "https://x.example/a", "body": unicodedata.normalize("NFD", body), "with": ["città"]}
    assert decomposed["body"] != body
    (train / "gold" / "fun-x-1.json").write_text(json.dumps(decomposed, ensure_ascii=False), encoding="utf-8")
    (page,) = Corpus(dev, train).pages
    assert page.body == body
    assert page.gold["with"] == ["città"]
    assert f1(*precision_recall(body, page.body)) == 1.0
    # an extractor that returns the page's decomposed letters is scored on the same words
    assert f1(*precision_recall(unicodedata.normalize("NFD", body), page.body)) == 1.0
    assert page.snippets_ok(unicodedata.normalize("NFD", body))


@pytest.mark.parametrize(
    ("text", "with_", "without", "ok"),
    [
        # the pl- gold glues two paragraphs the cleaner prints as two lines
        ("Michelle Obama sees despair.\n\nThe first lady said", ["despair.The first lady"], [], True),
        # html_text pads an inline link inside CJK text
        ("研究所は「 Extracting Code 」を公開", ["「Extracting Code」を"], [], True),
        # a without snippet split over lines is still kept boilerplate
        ("Story text.\nShare\nthis", [], ["Share this"], False),
        # different words stay different
        ("The first lady said", ["The first lady sang"], [], False),
        ("Story text only.", ["Story text"], ["Newsletter"], True),
    ],
)
def test_snippets_match_whatever_the_spacing(
    text: str, with_: list[str], without: list[str], ok: bool
) -> None:
    page = Page("pl-x", "pl", Path("."), {"url": "https://x.example/a", "with": with_, "without": without})
    assert page.snippets_ok(text) is ok


def test_every_rule_name_the_cleaner_assigns_is_catalogued() -> None:
    # A stage that records a rule name the catalogue lacks leaves the audit (the API's and CLI's "why") blank.
    import ast

    text_root = Path(__file__).resolve().parents[2] / "functions" / "newsdrop" / "text"
    assigned: set[str] = set()
    for path in text_root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "assign"
            ):
                # The rule is the last argument: ``line.assign(role, rule)``, ``roles.assign(index, role, rule)``.
                for argument in node.args[-1:]:
                    candidates = (
                        [argument.body, argument.orelse] if isinstance(argument, ast.IfExp) else [argument]
                    )
                    assigned |= {
                        c.value
                        for c in candidates
                        if isinstance(c, ast.Constant) and isinstance(c.value, str)
                    }
    catalogue = rule_catalogue()
    assert len(assigned) > 30, "the scan found too few assign() calls to be reading the cleaner"
    assert sorted(assigned - catalogue.keys()) == []
