"""The HTML headline read against the page's printed lines: the headline shown under an <h1>, a title's printed opening."""

from __future__ import annotations

import re

from newsdrop.text.line_keys import count_words
from newsdrop.text.main_edits import bare_key

# The headline a page shows under its <h1> follows it within this many lines (a kicker line between them).
_DISPLAYED_WITHIN = 3
# The story's first paragraph, where the headline area ends: a main-content line this many words long at least.
_PARAGRAPH_MIN_WORDS = 12
# A title's opening part is its headline from this many words on (CJK counted by characters, ``count_words``)...
_OPENING_MIN_WORDS = 3
# ... when what follows it is a name this short at most (a section's and a site's: "_Tech_Daily").
_NAME_MAX_WORDS = 5
# A mark that joins a title's parts without a space on either side, as CJK titles join a site's name
# ("見出し_欄_サイト", "見出し：サイト", "見出し｜サイト"). Not the ASCII colon: glued, it is as often an <h1>'s
# spans that lost their space ("Kicker:Headline"); measured, it cut one site's name in make eval's HTML
# sample and cost that page its pl- snippet (the gold's opening repeats the headline).
_GLUED_MARK = re.compile(r"[_|\uff1a\uff5c]")


def displayed_headline(
    chosen: str | None, page_lines: list[str], witnesses: tuple[str | None, ...], main_text: str = ""
) -> str | None:
    """The og:title or JSON-LD headline (``witnesses``, in that order) where the page prints it as a line
    of its own under the chosen headline's first printing and above the story (within ``_DISPLAYED_WITHIN``
    lines, or before the first paragraph ``main_text`` holds) and it states other words: the page prints
    two headlines, the ``<h1>`` written for search engines and, under a kicker or a section's menu, the one
    it shows and states in its metadata. None otherwise (the witness printed above the ``<h1>`` is a teaser's
    or a menu's, one printed inside or below the story a related story's)."""
    key = bare_key(chosen or "")
    stated = [found for witness in witnesses if witness and (found := bare_key(witness)) and found != key]
    # Most pages state the headline they print: no page line need be read.
    if not key or not stated:
        return None
    keys = [bare_key(line) for line in page_lines if line.strip()]
    if key not in keys:
        return None
    at = keys.index(key)
    paragraphs = {
        bare_key(line) for line in main_text.split("\n") if count_words(line) >= _PARAGRAPH_MIN_WORDS
    } - set(stated)
    end = next((index for index in range(at + 1, len(keys)) if keys[index] in paragraphs), len(keys))
    above = set(keys[at + 1 : max(end, at + 1 + _DISPLAYED_WITHIN)])
    for witness in witnesses:
        if witness and bare_key(witness) in stated and bare_key(witness) in above:
            return " ".join(witness.split())
    return None


def printed_opening(chosen: str | None, page_lines: list[str]) -> str | None:
    """The longest page line that the chosen headline opens with, set off by a mark glued to both parts
    (``_GLUED_MARK``), where the page never prints the whole: a ``<title>`` or metadata title that joins a
    section's and the site's names to the headline without spaces ("Headline_Section_Site",
    "見出し：サイト"), which a spaced separator's site test does not cut. The opening keeps
    ``_OPENING_MIN_WORDS`` words, and what it leaves is a short name, not a headline's second half."""
    text = " ".join((chosen or "").split())
    if not _GLUED_MARK.search(text):
        return None
    # In the page's order, so that of two lines of one length (one before, one after a mark) the first printed wins
    # in every process (a set's order follows the hash seed).
    printed = dict.fromkeys(" ".join(line.split()) for line in page_lines if line.strip())
    if text in printed:
        return None
    found: str | None = None
    for line in printed:
        if (
            len(line) >= len(text)
            or not text.startswith(line)
            or (found is not None and len(line) <= len(found))
        ):
            continue
        rest = text[len(line) :]
        if len(rest) < 2 or not _GLUED_MARK.fullmatch(rest[0]) or rest[1].isspace():
            continue
        if count_words(line) >= _OPENING_MIN_WORDS and count_words(rest[1:]) <= _NAME_MAX_WORDS:
            found = line
    return found


# The headline area is the main content's first lines, above its first paragraph (a line this many words long
# at least that ends a sentence).
_HEADLINE_AREA_LINES = 4
# A witness's kicker is set off by a colon ("Landtagswahl in Thüringen: Voigt, Höcke und ..."): the part after
# it is the headline from this many words on.
_KICKED_PART_MIN_WORDS = 4


