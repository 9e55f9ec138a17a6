"""Search terms: the folded, stop-word-free words that index an article and parse a query.

The search scope of an article (docs/api.md, Search) is ``index_terms``: every distinct term of its title
(the first ``MAX_TITLE_TERMS``) plus the ``BODY_KEY_TERMS`` terms its body uses most, ties going to the
term that comes first. Each indexed term costs a share of a posting block write, so the scope is bounded.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

MAX_TITLE_TERMS = 32
BODY_KEY_TERMS = 8
MIN_TERM_LENGTH = 2
MAX_TERM_LENGTH = 40

_WORD = re.compile(r"\w+", re.UNICODE)
# The combining-mark blocks (Latin, Greek, Cyrillic, Hebrew and Arabic diacritics among them).
_COMBINING_MARKS = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)

STOP_WORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself just
    me more most my myself no nor not now of off on once only or other our ours ourselves out over own
    same she should so some such than that the their theirs them themselves then there these they this
    those through to too under until up very was we were what when where which while who whom why will
    with would you your yours yourself yourselves said says also""".split()
)


def fold(text: str) -> str:
    """Case- and accent-folded form used for source keys and search terms."""
    folded = text.casefold()
    if folded.isascii():  # the common case, and the hot path of term indexing
        return folded
    return _COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", folded))


def tokens(text: str) -> list[str]:
    """Folded words of ``text`` that are worth indexing (no stop words, no 1-letter words)."""
    out = []
    for word in _WORD.findall(fold(text)):
        if MIN_TERM_LENGTH <= len(word) <= MAX_TERM_LENGTH and word not in STOP_WORDS and not word.isdigit():
            out.append(word)
    return out


def index_terms(title: str | None, body: str) -> list[str]:
    """The article's search scope: its title terms, then its ``BODY_KEY_TERMS`` most used other body terms."""
    title_terms = list(dict.fromkeys(tokens(title or "")))[:MAX_TITLE_TERMS]
    chosen = set(title_terms)
    # Counter keeps first-appearance order, and sorted() is stable: ties go to the earlier term.
    counts = Counter(term for term in tokens(body) if term not in chosen)
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    return title_terms + [term for term, _ in ranked[:BODY_KEY_TERMS]]


def query_terms(query: str) -> list[str]:
    """The distinct terms of a search query, in order of appearance."""
    return list(dict.fromkeys(tokens(query)))
