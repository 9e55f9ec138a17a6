"""Reprocessing on moto: a cleaner change plus a reprocess message rewrites bodies in place, keeping ids,
sightings, links, near-duplicate groups and search consistent; a dry run changes nothing but its report."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator

import pytest

from newsdrop import articles, wiring
from newsdrop.dal import items, keys
from newsdrop.ingest import service
from newsdrop.terms import index_terms
from newsdrop.text import cleaner, members
from tests.integration.lookup_seed import Api
from tests.integration.test_similar import GAZETTE, HERALD, MUSEUM, TIMES, jsonl

NEW_VERSION = "2099.01.01-1"


@pytest.fixture
def api(drop) -> Iterator[Api]:
    wiring.reset()
    yield Api(stack=drop.stack)
    wiring.reset()


@pytest.fixture
def new_cleaner(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Installs a cleaner upgrade: 'reservoir' becomes 'lake' in titles and bodies, the museum story is redated."""
    real = members.clean_article

    def upgraded(text, hints, **kwargs):  # type: ignore[no-untyped-def]
        article = real(text, hints, **kwargs)
        title = (article.title or "").replace("Reservoir", "Lake").replace("reservoir", "lake") or None
        published = "2024-05-08" if "Museum" in (article.title or "") else article.published
        return dataclasses.replace(
            article, title=title, body=article.body.replace("reservoir", "lake"), published=published
        )

    def install() -> None:
        monkeypatch.setattr(members, "clean_article", upgraded)
        monkeypatch.setattr(cleaner, "CLEANER_VERSION", NEW_VERSION)

    return install


def reprocess(drop, key: str, **fields) -> dict:
    bundle_id = drop.bundle_for(key)["bundle_id"]
    [outcome] = service.ingest_sqs_body(
        json.dumps({"newsdrop": "reprocess", "bundle_id": bundle_id, **fields})
    )
    return {**drop.bundle_for(key), "outcome": outcome.status}


def body_of(meta: dict) -> str:
    """The body, from META or from the content item of its text (layout 3 puts it where it costs less)."""
    if not articles.holds_heavy(meta):
        meta = items.with_text(meta, wiring.store().content_items([meta["content_key"]])[meta["content_key"]])
    return articles.heavy_fields_of(meta)["body"]


def links(drop) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for item in drop.items():
        if item["pk"].startswith("BUNDLE#") and item["sk"].startswith(keys.ARTICLE_LINK_PREFIX):
            found.setdefault(item["bundle_id"], []).append(item)
    return found


def search(api: Api, q: str) -> list[str]:
    status, body = api.get("/search", q=q)
    assert status == 200, body
    return [item["id"] for item in body["items"]]


