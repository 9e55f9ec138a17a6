"""Data of the lookup API tests: the seed bundles ingested by the real handler plus dated extras (fixtures: conftest)."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote_plus

from infra.provision import (
    DEFAULT_STACK,
    INGEST_FUNCTION_ID,
    LOOKUP_FUNCTION_ID,
    stack_resolver,
)
from infra.resolver import function_environment
from infra.template import DEFAULT_ACCOUNT_ID, DEFAULT_REGION
from newsdrop import articles, wiring
from newsdrop.dal import Store, items, keys
from newsdrop.dal.table import ArticleTable
from newsdrop.handlers import ingest as ingest_handler
from newsdrop.handlers import lookup
from newsdrop.ingest.postings import PostingWindow
from newsdrop.models import CleanArticle, LineDecision
from tests.bundle_factory import load_seeds, zip_bytes
from tests.gateway_events import lookup_event
from tests.integration.harness import EVENTS, FakeLambdaContext, scan_all

SEED_KEYS = ("incoming/seeds.zip", "incoming/again/seeds-copy.zip")
SYNTH_BUNDLE = "synth-bundle-1"
SYNTH_KEY = "incoming/synth.jsonl"
NOW = "2026-11-22T05:00:00Z"
FIXTURE_NOW = datetime(2017, 2, 10, tzinfo=UTC)

# (title, published, source): spread over months, years, two sources, and undated articles.
SYNTHETIC = [
    ("Harbour cranes return to the port", "2016-10-05", "Alpha News"),
    ("Port strike ends after talks", "2016-11-01", "Alpha News"),
    ("New ferry line opens at the port", "2016-11-20", "Alpha News"),
    ("Winter storms close the port", "2016-12-25", "ALPHA  news"),
    ("Port museum reopens", None, "Alpha News"),
    ("Mountain railway celebrates centenary", "2015-06-01", "Bêta Wire"),
    ("Railway tunnel survey finished", "2016-11-15", "Beta Wire"),
    ("Island election results", "2016-12-18", "Press TV"),
    ("Dated only article without source", "2017-01-02", None),
]


class Context(FakeLambdaContext):
    function_name: str = "LookupFunction"


@dataclass
class Api:
    """Calls the lookup handler with API Gateway REST proxy events; knows what the table holds."""

    stack: Any
    seed_bundles: list[str] = field(default_factory=list)

    def event(self, path: str, query: dict[str, str] | None = None, method: str = "GET") -> dict:
        return lookup_event(path, query, method)

    def call(self, event: dict) -> tuple[int, dict[str, str], Any]:
        reply = lookup.lambda_handler(event, Context())
        headers = {k: v[-1] for k, v in reply.get("multiValueHeaders", {}).items()}
        headers.update(reply.get("headers") or {})
        body = reply["body"]
        if headers.get("Content-Type") == "application/json":
            body = json.loads(body)
        return reply["statusCode"], headers, body

    def get(self, path: str, **query: str) -> tuple[int, Any]:
        status, _, body = self.call(self.event(path, query))
        return status, body

    def walk(self, path: str, limit: int, **query: str) -> list[dict]:
        """Every item of a list route, following next_cursor to the end."""
        items: list[dict] = []
        cursor: str | None = None
        for _ in range(10_000):
            params = dict(query, limit=str(limit))
            if cursor:
                params["cursor"] = cursor
            status, body = self.get(path, **params)
            assert status == 200, body
            assert set(body) >= {"items", "next_cursor"}
            assert len(body["items"]) <= limit
            items.extend(body["items"])
            cursor = body["next_cursor"]
            if cursor is None:
                return items
        raise AssertionError("pagination did not end")

    def table_items(self, *, terms: bool = False) -> list[dict]:
        return scan_all(self.stack.dynamodb, self.stack.table, exclude_terms=not terms)


def _s3_event(bucket: str, key: str, size: int, etag: str, version_id: str | None) -> dict:
    event = json.loads((EVENTS / "s3-put.json").read_text())
    record = event["Records"][0]
    record["s3"]["bucket"].update(name=bucket, arn=f"arn:aws:s3:::{bucket}")
    record["s3"]["object"].update(key=quote_plus(key), size=size, eTag=etag)
    if version_id:
        record["s3"]["object"]["versionId"] = version_id
    else:
        record["s3"]["object"].pop("versionId", None)
    return event


def ingest_through_handler(stack: Any, key: str, data: bytes) -> list[dict]:
    """Upload ``data`` and run the real ingest handler on the S3 event, as `sam local invoke` would."""
    put = stack.s3.put_object(Bucket=stack.bucket, Key=key, Body=data)
    event = _s3_event(stack.bucket, key, len(data), put["ETag"].strip('"'), put.get("VersionId"))
    return ingest_handler.lambda_handler(event, FakeLambdaContext())["bundles"]


def synthetic_article(title: str, published: str | None, source: str | None) -> CleanArticle:
    body = f"{title}. The port authority and the railway company reported on the {title.lower()} today."
    lines = (
        LineDecision(1, title, "title", "first_line_headline"),
        LineDecision(2, "Share this article", "boilerplate", "share_prompt"),
        LineDecision(3, body, "body", "prose"),
    )
    return CleanArticle(
        title=title,
        body=body,
        published=published,
        source=source,
        word_count=len(body.split()),
        language="en",
        lines=lines,
    )


def write_synthetic(table: ArticleTable, bucket: Any) -> list[str]:
    """Articles, links and posting blocks shaped exactly as ingest writes them (newsdrop.dal.items)."""
    ids = []
    store = Store(table)
    window = PostingWindow(store, received_at=NOW, bundle_id=SYNTH_BUNDLE, resume_at=0)
    for member, (title, published, source) in enumerate(SYNTHETIC):
        article = synthetic_article(title, published, source)
        # Ids as layout 2 gave them (content keys) keep the fixtures' order; the items are layout 3's.
        aid = content = articles.content_key(article)
        stored = articles.store_body(article, aid, "bodies/")
        name = f"{member:03d}.json"
        light = items.article_item(
            article,
            aid,
            articles.StoredBody({}),
            bundle_id=SYNTH_BUNDLE,
            key=SYNTH_KEY,
            member=name,
            now=NOW,
            content_key=content,
            cleaner_version="test",
        )
        meta, text = items.place_heavy(light, stored.attributes, content, aid)
        store.put_items(
            [text, meta, items.bundle_link_item(article, aid, bundle_id=SYNTH_BUNDLE, member=name)]
        )
        window.add(aid, article.title, article.body)
        ids.append(aid)
    window.close()
    for number, received in enumerate(("2026-11-20T10:00:00Z", "2026-11-21T10:00:00Z")):
        bid = f"{SYNTH_BUNDLE}-v{number}" if number else SYNTH_BUNDLE
        table.put(
            {
                "pk": keys.bundle_pk(bid),
                "sk": keys.STATUS_SK,
                "type": "bundle",
                "bundle_id": bid,
                "bucket": bucket,
                "key": SYNTH_KEY,
                "version_id": None,
                "etag": "0" * 32,
                "size": 12345,
                "format": "jsonl",
                "status": "PARTIAL",
                "received_at": received,
                "started_at": received,
                "finished_at": received,
                "duration_ms": 1500,
                "counts": {
                    "members": 10,
                    "articles": 9,
                    "new": 9,
                    "duplicates": 0,
                    "skipped": 0,
                    "failed": 1,
                },
                "errors": [{"member": "009.json", "code": "undecodable", "reason": "no text encoding fits"}],
                "errors_truncated": 0,
                "cleaner_version": "test",
                "attempts": 1,
                "gsi1pk": keys.object_key_pk(SYNTH_KEY),
                "gsi1sk": received,
                "gsi2pk": keys.BUNDLES_PK,
                "gsi2sk": f"{received}#{bid}",
            }
        )
    return ids


def write_big_article(table: ArticleTable, stack: Any) -> str:
    """An article whose body is too large even compressed, so it lives in S3 as ingest would put it."""
    rng = random.Random(7)
    words = [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 9)))
        for _ in range(120_000)
    ]
    body = " ".join(words)
    article = CleanArticle(title="Very long report", body=body, published="2016-09-09", source="Gamma Daily")
    aid = articles.content_key(article)
    stored = articles.store_body(article, aid, "bodies/")
    assert stored.s3_key is not None, "the body must be big enough to be moved to S3"
    stack.s3.put_object(Bucket=stack.bucket, Key=stored.s3_key, Body=stored.s3_payload)
    table.put(
        items.article_item(
            article,
            aid,
            stored,
            bundle_id="big-bundle",
            key="incoming/big.txt",
            member="big.txt",
            now=NOW,
            content_key=aid,
            cleaner_version="test",
        )
    )
    return aid


def reset() -> None:
    """Forget cached settings, clients and services: each fixture brings its own moto backend."""
    wiring.reset()


def seed(stack: Any) -> Api:
    """Ingest the seed bundle under both SEED_KEYS and add the synthetic articles; the Api over them."""
    seeds = zip_bytes(load_seeds())
    outcome = Api(stack=stack)
    for key in SEED_KEYS:
        bundles = ingest_through_handler(stack, key, seeds)
        assert [b["status"] for b in bundles] == ["DONE"], bundles
        outcome.seed_bundles.append(bundles[0]["bundle_id"])
    write_synthetic(ArticleTable(stack.dynamodb, stack.table), stack.bucket)
    return outcome


def function_env() -> dict[str, str]:
    resolver = stack_resolver(stack=DEFAULT_STACK, account_id=DEFAULT_ACCOUNT_ID, region=DEFAULT_REGION)
    return {
        **function_environment(resolver, LOOKUP_FUNCTION_ID),
        **function_environment(resolver, INGEST_FUNCTION_ID),
    }
