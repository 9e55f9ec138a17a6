"""The lookup handler against moto, with the table filled by the real ingest handler: every route and filter."""

from __future__ import annotations

import json

import pytest

from newsdrop.adapters import aws
from newsdrop.dal import Store, keys
from newsdrop.dal.table import ArticleTable
from newsdrop.handlers import lookup
from newsdrop.lookup.cursor import CursorCodec
from newsdrop.lookup.service import Lookup
from newsdrop.terms import index_terms, query_terms, tokens
from tests.bundle_factory import load_seeds
from tests.integration.harness import EVENTS
from tests.integration.lookup_seed import SEED_KEYS, SYNTH_BUNDLE, SYNTH_KEY, Api

UNKNOWN_ARTICLE = "f" * 32


def metas(api: Api) -> list[dict]:
    return [i for i in api.table_items() if i["sk"] == keys.ARTICLE_SK]


def newest_first(items: list[dict]) -> list[str]:
    """Reference order: published date descending (undated last), then id descending."""
    return [i["id"] for i in sorted(items, key=lambda i: (i.get("published") or "", i["id"]), reverse=True)]


def by_source(name: str):
    return lambda item: " ".join(keys.fold(item.get("source") or "").split()) == name


def in_days(since: str | None, until: str | None):
    def keep(item: dict) -> bool:
        day = (item.get("published") or "")[:10]
        return bool(day) and (since is None or day >= since) and (until is None or day <= until)

    return keep


def test_article_from_the_sample_event_has_body_removed_lines_and_both_bundles(seeded):
    meta = next(m for m in metas(seeded) if m.get("source") == "Rasa News Agency")
    event = json.loads((EVENTS / "api-get-article.json").read_text())
    event["path"] = f"/articles/{meta['id']}"
    event["pathParameters"] = {"article_id": meta["id"]}
    status, headers, body = seeded.call(event)
    assert status == 200
    assert headers["Content-Type"] == "application/json"
    for name in ("id", "title", "published", "source", "news_id", "kicker", "language", "byline", "url"):
        assert body[name] == meta.get(name), name
    assert body["word_count"] == int(meta["word_count"]) and isinstance(body["word_count"], int)
    assert body["body"].strip()
    assert body["removed"], "the seed has boilerplate lines"
    for line in body["removed"]:
        assert set(line) == {"n", "text", "role", "rule"}
        assert isinstance(line["n"], int)
        assert line["role"] not in ("body", "subheading")
        assert line["text"] not in body["body"].split("\n")
    assert {(b["bundle_id"], b["key"]) for b in body["bundles"]} == set(
        zip(seeded.seed_bundles, SEED_KEYS, strict=True)
    )
    assert {b["member"] for b in body["bundles"]} == {"003_2ee008dd76835e94.txt"}
    assert body["bundles_truncated"] is False


@pytest.mark.parametrize("article_id", [UNKNOWN_ARTICLE, "0" * 32])
def test_unknown_article_is_404(seeded, article_id):
    status, body = seeded.get(f"/articles/{article_id}")
    assert status == 404
    assert body["error"]["code"] == "not_found"
    assert article_id in body["error"]["message"]


ARTICLE_FILTERS = [
    pytest.param({}, None, id="no-filter"),
    pytest.param({"source": "alpha news"}, by_source("alpha news"), id="source-folded"),
    pytest.param({"source": "BETA WIRE"}, by_source("beta wire"), id="source-accents"),
    pytest.param(
        {"source": "Alpha News", "since": "2016-11-01", "until": "2016-11-30"},
        lambda i: by_source("alpha news")(i) and in_days("2016-11-01", "2016-11-30")(i),
        id="source-range",
    ),
    pytest.param({"since": "2016-11-10"}, in_days("2016-11-10", None), id="since"),
    pytest.param({"until": "2016-11-30"}, in_days(None, "2016-11-30"), id="until"),
    pytest.param(
        {"since": "2016-11-01", "until": "2016-12-18"}, in_days("2016-11-01", "2016-12-18"), id="range"
    ),
    pytest.param({"since": "2030-01-01"}, in_days("2030-01-01", None), id="future-empty"),
]


@pytest.mark.parametrize(("query", "keep"), ARTICLE_FILTERS)
@pytest.mark.parametrize("limit", [1, 2, 100])
def test_article_listing_pages_to_the_end_without_repeats_or_gaps(seeded, query, keep, limit):
    expected = newest_first([m for m in metas(seeded) if keep is None or keep(m)])
    walked = seeded.walk("/articles", limit, **query)
    assert [i["id"] for i in walked] == expected
    assert all("body" not in i for i in walked)


