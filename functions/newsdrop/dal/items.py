"""Item shapes of the articles table: what each access pattern of ``Store`` writes (layout in ``dal.keys``)."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from newsdrop.articles import HEAVY_FIELDS, StoredBody, holds_heavy
from newsdrop.dal import keys
from newsdrop.models import CleanArticle
from newsdrop.text.similar import Signature, pack

ARTICLE_SUMMARY = ("id", "title", "published", "source", "word_count")
# What a bundle group item repeats of the bundle link: enough to list the group without reading META.
BUNDLE_GROUP_FIELDS = ("id", "title", "published", "source", "member")
ID_BYTES = 16  # an article id is 32 hex digits: posting blocks hold it as 16 raw bytes
MAX_MEMBER_KEY_BYTES = 400
WRITE_UNIT_BYTES = 1024
# What grouping may add to META after it is built: ``group_id`` (40 bytes) and the packed ``sig`` (131).
GROUPING_BYTES = 180


def summary(article: CleanArticle, aid: str) -> dict[str, Any]:
    return {
        "id": aid,
        "title": article.title,
        "published": article.published,
        "source": article.source,
        "word_count": article.word_count,
    }


def member_key(member: str) -> str:
    """Member names go into a sort key (1 KB limit): long ones keep a prefix plus a hash of the whole."""
    if len(member.encode("utf-8")) <= MAX_MEMBER_KEY_BYTES:
        return member
    return f"{member[:150]}~{hashlib.sha256(member.encode()).hexdigest()[:16]}"


def article_item(
    article: CleanArticle,
    aid: str,
    stored: StoredBody,
    *,
    bundle_id: str,
    key: str,
    member: str,
    now: str,
    content_key: str,
    cleaner_version: str,
    group_id: str | None = None,
    sig: Signature | None = None,
) -> dict[str, Any]:
    """``ART#<id>/META``: metadata, index keys, the first sighting, the group and the (relocated) body.

    ``content_key`` names the text it was stored with (its ``CONTENT#`` item), ``cleaner_version`` the
    cleaner that produced it.
    """
    item: dict[str, Any] = {
        "pk": keys.article_pk(aid),
        "sk": keys.ARTICLE_SK,
        "id": aid,
        "content_key": content_key,
        "cleaner_version": cleaner_version,
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
        # The first sighting lives on META (no SEEN# item for it): one write less per new article.
        "first_bundle": bundle_id,
        "first_key": key,
        "first_member": member,
        "first_seen": now,
        "gsi2pk": keys.month_key(article.published),
        "gsi2sk": keys.published_sort_key(article.published, aid),
        **stored.attributes,
    }
    if article.source:
        item["gsi1pk"] = keys.source_key(article.source)
        item["gsi1sk"] = keys.published_sort_key(article.published, aid)
    if group_id is not None and sig is not None:
        item["group_id"] = group_id
        item["sig"] = pack(sig)
    return item


def content_item(content_key: str, aid: str, heavy: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """``CONTENT#<content key>/ID``: the article first stored with this cleaned text (idempotent to rewrite),
    with that article's heavy fields when ``place_heavy`` put them here rather than on its META."""
    return {"pk": keys.content_pk(content_key), "sk": keys.CONTENT_SK, "id": aid, **(heavy or {})}


def with_text(meta: dict[str, Any], text: Mapping[str, Any] | None) -> dict[str, Any]:
    """META with the heavy fields of its content item added, when they were placed there (``place_heavy``)."""
    if text is None or holds_heavy(meta):
        return meta
    return {**meta, **{name: text[name] for name in HEAVY_FIELDS if name in text}}


def write_units(item: dict[str, Any], extra: int = 0) -> int:
    """Write units of putting ``item`` (plus ``extra`` bytes): one per started KB."""
    return max(1, math.ceil((item_size(item) + extra) / WRITE_UNIT_BYTES))


def place_heavy(
    meta: dict[str, Any], heavy: Mapping[str, Any], content_key: str, aid: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """META and the content item, the heavy fields (``StoredBody.attributes``) on whichever of the two costs
    fewer write units in all (META on a tie).

    Write units are per started KB and a content item alone uses 80 bytes of its first: a 3 KB article's
    compressed body moved there often saves the unit the content item costs. The choice depends only on
    the items' sizes, so a retry rebuilding them makes the same one.
    """
    inline, owner = {**meta, **heavy}, content_item(content_key, aid)
    light, text = meta, content_item(content_key, aid, heavy)
    moved = write_units(light, GROUPING_BYTES) + write_units(text)
    if moved < write_units(inline, GROUPING_BYTES) + write_units(owner):
        return light, text
    return inline, owner


def sighting_item(aid: str, *, bundle_id: str, key: str, member: str, now: str) -> dict[str, Any]:
    """``ART#<id>/SEEN#<bundle>#<member>``: a later occurrence of the article (idempotent to rewrite)."""
    return {
        "pk": keys.article_pk(aid),
        "sk": keys.sighting_sk(bundle_id, member_key(member)),
        "bundle_id": bundle_id,
        "key": key,
        "member": member,
        "seen_at": now,
    }


def first_sighting(meta: dict[str, Any]) -> dict[str, Any] | None:
    """The sighting a layout-2 META carries for the bundle that first stored the article."""
    if not meta.get("first_key"):
        return None  # layout 1: a SEEN# item holds it
    return {
        "bundle_id": meta.get("first_bundle"),
        "key": meta.get("first_key"),
        "member": meta.get("first_member"),
        "seen_at": meta.get("first_seen"),
    }


def bundle_link_item(article: CleanArticle, aid: str, *, bundle_id: str, member: str) -> dict[str, Any]:
    return {
        "pk": keys.bundle_pk(bundle_id),
        "sk": keys.bundle_link_sk(article.published, aid),
        "bundle_id": bundle_id,
        "member": member,
        **summary(article, aid),
    }


def bundle_group_item(
    fields: dict[str, Any], *, bundle_id: str, member: str, group_id: str
) -> dict[str, Any]:
    """``BUNDLE#<bundle>/GRP#<group>#<id>``: an article of a bundle filed under its near-duplicate group."""
    return {
        **{name: fields.get(name) for name in BUNDLE_GROUP_FIELDS},
        "member": member,
        "pk": keys.bundle_pk(bundle_id),
        "sk": keys.bundle_group_sk(group_id, fields["id"]),
        "group_id": group_id,
    }


def group_member_item(
    summary_fields: dict[str, Any], aid: str, *, group_id: str, packed_sig: bytes
) -> dict[str, Any]:
    """``GROUP#<group>/ART#<id>``: one near-duplicate of a group of two or more (idempotent to rewrite)."""
    return {
        "pk": keys.group_pk(group_id),
        "sk": keys.group_member_sk(aid),
        "group_id": group_id,
        "sig": packed_sig,
        **{name: summary_fields.get(name) for name in ARTICLE_SUMMARY},
        "id": aid,
    }


def band_head_item(band_key: str, aid: str, group_id: str) -> dict[str, Any]:
    """``SIMBAND#<band key>/HEAD``: the newest article under one band key; its signature stays on META."""
    return {"pk": keys.band_pk(band_key), "sk": keys.BAND_HEAD_SK, "id": aid, "group_id": group_id}


def posting_block_item(term: str, block_sk: str, ids: Iterable[str]) -> dict[str, Any]:
    """``TERM#<term>/<block>``: the ids (16 raw bytes each, in member order) of one window's articles."""
    packed = b"".join(bytes.fromhex(aid) for aid in ids)
    return {"pk": keys.term_pk(term), "sk": block_sk, "ids": packed}


def block_ids(item: dict[str, Any]) -> list[str]:
    """The article ids of a posting item, newest first: a block's in reverse member order, or a layout-1 item's."""
    legacy = keys.legacy_posting_id(item["sk"])
    if legacy is not None:
        return [legacy]
    raw = bytes(item.get("ids") or b"")
    ids = [raw[i : i + ID_BYTES].hex() for i in range(0, len(raw), ID_BYTES)]
    return ids[::-1]


def bundle_record_item(
    bundle_id: str, key: str, received_at: str, attributes: dict[str, Any]
) -> dict[str, Any]:
    """``BUNDLE#<bundle>/STATUS`` with the index keys that list bundles by object key and by arrival."""
    return {
        "pk": keys.bundle_pk(bundle_id),
        "sk": keys.STATUS_SK,
        **attributes,
        "gsi1pk": keys.object_key_pk(key),
        "gsi1sk": received_at,
        "gsi2pk": keys.BUNDLES_PK,
        "gsi2sk": f"{received_at}#{bundle_id}",
    }


def item_size(item: dict[str, Any]) -> int:
    """DynamoDB's size of an item in bytes: attribute names plus values (numbers counted generously)."""
    return sum(
        len(name.encode("utf-8")) + _value_size(value) for name, value in item.items() if value is not None
    )


def _value_size(value: Any) -> int:
    if isinstance(value, str):
        return len(value.encode("utf-8"))
    if isinstance(value, bytes | bytearray | memoryview):
        return len(bytes(value))
    if isinstance(getattr(value, "value", None), bytes):  # boto3's Binary, as reads return it
        return len(value.value)
    if isinstance(value, bool) or value is None:
        return 1
    if isinstance(value, int | float | Decimal):
        return 1 + (len(str(abs(value))) + 1) // 2 + 1
    if isinstance(value, dict):
        return 3 + sum(len(k.encode("utf-8")) + 1 + _value_size(v) for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        return 3 + sum(1 + _value_size(v) for v in value)
    return len(str(value).encode("utf-8"))
