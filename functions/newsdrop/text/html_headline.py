"""The HTML page's headline: its <h1>s weighed against the metadata title, the <title> tag and their witnesses."""

from __future__ import annotations

import re

from newsdrop.text.dates import find_date
from newsdrop.text.html_title_parts import (
    TITLE_SEPARATORS,
    built_of_labels,
    fold,
    title_printed_h1,
    without_site,
)
from newsdrop.text.html_unstated import (
    dashes_respelled,
    first_headline,
    first_sharing,
    rest_of_title,
    site_only,
)
from newsdrop.text.line_keys import count_words
from newsdrop.text.main_edits import bare_key

# A headline is a line, not a paragraph: longer <h1> texts are page chrome (logos with taglines, lists).
_HEADLINE_MAX_CHARS = 300
# Of several <h1>s, one sharing at least this share of its words with the metadata title is the headline.
_H1_SHARED_WORDS = 0.5
# A metadata title that an <h1> ends with replaces it (without the label) from this many words.
_KICKER_MIN_WORDS = 3
# An <h1> this many words long at most that shares no word with the page's titles is a section label or a
# widget's heading ("Allergies Health Center", "Original text"), not the headline.
_LABEL_MAX_WORDS = 4
_WORD = re.compile(r"\w+")
# A headline the page's metadata states in other words shares under this share of its words with the <h1>
# (of both sides' words); a respelling of the <h1> ("Joburg" for "Johannesburg", a name added) shares more.
_REWORDED_SHARE = 0.8
# Words a label must share with a title to name the same story: four letters or more (not "and", "the", "de").
_CONTENT_WORD = re.compile(r"\w{4,}")
_QUOTES = re.compile(
    "[\"'\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb\u2039\u203a\u300c\u300d\u300e\u300f]"
)


def _skeleton(text: str) -> str:
    """The text without quote marks, whitespace collapsed: two spellings that differ only in quote style."""
    return " ".join(_QUOTES.sub("", text).split())


def _marks(text: str | None) -> int:
    """How many characters of the text are neither word characters nor spaces."""
    return sum(1 for char in text or "" if not char.isspace() and not _WORD.match(char))


def _edge_marks(text: str) -> tuple[str, str]:
    """The marks before a title's first and after its last word character ("Title -": "", " -")."""
    spans = [found.span() for found in _WORD.finditer(text)]
    return (text[: spans[0][0]], text[spans[-1][1] :]) if spans else (text, "")


def _punctuated(heading: str, meta_title: str | None, spellings: tuple[str | None, ...] = ()) -> str:
    """The metadata title when it is the ``<h1>``'s words with the separators the ``<h1>`` lost.

    An ``<h1>`` built of spans (kicker and headline, "Nationale DemoDer 9. Juli ...") loses the space
    or colon between them in the page's text, and some carry a permalink mark ("Title¶"); the metadata
    title spells the same words with them. Quote style alone is no reason: the printed form stays. Nor
    is a mark the metadata title adds at an end ("Headline -": a site part cut away), nor a respelling
    where another of the page's titles (``spellings``: its JSON-LD headline, its ``<title>`` without the
    site part) prints the ``<h1>`` as it is ("Sazerac - alles über" against the og:title's "Sazerac! Alles").
    """
    if not meta_title or meta_title == heading or bare_key(meta_title) != bare_key(heading):
        return heading
    if _skeleton(meta_title) == _skeleton(heading):
        return heading
    (meta_start, meta_end), (start, end) = _edge_marks(meta_title), _edge_marks(heading)
    if meta_start not in start or meta_end not in end:
        return heading
    if any(spelled and " ".join(spelled.split()) == heading for spelled in spellings):
        return heading
    return meta_title


