"""The parts of a page's stated titles: the site's name cut from a "Headline | Site" title, the <h1> the <title>
tag prints as most of itself, and <h1>s that are only names a title is built of."""

from __future__ import annotations

import re

from newsdrop.text.line_keys import count_words
from newsdrop.text.main_edits import bare_key

TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » ")
# An <h1> the <title> tag names is its headline when it is this share of the <title> at least (not a logo).
_TITLED_SHARE = 0.5
# A title part this short at most can be the site's name ("Headline | Site").
_SITE_PART_MAX_WORDS = 5
# The marks trafilatura splits a <title> at (its ``HTMLTITLE_REGEX``), each with a space on either side.
_TITLE_MARK = "[\u2013\u2022\u00b7\u2014|\u2044*\u22c6~\u2039\u00ab<\u203a\u00bb>:-]"
_MARK_THEN_REST = re.compile(rf"\s+{_TITLE_MARK}\s+(.+)")
# A web address as a site's name ("tagesschau.de", "MDR.DE"): one token, a dot between word characters.
_ADDRESS = re.compile(r"\S*\w\.\w\S*")


def fold(text: str) -> str:
    """The text case-folded, whitespace collapsed."""
    return " ".join(text.casefold().split())


def is_address(text: str) -> bool:
    """Whether the text is one web address ("tagesschau.de", "MDR.DE")."""
    return bool(_ADDRESS.fullmatch(text))


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


def title_and_site(
    meta_title: str | None, site: str | None, page_title: str | None
) -> tuple[str | None, str | None]:
    """trafilatura's title and site name the right way round where it read them off a "Headline - Site" ``<title>``
    whose headline holds a full stop ("A few tornadoes could strike central U.S. Friday - The Washington Post").

    Without meta tags, trafilatura names as the site the ``<title>``'s part with a dot (taken for a web address)
    and as the title its first part without one: the site's name. Where that site is the ``<title>``'s first part
    and no web address (it has a space, or no dot between word characters), and the part after it is short
    enough to be a site's name (``_SITE_PART_MAX_WORDS``, and no longer than the first), the last part is the site,
    and the first is the title where the title was the last part (or a form of it). A site's name with a dot
    of its own comes last ("Headline - Society e.V.", "Headline | name.de") and stays."""
    if not site or not page_title or "." not in site:
        return meta_title, site
    named, title = " ".join(site.split()), " ".join(page_title.split())
    if _ADDRESS.fullmatch(named) or not title.startswith(named):
        return meta_title, site
    after = _MARK_THEN_REST.fullmatch(title[len(named) :])
    if after is None:
        return meta_title, site
    other = after.group(1)
    if count_words(other) > min(_SITE_PART_MAX_WORDS, count_words(named)):
        return meta_title, site
    if meta_title and names_site(meta_title, bare_key(other)):
        return named, other
    return meta_title, other