def _headline_keys(witnesses: tuple[str | None, ...]) -> frozenset[str]:
    """The ``bare_key`` keys of the page's stated headlines (``witnesses``), with and without a kicker before a
    colon."""
    keys: set[str] = set()
    for witness in witnesses:
        if not witness:
            continue
        keys.add(bare_key(witness))
        _, colon, rest = witness.partition(": ")
        if colon and count_words(rest) >= _KICKED_PART_MIN_WORDS:
            keys.add(bare_key(rest))
    return frozenset(keys - {""})


def without_stated_headlines(main_lines: list[str], witnesses: tuple[str | None, ...]) -> list[str]:
    """The main content without a line of its headline area that is one of the page's stated headlines
    (``witnesses``: the chosen headline first, the metadata title, og:title, the JSON-LD headline), in other spaces
    or punctuation ("Kollaps der Silicon Valley Bank US-Notenbank räumt ..." for the JSON-LD "... Bank:
    US-Notenbank räumt ...") or without the kicker a colon sets off. A page states its headline in several
    wordings and prints one of them over the story inside its container, where the line cleaner, which looks
    for the chosen headline's own words, keeps it as a crosshead. Only above the first paragraph (a line of
    ``_PARAGRAPH_MIN_WORDS`` words that ends a sentence) and among the first ``_HEADLINE_AREA_LINES`` lines: the
    same words further down are the story's own (a closing line that repeats the headline). A line that prints
    the chosen headline as it is stays: the cleaner finds it and drops the labels above it as the header."""
    keys = _headline_keys(witnesses)
    chosen = " ".join((witnesses[0] or "").split())
    if not keys:
        return main_lines
    for index, line in enumerate(main_lines[:_HEADLINE_AREA_LINES]):
        # The chosen headline's own printing the cleaner finds and marks (the lines above it go as the header).
        if " ".join(line.split()) != chosen and bare_key(line) in keys:
            return main_lines[:index] + main_lines[index + 1 :]
        if count_words(line) >= _PARAGRAPH_MIN_WORDS and line.rstrip()[-1:] in ".!?":
            break
    return main_lines


# What sets a section's or a site's name off after a title's headline: a spaced mark ("Headline - Sport",
# "Headline | Site"), a colon with a space after it ("Headline: Site"), a hyphen glued to the headline's end
# ("Headline-Section"), or a CJK title's glued mark ("見出し：サイト", "정치ㅣ한국일보"). Not an ASCII colon glued
# to both sides (see ``_GLUED_MARK``: as in make eval's sample, it cost a pl- page its snippet here too).
_MARK_AFTER = re.compile(r"^(?:\s+[-|:\u2013\u2014\u00b7\u2022/]\s+|:\s+|-|\s*[\u3163\uff1a\uff5c]\s*)")
# ... and before it: a mark and a space (not a hyphen glued to the headline's first word: "MSV-Interimstrainer").
_MARK_BEFORE = re.compile(r"(?:\s*[-|:\u2013\u2014\u00b7\u2022\u00bb/]\s+|\s*[\u3163\uff1a\uff5c]\s*)$")
# The name beside the headline is this short at most: a site's, a section's or a kicker's, no headline's half.
_PART_MAX_WORDS = 4


def unstated_printed_part(chosen: str | None, page_lines: list[str]) -> str | None:
    """The longest page line that the chosen headline is made of with a short name (``_PART_MAX_WORDS``) set off
    by a separator after or before it, where the page never prints the whole. For a page that states no headline
    in its metadata (no og:title, no JSON-LD: the markup of older pages), whose headline is its ``<title>`` with
    the site's or a section's name, which a site name read off the URL ("ahlen.de") does not cut:
    "Reparaturcafé am 31. Januar: Stadt Ahlen", "Local News | Brothel catering to ..."."""
    text = " ".join((chosen or "").split())
    # In the page's order, so that of two lines of one length (one before, one after a mark) the first printed wins
    # in every process (a set's order follows the hash seed).
    printed = dict.fromkeys(" ".join(line.split()) for line in page_lines if line.strip())
    if not text or text in printed:
        return None
    found: str | None = None
    for line in printed:
        if len(line) >= len(text) or (found is not None and len(line) <= len(found)):
            continue
        if count_words(line) < _OPENING_MIN_WORDS:
            continue
        if text.startswith(line) and (after := _MARK_AFTER.match(text[len(line) :])):
            name = text[len(line) + after.end() :]
        elif text.endswith(line) and (before := _MARK_BEFORE.search(text[: len(text) - len(line)])):
            name = text[: before.start()]
        else:
            continue
        if name.strip() and count_words(name) <= _PART_MAX_WORDS:
            found = line
    return found
