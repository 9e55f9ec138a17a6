"""The headline of a page whose metadata states none (older markup): its printed headlines against its <title>."""

from __future__ import annotations

import re

from newsdrop.text.html_title_parts import TITLE_SEPARATORS, fold, is_address, names_site
from newsdrop.text.line_keys import count_words
from newsdrop.text.main_edits import bare_key

# Dashes a <title> respells as a hyphen ("Review – shoots for the moon" as "Review - shoots for the moon").
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))
# Words a text must share with a title to name the same story: four letters or more (not "and", "the", "de").
_CONTENT_WORD = re.compile(r"\w{4,}")
# A printed headline is this many words long at least (CJK counted by characters): shorter texts in headline type
# are labels ("Suche", "Top-15").
_HEADLINE_MIN_WORDS = 3
# A printed headline sharing this share of the shorter side's words with the <title> is the same headline, which the
# <title> respells ("Dortmund - Gladbach" for "Dortmund - Mönchengladbach"), not a rewording of it.
_PRINTED_TITLE_SHARE = 0.75
_WORD = re.compile(r"\w+")


def word_share(text: str, title: str) -> float:
    """The share of the shorter side's words that ``text`` and ``title`` share (case-folded)."""
    words, title_words = set(_WORD.findall(fold(text))), set(_WORD.findall(fold(title)))
    return len(words & title_words) / max(1, min(len(words), len(title_words)))


def titled_large_type(texts: list[str], titles: tuple[str | None, ...], site: str | None = None) -> list[str]:
    """Of the texts a page sets in headline type (``html_page``: its printed headlines where it has no ``<h1>``), those
    that share a word of four letters or more with one of the page's ``titles`` (its metadata title, ``<title>``): a
    crosshead or a box's heading set as large shares none, and taken for the only headline it would cut the story.
    Every text where each title is only the ``site``'s name (``site_only``): such a title names no story."""
    if all(site_only(title, site) for title in titles if title) and any(titles):
        return texts
    words = {word.casefold() for title in titles if title for word in _CONTENT_WORD.findall(title)}
    return [text for text in texts if any(word.casefold() in words for word in _CONTENT_WORD.findall(text))]


def first_sharing(
    candidates: list[str], title: str, page_title: str | None, page_text: str = ""
) -> str | None:
    """The first of the page's printed headlines (in page order) of ``_HEADLINE_MIN_WORDS`` words or more that shares
    a content word with the ``title``, where the page does not print the ``title`` as a line of its own
    (``page_text``): with no metadata to state the headline, such a ``<title>`` is a rewording written for search
    engines, which shares more words with a standfirst or a related story's headline printed further down than with
    the story's own, printed first. Not where a printed headline is nearly the ``title`` (``_PRINTED_TITLE_SHARE``:
    the same headline), nor a site's banner (the ``<title>``'s last part, as long as its rest or shorter), nor a
    headline cut short with an ellipsis where the page prints it whole further down."""
    if any(word_share(text, title) >= _PRINTED_TITLE_SHARE for text in candidates):
        return None
    key = bare_key(title)
    if key in {bare_key(line) for line in page_text.split("\n")}:
        return None
    words = set(_CONTENT_WORD.findall(fold(title)))
    for text in candidates:
        if count_words(text) < _HEADLINE_MIN_WORDS or not words & set(_CONTENT_WORD.findall(fold(text))):
            continue
        rest = _before_last_part(text, page_title)
        if (rest is None or count_words(rest) < count_words(text)) and not _cut_copy(text, candidates):
            return text
    return None


def _cut_copy(text: str, candidates: list[str]) -> bool:
    """A text cut with an ellipsis that another of the ``candidates`` prints whole ("Brothel catering to ...,
    doctors,…" over "Brothel catering to ..., doctors, lawyers busted in Boston")."""
    stem = text.rstrip().removesuffix("\u2026").removesuffix("...").rstrip()
    return len(stem) < len(text.rstrip()) and any(
        other != text and other.startswith(stem) for other in candidates
    )


def rest_of_title(heading: str, page_title: str | None) -> str | None:
    """The ``<title>`` before its last part where that part is the printed ``heading`` and the rest has more words:
    a blog's or a site's name printed as its banner ``<h1>`` ("Office 365 – HBDI – die Dritte | Damian Duchamps'
    Blog" over the ``<h1>`` "Damian Duchamps' Blog"). A rest no longer than the ``<h1>`` is a site's name or a kicker
    before the headline ("O'Reilly Japan - Head First ...", "«Evnukkmakeren»: - Nordmann dømt til livstid")."""
    rest = _before_last_part(heading, page_title)
    return rest if rest is not None and count_words(rest) > count_words(heading) else None


def _before_last_part(text: str, page_title: str | None) -> str | None:
    """The ``<title>`` before its last part where that part is ``text`` (spaces and marks aside), else None."""
    title, key = " ".join((page_title or "").split()), bare_key(text)
    if not title or not key:
        return None
    for separator in TITLE_SEPARATORS:
        rest, _, last = title.rpartition(separator)
        if rest.strip() and bare_key(last) == key:
            return rest.strip()
    return None


def site_only(title: str | None, site: str | None) -> bool:
    """A title that is only the site's name ("Quanta Magazine" on quantamagazine.org) or a web address ("kath.net"):
    it names no story, so no word of it tells the page's printed headline from its labels."""
    text = " ".join((title or "").split())
    if not text:
        return False
    bare_site = bare_key(site or "")
    return is_address(text) or (bool(bare_site) and names_site(text, bare_site))


def first_headline(candidates: list[str]) -> str | None:
    """The first of the page's printed headlines of ``_HEADLINE_MIN_WORDS`` words or more that is not a headline cut
    short (``_cut_copy``): where the ``<title>`` is only the site's name, the story's headline is printed first
    (labels such as "Suche" are shorter)."""
    for text in candidates:
        if count_words(text) >= _HEADLINE_MIN_WORDS and not _cut_copy(text, candidates):
            return text
    return None


def dashes_respelled(printed: str, stated: str) -> bool:
    """Whether ``stated`` is the ``printed`` headline with its typographic dashes as hyphens, and otherwise the same."""
    return printed != stated and printed.translate(_DASHES) == stated.translate(_DASHES)