def test_a_cleaner_change_and_reprocess_rewrite_bodies_under_the_same_ids(drop, api, new_cleaner):
    wiring.reset()
    cleaner_before = cleaner.CLEANER_VERSION
    drop.drop("incoming/first.jsonl", jsonl(HERALD, MUSEUM, TIMES))
    drop.drop("incoming/second.jsonl", jsonl(GAZETTE, TIMES))  # TIMES again: a duplicate of the first's
    before = {a["id"]: a for a in drop.articles()}
    sightings = sorted((s["id"], s["bundle_id"], s["member"]) for s in drop.sightings())
    linked = {bid: sorted(link["id"] for link in ls) for bid, ls in links(drop).items()}
    groups = {aid: meta.get("group_id") for aid, meta in before.items()}
    assert search(api, "reservoir") and not search(api, "lake")

    new_cleaner()  # a new cleaner release from here on
    assert cleaner.CLEANER_VERSION == NEW_VERSION != cleaner_before
    first = reprocess(drop, "incoming/first.jsonl", request="r1")
    second = reprocess(drop, "incoming/second.jsonl", request="r2")

    assert first["outcome"] == second["outcome"] == "DONE"
    assert first["cleaner_version"] == second["cleaner_version"] == NEW_VERSION
    assert first["reprocess"]["counts"] == {
        "members": 3,
        "changed": 3,
        "unchanged": 0,
        "failed": 0,
        "skipped": 0,
    }
    assert first["reprocess"]["changes"] == {"title": 2, "body": 2, "date": 1}
    assert second["reprocess"]["counts"]["changed"] == 1, "the Gazette: the Times is the first bundle's"
    assert second["reprocess"]["counts"]["skipped"] == 1
    assert (
        first["reprocess_request"] == "r1"
        and first["counts"] == drop.bundle_for("incoming/first.jsonl")["counts"]
    )

    after = {a["id"]: a for a in drop.articles()}
    assert set(after) == set(before), "every article keeps its id; none is added"
    for aid, meta in after.items():
        assert meta["cleaner_version"] == NEW_VERSION
        assert "reservoir" not in body_of(meta) and "reservoir" not in (meta.get("title") or "")
        assert {k: meta.get(k) for k in ("first_bundle", "first_member", "first_key", "first_seen")} == {
            k: before[aid].get(k) for k in ("first_bundle", "first_member", "first_key", "first_seen")
        }
        assert meta.get("group_id") == groups[aid], "near-duplicate groups stay"
    assert any("lake" in body_of(meta) for meta in after.values())
    contents = {
        i["pk"].removeprefix("CONTENT#"): i["id"] for i in drop.items() if i["pk"].startswith("CONTENT#")
    }
    assert contents == {meta["content_key"]: aid for aid, meta in after.items()}, (
        "each text's content item names its article; the old texts' items are gone"
    )
    assert sorted((s["id"], s["bundle_id"], s["member"]) for s in drop.sightings()) == sightings
    now_linked = links(drop)
    assert {bid: sorted(link["id"] for link in ls) for bid, ls in now_linked.items()} == linked
    for ls in now_linked.values():
        for link in ls:
            meta = after[link["id"]]
            assert link["title"] == meta["title"], "links in every bundle show the new summary"
            assert link["sk"] == keys.bundle_link_sk(meta.get("published"), link["id"]), "refiled by date"

    lake = search(api, "lake")
    scoped = [a for a, m in after.items() if "lake" in index_terms(m.get("title"), body_of(m))]
    assert sorted(lake) == sorted(scoped) and len(lake) == 3, "new terms find the rewritten articles"
    assert search(api, "reservoir") == [], "terms the new cleaning dropped no longer find the article"
    assert len(set(search(api, "rationing"))) == len(search(api, "rationing")), "no article listed twice"

    herald = next(aid for aid, m in after.items() if m.get("source") == "Valley Herald")
    status, similar = api.get(f"/articles/{herald}/similar")
    assert status == 200
    assert {i["id"] for i in similar["items"]} == {a for a, g in groups.items() if g == groups[herald]} - {
        herald
    }
    assert all("reservoir" not in i["title"].lower() for i in similar["items"]), "member items were refreshed"

    state = drop.items()
    again = reprocess(drop, "incoming/first.jsonl", request="r3")
    assert again["outcome"] == "SKIPPED" and again["reprocess_request"] == "r3"
    assert [i for i in drop.items() if i["sk"] != keys.STATUS_SK] == [
        i for i in state if i["sk"] != keys.STATUS_SK
    ]


def test_a_dry_run_reports_changes_and_diffs_and_changes_nothing(drop, api, new_cleaner):
    drop.drop("incoming/first.jsonl", jsonl(HERALD, MUSEUM))
    state = [i for i in drop.items() if i["sk"] != keys.STATUS_SK]
    new_cleaner()

    record = reprocess(drop, "incoming/first.jsonl", dry_run=True, request="dry")

    assert record["outcome"] == "DONE"
    report = record["reprocess"]
    assert report["dry_run"] is True and report["run"] == NEW_VERSION + "#dry"
    assert report["counts"]["changed"] == 2 and report["changes"]["date"] == 1
    assert len(report["samples"]) == 2
    assert "-title: Reservoir at 40-year low" in report["samples"][0]["diff"]
    assert "+title: Lake at 40-year low" in report["samples"][0]["diff"]
    assert [i for i in drop.items() if i["sk"] != keys.STATUS_SK] == state, "a dry run writes no article"
    assert record["cleaner_version"] != NEW_VERSION
    status, shown = api.get(f"/bundles/{record['bundle_id']}")
    assert status == 200 and shown["reprocess_request"] == "dry"
    assert shown["reprocess"]["counts"]["changed"] == 2 and shown["reprocess"]["samples"][0]["diff"]


