"""trafilatura's reading of an HTML page: main content (default, own and favor_recall) and four metadata fields."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator
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
    # trafilatura's own reading (its ``fast`` reading: no comparison with other extractors) where its comparison step
    # swapped readability's or jusText's reading in for its own ("" where it kept its own): ``combine`` weighs it.
    own_text: str = ""


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
    with _swap_watch() as swaps:
        document = trafilatura.bare_extraction(tree, with_metadata=False, **_TRAFILATURA_OPTIONS)
    if document is None:
        return Readings()
    own_text = ""
    if swaps and swaps[0]:
        # A second extraction only where the comparison swapped: the same steps without the comparison.
        own = trafilatura.bare_extraction(tree, with_metadata=False, fast=True, **_TRAFILATURA_OPTIONS)
        own_text = (own.text or "") if own is not None else ""
    title, date, sitename, url = _trafilatura_metadata(tree)
    return Readings(document.text or "", None, title, date, sitename, url, own_text)


# trafilatura's comparison step (``trafilatura.external.compare_extraction``) states its choice in two debug records
# of its module's logger (``trafilatura.external.LOGGER``): which extractor's reading it kept ("generic" is
# readability's), then whether jusText's replaced it. trafilatura is pinned in requirements.txt; a unit test holds
# these to a page it swaps on.
_CHOICE_RECORD = "using %s extraction: %s"
_JUSTEXT_RECORD = "using justext, length: %s"


class _SwapFilter(logging.Filter):
    """Notes, per comparison, whether trafilatura took another extractor's reading (``swaps``, per watching thread),
    and lets through only the records its logger let through before (``floor``): the debug records it asks for stay
    unseen."""

    def __init__(self, floor: int) -> None:
        super().__init__()
        self.floor = floor
        self.swaps: dict[int, list[bool]] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        # The local stack's servers run in threads: another thread's extraction is not this one's.
        swaps = self.swaps.get(record.thread) if record.thread is not None else None
        if swaps is not None:
            if record.msg == _CHOICE_RECORD:
                swaps.append(bool(record.args) and record.args[0] == "generic")  # type: ignore[index]
            elif record.msg == _JUSTEXT_RECORD and swaps:
                swaps[-1] = True
        return record.levelno >= self.floor


# One filter serves every open watch (threads): the first watch sets it and the logger's level, the last takes
# both back (``_open_watch``: the filter and the level before, while any watch is open).
_WATCH_LOCK = threading.Lock()
_open_watch: list[tuple[_SwapFilter, int]] = []


@contextlib.contextmanager
def _swap_watch() -> Iterator[list[bool]]:
    """Whether each comparison of the calling thread's extraction inside swapped the reading (the first is the
    default reading's; a later one is a recall retry's): trafilatura returns no word of it, but its logger states it."""
    # The comparison's module's own logger (the functions log through powertools; this one is only listened to).
    from trafilatura.external import LOGGER as logger

    thread = threading.get_ident()
    swaps: list[bool] = []
    with _WATCH_LOCK:
        if not _open_watch:
            _open_watch.append((_SwapFilter(logger.getEffectiveLevel()), logger.level))
            logger.addFilter(_open_watch[0][0])
            logger.setLevel(logging.DEBUG)
        watch = _open_watch[0][0]
        watch.swaps[thread] = swaps
    try:
        yield swaps
    finally:
        with _WATCH_LOCK:
            del watch.swaps[thread]
            if not watch.swaps:
                logger.removeFilter(watch)
                logger.setLevel(_open_watch.pop()[1])


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
