"""trafilatura's reading of an HTML page: main content (default and favor_recall) and four metadata fields."""

from __future__ import annotations

import contextlib
from typing import NamedTuple

from newsdrop.text.html_page import MAX_HTML_CHARS

# Above this many tags the stdlib text and the line cleaner take over from trafilatura (seconds per page).
_MAX_EXTRACTOR_TAGS = 30_000


class Readings(NamedTuple):
    """trafilatura's main content and its title, day, site name and URL; its ``favor_recall`` reading once
    read (None until ``combine`` asks for it)."""

    text: str = ""
    recall_text: str | None = None
    title: str | None = None
    date: str | None = None
    sitename: str | None = None
    url: str | None = None


_TRAFILATURA_OPTIONS = {"include_comments": False, "include_tables": True, "deduplicate": False}


def read_with_trafilatura(html: str) -> Readings:
    """trafilatura's reading of a page (``Readings``); empty when the page has too many tags for it to
    parse in good time (its cost grows faster than the page)."""
    if html.count("<", 0, MAX_HTML_CHARS) > _MAX_EXTRACTOR_TAGS:
        return Readings()
    # Imported lazily: trafilatura and lxml cost much more cold start than the text path needs.
    import trafilatura
    from trafilatura.utils import load_html

    # Parsed once for the main content and the metadata (bare_extraction copies the tree it is given).
    tree = load_html(html[:MAX_HTML_CHARS])
    if tree is None:
        return Readings()
    document = trafilatura.bare_extraction(tree, with_metadata=False, **_TRAFILATURA_OPTIONS)
    if document is None:
        return Readings()
    title, date, sitename, url = _trafilatura_metadata(tree)
    return Readings(document.text or "", None, title, date, sitename, url)


def _trafilatura_metadata(tree: object) -> tuple[str | None, str | None, str | None, str | None]:
    """trafilatura's title, day, site name and URL of a parsed page: its ``extract_metadata`` steps for those
    four fields (same order, same cleaning), without the author, categories, tags and licence it also reads
    (a third of its metadata time; the byline comes from ``page_metadata``). trafilatura is pinned in
    requirements.txt: these are its module functions, and a unit test holds the result to ``extract_metadata``'s.
    """
    from htmldate import find_date
    from trafilatura.metadata import (
        META_URL,
        examine_meta,
        extract_meta_json,
        extract_sitename,
        extract_title,
        extract_url,
    )
    from trafilatura.settings import set_date_params

    metadata = examine_meta(tree)
    # trafilatura's own call guards its JSON-LD reader the same way (a malformed block is skipped).
    with contextlib.suppress(Exception):
        metadata = extract_meta_json(tree, metadata)
    if not metadata.title:
        metadata.title = extract_title(tree)
    if not metadata.url:
        metadata.url = extract_url(tree, None)
    date_config = set_date_params(True)
    date_config["url"] = metadata.url
    metadata.date = find_date(tree, **date_config)
    sitename = metadata.sitename or extract_sitename(tree)
    if sitename:
        sitename = sitename.lstrip("@")
        if sitename and "." not in sitename and not sitename[0].isupper():
            sitename = sitename.title()
    elif metadata.url and (found := META_URL.match(metadata.url)):
        sitename = found[1]
    metadata.sitename = sitename
    metadata.clean_and_trim()
    return metadata.title, metadata.date, metadata.sitename, metadata.url


def read_for_recall(html: str) -> str:
    """trafilatura's ``favor_recall`` reading of the page's main content ("" when it finds none)."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html[:MAX_HTML_CHARS], with_metadata=False, favor_recall=True, **_TRAFILATURA_OPTIONS
    )
    return (document.text or "") if document is not None else ""