@pytest.mark.parametrize(
    ("query", "keep"),
    [
        ({}, None),
        ({"since": "2016-11-01", "until": "2016-11-30"}, in_days("2016-11-01", "2016-11-30")),
        ({"source": "beta wire"}, by_source("beta wire")),
        (
            {"source": "Alpha News", "until": "2016-11-30"},
            lambda i: (
                by_source("alpha news")(i)
                and i.get("published", "") <= "2016-11-30~"
                and bool(i.get("published"))
            ),
        ),
    ],
)
@pytest.mark.parametrize("limit", [1, 2])
def test_bundle_filter_uses_the_bundle_partition(seeded, query, keep, limit):
    links = [
        i
        for i in seeded.table_items()
        if i["pk"] == keys.bundle_pk(SYNTH_BUNDLE) and i["sk"].startswith("ART#")
    ]
    expected = newest_first([i for i in links if keep is None or keep(i)])
    walked = seeded.walk("/articles", limit, bundle=SYNTH_BUNDLE, **query)
    assert [i["id"] for i in walked] == expected
    assert all(i["member"].endswith(".json") for i in walked)


def test_seed_bundle_lists_its_five_articles(seeded):
    for bundle_id in seeded.seed_bundles:
        walked = seeded.walk("/articles", 2, bundle=bundle_id)
        assert len(walked) == 5
        assert {i["member"] for i in walked} == set(load_seeds())


def test_date_time_bounds_compare_in_utc(seeded):
    dated = next(m for m in metas(seeded) if m.get("source") == "Rasa News Agency")
    published = dated["published"]  # e.g. 2016-12-18T15:21, stated in the article's own time
    day = published[:10]
    inside = seeded.walk("/articles", 10, since=f"{day}T14:00:00Z", until=f"{day}T16:00:00Z")
    assert dated["id"] in [i["id"] for i in inside]
    shifted = seeded.walk("/articles", 10, since=f"{day}T14:00:00-03:00", until=f"{day}T16:00:00-03:00")
    assert dated["id"] not in [i["id"] for i in shifted]


def test_sample_list_event_filters_by_source_and_month(seeded):
    status, _, body = seeded.call(json.loads((EVENTS / "api-list-articles.json").read_text()))
    assert status == 200
    assert body["items"]
    for item in body["items"]:
        assert item["source"] == "Press TV"
        assert item["published"].startswith("2016-12")


def first_cursor(api: Api, path: str, **query: str) -> str:
    status, body = api.get(path, limit="1", **query)
    assert status == 200 and body["next_cursor"], body
    return body["next_cursor"]


@pytest.mark.parametrize(
    ("issued_on", "issued_query", "used_on", "used_query"),
    [
        ("/articles", {"source": "alpha news"}, "/articles", {"source": "beta wire"}),
        ("/articles", {"source": "alpha news"}, "/articles", {}),
        ("/articles", {"since": "2016-01-01"}, "/articles", {"since": "2015-01-01"}),
        ("/bundles", {}, "/articles", {}),
        ("/bundles", {}, "/bundles", {"key": SYNTH_KEY}),
        ("/search", {"q": "port"}, "/search", {"q": "railway"}),
    ],
)
def test_cursor_from_another_query_is_400(seeded, issued_on, issued_query, used_on, used_query):
    cursor = first_cursor(seeded, issued_on, **issued_query)
    status, body = seeded.get(used_on, cursor=cursor, **used_query)
    assert status == 400
    assert body["error"]["code"] == "invalid_cursor"
    assert "cursor" in body["error"]["message"]


@pytest.mark.parametrize("path", ["/articles", "/bundles", "/search"])
def test_tampered_cursor_is_400(seeded, path):
    query = {"q": "port"} if path == "/search" else {}
    cursor = first_cursor(seeded, path, **query)
    head, tag = cursor.split(".")
    for forged in (
        head[:-2] + ("AA" if head[-2:] != "AA" else "BB") + "." + tag,
        head + "." + tag[::-1],
        cursor + "x",
    ):
        status, body = seeded.get(path, cursor=forged, **query)
        assert status == 400, forged
        assert body["error"]["code"] == "invalid_cursor"


# --- search ---------------------------------------------------------------------------------------
def indexed(api: Api, term: str) -> dict[str, tuple[str, int]]:
    """Article id -> (block key, position in the block) of every posting of ``term`` in the table."""
    found = {}
    for item in api.table_items(terms=True):
        if item["pk"] == keys.term_pk(term):
            raw = bytes(item["ids"])
            for position in range(0, len(raw), 16):
                found[raw[position : position + 16].hex()] = (item["sk"], position)
    return found


