"""Article identity and the DynamoDB item shapes for articles, sightings, bundle links and search terms."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from newsdrop import keys
from newsdrop.models import KEPT_ROLES, CleanArticle
from newsdrop.terms import index_terms
from newsdrop.text.similar import Head, Signature, pack

# DynamoDB's item limit is 400 KB; leave room for keys, metadata and attribute names.
INLINE_LIMIT = 300_000
_SPACE = re.compile(r"\s+")


def article_id(article: CleanArticle) -> str:
    """A content hash: the same text (modulo case, spacing and Unicode form) always gets the same id."""
    basis = f"{article.title or ''}\n{article.body}"
    folded = _SPACE.sub(" ", unicodedata.normalize("NFKC", basis).casefold()).strip()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class StoredBody:
    """Where an article's heavy fields live: inline, gzip-compressed inline, or in S3 under ``s3_key``."""

    attributes: dict[str, Any]
    s3_key: str | None = None
    s3_payload: bytes | None = None


def heavy_fields(article: CleanArticle) -> dict[str, Any]:
    """Body and audit trail; ``kept`` numbers the body's paragraphs so the source can be shown whole."""
    return {
        "body": article.body,
        "removed": [{"n": ln.n, "text": ln.text, "role": ln.role, "rule": ln.rule} for ln in article.removed],
        "kept": [
            {"n": ln.n, "role": ln.role, "rule": ln.rule} for ln in article.lines if ln.role in KEPT_ROLES
        ],
    }


def source_lines(heavy: dict[str, Any]) -> list[dict[str, Any]] | None:
    """Every non-empty source line in order, ``removed`` marking those left out of the body, from stored fields.

    None for articles stored without ``kept`` (before cleaner 2026.12.01) or when the numbers do not match.
    """
    kept = heavy.get("kept")
    if kept is None:
        return None
    body = heavy.get("body") or ""
    paragraphs = body.split("\n\n") if body else []
    if len(paragraphs) != len(kept):
        return None
    lines = [
        {"n": int(k["n"]), "text": text, "role": k.get("role"), "rule": k.get("rule"), "removed": False}
        for k, text in zip(kept, paragraphs, strict=True)
    ]
    lines += [
        {
            "n": int(r["n"]),
            "text": r.get("text", ""),
            "role": r.get("role"),
            "rule": r.get("rule"),
            "removed": True,
        }
        for r in heavy.get("removed") or []
    ]
    return sorted(lines, key=lambda line: line["n"])


def store_body(article: CleanArticle, aid: str, bodies_prefix: str) -> StoredBody:
    """Keep body and audit trail inline when small, compressed when that fits, else in S3: never truncated."""
    heavy = heavy_fields(article)
    raw = json.dumps(heavy, ensure_ascii=False).encode("utf-8")
    if len(raw) <= INLINE_LIMIT:
        return StoredBody(attributes=heavy)
    packed = gzip.compress(raw, compresslevel=6, mtime=0)
    if len(packed) <= INLINE_LIMIT:
        return StoredBody(attributes={"heavy_gz": packed})
    key = f"{bodies_prefix}{aid}.json.gz"
    return StoredBody(attributes={"heavy_s3_key": key}, s3_key=key, s3_payload=packed)


def article_item(
    article: CleanArticle, aid: str, stored: StoredBody, *, bundle_id: str, member: str, now: str
) -> dict:
    """The ``ART#<id>/META`` item: metadata, index keys and the (possibly relocated) body."""
    item: dict[str, Any] = {
        "pk": keys.article_pk(aid),
        "sk": keys.ARTICLE_SK,
        "type": "article",
        "id": aid,
        "title": article.title,
        "published": article.published,
        "published_text": article.published_text,
        "source": article.source,
        "source_evidence": article.source_evidence,
        "news_id": article.news_id,
        "kicker": article.kicker,
        "byline": article.byline,
        "caption": article.caption,
        "subheadings": list(article.subheadings) or None,
        "language": article.language,
        "word_count": article.word_count,
        "url": article.url,
        "first_bundle": bundle_id,
        "first_member": member,
        "first_seen": now,
        "gsi2pk": keys.month_key(article.published),
        "gsi2sk": keys.published_sort_key(article.published, aid),
        **stored.attributes,
    }
    if article.source:
        item["gsi1pk"] = keys.source_key(article.source)
        item["gsi1sk"] = keys.published_sort_key(article.published, aid)
    return item


