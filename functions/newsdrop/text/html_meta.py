"""HTML metadata fields: meta tags and JSON-LD read for the timestamp, byline, descriptions and title witnesses."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from html import unescape

from newsdrop.text.main_edits import bare_key

# Metadata sits in the <head> (and JSON-LD near it): read this much of the page for it.
_METADATA_SCAN_CHARS = 400_000
_MAX_AUTHORS = 4
_META_TAG = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(["'])(.*?)\2""", re.DOTALL)
_JSON_LD = re.compile(r"<script[^>]*application/ld\+json[^>]*>(.*?)</script>", re.IGNORECASE | re.DOTALL)
_PUBLISHED_META = frozenset(
    {"article:published_time", "datepublished", "og:published_time", "pubdate", "publishdate", "date"}
)
_AUTHOR_META = frozenset({"author", "article:author", "byl", "dc.creator", "sailthru.author"})
_DESCRIPTION_META = frozenset({"description", "og:description", "twitter:description", "dc.description"})

# "January 1" / "Jan. 1st" / "1 January": a page really dated on New Year's Day says so.
_JANUARY_FIRST = re.compile(r"\bJan(?:uary|\.)?\s+0?1(?:st)?\b(?!\d)|\b0?1(?:st)?\s+Jan(?:uary)?\b", re.I)


def _attributes(tag: str) -> dict[str, str]:
    return {name.lower(): value for name, _, value in _ATTRIBUTE.findall(tag)}


@lru_cache(maxsize=1)
def _head_scan(html: str) -> tuple[tuple[dict[str, str], ...], tuple[dict[str, object], ...]]:
    """The attributes of every meta tag and every JSON-LD object in the page's first ``_METADATA_SCAN_CHARS``:
    one scan shared by ``page_metadata``, ``page_descriptions`` and ``title_witnesses`` (``extract`` asks all
    three of the same page; the callers only read what it returns)."""
    head = html[:_METADATA_SCAN_CHARS]
    return tuple(_attributes(tag) for tag in _META_TAG.findall(head)), tuple(_json_ld_objects(head))


def _json_ld_objects(head: str) -> list[dict[str, object]]:
    """Every JSON-LD object of the page, @graph members included; unreadable blocks are skipped."""
    found: list[dict[str, object]] = []
    for block in _JSON_LD.findall(head):
        try:
            data = json.loads(block.strip())
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                found.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
    return found


def _author_names(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [name for item in value for name in _author_names(item)]
    return []


def page_metadata(html: str) -> tuple[str | None, str | None]:
    """The full publication timestamp and the byline the page states in JSON-LD or meta tags.

    trafilatura gives the day only and no author line; the page's own metadata usually has both.
    """
    metas, objects = _head_scan(html)
    stamps: list[str] = []
    authors: list[str] = []
    for item in objects:
        published = item.get("datePublished")
        if isinstance(published, str):
            stamps.append(published.strip())
        authors += _author_names(item.get("author"))
    for attributes in metas:
        name = (
            attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or ""
        ).lower()
        content = unescape(attributes.get("content", "")).strip()
        if not content:
            continue
        if name in _PUBLISHED_META:
            stamps.append(content)
        elif name in _AUTHOR_META and not content.startswith(("http://", "https://")):
            authors.append(content)
    stamp = next((value for value in stamps if "T" in value or ":" in value), stamps[0] if stamps else None)
    names = list(dict.fromkeys(" ".join(name.split()) for name in authors if name.strip()))
    byline = ", ".join(names[:_MAX_AUTHORS]) if names else None
    return stamp, byline


def page_descriptions(html: str) -> frozenset[str]:
    """The summaries the page states in its meta tags (description, og:, twitter:, DC.), as ``bare_key`` keys."""
    found: set[str] = set()
    for attributes in _head_scan(html)[0]:
        name = (attributes.get("property") or attributes.get("name") or "").lower()
        if name in _DESCRIPTION_META and (key := bare_key(unescape(attributes.get("content", "")))):
            found.add(key)
    return frozenset(found)


def title_witnesses(html: str) -> tuple[str | None, str | None]:
    """The page's og:title and JSON-LD headline (the first of each), second witnesses of its headline."""
    metas, objects = _head_scan(html)
    og_title = None
    for attributes in metas:
        if (attributes.get("property") or attributes.get("name") or "").lower() == "og:title":
            og_title = " ".join(unescape(attributes.get("content", "")).split()) or None
            break
    ld_headline = next(
        (
            " ".join(value.split())
            for item in objects
            if isinstance(value := item.get("headline"), str) and value.strip()
        ),
        None,
    )
    return og_title, ld_headline


def year_only_guess(day: str | None, html: str) -> bool:
    """trafilatura's day is the first of January of a year the page prints with no day (a copyright line).

    A page dated on 1 January names that day somewhere: ``2019-01-01``, ``2019/01/01``, ``01.01.2019``,
    ``January 1`` or ``1 January`` (``Jan`` too).
    """
    if day is None or len(day) < 10 or day[4:10] != "-01-01":
        return False
    year = day[:4]
    return _JANUARY_FIRST.search(html) is None and not any(
        form in html for form in (f"{year}-01-01", f"{year}/01/01", f"01.01.{year}", f"01/01/{year}")
    )


def full_timestamp(day: str | None, stamp: str | None) -> str | None:
    """The page's timestamp when it agrees with trafilatura's day (or trafilatura found none)."""
    if stamp is None:
        return day
    return stamp if day is None or stamp[:10] == day[:10] else day
