"""Lookup tests that change the stack or the environment: each gets its own `stack` (conftest) via `api`."""

from __future__ import annotations

import json

from newsdrop import wiring
from newsdrop.dal import keys
from newsdrop.dal.table import ArticleTable
from tests.integration.harness import EVENTS
from tests.integration.lookup_seed import NOW, write_big_article


def test_body_stored_in_s3_is_served_whole(api):
    table = ArticleTable(api.stack.dynamodb, api.stack.table)
    aid = write_big_article(table, api.stack)
    status, body = api.get(f"/articles/{aid}")
    assert status == 200
    assert len(body["body"]) > 300_000
    assert len(body["body"].split()) == 120_000
    assert body["title"] == "Very long report"
    assert body["bundles"] == [
        {"bundle_id": "big-bundle", "key": "incoming/big.txt", "member": "big.txt", "seen_at": NOW}
    ], "the first sighting is kept on the article itself"
    listed = api.walk("/articles", 100, source="gamma daily")
    assert [i["id"] for i in listed] == [aid]


def test_default_listing_walks_back_from_today_to_undated_articles(api):
    """The real clock and the default floor: 2015 and undated articles are still reached, newest first."""
    metas = [i for i in api.table_items() if i["sk"] == keys.ARTICLE_SK]
    walked = api.walk("/articles", 100)
    assert [i["id"] for i in walked] == [
        m["id"] for m in sorted(metas, key=lambda m: (m.get("published") or "", m["id"]), reverse=True)
    ]
    assert walked[-1]["published"] is None
    assert any((i["published"] or "").startswith("2015") for i in walked)


def test_missing_table_is_503_and_health_still_answers(api, monkeypatch):
    monkeypatch.setenv("TABLE_NAME", "no-such-table")
    wiring.reset()
    status, headers, body = api.call(api.event("/bundles"))
    assert status == 503
    assert headers["Retry-After"].isdigit()
    assert body["error"]["code"] == "storage_unavailable"
    assert "no-such-table" not in body["error"]["message"]
    status, _, body = api.call(json.loads((EVENTS / "api-health.json").read_text()))
    assert status == 200
    assert body["status"] == "ok"