def summary(article: CleanArticle, aid: str) -> dict[str, Any]:
    return {
        "id": aid,
        "title": article.title,
        "published": article.published,
        "source": article.source,
        "word_count": article.word_count,
    }


def _member_key(member: str) -> str:
    """Member names go into a sort key (1 KB limit): long ones keep a prefix plus a hash of the whole."""
    if len(member.encode("utf-8")) <= 400:
        return member
    return f"{member[:150]}~{hashlib.sha256(member.encode()).hexdigest()[:16]}"


def sighting_item(aid: str, *, bundle_id: str, key: str, member: str, now: str) -> dict:
    """``ART#<id>/SEEN#<bundle>#<member>``: one occurrence of the article in a bundle (idempotent to rewrite)."""
    return {
        "pk": keys.article_pk(aid),
        "sk": keys.sighting_sk(bundle_id, _member_key(member)),
        "type": "sighting",
        "id": aid,
        "bundle_id": bundle_id,
        "key": key,
        "member": member,
        "seen_at": now,
    }


def bundle_link_item(article: CleanArticle, aid: str, *, bundle_id: str, member: str) -> dict:
    return {
        "pk": keys.bundle_pk(bundle_id),
        "sk": keys.bundle_link_sk(article.published, aid),
        "type": "bundle_article",
        "bundle_id": bundle_id,
        "member": member,
        **summary(article, aid),
    }


def group_fields(group_id: str, sig: Signature) -> dict[str, Any]:
    """What the META item of a grouped article adds: its group and its packed signature."""
    return {"group_id": group_id, "sig": pack(sig)}


def group_member_item(article: CleanArticle, aid: str, *, group_id: str, sig: Signature) -> dict:
    """``GROUP#<group>/ART#<id>``: one near-duplicate of a group (idempotent to rewrite)."""
    return {
        "pk": keys.group_pk(group_id),
        "sk": keys.group_member_sk(aid),
        "type": "group_member",
        "group_id": group_id,
        "sig": pack(sig),
        **summary(article, aid),
    }


def band_head_item(band_key: str, head: Head) -> dict:
    """``SIMBAND#<band key>/HEAD``: the newest article under one band key; ingest overwrites it."""
    return {
        "pk": keys.band_pk(band_key),
        "sk": keys.BAND_HEAD_SK,
        "type": "band_head",
        "id": head.id,
        "group_id": head.group_id,
        "sig": pack(head.sig),
    }


def term_items(article: CleanArticle, aid: str) -> Iterator[dict]:
    """``TERM#<term>/ART#<id>`` items; one per distinct term, so re-ingesting rewrites the same keys."""
    for term, weight in index_terms(article.title, article.body).items():
        yield {
            "pk": keys.term_pk(term),
            "sk": f"ART#{aid}",
            "type": "term",
            "weight": weight,
            **summary(article, aid),
        }


def heavy_fields_of(item: dict[str, Any], fetch: Callable[[str], bytes] | None = None) -> dict[str, Any]:
    """Body and removed lines of a stored article item, wherever they were put by ``store_body``."""
    if "heavy_gz" in item:
        return json.loads(gzip.decompress(bytes(item["heavy_gz"])))
    if "heavy_s3_key" in item:
        if fetch is None:
            raise ValueError("article body is stored in S3; pass a fetch function")
        return json.loads(gzip.decompress(fetch(item["heavy_s3_key"])))
    heavy = {"body": item.get("body", ""), "removed": item.get("removed", [])}
    if "kept" in item:
        heavy["kept"] = item["kept"]
    return heavy
