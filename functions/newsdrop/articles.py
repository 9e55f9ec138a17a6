"""Article identity and where an article's heavy fields (body, audit trail) are kept: pure, no table access."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import unicodedata
from collections import defaultdict, deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from newsdrop.models import KEPT_ROLES, CleanArticle, Member

# DynamoDB's item limit is 400 KB; leave room for keys, metadata and attribute names.
INLINE_LIMIT = 300_000
# Heavy fields above this size are stored gzip-compressed: a 3 KB article's body and audit trail shrink to
# about 1.3 KB, one write unit less on every new article (write units are per started KB).
COMPRESS_OVER = 512
# The attributes ``store_body`` may produce: compressed, relocated to S3, or inline (body, removed, kept).
HEAVY_FIELDS = ("heavy_gz", "heavy_s3_key", "body", "removed", "kept")
_SPACE = re.compile(r"\s+")


# Query parameters that say how a reader arrived, not which page it is: dropped from a canonical URL.
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga"}
)
TRACKING_PREFIXES = ("utm_",)
# A page states its canonical URL in <head>: only that much of a raw HTML member is scanned for it.
PAGE_HEAD_BYTES = 65_536
_TAG = re.compile(rb"<(?:link|meta)\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(rb"""([a-zA-Z_:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_HEAD_END = re.compile(rb"</head\s*>|<body\b", re.IGNORECASE)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def content_key(article: CleanArticle) -> str:
    """A hash of the cleaned title and body (modulo case, spacing and Unicode form): duplicate detection.

    It was the article id up to layout 2, so it is also the id of every article stored before layout 3.
    """
    basis = f"{article.title or ''}\n{article.body}"
    folded = _SPACE.sub(" ", unicodedata.normalize("NFKC", basis).casefold()).strip()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:32]


def source_id(member: Member, *, key: str) -> str:
    """An article's id, from its source and never from the cleaner's output (32 hex digits).

    The member's canonical URL (``source_url``) when it has one, so the same page dropped twice, in any
    bundle, keeps one id; otherwise the object key and the member name plus a hash of the member's raw
    content, so a redelivery, a re-upload of the same object or a re-cleaning gives the same id. The S3
    version is left out on purpose: the same bytes at the same key and member are the same article, and a
    bucket without its history (the local stack's in-memory S3, replayed at every start) gives every
    upload a new version.
    """
    url = source_url(member)
    if url is not None:
        basis = f"url\n{url}"
    else:
        digest = hashlib.sha256(_raw(member.content)).hexdigest()
        basis = f"member\n{key}\n{member.name}\n{digest}"
    return hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()[:32]


class SourceIds:
    """Source ids of the members handed to a ``BundleCleaner``, kept by name until their cleaning comes back.

    The id must come from the raw member, and the cleaner holds members back for its chrome sample.
    """

    def __init__(self, *, key: str) -> None:
        self.key = key
        self._waiting: dict[str, deque[str]] = defaultdict(deque)

    def add(self, member: Member) -> str:
        sid = source_id(member, key=self.key)
        self._waiting[member.name].append(sid)
        return sid

    def take(self, name: str) -> str:
        """The id of the earliest member of that name still waiting (members come back in order)."""
        waiting = self._waiting[name]
        sid = waiting.popleft()
        if not waiting:
            del self._waiting[name]
        return sid


def source_url(member: Member) -> str | None:
    """The member's canonical URL: the bundle's own field (JSON/CSV ``url``/``link``), else the page's.

    A page's URL is its ``<link rel="canonical">``, else its ``<meta property="og:url">``, read from the raw
    HTML's head by this module (not by the extractor, whose upgrades must not move ids). None when neither
    gives an absolute http(s) URL.
    """
    if member.hints.url:
        found = canonical_url(member.hints.url)
        if found is not None:
            return found
    return page_url(member.content)


def page_url(content: bytes | str) -> str | None:
    """The canonical URL an HTML page declares in its head (canonical link first, then og:url), normalised."""
    head = _raw(content[:PAGE_HEAD_BYTES])[:PAGE_HEAD_BYTES]  # a long text member is not encoded whole
    end = _HEAD_END.search(head)
    if end is not None:
        head = head[: end.start()]
    canonical = og = None
    for tag in _TAG.finditer(head):
        attrs = {
            name.lower(): (a if a is not None else b if b is not None else c)
            for name, a, b, c in (
                (m.group(1).decode("ascii", "replace"), m.group(2), m.group(3), m.group(4))
                for m in _ATTR.finditer(tag.group(0))
            )
        }
        if tag.group(0)[1:5].lower() == b"link":
            rels = (attrs.get("rel") or b"").lower().split()
            if canonical is None and b"canonical" in rels and attrs.get("href"):
                canonical = attrs["href"]
        elif og is None and (attrs.get("property") or attrs.get("name") or b"").lower() == b"og:url":
            og = attrs.get("content")
    for value in (canonical, og):
        if value:
            found = canonical_url(_unescape(value.decode("utf-8", "replace")))
            if found is not None:
                return found
    return None


def _raw(content: bytes | str) -> bytes:
    """A member's content as stored: bytes as they are, JSON/CSV text as UTF-8 (lone surrogates kept)."""
    return content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass")


def _unescape(text: str) -> str:
    """The entities an attribute value commonly carries in a URL (``&amp;``), undone."""
    return text.replace("&amp;", "&").replace("&#38;", "&").replace("&#x26;", "&")


def canonical_url(url: str) -> str | None:
    """``url`` normalised so that the addresses of one page compare equal; None unless absolute http(s).

    The rule (docs/api.md, "Article ids"): surrounding space trimmed; ``http`` read as ``https``; scheme
    and host lowercased, the default port and any user info dropped; the fragment dropped; a trailing
    slash of the path dropped (``/a/`` is ``/a``, the bare host has an empty path); tracking parameters
    (``utm_*``, ``fbclid``, ``gclid`` and the like, ``TRACKING_PARAMS``) dropped and the remaining query
    parameters sorted. Path and parameter text are otherwise kept as written (case included).
    """
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if scheme not in _DEFAULT_PORTS or not host:
        return None
    if ":" in host:
        host = f"[{host}]"  # an IPv6 literal keeps its brackets
    netloc = host if port is None or port == _DEFAULT_PORTS[scheme] else f"{host}:{port}"
    path = parts.path.rstrip("/")
    query = sorted(
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if name.lower() not in TRACKING_PARAMS and not name.lower().startswith(TRACKING_PREFIXES)
    )
    return urlunsplit(("https", netloc, path, urlencode(query), ""))


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


def holds_heavy(item: Mapping[str, Any]) -> bool:
    """Whether an item carries an article's heavy fields (a META before layout 3 always does)."""
    return any(name in item for name in HEAVY_FIELDS[:3])


def heavy_fields_of(item: dict[str, Any], fetch: Callable[[str], bytes] | None = None) -> dict[str, Any]:
    """Body and removed lines of a stored article item (META, or the content item holding them since layout
    3), wherever they were put by ``store_body``."""
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
