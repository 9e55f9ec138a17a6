"""The single-table layout of the articles table: key formats shared by ingest and lookup.

Items (pk / sk):
- article        ``ART#<id>`` / ``META``; GSI1 ``SRC#<source key>`` / ``<published>#<id>``;
                 GSI2 ``PUB#<yyyy-mm>`` / ``<published>#<id>`` (``PUB#undated`` without a date)
- sighting       ``ART#<id>`` / ``SEEN#<bundle id>#<member>``: every bundle an article came in
- bundle link    ``BUNDLE#<bundle id>`` / ``ART#<published>#<id>``: summary of one article of a bundle
- bundle record  ``BUNDLE#<bundle id>`` / ``STATUS``; GSI1 ``KEY#<object key>`` / ``<received_at>``;
                 GSI2 ``BUNDLES`` / ``<received_at>#<bundle id>``
- search term    ``TERM#<folded term>`` / ``ART#<id>``
- band head      ``SIMBAND#<band key>`` / ``HEAD``: the newest article with that MinHash band key
                 (``newsdrop.text.similar.band_keys``), its ``group_id`` and packed ``sig``
- group member   ``GROUP#<group id>`` / ``ART#<id>``: summary and ``sig`` of one article of a group of
                 near-duplicates (the same story from several outlets); the group id is the id of the
                 article that founded it. Grouped articles also carry ``group_id`` and ``sig`` on META.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime

UNDATED = "0000-00-00"
_ZONED = re.compile(r"^(?P<local>\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::\d{2})?(?P<zone>Z|[+-]\d{2}:\d{2})$")
ARTICLE_SK = "META"
STATUS_SK = "STATUS"
BUNDLES_PK = "BUNDLES"
BAND_HEAD_SK = "HEAD"
# The combining-mark blocks (Latin, Greek, Cyrillic, Hebrew and Arabic diacritics among them).
_COMBINING_MARKS = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)


def fold(text: str) -> str:
    """Case- and accent-folded form used for source keys and search terms."""
    folded = text.casefold()
    if folded.isascii():  # the common case, and the hot path of term indexing
        return folded
    return _COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", folded))


def article_pk(article_id: str) -> str:
    return f"ART#{article_id}"


def sighting_sk(bundle_id: str, member: str) -> str:
    return f"SEEN#{bundle_id}#{member}"


def bundle_pk(bundle_id: str) -> str:
    return f"BUNDLE#{bundle_id}"


def sortable_published(published: str | None) -> str | None:
    """``published`` as the indexes sort it: in UTC when the article printed its zone, else as printed.

    The article keeps its printed local time; only keys are normalised, so date filters (compared in
    UTC) place "8:03 am ET" at 13:03 UTC.
    """
    if not published:
        return None
    zoned = _ZONED.match(published)
    if zoned is None:
        return published
    offset = "+00:00" if zoned["zone"] == "Z" else zoned["zone"]
    return datetime.fromisoformat(zoned["local"] + offset).astimezone(UTC).strftime("%Y-%m-%dT%H:%M")


def bundle_link_sk(published: str | None, article_id: str) -> str:
    return f"ART#{sortable_published(published) or UNDATED}#{article_id}"


def source_key(source: str) -> str:
    return "SRC#" + " ".join(fold(source).split())


def published_sort_key(published: str | None, article_id: str) -> str:
    return f"{sortable_published(published) or UNDATED}#{article_id}"


def month_key(published: str | None) -> str:
    sortable = sortable_published(published)
    return f"PUB#{sortable[:7]}" if sortable else "PUB#undated"


def object_key_pk(key: str) -> str:
    return f"KEY#{key}"


def term_pk(term: str) -> str:
    return f"TERM#{term}"


def band_pk(band_key: str) -> str:
    return f"SIMBAND#{band_key}"


def group_pk(group_id: str) -> str:
    return f"GROUP#{group_id}"


def group_member_sk(article_id: str) -> str:
    return f"ART#{article_id}"