def headline_choice(
    h1_texts: list[str],
    meta_title: str | None,
    page_title: str | None = None,
    site: str | None = None,
    *,
    og_title: str | None = None,
    ld_headline: str | None = None,
    page_text: str = "",
) -> tuple[str | None, str | None]:
    """The page's headline and the printed ``<h1>`` it replaces, if any.

    The headline: the ``<h1>`` the metadata title names, else the only ``<h1>``, else the metadata title
    without its "| Site" or "Section |" parts; an ``<h1>`` that lost its punctuation takes the metadata
    title's spelling of the same words.

    Pages print their headline in an ``<h1>``; the ``<title>``/og:title usually adds the site name,
    so it only confirms which ``<h1>`` is the headline when a page has several (logo, section name).
    ``page_title`` (the ``<title>`` tag) is a second witness where the metadata title is merely one of
    the ``<h1>``s (an extractor without og:title takes a widget's "Follow us" heading). An ``<h1>`` that is
    the ``site``'s name (a blog's banner) is never the headline: a metadata title without it is.

    ``og_title`` and ``ld_headline`` (the page's og:title and JSON-LD headline) are further witnesses:
    the metadata title an extractor cut at a quote mark, an ``<h1>`` that is a banner naming the site,
    and a printed headline that lost its punctuation or carries a kicker (see ``_witnessed``). Where the
    JSON-LD headline and a second title state another headline than the ``<h1>``, theirs is taken
    (``_stated_otherwise``).

    Of several ``<h1>``s none of which the metadata title names, the one the JSON-LD headline states is the
    story's; an og:title or JSON-LD headline that is the ``<h1>`` without its quote marks is taken (``_unquoted``).

    The replaced ``<h1>``: where the page's metadata states the headline in other words, the ``<h1>`` is the
    same headline printed, a line the main content must not keep as text.
    """
    meta_title = _uncut(meta_title, page_title)
    if not any(bare_key(text) for text in h1_texts) and og_title and meta_title and og_title != meta_title:
        # No printed headline: of two metadata titles, the one the <title> tag prints (the extractor's
        # own may be a teaser's or a widget's heading).
        page = fold(page_title or "")
        if fold(og_title) in page and fold(meta_title) not in page:
            meta_title = og_title
    printed = [text for text in h1_texts if bare_key(text)]
    banner = bool(
        site and bare_key(site) and printed and all(_banner(text, site, meta_title) for text in printed)
    )
    if banner and meta_title and bare_key(site or "") not in bare_key(meta_title):
        return meta_title, None
    chosen = _choose_headline(
        h1_texts, meta_title, page_title, site, ld_headline, og_title is None, page_text
    )
    if chosen is None:
        return None, None
    # The <title> without its site part, or whole where it has none: the page's own title where no metadata
    # states the headline (older markup), and a spelling of it as the page prints it.
    unsited = (without_site(page_title, site) or " ".join(page_title.split())) if page_title else None
    spellings = (ld_headline, unsited)
    unstated = og_title is None and ld_headline is None
    spelled = _with_kicker(chosen, meta_title) or _punctuated(chosen, meta_title, spellings)
    # A <title> (no metadata: the extractor's title) that respells the printed dashes as hyphens is no witness.
    chosen = chosen if unstated and dashes_respelled(chosen, spelled) else spelled
    if unstated and chosen in printed and chosen == meta_title and _marks(unsited) > _marks(chosen):
        # The extractor's title is the <h1> itself: the <title> is the one witness to punctuation its spans lost
        # (where it adds marks: one that only respells a dash as a hyphen is no witness).
        chosen = _punctuated(chosen, unsited)
    if unstated and chosen in printed and (rest := rest_of_title(chosen, page_title)):
        # The <h1> is the <title>'s last part, a name shorter than the rest: the blog's banner.
        return rest, None
    if chosen in printed and (titled := _label_titled(chosen, page_title, site, (og_title, ld_headline))):
        return titled, None
    # No printed headline and no metadata title of the page's own: the extractor's title is a heading it
    # found in the markup (a logo's alt text); one the <title> tag does not print loses to the <title> tag
    # without its site part.
    if (
        not printed
        and not og_title
        and not ld_headline
        and page_title
        and meta_title
        and fold(meta_title) not in fold(page_title)
        and (named := without_site(page_title, site))
    ):
        return named, None
    if chosen in printed and (stated := _stated_otherwise(chosen, page_title, site, og_title, ld_headline)):
        return stated, chosen
    if chosen in printed and (unquoted := _unquoted(chosen, (og_title, ld_headline))):
        return unquoted, None
    if chosen in printed and (undated := _undated(chosen, (og_title, ld_headline, meta_title))):
        return undated, None
    return _witnessed(chosen, ld_headline, bool(printed)), None


