"""The stored audit trail gives back every source line in order, each marked kept or removed with its rule."""

from __future__ import annotations

import json

import pytest

from newsdrop.articles import heavy_fields_of, source_lines, store_body
from newsdrop.text.cleaner import clean_article
from tests.bundle_factory import load_seeds
from tests.unit.test_seeds_gold import GOLD as GOLD_DIR

SEEDS = load_seeds()


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_every_seed_line_comes_back_in_order_with_the_gold_verdict(name: str) -> None:
    text = SEEDS[name].decode("utf-8")
    article = clean_article(text)
    heavy = heavy_fields_of(store_body(article, "a" * 32, "bodies/").attributes)
    lines = source_lines(heavy)
    assert lines is not None
    assert [line["text"] for line in lines] == [raw.strip() for raw in text.splitlines() if raw.strip()]
    gold = json.loads((GOLD_DIR / name.replace(".txt", ".json")).read_text())
    assert [line["removed"] for line in lines] == [
        entry["role"] not in ("body", "subheading") for entry in gold["lines"]
    ]
    assert all(line["rule"] for line in lines)
    assert [line["n"] for line in lines] == sorted(line["n"] for line in lines)


@pytest.mark.parametrize(
    "heavy",
    [
        {"body": "A\n\nB", "removed": []},  # stored before the kept numbers existed
        {"body": "A\n\nB", "removed": [], "kept": [{"n": 1, "role": "body", "rule": "default"}]},  # mismatch
    ],
)
def test_without_matching_kept_numbers_there_is_no_exact_view(heavy: dict) -> None:
    assert source_lines(heavy) is None


def test_compressed_bodies_keep_the_line_numbers() -> None:
    body_lines = [f"Paragraph {n} " + "words of a long text " * 900 for n in range(20)]
    article = clean_article("Headline of a long story\n\n" + "\n\n".join(body_lines))
    stored = store_body(article, "b" * 32, "bodies/")
    assert "heavy_gz" in stored.attributes
    lines = source_lines(heavy_fields_of(stored.attributes))
    assert lines is not None and len(lines) == 21
    assert lines[0]["removed"] is True and lines[0]["rule"] == "headline"