@pytest.mark.parametrize(
    "q", ["aleppo", "Aleppo SYRIA", "ALEPPÓ", "port railway", "harbour cranes", "iran liberation"]
)
@pytest.mark.parametrize("limit", [1, 2, 100])
def test_search_matches_every_word_newest_first_and_pages_to_the_end(seeded, q, limit):
    postings = [indexed(seeded, term) for term in query_terms(q)]
    expected_ids = set.intersection(*(set(p) for p in postings))
    assert expected_ids or q == "port railway", "the query words are in the fixture"
    walked = seeded.walk("/search", limit, q=q)
    assert len(walked) == len({i["id"] for i in walked}) == len(expected_ids)
    assert {i["id"] for i in walked} == expected_ids
    # Most recently stored first: by block (the bundle's arrival, then its window), then member order.
    assert [i["id"] for i in walked] == sorted(expected_ids, key=lambda aid: postings[0][aid], reverse=True)
    for hit in walked:
        title = set(tokens(hit["title"] or ""))
        assert hit["score"] == sum(1 + 3 * (term in title) for term in query_terms(q))
    if limit == 100:
        for hit in walked:
            _, article = seeded.get(f"/articles/{hit['id']}")
            assert set(query_terms(q)) <= set(index_terms(article["title"], article["body"]))


def test_search_reports_completeness_and_nothing_for_unknown_words(seeded):
    status, body = seeded.get("/search", q="zzyzxqq")
    assert status == 200
    assert body == {"items": [], "next_cursor": None, "complete": True}


@pytest.mark.parametrize(
    ("q", "fragment"),
    [
        ("the of and", "no searchable word"),
        ("a", "no searchable word"),
        (" ".join(f"w{n}x" for n in range(9)), "at most 8"),
    ],
)
def test_search_rejects_queries_without_usable_words(seeded, q, fragment):
    status, body = seeded.get("/search", q=q)
    assert status == 400
    assert body["error"]["message"].startswith("q ")
    assert fragment in body["error"]["message"]


def test_sample_search_event(seeded):
    status, _, body = seeded.call(json.loads((EVENTS / "api-search.json").read_text()))
    assert status == 200
    assert 0 < len(body["items"]) <= 3
    assert body["complete"] is True


# --- bundles --------------------------------------------------------------------------------------
def test_bundle_record_from_the_sample_event(seeded):
    event = json.loads((EVENTS / "api-get-bundle.json").read_text())
    status, _, body = seeded.call(event)
    assert status == 404, "the sample id is unknown until patched"
    bundle_id = seeded.seed_bundles[0]
    event["path"] = f"/bundles/{bundle_id}"
    event["pathParameters"] = {"bundle_id": bundle_id}
    status, _, body = seeded.call(event)
    assert status == 200
    assert body["bundle_id"] == bundle_id
    assert body["key"] == SEED_KEYS[0]
    assert body["status"] == "DONE"
    assert body["counts"]["articles"] == 5 and body["counts"]["new"] == 5
    assert isinstance(body["size"], int) and isinstance(body["duration_ms"], int)
    assert body["received_at"] <= body["finished_at"]


def test_bundle_record_lists_member_errors(seeded):
    status, body = seeded.get(f"/bundles/{SYNTH_BUNDLE}")
    assert status == 200
    assert body["errors"] == [
        {"member": "009.json", "code": "undecodable", "reason": "no text encoding fits"}
    ]
    assert body["status"] == "PARTIAL"


def test_unknown_bundle_is_404(seeded):
    status, body = seeded.get("/bundles/no-such-bundle")
    assert status == 404
    assert body["error"]["code"] == "not_found"


@pytest.mark.parametrize("limit", [1, 2, 100])
@pytest.mark.parametrize("key", [None, SYNTH_KEY, SEED_KEYS[1], "incoming/never-uploaded.zip"])
def test_bundle_listing_newest_first(seeded, limit, key):
    records = [
        i for i in seeded.table_items() if i["sk"] == keys.STATUS_SK and (key is None or i["key"] == key)
    ]
    expected = [
        r["bundle_id"]
        for r in sorted(records, key=lambda r: (r["received_at"], r["bundle_id"]), reverse=True)
    ]
    query = {} if key is None else {"key": key}
    walked = seeded.walk("/bundles", limit, **query)
    assert [b["bundle_id"] for b in walked] == expected
    assert all("errors" not in b for b in walked)


# --- storage, big bodies --------------------------------------------------------------------------
def test_missing_table_is_503_with_retry_hint(seeded, monkeypatch):
    broken = Lookup(Store(ArticleTable(aws.client("dynamodb"), "no-such-table")), CursorCodec(b"k"))
    monkeypatch.setattr(lookup, "service", lambda: broken)
    status, headers, body = seeded.call(seeded.event("/articles"))
    assert status == 503
    assert headers["Retry-After"].isdigit()
    assert body["error"]["code"] == "storage_unavailable"
    assert "retry" in body["error"]["message"]
    assert "no-such-table" not in body["error"]["message"]
