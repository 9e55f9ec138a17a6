"""The parts of a page's stated titles: the site's name cut from a "Headline | Site" title, the <h1> the <title>
tag prints as most of itself, and <h1>s that are only names a title is built of."""

from __future__ import annotations

from newsdrop.text.line_keys import count_words
from newsdrop.text.main_edits import bare_key

TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » ")
# An <h1> the <title> tag names is its headline when it is this share of the <title> at least (not a logo).
_TITLED_SHARE = 0.5
# A title part this short at most can be the site's name ("Headline | Site").
_SITE_PART_MAX_WORDS = 5


def fold(text: str) -> str:
    """The text case-folded, whitespace collapsed."""
    return " ".join(text.casefold().split())


def built_of_labels(named: list[str], folded_meta: str) -> bool:
    """Two or more different ``<h1>``s the metadata title names, the longest under ``_TITLED_SHARE`` of it:
    the page's logos or names it joins ("Trip to the maples @ Ann's home :: BlogNet ::" over the ``<h1>``s
    "BlogNet" and "Ann's home"). A headline the title names is most of it ("Headline | Site")."""
    folded = {fold(text) for text in named}
    return len(folded) >= 2 and max(map(len, folded)) < _TITLED_SHARE * len(folded_meta)


def without_site(title: str, site: str | None) -> str | None:
    """The metadata title without the outer parts that name the ``site`` ("Headline - Part two | Site"
    -> "Headline - Part two"), or None where no part does: then only the site's name is cut away, not
    every part a dash or bar sets off (a headline holds those too)."""
    bare_site = bare_key(site or "")
    if not bare_site:
        return None
    text, stripped = " ".join(title.split()), False
    while True:
        for separator in TITLE_SEPARATORS:
            head, _, last = text.rpartition(separator)
            first, _, rest = text.partition(separator)
            if head and names_site(last, bare_site):
                text, stripped = head.strip(), True
                break
            if rest and names_site(first, bare_site):
                text, stripped = rest.strip(), True
                break
        else:
            break
    return text if stripped and text else None


def names_site(part: str, bare_site: str) -> bool:
    """A short title part that is the site's name or a form of it ("Factorio" for "Factorio.com")."""
    bare = bare_key(part)
    return (
        bool(bare) and count_words(part) <= _SITE_PART_MAX_WORDS and (bare in bare_site or bare_site in bare)
    )


def title_printed_h1(candidates: list[str], page_title: str | None) -> str | None:
    """The longest ``<h1>`` the ``<title>`` tag prints as most of itself ("Headline | Site"), if any: a
    site's name in an ``<h1>`` (the logo) is a small part of the ``<title>``."""
    folded_page = fold(page_title or "")
    titled = [
        text
        for text in candidates
        if fold(text) in folded_page and len(fold(text)) >= _TITLED_SHARE * len(folded_page)
    ]
    return max(titled, key=len) if titled and folded_page else None
