"""Headline stage, printings of one headline: an initialism's printing gives way to the one spelling it out, and
a headline glued behind a menu or a label gives way to the headline alone."""

from __future__ import annotations

import re

from newsdrop.text.cleaner.headline_facts import _KANA_OR_HAN
from newsdrop.text.cleaner.headline_names import _PART_MIN_CJK_CHARS, _PART_MIN_WORDS
from newsdrop.text.cleaner.lines import _Line
from newsdrop.text.line_keys import normalize_line_key

_WORD = re.compile(r"\w+")
# An initialism stands for this many words at least ("HS" for "High School", "EU" for "European Union").
_INITIALISM_MIN_LETTERS = 2
# A headline's printing holds this many words at least: an initialism alone ("AA") is a name's, not a headline's.
_HEADLINE_MIN_WORDS = 3


def _spells_out(short: list[str], long: list[str], i: int, j: int, expanded: bool) -> bool:
    """``short[i:]`` prints ``long[j:]`` word for word, an all-capital word standing for as many words as it has
    letters, each starting with its letter; true only if one such initialism was expanded."""
    if i == len(short):
        return expanded and j == len(long)
    if j >= len(long):
        return False
    word = short[i]
    if word.casefold() == long[j].casefold() and _spells_out(short, long, i + 1, j + 1, expanded):
        return True
    letters = len(word)
    return (
        letters >= _INITIALISM_MIN_LETTERS
        and word.isupper()
        and j + letters <= len(long)
        and all(long[j + n][:1].casefold() == word[n].casefold() for n in range(letters))
        and _spells_out(short, long, i + 1, j + letters, True)
    )


def abbreviates(short: str, long: str) -> bool:
    """``short`` is ``long`` printed with one or more of its runs of words as an initialism ("HS Roundup: X"
    against "High School Roundup: X"): two printings of one headline, the shorter a teaser's or a menu's. On the
    corpora's candidate rows (1,610 text views) the pair occurs on one page's two views, the spelled-out printing
    the gold both times; no gold title is the initialism's printing of another candidate."""
    words = _WORD.findall(short)
    return len(words) >= _HEADLINE_MIN_WORDS and _spells_out(words, _WORD.findall(long), 0, 0, False)


def spelled_out(texts: dict[int, str], chosen: int) -> int:
    """The candidate that spells out the chosen line's initialism (the first such, by line), else ``chosen``."""
    # (``abbreviates`` of the chosen line against each candidate, its words read once.)
    words = _WORD.findall(texts[chosen])
    if len(words) < _HEADLINE_MIN_WORDS or not any(
        word.isupper() and len(word) >= _INITIALISM_MIN_LETTERS for word in words
    ):
        return chosen
    return next(
        (
            index
            for index in sorted(texts)
            if index != chosen and _spells_out(words, _WORD.findall(texts[index]), 0, 0, False)
        ),
        chosen,
    )


# A headline glued behind a menu or a label makes this share of the line at least.
_HELD_SHARE = 0.6


def held_candidate(
    lines: list[_Line], chosen: int, ranked: list[int], *, site_tail: bool = False
) -> int | None:
    """The longest other candidate that ends the chosen line and makes most of it ("Home News Headline",
    "Blog Headline"): the chosen line glues a menu or a label in front of the headline, and the candidate
    is the headline itself. A second half after a separator ("Kicker: Teaser", "Headline - Site") is not
    meant, nor a short tail; it needs three words (or a CJK phrase) to be no chance match. With ``site_tail``
    the chosen line may close with a site's name after a separator as well ("Home News Headline - Site",
    ``without_site_tail``): the glued menu is read in front of the rest."""
    found = _held_in(lines, lines[chosen].key, chosen, ranked)
    if found is None and site_tail and (rest := without_site_tail(lines[chosen].text)) is not None:
        found = _held_in(lines, normalize_line_key(rest), chosen, ranked)
    return found


# A site's name closing a line after one of these separators holds this many words at most.
_SITE_TAIL_SEPARATORS = (" - ", " | ", " \u2013 ", " \u2014 ")
_SITE_TAIL_MAX_WORDS = 5


def without_site_tail(text: str) -> str | None:
    """The line without a short closing part after a separator ("Home News Headline - Site" -> "Home News
    Headline"), or None when it closes with none."""
    for separator in _SITE_TAIL_SEPARATORS:
        head, found, tail = text.rpartition(separator)
        if found and head.strip() and tail.strip() and len(tail.split()) <= _SITE_TAIL_MAX_WORDS:
            return head.strip()
    return None


def _held_in(lines: list[_Line], key: str, chosen: int, ranked: list[int]) -> int | None:
    """The longest ranked candidate other than ``chosen`` that ends ``key`` behind a glued menu or label."""
    found: int | None = None
    for index in ranked:
        inner = lines[index].key
        if index == chosen or len(inner) >= len(key) or not key.endswith(inner):
            continue
        glued = key[: len(key) - len(inner)].rstrip()
        if len(inner) < _HELD_SHARE * len(key) or not glued or not glued[-1].isalnum():
            continue
        cjk = not inner.isascii() and _KANA_OR_HAN.search(inner) is not None
        if lines[index].words < _PART_MIN_WORDS and not (cjk and len(inner) >= _PART_MIN_CJK_CHARS):
            continue
        if found is None or len(inner) > len(lines[found].key):
            found = index
    return found
