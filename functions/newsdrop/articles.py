"""Article identity and where an article's heavy fields (body, audit trail) are kept: pure, no table access."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from newsdrop.models import KEPT_ROLES, CleanArticle

# DynamoDB's item limit is 400 KB; leave room for keys, metadata and attribute names.
INLINE_LIMIT = 300_000
# Heavy fields above this size are stored gzip-compressed: a 3 KB article's body and audit trail shrink to
# about 1.3 KB, one write unit less on every new article (write units are per started KB).
COMPRESS_OVER = 512
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
    """Keep body and audit trail inline when tiny, compressed when that fits, else in S3: never truncated."""
    heavy = heavy_fields(article)
    raw = json.dumps(heavy, ensure_ascii=False).encode("utf-8")
    if len(raw) <= COMPRESS_OVER:
        return StoredBody(attributes=heavy)
    packed = gzip.compress(raw, compresslevel=6, mtime=0)
    if len(packed) <= INLINE_LIMIT:
        return StoredBody(attributes={"heavy_gz": packed})
    key = f"{bodies_prefix}{aid}.json.gz"
    return StoredBody(attributes={"heavy_s3_key": key}, s3_key=key, s3_payload=packed)


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
