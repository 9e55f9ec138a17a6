"""HTML members: main content and metadata via trafilatura (lazy import), with a stdlib text fallback."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

from newsdrop.models import CleanArticle, Hints
from newsdrop.text.cleaner import clean_article
from newsdrop.text.decode import normalize_text

_BLOCK = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li"
    " main nav ol p pre section table td th tr ul title".split()
)
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head"})
_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<meta|<div|<p[ >])", re.IGNORECASE)
# A headline is a line, not a paragraph: longer <h1> texts are page chrome (logos with taglines, lists).
_HEADLINE_MAX_CHARS = 300
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » ")
_MAX_HTML_CHARS = 20_000_000


def looks_like_html(text: str, name: str = "") -> bool:
    """True for ``.html``/``.htm`` members and text that opens like an HTML document or fragment."""
    if name.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    return bool(_HTML_START.match(text[:512]))


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.headings: list[str] = []
        self.heading_parts: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip_depth += 1
        elif tag in _BLOCK:
            self.parts.append("\n")
        if tag == "h1" and not self.skip_depth:
            self.heading_parts = []

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self.skip_depth:
            self.skip_depth -= 1
        elif tag in _BLOCK:
            self.parts.append("\n")
        if tag == "h1" and self.heading_parts is not None:
            self.headings.append(" ".join("".join(self.heading_parts).split()))
            self.heading_parts = None

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(data)
            if self.heading_parts is not None:
                self.heading_parts.append(data)


def _collect(html: str) -> _TextCollector:
    collector = _TextCollector()
    collector.feed(html[:_MAX_HTML_CHARS])
    collector.close()
    return collector


def stdlib_text(html: str) -> str:
    """Visible text of ``html``, one block element per line (no main-content detection)."""
    return _lines_of(_collect(html))


def _lines_of(collector: _TextCollector) -> str:
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def choose_headline(h1_texts: list[str], meta_title: str | None) -> str | None:
    """The page's headline: the ``<h1>`` the metadata title names, else the only ``<h1>``, else the
    metadata title without its "| Site" or "Section |" parts.

    Pages print their headline in an ``<h1>``; the ``<title>``/og:title usually adds the site name,
    so it only confirms which ``<h1>`` is the headline when a page has several (logo, section name).
    """
    candidates = [text for text in h1_texts if text and len(text) <= _HEADLINE_MAX_CHARS]
    folded_meta = _fold(meta_title or "")
    if folded_meta:
        named = [text for text in candidates if _fold(text) in folded_meta]
        if named:
            return max(named, key=len)
    if len(candidates) == 1 and (not folded_meta or len(candidates[0].split()) >= 3):
        return candidates[0]
    if not meta_title:
        return None
    parts = [meta_title.strip()]
    for separator in _TITLE_SEPARATORS:
        parts = [piece.strip() for part in parts for piece in part.split(separator)]
    return max(parts, key=len) or None


def extract_html(html: str) -> tuple[str, Hints]:
    """Main-content text (one paragraph per line) and metadata of an HTML page.

    trafilatura sees the markup, so it drops navigation and page chrome far better than any
    text heuristic; the stdlib conversion is the fallback when it finds no main content.
    """
    # Imported lazily: trafilatura and lxml cost much more cold start than the text path needs.
    import trafilatura

    collector = _collect(html)
    document = trafilatura.bare_extraction(
        html[:_MAX_HTML_CHARS],
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
    )
    text = ""
    meta_title = date = source = url = None
    if document is not None:
        text = document.text or ""
        meta_title, date, source, url = document.title, document.date, document.sitename, document.url
    if not text.strip():
        text = _lines_of(collector)
    title = choose_headline(collector.headings, meta_title)
    return text, Hints(title=title, url=url, published=date, source=source)


def html_to_text(html: str) -> str:
    """The page's headline line followed by its main-content text, ready for the line cleaner."""
    text, hints = extract_html(html)
    if hints.title and not text.lstrip().startswith(hints.title):
        return f"{hints.title}\n\n{text}"
    return text


def merge_hints(primary: Hints | None, fallback: Hints) -> Hints:
    """``primary``'s fields (what the bundle states, e.g. a JSON field) over ``fallback``'s (the page's own)."""
    if primary is None:
        return fallback
    return replace(
        fallback,
        **{name: value for name in Hints.__slots__ if (value := getattr(primary, name)) is not None},
    )


def clean_html(
    html: str, hints: Hints | None = None, *, bundle_chrome: frozenset[str] = frozenset()
) -> CleanArticle:
    """An HTML member end to end: main content and metadata from the markup, then the line cleaner.

    The extractor already cut the text to the article, so the cleaner keeps every line its rules
    leave (``main_content``); the bundle's own hints win over the page's metadata.
    """
    text, page_hints = extract_html(html)
    return clean_article(
        normalize_text(text), merge_hints(hints, page_hints), bundle_chrome=bundle_chrome, main_content=True
    )
