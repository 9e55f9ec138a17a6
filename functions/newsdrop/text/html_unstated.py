"""The headline of a page whose metadata states none (older markup): its printed headlines against its <title>."""

from __future__ import annotations

import re

from newsdrop.text.html_title_parts import TITLE_SEPARATORS, fold, is_address, names_site
from newsdrop.text.line_keys import count_words
from newsdrop.text.main_edits import bare_key

# Words a printed headline must share with the <title> to name its story: four letters or more (not "and", "de").
_CONTENT_WORD = re.compile(r"\w{4,}")
# A printed headline is this many words long at least (CJK counted by characters): shorter texts in headline type
# are labels ("Suche", "Top-15", "More from Styling Tips" is longer and shares no word).
_HEADLINE_MIN_WORDS = 3


def first_sharing(candidates: list[str], title: str, page_title: str | None) -> str | None:
    """The first of the page's printed headlines (in page order) of ``_HEADLINE_MIN_WORDS`` words or more that shares
    a content word with the ``title``: with no metadata to state the headline, the ``<title>`` is often a rewording
    written for search engines, which shares more words with a crosshead or a related story's headline printed
    further down than with the story's own, printed first. Not a site's banner (the ``<title>``'s last part,
    ``rest_of_title``) nor a headline cut short with an ellipsis where the page prints it whole further down."""
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
