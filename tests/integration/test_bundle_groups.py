"""GET /bundles/{id}/groups on moto: a bundle's near-duplicate groups, shared ones first, paged with bounded reads."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from bench.storage import distinct_articles
from bench.storage import jsonl as records_jsonl
from newsdrop import wiring
from newsdrop.dal import keys
from newsdrop.lookup import groups
from tests.integration.harness import message_with_body, receive_all
from tests.integration.lookup_seed import Api
from tests.integration.test_similar import BRIEF, GAZETTE, HERALD, MUSEUM, TIMES, jsonl


@pytest.fixture
def api(drop) -> Iterator[Api]:
    wiring.reset()
    yield Api(stack=drop.stack)
    wiring.reset()


def ids_by_source(drop) -> dict[str, str]:
    return {a["source"]: a["id"] for a in drop.articles()}


def groups_of(api: Api, bundle_id: str, **query: str) -> dict:
    status, body = api.get(f"/bundles/{bundle_id}/groups", **query)
    assert status == 200, body
    return body


def member_ids(group: dict) -> list[str]:
    return [m["id"] for m in group["members"]]


def test_one_bundle_lists_its_near_duplicates_as_one_group_and_no_lone_story(drop, api):
    drop.drop("incoming/mixed.jsonl", jsonl(HERALD, MUSEUM, TIMES, BRIEF))
    bid = drop.bundle_for("incoming/mixed.jsonl")["bundle_id"]
    ids = {a["title"]: a["id"] for a in drop.articles()}
    body = groups_of(api, bid)
    assert body["bundle_id"] == bid and body["next_cursor"] is None and body["reason"] is None
    [group] = body["items"]
    assert group["group_id"] == ids[HERALD[0]]
    assert (group["articles"], group["others"], group["counts_capped"]) == (2, 0, False)
    assert member_ids(group) == sorted([ids[HERALD[0]], ids[TIMES[0]]])
    by_id = {m["id"]: m for m in group["members"]}
    assert by_id[ids[TIMES[0]]] == {
        "id": ids[TIMES[0]],
        "title": TIMES[0],
        "published": "2024-05-07",
        "source": "Coast Times",
        "member": "mixed.jsonl#3",  # members are numbered by line from 1
    }
    assert not group["members_truncated"]
    filed = [i for i in drop.items() if i["sk"].startswith(keys.BUNDLE_GROUP_PREFIX)]
    assert sorted(i["id"] for i in filed) == member_ids(group), (
        "the lone museum story and the brief cost nothing"
    )


def test_groups_span_bundles_each_lists_its_own_members_and_counts_the_others(drop, api):
    drop.drop("incoming/first.jsonl", jsonl(HERALD, MUSEUM))
    first = drop.bundle_for("incoming/first.jsonl")["bundle_id"]
    assert groups_of(api, first)["items"] == [], "the Herald is alone so far"
    drop.drop("incoming/second.jsonl", jsonl(GAZETTE, TIMES))
    drop.drop("incoming/again.jsonl", jsonl(TIMES, MUSEUM))  # duplicates of stored articles
    ids = ids_by_source(drop)
    second, again = (drop.bundle_for(f"incoming/{name}.jsonl")["bundle_id"] for name in ("second", "again"))
    herald = ids["Valley Herald"]

    # The founder is filed in its own bundle when the first near-duplicate joins its group.
    [group] = groups_of(api, first)["items"]
    assert group["group_id"] == herald and member_ids(group) == [herald]
    assert group["members"][0]["member"] == "first.jsonl#1"
    assert (group["articles"], group["others"]) == (1, 2), "the Herald's two versions came later"

    [group] = groups_of(api, second)["items"]
    assert group["group_id"] == herald
    assert member_ids(group) == sorted([ids["Hill Gazette"], ids["Coast Times"]])
    assert {m["member"] for m in group["members"]} == {"second.jsonl#1", "second.jsonl#2"}
    assert (group["articles"], group["others"]) == (2, 1)

    # The duplicate of a lone story is filed (its group may grow later) but not listed while it is alone.
    [dup] = groups_of(api, again)["items"]
    assert dup["group_id"] == herald and member_ids(dup) == [ids["Coast Times"]]
    assert (dup["articles"], dup["others"]) == (1, 2)


def _corpus(pairs: int, lone: int) -> bytes:
    """Three versions of the wire story, ``pairs`` stories in two versions each and ``lone`` unrelated ones."""
    records = list(distinct_articles(pairs + lone, seed=21))
    out = [
        {"id": f"w{n}", "title": title, "source": source, "published": "2024-05-07", "text": text}
        for n, (title, source, text) in enumerate((HERALD, TIMES, GAZETTE))
    ]
    for n, story in enumerate(records[:pairs]):
        edited = story["text"].replace(
            " the ", " this ", 3
        )  # a copy desk's edit: the same story, another text
        assert edited != story["text"]
        out += [story, dict(story, id=f"copy-{n}", title="Copy: " + story["title"], text=edited)]
    return records_jsonl(out[:4] + records[pairs:] + out[4:])


def test_pages_follow_the_cursor_whatever_the_read_bounds(drop, api, monkeypatch):
    drop.drop("incoming/many.jsonl", _corpus(pairs=5, lone=8))
    bid = drop.bundle_for("incoming/many.jsonl")["bundle_id"]
    whole = groups_of(api, bid, limit="100")
    assert whole["next_cursor"] is None
    assert sorted(g["articles"] for g in whole["items"]) == [2, 2, 2, 2, 2, 3]
    assert all(g["others"] == 0 for g in whole["items"])
    group_ids = [g["group_id"] for g in whole["items"]]
    assert group_ids == sorted(group_ids)

    for limit in (1, 2, 5):
        assert api.walk(f"/bundles/{bid}/groups", limit) == whole["items"], limit

    # Tight bounds: 2 members listed per group, 3 items per Query, 1 Query per page. Pages come back short
    # but every group is reached once, with the same counts.
    monkeypatch.setattr(groups, "MEMBERS_PER_GROUP", 2)
    monkeypatch.setattr(groups, "LINKS_PER_QUERY", 3)
    monkeypatch.setattr(groups, "MAX_LINK_QUERIES", 1)
    sizes, tight, cursor = [], [], None
    while True:
        body = groups_of(api, bid, limit="4", **({"cursor": cursor} if cursor else {}))
        sizes.append(len(body["items"]))
        tight += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert [g["group_id"] for g in tight] == group_ids
    assert [g["articles"] for g in tight] == [g["articles"] for g in whole["items"]]
    wire = next(g for g in tight if g["articles"] == 3)
    assert wire["members_truncated"] and len(wire["members"]) == 2
    assert member_ids(wire) == member_ids(next(g for g in whole["items"] if g["articles"] == 3))[:2]
    assert max(sizes) < 4 and len(sizes) > 2, "pages that ran out of reads come back short and carry on"


def test_a_page_reads_a_bounded_number_of_items_whatever_the_bundle_size(drop, api, monkeypatch):
    drop.drop("incoming/many.jsonl", _corpus(pairs=12, lone=4))
    bid = drop.bundle_for("incoming/many.jsonl")["bundle_id"]
    from newsdrop.dal.table import ArticleTable

    calls: list[tuple[str, int]] = []
    real_query, real_count = ArticleTable.query, ArticleTable.count

    def query(self, **kwargs):
        found, last = real_query(self, **kwargs)
        calls.append(("query", len(found)))
        return found, last

    def count(self, **kwargs):
        calls.append(("count", kwargs["Limit"]))
        return real_count(self, **kwargs)

    monkeypatch.setattr(ArticleTable, "query", query)
    monkeypatch.setattr(ArticleTable, "count", count)
    monkeypatch.setattr(groups, "LINKS_PER_QUERY", 5)
    monkeypatch.setattr(groups, "MAX_LINK_QUERIES", 3)
    body = groups_of(api, bid, limit="20")
    assert 0 < len(body["items"]) < 13 and body["next_cursor"], "a short page: the Queries ran out"
    queries = [n for kind, n in calls if kind == "query"]
    assert len(queries) == 3 and all(n <= 5 for n in queries)
    counts = [cap for kind, cap in calls if kind == "count"]
    assert len(counts) == len(body["items"]) and set(counts) == {groups.COUNT_CAP}


def test_unknown_bundle_is_404_and_a_bad_cursor_is_400(drop, api):
    drop.drop("incoming/first.jsonl", jsonl(HERALD, TIMES))
    bid = drop.bundle_for("incoming/first.jsonl")["bundle_id"]
    status, body = api.get("/bundles/no-such-bundle/groups")
    assert status == 404 and body["error"]["code"] == "not_found"
    assert "GET /bundles" in body["error"]["message"]
    status, body = api.get(f"/bundles/{bid}/groups", cursor="abc.def")
    assert status == 400 and body["error"]["code"] == "invalid_cursor"
    status, body = api.get(f"/bundles/{bid}/groups", limit="1")
    assert status == 200 and body["next_cursor"]
    status, body = api.get("/bundles/other/groups", cursor=body["next_cursor"])
    assert status == 400, "a cursor of one bundle does not page another"
    status, body = api.get(f"/bundles/{bid}/groups", sort="size")
    assert status == 400 and "'sort'" in body["error"]["message"]


def test_a_bundle_from_before_group_items_says_why_it_lists_none(drop, api):
    drop.drop("incoming/first.jsonl", jsonl(HERALD, TIMES))
    bid = drop.bundle_for("incoming/first.jsonl")["bundle_id"]
    # As ingest wrote bundles before this change: no group items, no flag on the record.
    for item in drop.items():
        if item["pk"] == keys.bundle_pk(bid) and (
            item["sk"].startswith(keys.BUNDLE_GROUP_PREFIX) or item["sk"] == keys.STATUS_SK
        ):
            if item["sk"] == keys.STATUS_SK:
                drop.stack.dynamodb.update_item(
                    TableName=drop.stack.table,
                    Key={"pk": {"S": item["pk"]}, "sk": {"S": item["sk"]}},
                    UpdateExpression="REMOVE group_links",
                )
            else:
                drop.stack.dynamodb.delete_item(
                    TableName=drop.stack.table, Key={"pk": {"S": item["pk"]}, "sk": {"S": item["sk"]}}
                )
    body = groups_of(api, bid)
    assert body["items"] == [] and body["next_cursor"] is None
    assert "before bundle groups were recorded" in body["reason"]
    status, articles = api.get("/articles", bundle=bid)
    assert status == 200 and len(articles["items"]) == 2, "its links still list its articles"


def test_a_retry_after_a_crash_files_each_article_once_under_its_group(drop, api, monkeypatch):
    """The first attempt writes one flush and dies; the retry rewrites the same group items, adds none."""
    from newsdrop.ingest import service, writer

    drop.stack.s3.put_object(
        Bucket=drop.stack.bucket, Key="incoming/retry.jsonl", Body=jsonl(HERALD, TIMES, MUSEUM, GAZETTE)
    )
    messages = receive_all(drop.stack.sqs, drop.stack.queue_url)
    monkeypatch.setattr(writer, "ARTICLES_PER_FLUSH", 2)
    real_flush = writer.ArticleWriter.flush
    calls = {"n": 0}

    def crash_after_first_flush(self):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("simulated Lambda crash")
        real_flush(self)

    monkeypatch.setattr(writer.ArticleWriter, "flush", crash_after_first_flush)
    drop.deliver(messages)
    filed = [i for i in drop.items() if i["sk"].startswith(keys.BUNDLE_GROUP_PREFIX)]
    assert len(filed) == 2, "the first flush filed the Herald and the Times"
    monkeypatch.setattr(writer.ArticleWriter, "flush", real_flush)
    service.ingestor().lease_seconds = 0
    assert drop.deliver([message_with_body(json.loads(messages[0]["Body"]), receive_count=2)]) == {
        "batchItemFailures": []
    }
    filed_after = [i for i in drop.items() if i["sk"].startswith(keys.BUNDLE_GROUP_PREFIX)]
    assert {(i["pk"], i["sk"]) for i in filed} <= {(i["pk"], i["sk"]) for i in filed_after}
    grouped = [a["id"] for a in drop.articles() if a["source"] != "City Post"]
    assert sorted(i["id"] for i in filed_after) == sorted(grouped)
    bid = drop.bundle_for("incoming/retry.jsonl")["bundle_id"]
    [group] = groups_of(api, bid)["items"]
    assert (group["articles"], group["others"]) == (3, 0) and member_ids(group) == sorted(grouped)