def _unquoted(heading: str, witnesses: tuple[str | None, ...]) -> str | None:
    """The og:title or JSON-LD headline that is the printed ``<h1>`` without the quote marks it sets around
    a phrase (the ``<h1>`` “We will rebuild”... the mayor, stated as We will rebuild... the mayor): the page
    states its headline plain and quotes the words for display. A witness that only respells the marks
    (straight for curly) keeps as many and is no reason."""
    marks = len(_QUOTES.findall(heading))
    for witness in witnesses:
        if not witness or witness == heading:
            continue
        text = " ".join(witness.split())
        if _skeleton(text) == _skeleton(heading) and len(_QUOTES.findall(text)) < marks:
            return text
    return None


def _undated(heading: str, witnesses: tuple[str | None, ...]) -> str | None:
    """The page's stated title (og:title, JSON-LD headline or metadata title, ``_KICKER_MIN_WORDS`` words at
    least) where the printed ``<h1>`` is it followed by a date ("Headline 02.02.2022 • Section, News"): the
    ``<h1>``'s box prints the post's date and categories after the headline, no words of it."""
    for witness in witnesses:
        text = " ".join((witness or "").split())
        if count_words(text) < _KICKER_MIN_WORDS or heading == text or not heading.startswith(text):
            continue
        rest = heading[len(text) :]
        found = find_date(rest)
        # The date opens the rest: only spaces or a mark between the headline and it.
        if found is not None and not _WORD.search(rest[: found.start]):
            return text
    return None


def _stated_otherwise(
    heading: str, page_title: str | None, site: str | None, og_title: str | None, ld_headline: str | None
) -> str | None:
    """The JSON-LD headline where the og:title or the ``<title>`` (site parts left out) states the same words
    and the printed ``<h1>`` is another headline: none of the three holds the ``<h1>``'s words or is held in
    them, and they share under ``_REWORDED_SHARE`` of their words with it (a respelling shares more)."""
    if not ld_headline:
        return None
    ld = " ".join(ld_headline.split())
    witnesses = [
        without_site(text, site) or " ".join(text.split()) for text in (og_title, page_title) if text
    ]
    key, heading_key = bare_key(ld), bare_key(heading)
    if not key or not heading_key or not any(bare_key(text) == key for text in witnesses):
        return None
    if any(heading_key in bare_key(text) or bare_key(text) in heading_key for text in (ld, *witnesses)):
        return None
    words, heading_words = set(_WORD.findall(fold(ld))), set(_WORD.findall(fold(heading)))
    return ld if len(words & heading_words) < _REWORDED_SHARE * len(words | heading_words) else None


def _label_titled(
    heading: str, page_title: str | None, site: str | None, witnesses: tuple[str | None, ...]
) -> str | None:
    """The ``<title>`` tag (without its site part) where the chosen ``<h1>`` is a short label that shares
    no content word with it nor with the og:title or JSON-LD headline (their site parts left out): a
    section's or a widget's heading printed in an ``<h1>`` ("Information and Resources") while every title
    the page states names the story."""
    if not page_title or count_words(heading) > _LABEL_MAX_WORDS:
        return None
    # The site's name is no word of the story's title ("Opinion" in "... | AOC media - Analyse Opinion
    # Critique"), and function words are no evidence ("and" in "Information and Resources").
    texts = (without_site(text, site) or text for text in (page_title, *witnesses) if text)
    stated = set().union(*(_CONTENT_WORD.findall(fold(text)) for text in texts))
    if set(_CONTENT_WORD.findall(fold(heading))) & stated:
        return None
    titled = without_site(page_title, site) or " ".join(page_title.split())
    # As long as the label will do ("About This Site" -> "Daring Fireball: Colophon"), not the label itself.
    if count_words(titled) < count_words(heading) or bare_key(titled) == bare_key(heading):
        return None
    return titled


