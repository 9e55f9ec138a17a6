"""Search terms: the folded, stop-word-free words that index an article and parse a query."""

from __future__ import annotations

import re
from collections import Counter

from newsdrop.keys import fold

# Bounds the index writes per article: the most frequent terms win, title terms always stay.
MAX_TERMS_PER_ARTICLE = 64
MIN_TERM_LENGTH = 2
MAX_TERM_LENGTH = 40

_WORD = re.compile(r"\w+", re.UNICODE)

STOP_WORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself just
    me more most my myself no nor not now of off on once only or other our ours ourselves out over own
    same she should so some such than that the their theirs them themselves then there these they this
    those through to too under until up very was we were what when where which while who whom why will
    with would you your yours yourself yourselves said says also""".split()
)


def tokens(text: str) -> list[str]:
    """Folded words of ``text`` that are worth indexing (no stop words, no 1-letter words)."""
    out = []
    for word in _WORD.findall(fold(text)):
        if MIN_TERM_LENGTH <= len(word) <= MAX_TERM_LENGTH and word not in STOP_WORDS and not word.isdigit():
            out.append(word)
    return out


def index_terms(title: str | None, body: str) -> dict[str, int]:
    """Term -> weight for one article; title words count triple and are always kept."""
    counts: Counter[str] = Counter(tokens(body))
    title_terms = set(tokens(title or ""))
    for term in title_terms:
        counts[term] += 3
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    kept = dict(ranked[:MAX_TERMS_PER_ARTICLE])
    for term in title_terms:
        kept[term] = counts[term]
    return kept


def query_terms(query: str) -> list[str]:
    """The distinct terms of a search query, in order of appearance."""
    return list(dict.fromkeys(tokens(query)))
