"""Key formats of the single-table layout (LAYOUT_VERSION in ``newsdrop.dal``); only the dal builds keys.

Items (pk / sk):
- article        ``ART#<id>`` / ``META``; GSI1 ``SRC#<source key>`` / ``<published>#<id>``;
                 GSI2 ``PUB#<yyyy-mm>`` / ``<published>#<id>`` (``PUB#undated`` without a date). It
                 holds its first sighting (``first_bundle``, ``first_key``, ``first_member``,
                 ``first_seen``), its ``group_id`` and packed ``sig`` (128 bytes), and since layout 3 its
                 ``content_key`` and ``cleaner_version``. The id is ``articles.source_id`` since layout 3;
                 articles stored before keep their layout-2 id, the content key of their text then
- content owner  ``CONTENT#<content key>`` / ``ID``: the id of the first article stored with that cleaned
                 text (``articles.content_key``), so a copy in another bundle is a duplicate of it
                 (layout 3; a layout-2 article is found at ``ART#<content key>`` / ``META`` instead)
- sighting       ``ART#<id>`` / ``SEEN#<bundle id>#<member>``: a later occurrence of the article
- bundle link    ``BUNDLE#<bundle id>`` / ``ART#<published>#<id>``: summary of one article of a bundle
- bundle group   ``BUNDLE#<bundle id>`` / ``GRP#<group id>#<id>``: one article of a bundle under its
                 near-duplicate group, so a bundle's groups are read in group order (written since
                 bundle records carry ``group_links``)
- bundle record  ``BUNDLE#<bundle id>`` / ``STATUS``; GSI1 ``KEY#<object key>`` / ``<received_at>``;
                 GSI2 ``BUNDLES`` / ``<received_at>#<bundle id>``
- posting block  ``TERM#<folded term>`` / ``<received_at>#<bundle id>#<resume_at>#<window>``: the ids of
                 the articles of one write window of a bundle whose search scope has the term; a
                 reprocessing run writes ``<received_at>#<bundle id>#R<run>#<resume_at>#<window>`` and
                 notes the block on each article it rewrote (META ``index_block``)
                 (layout 1 wrote ``TERM#<term>`` / ``ART#<id>``, one item per article; still read)
- band head      ``SIMBAND#<band key>`` / ``HEAD``: the newest article with that MinHash band key
                 (``newsdrop.text.similar.band_keys``) and its ``group_id``
- group member   ``GROUP#<group id>`` / ``ART#<id>``: summary and ``sig`` of one article of a group of
                 two or more near-duplicates; the group id is the id of the article that founded it
- layout marker  ``LAYOUT`` / ``VERSION``: the layout version the table was written with
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from newsdrop.terms import fold

__all__ = ["fold"]

UNDATED = "0000-00-00"
_ZONED = re.compile(r"^(?P<local>\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::\d{2})?(?P<zone>Z|[+-]\d{2}:\d{2})$")
ARTICLE_SK = "META"
CONTENT_SK = "ID"
STATUS_SK = "STATUS"
BUNDLES_PK = "BUNDLES"
BAND_HEAD_SK = "HEAD"
LAYOUT_PK = "LAYOUT"
LAYOUT_SK = "VERSION"
SIGHTING_PREFIX = "SEEN#"
ARTICLE_LINK_PREFIX = "ART#"
LEGACY_POSTING_PREFIX = "ART#"
BUNDLE_GROUP_PREFIX = "GRP#"
# "$" is the character after "#": "GRP#<g>$" sorts after every "GRP#<g>#<id>", "GRP$" after every "GRP#...".
BUNDLE_GROUPS_END = "GRP$"


def article_pk(article_id: str) -> str:
    return f"ART#{article_id}"


def content_pk(content_key: str) -> str:
    return f"CONTENT#{content_key}"


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


def bundle_group_sk(group_id: str, article_id: str) -> str:
    return f"{BUNDLE_GROUP_PREFIX}{group_id}#{article_id}"


def bundle_group_start(group_id: str) -> str:
    """The lowest sort key of a group's items in a bundle partition."""
    return f"{BUNDLE_GROUP_PREFIX}{group_id}#"


def bundle_group_after(group_id: str) -> str:
    """A sort key above every item of the group and below every item of the groups after it."""
    return f"{BUNDLE_GROUP_PREFIX}{group_id}$"


def source_key(source: str) -> str:
    return "SRC#" + " ".join(fold(source).split())


def published_sort_key(published: str | None, article_id: str) -> str:
    return f"{sortable_published(published) or UNDATED}#{article_id}"


def month_key(published: str | None) -> str:
    sortable = sortable_published(published)
    return f"PUB#{sortable[:7]}" if sortable else "PUB#undated"


def month_partition(month: str) -> str:
    """The gsi2 partition of a month given as ``yyyy-mm``."""
    return f"PUB#{month}"


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


def posting_block_sk(received_at: str, bundle_id: str, resume_at: int, window: int) -> str:
    """Sorts blocks by the bundle's arrival, then by position in it: newest first is a descending Query."""
    return f"{received_at}#{bundle_id}#{resume_at:09d}#{window:06d}"


def reprocess_block_prefix(received_at: str, bundle_id: str, run: str) -> str:
    """Blocks of one reprocessing run of a bundle: next to the bundle's own blocks, after them ("R" > digits)."""
    return f"{received_at}#{bundle_id}#R{run}#"


def reprocess_block_sk(prefix: str, resume_at: int, window: int) -> str:
    return f"{prefix}{resume_at:09d}#{window:06d}"


def legacy_posting_id(sk: str) -> str | None:
    """The article id of a layout-1 term item (``ART#<id>``), None for a posting block."""
    return sk.removeprefix(LEGACY_POSTING_PREFIX) if sk.startswith(LEGACY_POSTING_PREFIX) else None
