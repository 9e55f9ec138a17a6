"""HTML members: main content and metadata via trafilatura (lazy import), with a stdlib text fallback."""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser
from typing import NamedTuple

from newsdrop.models import CleanArticle, Hints
from newsdrop.text import fallbacks
from newsdrop.text.cleaner import clean_article
from newsdrop.text.cleaner.model import LineModel
from newsdrop.text.combine import SHIPPED_MODEL, combine
from newsdrop.text.decode import normalize_text
from newsdrop.text.extraction import with_extraction_drops
from newsdrop.text.main_edits import bare_key, described_lines, without_slides
from newsdrop.text.rules import count_words

_BLOCK = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li"
    " main nav ol p pre section table td th tr ul title".split()
)
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head"})
# Elements whose lines are code or verbatim text (``Hints.preformatted``), not prose or page chrome.
_CODE_TAGS = frozenset({"pre", "code"})
_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<meta|<div|<p[ >])", re.IGNORECASE)
# A headline is a line, not a paragraph: longer <h1> texts are page chrome (logos with taglines, lists).
_HEADLINE_MAX_CHARS = 300
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » ")
_MAX_HTML_CHARS = 20_000_000
# Of several <h1>s, one sharing at least this share of its words with the metadata title is the headline.
_H1_SHARED_WORDS = 0.5
# An <h1> the <title> tag names is its headline when it is this share of the <title> at least (not a logo).
_TITLED_SHARE = 0.5
# A title part this short at most can be the site's name ("Headline | Site").
_SITE_PART_MAX_WORDS = 5
# A metadata title that an <h1> ends with replaces it (without the label) from this many words.
_KICKER_MIN_WORDS = 3
# An <h1> this many words long at most that shares no word with the page's titles is a section label or a
# widget's heading ("Allergies Health Center", "Original text"), not the headline.
_LABEL_MAX_WORDS = 4
_WORD = re.compile(r"\w+")
_QUOTES = re.compile(
    "[\"'\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb\u2039\u203a\u300c\u300d\u300e\u300f]"
)
# Above this many tags the stdlib text and the line cleaner take over from trafilatura (seconds per page).
_MAX_EXTRACTOR_TAGS = 30_000
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
        self.title: str | None = None
        self.title_parts: list[str] | None = None
        # The open code block's tag ("pre", or a "code" outside any <pre>), its nesting depth and its text.
        self.code_tag: str | None = None
        self.code_depth = 0
        self.code_parts: list[str] = []
        self.preformatted: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip_depth += 1
        elif tag in _BLOCK:
            self.parts.append("\n")
            if self.code_tag is not None:
                self.code_parts.append("\n")
        if tag in _CODE_TAGS and not self.skip_depth:
            if self.code_tag is None:
                self.code_tag, self.code_parts = tag, []
            if tag == self.code_tag:
                self.code_depth += 1
        if tag == "h1" and not self.skip_depth:
            self.heading_parts = []
        if tag == "title" and self.title is None:
            self.title_parts = []

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self.skip_depth:
            self.skip_depth -= 1
        elif tag in _BLOCK:
            self.parts.append("\n")
        if tag == self.code_tag:
            self.code_depth -= 1
            if not self.code_depth:
                self._end_code_block()
        if tag == "h1" and self.heading_parts is not None:
            self.headings.append(" ".join("".join(self.heading_parts).split()))
            self.heading_parts = None
        if tag == "title" and self.title_parts is not None:
            self.title = " ".join("".join(self.title_parts).split()) or None
            self.title_parts = None

    def _end_code_block(self) -> None:
        block = "".join(self.code_parts).strip("\n")
        # A <pre> is preformatted whatever it holds; a bare <code> only when it spans lines (a one-line
        # <code> is an inline name, part of its sentence or a label of its own).
        if self.code_tag == "pre" or "\n" in block:
            self.preformatted.update(key for line in block.split("\n") if (key := " ".join(line.split())))
        self.code_tag, self.code_parts = None, []

    def handle_data(self, data: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(data)
        if not self.skip_depth:
            self.parts.append(data)
            if self.code_tag is not None:
                self.code_parts.append(data)
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


def _skeleton(text: str) -> str:
    """The text without quote marks, whitespace collapsed: two spellings that differ only in quote style."""
    return " ".join(_QUOTES.sub("", text).split())


def _punctuated(heading: str, meta_title: str | None) -> str:
    """The metadata title when it is the ``<h1>``'s words with the separators the ``<h1>`` lost.

    An ``<h1>`` built of spans (kicker and headline, "Nationale DemoDer 9. Juli ...") loses the space
    or colon between them in the page's text, and some carry a permalink mark ("Title¶"); the metadata
    title spells the same words with them. Quote style alone is no reason: the printed form stays.
    """
    if not meta_title or meta_title == heading or bare_key(meta_title) != bare_key(heading):
        return heading
    return meta_title if _skeleton(meta_title) != _skeleton(heading) else heading


def choose_headline(
    h1_texts: list[str],
    meta_title: str | None,
    page_title: str | None = None,
    site: str | None = None,
    *,
    og_title: str | None = None,
    ld_headline: str | None = None,
) -> str | None:
    """The page's headline: the ``<h1>`` the metadata title names, else the only ``<h1>``, else the
    metadata title without its "| Site" or "Section |" parts; an ``<h1>`` that lost its punctuation
    takes the metadata title's spelling of the same words.

    Pages print their headline in an ``<h1>``; the ``<title>``/og:title usually adds the site name,
    so it only confirms which ``<h1>`` is the headline when a page has several (logo, section name).
    ``page_title`` (the ``<title>`` tag) is a second witness where the metadata title is merely one of
    the ``<h1>``s (an extractor without og:title takes a widget's "Follow us" heading). An ``<h1>`` that is
    the ``site``'s name (a blog's banner) is never the headline: a metadata title without it is.

    ``og_title`` and ``ld_headline`` (the page's og:title and JSON-LD headline) are further witnesses:
    the metadata title an extractor cut at a quote mark, an ``<h1>`` that is a banner naming the site,
    and a printed headline that lost its punctuation or carries a kicker (see ``_witnessed``).
    """
    meta_title = _uncut(meta_title, page_title)
    if not any(bare_key(text) for text in h1_texts) and og_title and meta_title and og_title != meta_title:
        # No printed headline: of two metadata titles, the one the <title> tag prints (the extractor's
        # own may be a teaser's or a widget's heading).
        page = _fold(page_title or "")
        if _fold(og_title) in page and _fold(meta_title) not in page:
            meta_title = og_title
    printed = [text for text in h1_texts if bare_key(text)]
    banner = bool(
        site and bare_key(site) and printed and all(_banner(text, site, meta_title) for text in printed)
    )
    if banner and meta_title and bare_key(site or "") not in bare_key(meta_title):
        return meta_title
    chosen = _choose_headline(h1_texts, meta_title, page_title, site)
    if chosen is None:
        return None
    chosen = _with_kicker(chosen, meta_title) or _punctuated(chosen, meta_title)
    if chosen in printed and (titled := _label_titled(chosen, page_title, site, (og_title, ld_headline))):
        return titled
    # No printed headline and no metadata title of the page's own: the extractor's title is a heading it
    # found in the markup (a logo's alt text); one the <title> tag does not print loses to the <title> tag
    # without its site part.
    if (
        not printed
        and not og_title
        and not ld_headline
        and page_title
        and meta_title
        and _fold(meta_title) not in _fold(page_title)
        and (named := _without_site(page_title, site))
    ):
        return named
    return _witnessed(chosen, ld_headline, bool(printed))


def _label_titled(
    heading: str, page_title: str | None, site: str | None, witnesses: tuple[str | None, ...]
) -> str | None:
    """The ``<title>`` tag (without its site part) where the chosen ``<h1>`` is a short label that shares
    no word with it nor with the og:title or JSON-LD headline: a section's or a widget's heading printed
    in an ``<h1>`` ("Information and Resources") while every title the page states names the story."""
    if not page_title or count_words(heading) > _LABEL_MAX_WORDS:
        return None
    stated = set().union(*(_WORD.findall(_fold(text)) for text in (page_title, *witnesses) if text))
    if set(_WORD.findall(_fold(heading))) & stated:
        return None
    titled = _without_site(page_title, site) or " ".join(page_title.split())
    return titled if count_words(titled) > count_words(heading) else None


def _banner(heading: str, site: str | None, meta_title: str | None) -> bool:
    """An ``<h1>`` that is the site's name, or names the site and shares no other words with the metadata
    title but a few (a banner with a tagline, "Site, the first daily of X"): a blog's or an outlet's logo."""
    bare_site = bare_key(site or "")
    if bare_key(heading) == bare_site:
        return True
    if not bare_site or bare_site not in bare_key(heading) or not meta_title:
        return False
    site_words = set(_WORD.findall(_fold(site or "")))
    heading_words = set(_WORD.findall(_fold(heading))) - site_words
    # Half: a tagline shares a function word or two with any headline ("de", "the").
    return len(heading_words & set(_WORD.findall(_fold(meta_title)))) < _H1_SHARED_WORDS * len(heading_words)


# Quote marks an extractor cuts a metadata title at (an attribute quoted with the same mark).
_CUT_AT = "\"'\u201c\u201e\u00ab"


def _uncut(meta_title: str | None, page_title: str | None) -> str | None:
    """The ``<title>`` tag where the metadata title is its start cut right before a quote mark
    (``content="Senator calls Biden "unfit""`` read as ``Senator calls Biden``)."""
    if not meta_title or not page_title:
        return meta_title
    meta, page = " ".join(meta_title.split()), " ".join(page_title.split())
    if len(page) > len(meta) and page.startswith(meta) and page[len(meta) :].lstrip()[:1] in _CUT_AT:
        return page
    return meta_title


def _witnessed(chosen: str, ld_headline: str | None, printed: bool) -> str:
    """The JSON-LD headline where it is the chosen headline's own words: spelled with the punctuation
    the ``<h1>`` lost between its spans, without the kicker glued in front of the ``<h1>``, or without the "-Section|Site"
    tail a metadata title (chosen for want of an ``<h1>``) adds."""
    if not ld_headline:
        return chosen
    ld = " ".join(ld_headline.split())
    if not ld or ld == chosen:
        return chosen
    kicked = _with_kicker(chosen, ld)
    if kicked is not None:
        return kicked
    if "".join(ld.split()) == "".join(chosen.split()):
        # Only the spaces differ: the <h1>'s spans lost one ("Title:Subtitle"). Punctuation the JSON-LD
        # adds is not taken: it respells as often as it restores.
        return ld
    if not printed and chosen.startswith(ld) and count_words(ld) >= _KICKER_MIN_WORDS:
        return ld
    return chosen


def _with_kicker(heading: str, meta_title: str | None) -> str | None:
    """The metadata title where the ``<h1>`` is it with a section label or kicker glued in front ("Local
    News | Headline", "Section: Headline" for "Headline"): the label is not part of the headline.

    (The other way round, a metadata title that adds a kicker to the ``<h1>``, cost as many headlines
    in make eval as it won.)
    """
    if not meta_title or meta_title == heading:
        return None
    meta = " ".join(meta_title.split())
    if len(meta.split()) >= _KICKER_MIN_WORDS and heading.endswith(meta):
        return meta
    return None


def _choose_headline(
    h1_texts: list[str], meta_title: str | None, page_title: str | None = None, site: str | None = None
) -> str | None:
    candidates = [text for text in h1_texts if text and len(text) <= _HEADLINE_MAX_CHARS]
    folded_meta = _fold(meta_title or "")
    if folded_meta:
        named = [text for text in candidates if _fold(text) in folded_meta]
        if named:
            chosen = max(named, key=len)
            titled = _titled(candidates, page_title)
            if (
                titled is not None
                and _fold(chosen) == folded_meta
                and folded_meta not in _fold(page_title or "")
            ):
                return titled
            return chosen
    # A lone <h1> of three words or more (CJK counted by characters: it has no spaces) is the headline.
    if len(candidates) == 1 and (not folded_meta or count_words(candidates[0]) >= 3):
        return candidates[0]
    if len(candidates) > 1 and meta_title:
        # Several <h1>s (section headings, a logo) and none the metadata title names verbatim: the headline
        # is the one whose words the metadata title shares most (it rewords or shortens the printed one).
        meta_words = set(_WORD.findall(folded_meta))

        def shared(text: str) -> float:
            # Of the shorter side's words: the metadata title often shortens the printed headline.
            words = set(_WORD.findall(_fold(text)))
            return len(words & meta_words) / max(1, min(len(words), len(meta_words)))

        best = max(candidates, key=shared)  # the first of equals: headlines come before section headings
        if shared(best) >= _H1_SHARED_WORDS:
            return best
    # Several <h1>s and a metadata title that names none of them (a widget's heading): the <title> tag's.
    titled = _titled(candidates, page_title) if len(candidates) > 1 else None
    if titled is not None and meta_title:
        return titled
    if not meta_title:
        return None
    named = _without_site(meta_title, site)
    if named is not None:
        return named
    if site:
        # No part names the site: the dashes and bars are the headline's own ("Minecraft 1.8 - The Update").
        return meta_title.strip()
    parts = [meta_title.strip()]
    for separator in _TITLE_SEPARATORS:
        parts = [piece.strip() for part in parts for piece in part.split(separator)]
    return max(parts, key=len) or None


def _without_site(title: str, site: str | None) -> str | None:
    """The metadata title without the outer parts that name the ``site`` ("Headline - Part two | Site"
    -> "Headline - Part two"), or None where no part does: then only the site's name is cut away, not
    every part a dash or bar sets off (a headline holds those too)."""
    bare_site = bare_key(site or "")
    if not bare_site:
        return None
    text, stripped = " ".join(title.split()), False
    while True:
        for separator in _TITLE_SEPARATORS:
            head, _, last = text.rpartition(separator)
            first, _, rest = text.partition(separator)
            if head and _names_site(last, bare_site):
                text, stripped = head.strip(), True
                break
            if rest and _names_site(first, bare_site):
                text, stripped = rest.strip(), True
                break
        else:
            break
    return text if stripped and text else None


def _names_site(part: str, bare_site: str) -> bool:
    """A short title part that is the site's name or a form of it ("Factorio" for "Factorio.com")."""
    bare = bare_key(part)
    return (
        bool(bare) and count_words(part) <= _SITE_PART_MAX_WORDS and (bare in bare_site or bare_site in bare)
    )


def _titled(candidates: list[str], page_title: str | None) -> str | None:
    """The longest ``<h1>`` the ``<title>`` tag prints as most of itself ("Headline | Site"), if any: a
    site's name in an ``<h1>`` (the logo) is a small part of the ``<title>``."""
    folded_page = _fold(page_title or "")
    titled = [
        text
        for text in candidates
        if _fold(text) in folded_page and len(_fold(text)) >= _TITLED_SHARE * len(folded_page)
    ]
    return max(titled, key=len) if titled and folded_page else None


@dataclass(frozen=True, slots=True)
class Extraction:
    """What an HTML page yields: its text, its metadata, and whether the text is already the main content."""

    text: str
    hints: Hints
    main_content: bool
    # The page's visible text, one block per line, when ``text`` is an extractor's main content (else
    # empty): what extraction left out is shown beside the cleaned lines (``extraction.with_extraction_drops``).
    page_lines: tuple[str, ...] = ()
    # The extractor's own title (its choice among og:title, <h1>, <title>): make eval's trafilatura-alone baseline.
    extractor_title: str | None = None
    # trafilatura's own main content before ``combine`` and ``described_lines`` (empty without main content): the
    # same baseline's text.
    extractor_text: str = ""
    # What trafilatura read (``extract`` takes it back to combine the same readings with another line model).
    readings: Readings | None = None


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


def _year_only_guess(day: str | None, html: str) -> bool:
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


def _full_timestamp(day: str | None, stamp: str | None) -> str | None:
    """The page's timestamp when it agrees with trafilatura's day (or trafilatura found none)."""
    if stamp is None:
        return day
    return stamp if day is None or stamp[:10] == day[:10] else day


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
    if html.count("<", 0, _MAX_HTML_CHARS) > _MAX_EXTRACTOR_TAGS:
        return Readings()
    # Imported lazily: trafilatura and lxml cost much more cold start than the text path needs.
    import trafilatura
    from trafilatura.utils import load_html

    # Parsed once for the main content and the metadata (bare_extraction copies the tree it is given).
    tree = load_html(html[:_MAX_HTML_CHARS])
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
        html[:_MAX_HTML_CHARS], with_metadata=False, favor_recall=True, **_TRAFILATURA_OPTIONS
    )
    return (document.text or "") if document is not None else ""