def _banner(heading: str, site: str | None, meta_title: str | None) -> bool:
    """An ``<h1>`` that is the site's name, or names the site and shares no other words with the metadata
    title but a few (a banner with a tagline, "Site, the first daily of X"): a blog's or an outlet's logo."""
    bare_site = bare_key(site or "")
    if bare_key(heading) == bare_site:
        return True
    if not bare_site or bare_site not in bare_key(heading) or not meta_title:
        return False
    site_words = set(_WORD.findall(fold(site or "")))
    heading_words = set(_WORD.findall(fold(heading))) - site_words
    # Half: a tagline shares a function word or two with any headline ("de", "the").
    return len(heading_words & set(_WORD.findall(fold(meta_title)))) < _H1_SHARED_WORDS * len(heading_words)


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
    h1_texts: list[str],
    meta_title: str | None,
    page_title: str | None = None,
    site: str | None = None,
    ld_headline: str | None = None,
    no_og_title: bool = False,
    page_text: str = "",
) -> str | None:
    # One headline printed several times (a layout's copies for each screen size) is one candidate.
    candidates = list(dict.fromkeys(text for text in h1_texts if text and len(text) <= _HEADLINE_MAX_CHARS))
    folded_meta = fold(meta_title or "")
    if (
        no_og_title
        and not ld_headline
        and site_only(meta_title, site)
        and (first := first_headline(candidates))
    ):
        # No metadata states the headline and the title is only the site's name: the first printed headline.
        return first
    if folded_meta:
        named = [text for text in candidates if fold(text) in folded_meta]
        if built_of_labels(named, folded_meta):
            # The metadata title names several <h1>s, each a small part of it: the labels it is built of
            # (a blog's and its network's names, a repository's owner/name and name), not the headline.
            return without_site(meta_title or "", site) or (meta_title or "").strip()
        if named:
            chosen = max(named, key=len)
            titled = title_printed_h1(candidates, page_title)
            if (
                titled is not None
                and fold(chosen) == folded_meta
                and folded_meta not in fold(page_title or "")
            ):
                return titled
            return chosen
    # A lone <h1> of three words or more (CJK counted by characters: it has no spaces) is the headline.
    if len(candidates) == 1 and (not folded_meta or count_words(candidates[0]) >= 3):
        return candidates[0]
    if len(candidates) > 1 and ld_headline and (ld_key := bare_key(ld_headline)):
        # Several <h1>s (the story's and its teasers') and a metadata title that names none of them (the
        # page was retitled for sharing): the one the JSON-LD headline states is the story's.
        stated = [text for text in candidates if bare_key(text) == ld_key]
        if stated:
            return stated[0]
    if len(candidates) > 1 and no_og_title and not ld_headline and meta_title:
        # No metadata states the headline: the extractor's title is a heading it found in the markup or a part of
        # the <title> tag, and a headline the <title> prints as most of itself outweighs a share of its words.
        titled = title_printed_h1(candidates, page_title)
        if titled is not None:
            return titled
    if len(candidates) > 1 and no_og_title and not ld_headline and meta_title:
        # No metadata states the headline: the <title> may reword it (``first_sharing``).
        first = first_sharing(candidates, meta_title, page_title, page_text)
        if first is not None:
            return first
    if len(candidates) > 1 and meta_title:
        # Several <h1>s (section headings, a logo) and none the metadata title names verbatim: the headline
        # is the one whose words the metadata title shares most (it rewords or shortens the printed one).
        meta_words = set(_WORD.findall(folded_meta))

        def shared(text: str) -> float:
            # Of the shorter side's words: the metadata title often shortens the printed headline.
            words = set(_WORD.findall(fold(text)))
            return len(words & meta_words) / max(1, min(len(words), len(meta_words)))

        best = max(candidates, key=shared)  # the first of equals: headlines come before section headings
        if shared(best) >= _H1_SHARED_WORDS:
            return best
    # Several <h1>s and a metadata title that names none of them (a widget's heading): the <title> tag's.
    titled = title_printed_h1(candidates, page_title) if len(candidates) > 1 else None
    if titled is not None and meta_title:
        return titled
    if not meta_title:
        return None
    named = without_site(meta_title, site)
    if named is not None:
        return named
    if site:
        # No part names the site: the dashes and bars are the headline's own ("Minecraft 1.8 - The Update").
        return meta_title.strip()
    parts = [meta_title.strip()]
    for separator in TITLE_SEPARATORS:
        parts = [piece.strip() for part in parts for piece in part.split(separator)]
    return max(parts, key=len) or None
