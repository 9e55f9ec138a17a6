"""The five seed articles must clean exactly as data/seeds-gold specifies, body, metadata and every line."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from newsdrop.models import CleanArticle
from newsdrop.text.cleaner import clean_article

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "data" / "seeds"
GOLD = ROOT / "data" / "seeds-gold"
GOLD_FILES = sorted(GOLD.glob("*.json"))


def _load(gold_path: Path) -> tuple[dict[str, Any], CleanArticle]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (SEEDS / gold["file"]).read_text(encoding="utf-8")
    return gold, clean_article(text)


def _line_cases() -> list[Any]:
    cases = []
    for gold_path in GOLD_FILES:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for line in gold["lines"]:
            cases.append(
                pytest.param(gold_path, line, id=f"{gold_path.stem[:3]}-L{line['n']}-{line['role']}")
            )
    return cases


def test_there_are_five_seeds() -> None:
    assert len(GOLD_FILES) == 5
    assert all((SEEDS / json.loads(p.read_text(encoding="utf-8"))["file"]).exists() for p in GOLD_FILES)


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_body_matches_gold(gold_path: Path) -> None:
    gold, article = _load(gold_path)
    assert article.body == gold["body"]


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_metadata_matches_gold(gold_path: Path) -> None:
    gold, article = _load(gold_path)
    assert article.title == gold["title"]
    assert (article.published or "")[:10] == (gold["date"] or "")
    assert article.source == gold["source"]
    assert article.source_evidence == gold["source_evidence"]
    assert article.news_id == gold["news_id"]
    assert article.kicker == gold["kicker"]
    assert article.caption == gold["caption"]
    assert list(article.subheadings) == gold["subheadings"]


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_dropped_lines_are_not_in_body(gold_path: Path) -> None:
    gold, article = _load(gold_path)
    body_lines = set(article.body.split("\n\n"))
    for dropped in gold["dropped"]:
        assert dropped not in body_lines


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_every_non_empty_line_has_a_decision(gold_path: Path) -> None:
    gold, article = _load(gold_path)
    assert [line.n for line in article.lines] == [line["n"] for line in gold["lines"]]
    assert all(line.rule for line in article.lines)


@pytest.mark.parametrize(("gold_path", "gold_line"), _line_cases())
def test_line_role_matches_gold(gold_path: Path, gold_line: dict[str, Any]) -> None:
    _, article = _load(gold_path)
    decision = next(line for line in article.lines if line.n == gold_line["n"])
    assert decision.text == gold_line["text"]
    assert decision.role == gold_line["role"], f"rule {decision.rule} decided {decision.role}"


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_word_count_and_language(gold_path: Path) -> None:
    gold, article = _load(gold_path)
    assert article.word_count == len(re.findall(r"\w+", gold["body"]))
    assert article.language == "en"