def extract(
    html: str, *, model: LineModel | object | None = SHIPPED_MODEL, readings: Readings | None = None
) -> Extraction:
    """Main-content text (one paragraph per line) and metadata of an HTML page.

    trafilatura sees the markup, so it drops navigation and page chrome far better than any text
    heuristic; its default and ``favor_recall`` readings are combined with the line cleaner's reading
    of the page's visible text (``combine.combine``, with ``model`` as the line model). The whole visible
    text (``main_content=False``, for the line cleaner's own region choice) is the fallback when it
    finds no main content or the page has too many tags for it to parse in good time. ``readings``
    (``Extraction.readings`` of an earlier call) saves running trafilatura again for another model.
    """
    collector = _collect(html)
    readings = read_with_trafilatura(html) if readings is None else readings
    text, recall_text, meta_title, date, source, url = readings
    main_content = bool(text.strip())
    page_text = _lines_of(collector)
    if not main_content:
        fallbacks.note("html_text")
        text = page_text
    og_title, ld_headline = title_witnesses(html)
    title = choose_headline(
        collector.headings,
        meta_title or collector.title,
        collector.title,
        source,
        og_title=og_title,
        ld_headline=ld_headline,
    )
    stamp, byline = page_metadata(html)
    if stamp is None and _year_only_guess(date, html):
        date = None
    published = _full_timestamp(date, stamp)
    # The page's code lines as the cleaner reads lines (NFC, whitespace collapsed): None on most pages.
    preformatted = (
        frozenset(normalize_text("\n".join(sorted(collector.preformatted))).split("\n")) - {""}
        if collector.preformatted
        else None
    )
    hints = Hints(
        title=title, url=url, published=published, source=source, byline=byline, preformatted=preformatted
    )
    extractor_text = text if main_content else ""
    page_lines: tuple[str, ...] = ()
    if main_content:
        # Two readings of the markup, chosen and extended by their agreement with the line cleaner's
        # reading of the page's text (``combine``): trafilatura alone truncates or takes a teaser list.
        # The second reading costs a second pass: it is read only when ``combine`` doubts the first.
        recalled: list[str] = [] if recall_text is None else [recall_text]

        def recall() -> str:
            if not recalled:
                recalled.append(read_for_recall(html))
            return recalled[0]

        page_normal = normalize_text(page_text)
        page_lines = tuple(page_normal.split("\n"))
        text = combine(text, recall, page_normal, hints, model)
        readings = readings._replace(recall_text=recalled[0] if recalled else None)
        # The standfirst the extractor left out, where the page states it as its description.
        main_lines = without_slides([line.strip() for line in text.split("\n") if line.strip()])
        text = "\n".join(described_lines(list(page_lines), main_lines, page_descriptions(html)))
    return Extraction(text, hints, main_content, page_lines, meta_title, extractor_text, readings)


def extract_html(html: str) -> tuple[str, Hints]:
    """The page's text and metadata (see ``extract``)."""
    found = extract(html)
    return found.text, found.hints


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
    leave (``main_content``); the bundle's own hints win over the page's metadata. The page lines the
    extractor left out are added to ``lines`` as removed by rule ``extraction`` (bounded).
    """
    found = extract(html)
    article = clean_article(
        normalize_text(found.text),
        merge_hints(hints, found.hints),
        bundle_chrome=bundle_chrome,
        main_content=found.main_content,
    )
    return with_extraction_drops(article, list(found.page_lines))
