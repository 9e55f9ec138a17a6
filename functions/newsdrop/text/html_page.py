"""HTML page parsing: the page's visible text, one block element per line, with its <h1>s, <title>, code, captions and formulas."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li"
    " main nav ol p pre section table td th tr ul title".split()
)
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head"})
# Elements whose lines are code or verbatim text (``Hints.preformatted``), not prose or page chrome.
_CODE_TAGS = frozenset({"pre", "code"})
# A MathML formula's source inside it (TeX in <annotation>): no text the page shows.
_FORMULA_SOURCE = frozenset({"annotation", "annotation-xml"})
# An inline style that hides its element: a formula inside one is a copy for screen readers beside a picture of it.
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none", re.IGNORECASE)
# A newline between two words of one text node: the source's hard wrap. One beside a tag stays a break (a byline's
# "Von\n<a>Name</a>" set in blocks by a style sheet).
_WRAPPED = re.compile(r"(?<=\S)[^\S\n]*\n\s*(?=\S)")
# Where a browser keeps the source's newlines (elsewhere a newline in text is a space, so a paragraph whose source
# is wrapped at 72 columns reads as one line): <pre>-like elements, <textarea>, and inline ``white-space: pre*``.
# Only a <p>'s text is read so (``_TextCollector.paragraph``): outside one, a newline between inline elements often
# stands for the line break a style sheet makes (a kicker's <span> over the headline's in an <h1>, menu links), and
# read as a space it cost three fun headlines under make eval; inside one, ``_WRAPPED`` for the same reason.
_VERBATIM_TAGS = frozenset({"pre", "textarea", "listing", "xmp", "plaintext"})
_VERBATIM_STYLE = re.compile(r"white-space\s*:\s*(?:pre|break-spaces)", re.IGNORECASE)
# Elements that never close: a hidden one holds nothing.
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<meta|<div|<p[ >])", re.IGNORECASE)
MAX_HTML_CHARS = 20_000_000
# A page that names (class or id) under this share of its shown elements gives an extractor no boilerplate cues:
# hand-written or table-era markup (rdb-hukumusume 0.003, a Japanese blog 0.086; the corpora's other pages 0.11+).
_NAMED_MIN_SHARE = 0.1
# Headline type in markup without <h1> (table-era pages): <font size="5"> (x-large) or larger ("+2" on the default
# 3), or a bold inline style of 24px / 18pt / 1.5em or more, the size browsers give an <h2> and up.
_LARGE_FONT_SIZE = 5
_DEFAULT_FONT_SIZE = 3
_FONT_SIZE_STYLE = re.compile(r"font-size\s*:\s*([\d.]+)\s*(px|pt|r?em)\b", re.IGNORECASE)
_LARGE_STYLE = {"px": 24.0, "pt": 18.0, "em": 1.5, "rem": 1.5}
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b", re.IGNORECASE)


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
        # Texts set in headline type (``_large_type``), in page order: the printed headlines of a page without <h1>.
        self.large_type: list[str] = []
        self.large_parts: list[str] | None = None
        self.large_tag: str | None = None
        self.large_depth = 0
        self.title: str | None = None
        self.title_parts: list[str] | None = None
        # The open code block's tag ("pre", or a "code" outside any <pre>), its nesting depth and its text.
        self.code_tag: str | None = None
        self.code_depth = 0
        self.code_parts: list[str] = []
        self.preformatted: set[str] = set()
        # What the markup marks as a picture's caption: <figcaption> lines and <img> alt texts (collapsed).
        self.captions: set[str] = set()
        self.caption_start: int | None = None
        # Link texts (collapsed): other stories' headlines are links, the story's own lines mostly not.
        self.links: set[str] = set()
        self.link_start: int | None = None
        # MathML formulas the page shows, in page order, each its tokens' text joined by spaces ("a ≠ 0"):
        # extractors leave them out of the paragraphs they sit in.
        self.formulas: list[str] = []
        self.formula_parts: list[str] | None = None
        self.formula_skip = 0
        # The open element that hides its content (inline ``display: none``) and its nesting depth.
        self.hidden_tag: str | None = None
        self.hidden_depth = 0
        # The shown elements, and those of them with a class or id: what an extractor's boilerplate cues key on.
        self.elements = 0
        self.named = 0
        # The open element that keeps its text's newlines (``_VERBATIM_TAGS``, ``_VERBATIM_STYLE``) and its depth.
        self.verbatim_tag: str | None = None
        self.verbatim_depth = 0
        # Inside a <p>: from its start tag to its end tag or the next block tag, which closes it in a browser.
        self.paragraph = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skip_depth:
            self.elements += 1
            for name, value in attrs:
                if value and (name == "class" or name == "id"):
                    self.named += 1
                    break
        if tag in _SKIP:
            self.skip_depth += 1
        elif tag in _BLOCK:
            self.parts.append("\n")
            if tag != "br":
                self.paragraph = tag == "p"
            if self.code_tag is not None:
                self.code_parts.append("\n")
        if tag in _CODE_TAGS and not self.skip_depth:
            if self.code_tag is None:
                self.code_tag, self.code_parts = tag, []
            if tag == self.code_tag:
                self.code_depth += 1
        if tag == "h1" and not self.skip_depth:
            self.heading_parts = []
        if tag == self.large_tag:
            self.large_depth += 1
        elif self.large_tag is None and not self.skip_depth and tag not in _VOID and _large_type(tag, attrs):
            self.large_tag, self.large_depth, self.large_parts = tag, 1, []
        if tag == "figcaption" and not self.skip_depth and self.caption_start is None:
            self.caption_start = len(self.parts)
        if tag == "a" and not self.skip_depth:
            self.link_start = len(self.parts)
        if tag == "img" and not self.skip_depth:
            alt = next((value for name, value in attrs if name == "alt" and value), None)
            if alt and (text := " ".join(alt.split())):
                self.captions.add(text)
        if tag == "title" and self.title is None:
            self.title_parts = []
        self._open_formula_or_hidden(tag, attrs)

    def _open_formula_or_hidden(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == self.verbatim_tag:
            self.verbatim_depth += 1
        elif self.verbatim_tag is None and tag not in _VOID and _verbatim(tag, attrs):
            self.verbatim_tag, self.verbatim_depth = tag, 1
        if tag == self.hidden_tag:
            self.hidden_depth += 1
        elif self.hidden_tag is None and tag not in _VOID:
            style = next((value for name, value in attrs if name == "style" and value), None)
            if style is not None and _HIDDEN_STYLE.search(style) is not None:
                self.hidden_tag, self.hidden_depth = tag, 1
        if tag == "math" and self.formula_parts is None and self.hidden_tag is None and not self.skip_depth:
            self.formula_parts, self.formula_skip = [], 0
        elif tag in _FORMULA_SOURCE and self.formula_parts is not None:
            self.formula_skip += 1

    def _close_formula_or_hidden(self, tag: str) -> None:
        if tag == self.verbatim_tag:
            self.verbatim_depth -= 1
            if not self.verbatim_depth:
                self.verbatim_tag = None
        if tag == self.hidden_tag:
            self.hidden_depth -= 1
            if not self.hidden_depth:
                self.hidden_tag = None
        if self.formula_parts is None:
            return
        if tag in _FORMULA_SOURCE and self.formula_skip:
            self.formula_skip -= 1
        elif tag == "math":
            if formula := " ".join(self.formula_parts):
                self.formulas.append(formula)
            self.formula_parts = None

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self.skip_depth:
            self.skip_depth -= 1
        elif tag in _BLOCK:
            self.parts.append("\n")
            if tag != "br":
                self.paragraph = False
        if tag == self.code_tag:
            self.code_depth -= 1
            if not self.code_depth:
                self._end_code_block()
        if tag == "h1" and self.heading_parts is not None:
            self.headings.append(" ".join("".join(self.heading_parts).split()))
            self.heading_parts = None
        if tag == self.large_tag:
            self.large_depth -= 1
            if not self.large_depth:
                if text := " ".join("".join(self.large_parts or ()).split()):
                    self.large_type.append(text)
                self.large_tag, self.large_parts = None, None
        if tag == "title" and self.title_parts is not None:
            self.title = " ".join("".join(self.title_parts).split()) or None
            self.title_parts = None
        if tag == "figcaption" and self.caption_start is not None:
            lines = "".join(self.parts[self.caption_start :]).split("\n")
            self.captions.update(text for line in lines if (text := " ".join(line.split())))
            self.caption_start = None
        if tag == "a" and self.link_start is not None:
            if text := " ".join("".join(self.parts[self.link_start :]).split()):
                self.links.add(text)
            self.link_start = None
        self._close_formula_or_hidden(tag)

    def _prose(self) -> bool:
        """Whether the open text is the browser's running text: no verbatim element, code block, formula or hidden
        element (a formula's copy for screen readers)."""
        return (
            self.verbatim_tag is None
            and self.code_tag is None
            and self.formula_parts is None
            and self.hidden_tag is None
        )

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
            # A newline in a paragraph's text is a space to the browser (only <br> breaks its lines), except in a
            # verbatim element or a code block (a bare <code> spanning lines reads as one, ``_end_code_block``).
            # A formula's tokens keep their lines: ``main_formulas`` finds them on the page's lines as they were.
            if "\n" in data and self.paragraph and self._prose():
                self.parts.append(_WRAPPED.sub(" ", data))
            else:
                self.parts.append(data)
            if self.code_tag is not None:
                self.code_parts.append(data)
            if self.heading_parts is not None:
                self.heading_parts.append(data)
            if self.large_parts is not None:
                self.large_parts.append(data)
            if self.formula_parts is not None and not self.formula_skip:
                self.formula_parts.extend(data.split())


def _verbatim(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """Whether an element keeps its text's newlines as line breaks (``_VERBATIM_TAGS``, ``_VERBATIM_STYLE``)."""
    if tag in _VERBATIM_TAGS:
        return True
    style = next((value for name, value in attrs if name == "style" and value), None)
    return style is not None and _VERBATIM_STYLE.search(style) is not None


def _large_type(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """Whether an element sets its text in headline type (``_LARGE_FONT_SIZE``, ``_LARGE_STYLE``)."""
    size = style = None
    for name, value in attrs:
        if name == "size":
            size = value
        elif name == "style":
            style = value
    if tag == "font" and size and (size := size.strip()):
        relative = size[0] in "+-"
        try:
            number = int(size)
        except ValueError:
            return False
        return (_DEFAULT_FONT_SIZE + number if relative else number) >= _LARGE_FONT_SIZE
    if not style or _BOLD_STYLE.search(style) is None or (found := _FONT_SIZE_STYLE.search(style)) is None:
        return False
    try:
        return float(found.group(1)) >= _LARGE_STYLE[found.group(2).lower()]
    except ValueError:
        return False


def unnamed_markup(collector: _TextCollector) -> bool:
    """Whether the page's markup names almost none of its elements (``_NAMED_MIN_SHARE``)."""
    return collector.named < _NAMED_MIN_SHARE * collector.elements


def collect(html: str) -> _TextCollector:
    collector = _TextCollector()
    collector.feed(html[:MAX_HTML_CHARS])
    collector.close()
    return collector


def stdlib_text(html: str) -> str:
    """Visible text of ``html``, one block element per line (no main-content detection)."""
    return lines_of(collect(html))


def lines_of(collector: _TextCollector) -> str:
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)
