"""The single-table layout of the articles table: key formats shared by ingest and lookup.

Items (pk / sk):
- article        ``ART#<id>`` / ``META``; GSI1 ``SRC#<source key>`` / ``<published>#<id>``;
                 GSI2 ``PUB#<yyyy-mm>`` / ``<published>#<id>`` (``PUB#undated`` without a date)
- sighting       ``ART#<id>`` / ``SEEN#<bundle id>#<member>``: every bundle an article came in
- bundle link    ``BUNDLE#<bundle id>`` / ``ART#<published>#<id>``: summary of one article of a bundle
- bundle record  ``BUNDLE#<bundle id>`` / ``STATUS``; GSI1 ``KEY#<object key>`` / ``<received_at>``;
                 GSI2 ``BUNDLES`` / ``<received_at>#<bundle id>``
- search term    ``TERM#<folded term>`` / ``ART#<id>``
"""

from __future__ import annotations

import unicodedata

UNDATED = "0000-00-00"
ARTICLE_SK = "META"
STATUS_SK = "STATUS"
BUNDLES_PK = "BUNDLES"


def fold(text: str) -> str:
    """Case- and accent-folded form used for source keys and search terms."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def article_pk(article_id: str) -> str:
    return f"ART#{article_id}"


def sighting_sk(bundle_id: str, member: str) -> str:
    return f"SEEN#{bundle_id}#{member}"


def bundle_pk(bundle_id: str) -> str:
    return f"BUNDLE#{bundle_id}"


def bundle_link_sk(published: str | None, article_id: str) -> str:
    return f"ART#{published or UNDATED}#{article_id}"


def source_key(source: str) -> str:
    return "SRC#" + " ".join(fold(source).split())


def published_sort_key(published: str | None, article_id: str) -> str:
    return f"{published or UNDATED}#{article_id}"


def month_key(published: str | None) -> str:
    return f"PUB#{published[:7]}" if published else "PUB#undated"


def object_key_pk(key: str) -> str:
    return f"KEY#{key}"


def term_pk(term: str) -> str:
    return f"TERM#{term}"
