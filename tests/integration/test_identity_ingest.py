"""Ids from the source through the real ingest: content duplicates, layout-2 ids, cleaner changes, cleaner version."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from newsdrop import articles, wiring
from newsdrop.dal import ArticleTable, keys
from newsdrop.lookup.errors import NoSuchItem
from newsdrop.models import CleanArticle, Hints, Member
from newsdrop.text import members
from newsdrop.text.cleaner import CLEANER_VERSION
from newsdrop.text.similar import pack, signature
from tests.integration.lookup_seed import Api

TITLE = "Harbour cranes return to the port"
BODY = (
    "The harbour authority said the two giant cranes removed for repairs last winter were back in service on "
    "Monday, and that container ships delayed by the work would be unloaded by the end of the week. Dock "
    "workers welcomed the return of the cranes, which handle most of the port's traffic, and the authority "
    "said it would extend opening hours until the backlog was cleared."
)
OTHER = (
    "The city museum reopened its doors on Saturday after a three-year restoration of the old wing, with new "
    "galleries for the tapestry collection and a rooftop cafe overlooking the cathedral square. Curators said "
    "visitors had queued from dawn, and the restored ceiling frescoes drew the longest line."
)
NOW = "2025-01-02T03:04:05.000Z"


def text_member(title: str, body: str) -> bytes:
    return f"{title}\n\n{body}\n".encode()


def jsonl(*records: dict) -> bytes:
    return b"".join(json.dumps(r).encode() + b"\n" for r in records)


def record(url: str | None, title: str = TITLE, body: str = BODY, source: str = "Alpha News") -> dict:
    out = {"title": title, "source": source, "published": "2024-05-07", "text": body}
    return out if url is None else {**out, "url": url}


@pytest.fixture
def lookup(drop) -> Iterator:
    wiring.reset()
    yield wiring.lookup
    wiring.reset()


def metas(drop) -> dict[str, dict]:
    return {a["id"]: a for a in drop.articles()}


def test_a_url_gives_the_id_and_a_second_bundle_with_it_is_a_duplicate(drop, lookup):
    drop.drop("incoming/one.jsonl", jsonl(record("https://news.example/harbour?utm_source=rss")))
    [aid] = metas(drop)
    assert aid == articles.source_id(Member("x", "", Hints(url="https://news.example/harbour")), key="")
    # An updated story at the same URL, in another bundle: the same article, seen again.
    drop.drop("incoming/two.jsonl", jsonl(record("http://NEWS.example/harbour/", body=BODY + " Updated.")))
    assert list(metas(drop)) == [aid]
    assert drop.bundle_for("incoming/two.jsonl")["counts"]["duplicates"] == 1
    seen = lookup().get_article(aid)["bundles"]
    assert [s["key"] for s in seen] == ["incoming/one.jsonl", "incoming/two.jsonl"]


def test_the_same_text_elsewhere_is_a_duplicate_of_the_first_stored_article(drop, lookup):
    drop.drop("incoming/first.txt", text_member(TITLE, BODY))
    [first] = metas(drop)
    # Another key and another URL, the same cleaned text (case and spacing aside): content decides.
    drop.drop("incoming/copy.txt", text_member(TITLE.upper(), BODY.replace(". ", ".  ")))
    drop.drop("incoming/wire.jsonl", jsonl(record("https://other.example/a")))
    assert list(metas(drop)) == [first]
    for key in ("incoming/copy.txt", "incoming/wire.jsonl"):
        counts = drop.bundle_for(key)["counts"]
        assert (counts["new"], counts["duplicates"]) == (0, 1)
    article = lookup().get_article(first)
    assert {s["key"] for s in article["bundles"]} == {
        "incoming/first.txt",
        "incoming/copy.txt",
        "incoming/wire.jsonl",
    }
    links = [i for i in drop.items() if i["pk"].startswith("BUNDLE#") and i["sk"].startswith("ART#")]
    assert {link["id"] for link in links} == {first}, "every bundle lists the first stored article"
    [content] = [i for i in drop.items() if i["sk"] == keys.CONTENT_SK]
    assert content["id"] == first


def test_ids_do_not_move_when_the_cleaner_changes(drop, monkeypatch):
    data = text_member(TITLE, BODY)
    drop.drop("incoming/daily.txt", data)
    [aid] = metas(drop)
    real = members.clean_prepared

    def upgraded(prepared, bundle_chrome=frozenset()) -> CleanArticle:
        article = real(prepared, bundle_chrome)
        return CleanArticle(
            **{**{f: getattr(article, f) for f in article.__slots__}, "body": article.body + " X"}
        )

    monkeypatch.setattr(members, "clean_prepared", upgraded)
    drop.drop("incoming/daily.txt", data)  # the same object uploaded again: a new version, a new bundle
    assert list(metas(drop)) == [aid], "no second copy under a new id"
    assert drop.bundle_for("incoming/daily.txt")["counts"]["duplicates"] == 1


def test_every_new_article_records_its_cleaner_version_and_get_shows_it(drop, lookup):
    drop.drop("incoming/one.jsonl", jsonl(record("https://news.example/a"), record(None, "Museum", OTHER)))
    found = metas(drop)
    assert len(found) == 2
    for aid, meta in found.items():
        assert meta["cleaner_version"] == CLEANER_VERSION
        assert lookup().get_article(aid)["cleaner_version"] == CLEANER_VERSION


def test_a_body_placed_on_the_content_item_reads_back_and_a_missing_one_is_reported(drop, lookup):
    drop.drop("incoming/one.txt", text_member(TITLE, BODY))
    [meta] = drop.articles()
    raw = ArticleTable(drop.stack.dynamodb, drop.stack.table)
    stored = raw.get(keys.article_pk(meta["id"]), keys.ARTICLE_SK)
    content = raw.get(keys.content_pk(meta["content_key"]), keys.CONTENT_SK)
    assert articles.holds_heavy(stored) != articles.holds_heavy(content), "the body is on exactly one of them"
    assert lookup().get_article(meta["id"])["body"] == BODY
    if not articles.holds_heavy(stored):
        raw.batch_put([{k: v for k, v in content.items() if k not in articles.HEAVY_FIELDS}])
        with pytest.raises(NoSuchItem, match="still being stored"):
            lookup().get_article(meta["id"])


def _layout_2_items(aid: str, *, bundle: str, member: str) -> list[dict]:
    """What layout 2 wrote for one new article: META at the content-hash id, body inline, no content item."""
    sig = signature(BODY)
    assert sig is not None
    summary = {"id": aid, "title": TITLE, "published": "2024-05-07", "source": "Alpha News", "word_count": 60}
    return [
        {
            "pk": keys.article_pk(aid),
            "sk": keys.ARTICLE_SK,
            **summary,
            "body": BODY,
            "removed": [],
            "kept": [{"n": 2, "role": "body", "rule": "prose"}],
            "first_bundle": bundle,
            "first_key": "incoming/legacy.txt",
            "first_member": member,
            "first_seen": NOW,
            "gsi1pk": "SRC#alpha news",
            "gsi1sk": f"2024-05-07#{aid}",
            "gsi2pk": "PUB#2024-05",
            "gsi2sk": f"2024-05-07#{aid}",
            "group_id": aid,
            "sig": pack(sig),
        },
        {
            "pk": keys.bundle_pk(bundle),
            "sk": f"ART#2024-05-07#{aid}",
            "bundle_id": bundle,
            "member": member,
            **summary,
        },
    ]


def _legacy_id() -> str:
    """The layout-2 id of the text every test here drops: the content key of its cleaning."""
    return articles.content_key(members.clean_member(Member("a.txt", text_member(TITLE, BODY))))


def test_a_layout_2_article_keeps_its_id_and_new_copies_are_its_duplicates(drop, lookup):
    legacy = _legacy_id()
    ArticleTable(drop.stack.dynamodb, drop.stack.table).batch_put(
        _layout_2_items(legacy, bundle="legacy-bundle", member="a.txt")
    )
    article = lookup().get_article(legacy)
    assert article["body"] == BODY and article["cleaner_version"] is None
    drop.drop("incoming/again.txt", text_member(TITLE, BODY))
    assert list(metas(drop)) == [legacy]
    assert drop.bundle_for("incoming/again.txt")["counts"]["duplicates"] == 1
    assert not [i for i in drop.items() if i["sk"] == keys.CONTENT_SK], (
        "a layout-2 article is found by its id"
    )
    assert [s["key"] for s in lookup().get_article(legacy)["bundles"]] == [
        "incoming/legacy.txt",
        "incoming/again.txt",
    ]
    # Over HTTP, as a saved link is used: the article, its near-duplicates, both bundles' listings.
    api = Api(stack=drop.stack)
    status, body = api.get(f"/articles/{legacy}")
    assert status == 200 and body["body"] == BODY and body["cleaner_version"] is None
    status, body = api.get(f"/articles/{legacy}/similar")
    assert status == 200 and body["group_id"] == legacy
    again = drop.bundle_for("incoming/again.txt")["bundle_id"]
    for bundle in ("legacy-bundle", again):
        status, body = api.get("/articles", bundle=bundle)
        assert status == 200 and [a["id"] for a in body["items"]] == [legacy], bundle


def test_a_bundle_retried_across_the_upgrade_keeps_the_ids_its_first_attempt_wrote(drop):
    """Layout-2 code stored a member, then the bundle was retried by layout-3 code: still new, same id."""
    from newsdrop.ingest.records import ObjectRef

    legacy = _legacy_id()
    data = text_member(TITLE, BODY)
    drop.stack.s3.put_object(Bucket=drop.stack.bucket, Key="incoming/straddle.txt", Body=data)
    version = drop.stack.s3.head_object(Bucket=drop.stack.bucket, Key="incoming/straddle.txt")["VersionId"]
    bundle = ObjectRef(bucket=drop.stack.bucket, key="incoming/straddle.txt", version_id=version).bundle_id
    member = "straddle.txt"
    ArticleTable(drop.stack.dynamodb, drop.stack.table).batch_put(
        _layout_2_items(legacy, bundle=bundle, member=member)
    )
    drop.deliver()
    record = drop.bundle_for("incoming/straddle.txt")
    assert record["bundle_id"] == bundle
    assert record["counts"]["new"] == 1 and record["counts"]["duplicates"] == 0
    assert list(metas(drop)) == [legacy]