def test_a_bundle_whose_kept_version_is_gone_uses_the_same_bytes_or_fails_with_what_to_do(drop, new_cleaner):
    data = jsonl(HERALD, MUSEUM)
    drop.drop("incoming/first.jsonl", data)
    record = drop.bundle_for("incoming/first.jsonl")
    s3, bucket = drop.stack.s3, drop.stack.bucket
    # What the local stack does at a restart: the same bytes put back as a new version.
    s3.put_object(Bucket=bucket, Key="incoming/first.jsonl", Body=data)
    drop.stack.sqs.purge_queue(QueueUrl=drop.stack.queue_url)
    s3.delete_object(Bucket=bucket, Key="incoming/first.jsonl", VersionId=record["version_id"])
    new_cleaner()

    assert reprocess(drop, "incoming/first.jsonl")["reprocess"]["counts"]["changed"] == 2

    s3.put_object(Bucket=bucket, Key="incoming/first.jsonl", Body=jsonl(MUSEUM))
    failed = reprocess(drop, "incoming/first.jsonl", dry_run=True)
    assert failed["outcome"] == "FAILED" and "version" in failed["reprocess"]["error"]
    assert "restore that version" in failed["reprocess"]["error"]


def test_a_bundle_still_being_ingested_makes_the_reprocess_message_wait(drop, new_cleaner):
    from newsdrop.ingest.reprocess import ReprocessBusy

    drop.drop("incoming/first.jsonl", jsonl(HERALD, MUSEUM))
    record = drop.bundle_for("incoming/first.jsonl")
    store = wiring.store()
    store.save_bundle(record["bundle_id"], {"status": "PROCESSING"})  # a redelivered ingest holds it
    new_cleaner()
    message = json.dumps({"newsdrop": "reprocess", "bundle_id": record["bundle_id"]})

    with pytest.raises(ReprocessBusy, match="still being ingested"):
        service.ingest_sqs_body(message)
    assert "reprocess" not in drop.bundle_for("incoming/first.jsonl")

    store.save_bundle(record["bundle_id"], {"status": "DONE"})
    [outcome] = service.ingest_sqs_body(message)
    assert outcome.status == "DONE" and outcome.report["counts"]["changed"] == 2


def test_articles_stored_before_layout_3_are_reprocessed_and_gain_content_items(drop, new_cleaner):
    """A layout-2 META: body on META, no content_key, no cleaner_version, no CONTENT# item."""
    drop.drop("incoming/first.jsonl", jsonl(HERALD, MUSEUM))
    store = wiring.store()
    legacy, texts = [], [m["content_key"] for m in drop.articles()]
    for meta in drop.articles():
        whole = items.with_text(meta, store.content_items([meta["content_key"]]).get(meta["content_key"]))
        legacy.append({k: v for k, v in whole.items() if k not in ("content_key", "cleaner_version")})
    store.put_items(legacy)
    store.delete_content_items(texts)
    assert not [i for i in drop.items() if i["pk"].startswith("CONTENT#")]
    new_cleaner()

    record = reprocess(drop, "incoming/first.jsonl")

    assert record["reprocess"]["counts"]["changed"] == 2
    after = {a["id"]: a for a in drop.articles()}
    assert set(after) == {m["id"] for m in legacy}
    assert all(
        m["cleaner_version"] == NEW_VERSION and "replaced_content_key" not in m for m in after.values()
    )
    contents = {
        i["pk"].removeprefix("CONTENT#"): i["id"] for i in drop.items() if i["pk"].startswith("CONTENT#")
    }
    assert contents == {meta["content_key"]: aid for aid, meta in after.items()}
    assert all("reservoir" not in body_of(m) for m in after.values())
