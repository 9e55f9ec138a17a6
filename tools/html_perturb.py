"""Seeded rewrites of an HTML page into older or plainer markup that keep every visible text node (eval proxy)."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable

import lxml.html
from lxml import etree

# Each kind strips one family of the signals modern markup gives an extractor; "all" applies every one.
KINDS = ("classes", "meta", "semantic", "table", "headlines")
# The kinds in the order ``perturb`` applies them: the table needs the semantic tags to find the navigation,
# and the headline and semantic rewrites may leave class names for "classes" to strip.
_ORDER = ("table", "headlines", "semantic", "classes", "meta")
_SEMANTIC_BLOCK = frozenset("article main header footer nav aside section figure figcaption hgroup".split())
_SEMANTIC_INLINE = frozenset({"time", "mark"})
# Microdata and ARIA landmarks are metadata too: pages of the table era carry none of them.
_META_ATTRIBUTES = ("itemprop", "itemscope", "itemtype", "itemid", "property", "typeof", "vocab", "role")
_NAVIGATION = frozenset({"nav"})
_UNSHOWN = frozenset({"template", "noscript", "script", "svg"})
# What a table-era page wraps a headline in (seeded choice per heading); the inline form sits between <br>s.
_HEADLINE_FORMS = ("div", "p-font", "br-font")


def _parse(html: str) -> etree._ElementTree:
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=False)
    root = lxml.html.fromstring(html.encode("utf-8"), parser=parser)
    return root.getroottree()


def _serialise(tree: etree._ElementTree) -> str:
    doctype = tree.docinfo.doctype or "<!DOCTYPE html>"
    body = lxml.html.tostring(tree.getroot(), encoding="unicode", method="html")
    return f"{doctype}\n{body}"


def _elements(root: etree._Element, tags: Iterable[str] | None = None) -> list[etree._Element]:
    """Every element under ``root`` (comments and processing instructions left out), in document order."""
    wanted = frozenset(tags) if tags is not None else None
    return [
        element
        for element in root.iter()
        if isinstance(element.tag, str) and (wanted is None or element.tag.lower() in wanted)
    ]


def _detach(element: etree._Element) -> None:
    """Take ``element`` out of its parent, leaving its tail text where it stood."""
    parent = element.getparent()
    if parent is None:
        return
    tail, element.tail = element.tail, None
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def strip_classes(root: etree._Element, rng: random.Random) -> None:
    """(a) No class or id attribute: the names extractors and their boilerplate lists key on."""
    del rng
    for element in _elements(root):
        for name in ("class", "id"):
            element.attrib.pop(name, None)


def strip_meta(root: etree._Element, rng: random.Random) -> None:
    """(b) No meta tags (og:, twitter:, description, dates, author), JSON-LD or microdata: only <title> states
    the headline. The content-type meta stays (it states the encoding, not the page)."""
    del rng
    for element in _elements(root, ("meta",)):
        if (element.get("http-equiv") or "").lower() != "content-type" and element.get("charset") is None:
            _detach(element)
    for element in _elements(root, ("script",)):
        if "ld+json" in (element.get("type") or "").lower():
            _detach(element)
    for element in _elements(root):
        for name in _META_ATTRIBUTES:
            element.attrib.pop(name, None)


def rename_semantic(root: etree._Element, rng: random.Random) -> None:
    """(c) HTML5's sectioning and figure tags become <div>, <time> and <mark> become <span> (without the
    machine-readable datetime)."""
    del rng
    for element in _elements(root, _SEMANTIC_BLOCK | _SEMANTIC_INLINE):
        inline = element.tag.lower() in _SEMANTIC_INLINE
        element.tag = "span" if inline else "div"
        element.attrib.pop("datetime", None)


def _navigation(body: etree._Element) -> list[etree._Element]:
    """The outermost navigation blocks of the body (<nav> or an ARIA navigation landmark)."""
    found = [
        element
        for element in _elements(body)
        if element.tag.lower() in _NAVIGATION or (element.get("role") or "").lower() == "navigation"
    ]
    # A block inside another, or inside markup the page does not show (<template>, <noscript>), stays put.
    return [
        element
        for element in found
        if not any(other in found or other.tag in _UNSHOWN for other in element.iterancestors())
    ]


def wrap_in_table(root: etree._Element, rng: random.Random) -> None:
    """(d) The body as a table-era layout: a one-row table whose side cell holds the page's navigation
    blocks and whose wide cell holds everything else, in order (seeded: the side cell left or right)."""
    body = root.find("body")
    if body is None:
        return
    navigation = _navigation(body)
    for element in navigation:
        _detach(element)
    table = etree.Element("table", width="100%", border="0", cellpadding="4", cellspacing="0")
    row = etree.SubElement(table, "tr")
    side = etree.Element("td", width="160", valign="top", bgcolor="#eeeeee")
    main = etree.Element("td", valign="top")
    for cell in (side, main) if rng.random() < 0.5 else (main, side):
        row.append(cell)
    side.extend(navigation)
    main.text, body.text = body.text, None
    main.extend(list(body))
    body.append(table)


def _headline_form(heading: etree._Element, form: str) -> None:
    size = "5" if heading.tag.lower() == "h1" else "4"
    heading.attrib.clear()
    if form == "div":
        heading.tag = "div"
        heading.set("style", "font-size: 24px; font-weight: bold")
        return
    # The heading's content moves into <font><b>, which stands where the heading stood.
    bold = etree.Element("b")
    bold.text, heading.text = heading.text, None
    bold.extend(list(heading))
    font = etree.SubElement(etree.Element("x"), "font", size=size, face="Arial")
    font.append(bold)
    if form == "p-font":
        heading.tag = "p"
        heading.append(font)
        return
    # "br-font": the heading's box goes; a <br> on either side keeps it a line of its own.
    heading.tag = "span"
    heading.append(etree.Element("br"))
    heading.append(font)
    heading.append(etree.Element("br"))


def plain_headlines(root: etree._Element, rng: random.Random) -> None:
    """(e) <h1> and <h2> become styled text (seeded per heading: a styled <div>, <p><font><b>, or <font><b>
    between <br>s)."""
    for heading in _elements(root, ("h1", "h2")):
        _headline_form(heading, rng.choice(_HEADLINE_FORMS))


PERTURBATIONS: dict[str, Callable[[etree._Element, random.Random], None]] = {
    "classes": strip_classes,
    "meta": strip_meta,
    "semantic": rename_semantic,
    "table": wrap_in_table,
    "headlines": plain_headlines,
}


def perturb(html: str, kinds: Iterable[str], *, seed: str) -> str:
    """``html`` rewritten by each of ``kinds`` (in a fixed order), with ``seed`` (e.g. the page id) fixing
    every random choice; no kinds gives the page parsed and serialised by lxml alone (the control)."""
    wanted = set(kinds)
    unknown = wanted - set(KINDS)
    if unknown:
        raise ValueError(f"unknown perturbation kinds: {sorted(unknown)}")
    tree = _parse(html)
    root = tree.getroot()
    for kind in _ORDER:
        if kind in wanted:
            PERTURBATIONS[kind](root, random.Random(f"{seed}:{kind}"))
    return _serialise(tree)


def visible_texts(html: str) -> list[str]:
    """The page's non-blank text nodes outside <head>, <script> and <style>, whitespace-stripped, in document
    order: what a perturbation must keep (as a sequence, or as a multiset for the table)."""
    root = _parse(html).getroot()
    texts: list[str] = []
    skipped = frozenset({"script", "style", "head", "title", "noscript", "template"})

    def walk(element: etree._Element, hidden: bool) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        inside = hidden or tag in skipped or not tag
        if not inside and element.text and element.text.strip():
            texts.append(element.text.strip())
        for child in element:
            walk(child, inside)
            if not inside and child.tail and child.tail.strip():
                texts.append(child.tail.strip())

    walk(root, False)
    return texts
