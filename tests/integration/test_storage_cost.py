"""Write cost and search of layout 2 on moto: hundreds of distinct articles through the real ingest."""

from __future__ import annotations

import random
import statistics
from collections import defaultdict
from collections.abc import Iterator
from types import SimpleNamespace

import boto3
import pytest
from moto import mock_aws

from bench.storage import article_items, distinct_articles, jsonl, moto_stack, search_all
from newsdrop.articles import heavy_fields_of
from newsdrop.terms import index_terms, tokens

ARTICLES = 600  # two bundles of 300: each bundle's postings share one write window
MAX_WRU_PER_NEW_ARTICLE = 16
MARKED = "lighthouse"  # put in the title of three articles out of four, to page through hundreds of hits


def _records(count: int, seed: int) -> list[dict]:
    records = list(distinct_articles(count, seed=seed))
    for n, record in enumerate(records):
        if n % 4:
            record["title"] = f"{MARKED.title()} {record['title']}"
    return records


@pytest.fixture(scope="module")
def ingested() -> Iterator[SimpleNamespace]:
    """The corpus ingested as two bundles into a fresh moto table, with every write metered."""
    with pytest.MonkeyPatch.context() as patch:
        for name, value in {
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
        }.items():
            patch.setenv(name, value)
        patch.delenv("AWS_ENDPOINT_URL", raising=False)
        with mock_aws():
            stack = moto_stack(boto3.session.Session(region_name="us-east-1"))
            records = _records(ARTICLES, seed=5)
            half = ARTICLES // 2
            outcomes = [
                stack.ingest("incoming/first.jsonl", jsonl(records[:half])),
                stack.ingest("incoming/second.jsonl", jsonl(records[half:])),
            ]
            stored = {
                m["id"]: (m.get("title"), heavy_fields_of(m).get("body", "")) for m in article_items(stack)
            }
            yield SimpleNamespace(stack=stack, records=records, outcomes=outcomes, stored=stored)


def test_every_article_is_new_and_stored(ingested):
    assert [o["status"] for o in ingested.outcomes] == ["DONE", "DONE"]
    assert sum(int(o["counts"]["new"]) for o in ingested.outcomes) == ARTICLES
    assert len(ingested.stored) == ARTICLES


def test_a_new_article_costs_at_most_16_write_units_gsi_copies_included(ingested):
    meter = ingested.stack.meter
    kinds = meter.by_kind()
    assert meter.total() / ARTICLES <= MAX_WRU_PER_NEW_ARTICLE, kinds
    # The GSIs project summaries only: one write unit per copy, whatever the body's size.
    for index in ("gsi1 copy", "gsi2 copy"):
        copies, _, units = kinds[index]
        assert units == copies
    # Grouping writes three band heads per article (and member items only for near-duplicates).
    assert kinds["band head"][2] <= 3 * ARTICLES
    assert "group member" not in kinds, "distinct articles found no near-duplicate"
    assert "bundle group" not in kinds, "a lone story is not filed under its group in the bundle"


def test_the_last_quarter_costs_no_more_than_the_first(ingested):
    charged = ingested.stack.meter.per_article()
    assert len(charged) == ARTICLES
    quarter = ARTICLES // 4
    first, last = statistics.mean(charged[:quarter]), statistics.mean(charged[-quarter:])
    # Articles differ in length and words, so allow 2 %: a cost that grew with the table would show more.
    assert last <= first * 1.02, (first, last)


def test_search_finds_every_article_of_its_scope(ingested):
    stored = ingested.stored
    scope: dict[str, set[str]] = defaultdict(set)
    for aid, (title, body) in stored.items():
        for term in index_terms(title, body):
            scope[term].add(aid)
        assert set(tokens(title or "")) <= set(index_terms(title, body)), "title words are always in scope"
    rng = random.Random(3)
    common = sorted(scope, key=lambda t: -len(scope[t]))[:5]
    words = sorted(set(rng.sample(sorted(scope), 25) + common))
    lookup = ingested.stack.lookup()
    found, truth = 0, 0
    for word in words:
        answer = search_all(lookup, word, limit=100)
        assert len(answer) == len(set(answer)), word
        assert set(answer) <= scope[word], f"{word}: every hit has the word in its scope"
        found += len(set(answer) & scope[word])
        truth += len(scope[word])
    assert found / truth >= 0.99


def test_a_word_in_hundreds_of_articles_pages_through_all_newest_first_with_stable_cursors(ingested):
    stack = ingested.stack
    lookup = stack.lookup()
    marked = {aid for aid, (title, _) in ingested.stored.items() if MARKED in tokens(title or "")}
    assert len(marked) == ARTICLES * 3 // 4
    first = lookup.search(MARKED, limit=25, cursor=None)
    assert first.complete and len(first.items) == 25 and first.next_cursor
    # A bundle ingested meanwhile does not move the pages after the cursor: new hits come before it.
    stack.ingest("incoming/third.jsonl", jsonl(_records(40, seed=9)))
    rest, cursor = [], first.next_cursor
    while cursor is not None:
        page = lookup.search(MARKED, limit=25, cursor=cursor)
        assert page.complete and len(page.items) <= 25
        rest += page.items
        cursor = page.next_cursor
    walked = [item["id"] for item in first.items + rest]
    assert len(walked) == len(set(walked)) == len(marked)
    assert set(walked) == marked
    assert walked == _member_order(stack, marked), (
        "most recently stored first: second bundle, last member first"
    )


def _member_order(stack, ids: set[str]) -> list[str]:
    """The ids newest first as stored: by bundle arrival, then member index, both descending."""
    metas = [m for m in article_items(stack) if m["id"] in ids]
    return [
        m["id"]
        for m in sorted(
            metas,
            key=lambda m: (m["first_seen"], int(str(m["first_member"]).rsplit("#", 1)[-1])),
            reverse=True,
        )
    ]
