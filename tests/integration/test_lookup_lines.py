"""GET /articles/{id} shows the member's every line in order, the removed ones marked with their rule."""

from __future__ import annotations

import json

from newsdrop.dal import keys
from tests.bundle_factory import load_seeds
from tests.integration.harness import EVENTS, gold


def test_article_lines_are_the_source_lines_with_the_gold_verdicts(seeded):
    seeds, golds = load_seeds(), gold()
    event = json.loads((EVENTS / "api-get-article.json").read_text())
    checked = 0
    for meta in (i for i in seeded.table_items() if i["sk"] == keys.ARTICLE_SK):
        member = meta["first_member"].rsplit("/", 1)[-1]
        if member not in seeds:
            continue
        event["path"] = f"/articles/{meta['id']}"
        event["pathParameters"] = {"article_id": meta["id"]}
        status, _, body = seeded.call(event)
        assert status == 200
        source = [raw.strip() for raw in seeds[member].decode("utf-8").splitlines() if raw.strip()]
        assert [line["text"] for line in body["lines"]] == source
        verdicts = [
            entry["role"] not in ("body", "subheading")
            for entry in golds[member.removesuffix(".txt")]["lines"]
        ]
        assert [line["removed"] for line in body["lines"]] == verdicts
        assert {line["n"] for line in body["lines"] if line["removed"]} == {r["n"] for r in body["removed"]}
        assert all(line["rule"] for line in body["lines"])
        checked += 1
    assert checked == 5
