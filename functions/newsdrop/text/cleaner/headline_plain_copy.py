"""Headline stage, a plain-typed copy: the ranker's pick, a headline typed with plain quotes ("Let's ..."), gives way
to a nearly tied candidate printing its words again with typographic quotes (the page's typeset headline)."""

from __future__ import annotations

import re
from collections.abc import Callable

from newsdrop.text.cleaner.headline_caption import nearly_tied
from newsdrop.text.cleaner.lines import _Line

# Plain quotes and apostrophes (a <title>'s, a menu's or a teaser's typing) and their typographic forms (the
# typeset headline's). Dashes are left out: over the corpus no pick printed a plain hyphen where a near copy
# printed a dash, so they would only add a guess.
_PLAIN_QUOTES = frozenset("'\"")
_TYPOGRAPHIC_QUOTES = frozenset("‘’‚“”„«»")
_WORD = re.compile(r"\w+")
# The copy holds this many words at least: a shorter run of words ("It's on") is found in many lines by chance.
_COPY_MIN_WORDS = 3
# The typeset printing holds at most this many times the pick's words (a kicker or a lead-in before it): a longer
# line holding them is a standfirst or a paragraph quoting the headline.
_COPY_SPAN = 2.0
# Another candidate within this much of the pick's raw score takes its place. Wide for an override: the two lines
# print one headline, and over the corpus (both text views) the gold never took a plain-quoted copy over a typeset
# one (16 pairs: 11 the typeset copy alone, 5 either), so the typing decides where the trees see two near headlines.
_TYPESET_TIE = 2.0


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _prints_words(words: list[str], other: list[str]) -> bool:
    """``other`` holds ``words`` word for word as one run (the same headline, maybe behind a kicker or a lead-in)."""
    size = len(words)
    return any(other[start : start + size] == words for start in range(len(other) - size + 1))


def _plain_typed(text: str) -> bool:
    return any(char in _PLAIN_QUOTES for char in text) and not any(
        char in _TYPOGRAPHIC_QUOTES for char in text
    )


def _typeset(text: str) -> bool:
    return any(char in _TYPOGRAPHIC_QUOTES for char in text) and not any(
        char in _PLAIN_QUOTES for char in text
    )


def typeset_copy(
    lines: list[_Line], chosen: int, scores: dict[int, float], barred: Callable[[int], bool]
) -> int | None:
    """The best-scored other candidate printing the ranker's pick again, typeset, when the pick is typed with plain
    quotes only: that candidate holds the pick's words (``_COPY_MIN_WORDS`` or more) word for word as one run, in
    at most ``_COPY_SPAN`` times as many words, has typographic quotes and no plain ones, is not barred, and is
    printed within ``_NEAR_LINES`` lines of the pick and scored within ``_TYPESET_TIE`` of it (``nearly_tied``;
    ``scores``: the ranked candidates' raw scores). A page prints its headline typeset; a plain-typed copy of it is
    a <title>'s, a menu's or a teaser's. None otherwise: the pick stands."""
    if chosen not in scores or not _plain_typed(lines[chosen].text):
        return None
    if lines[chosen].words < _COPY_MIN_WORDS:
        return None
    words = _words(lines[chosen].text)
    others = [
        index
        for index in scores
        if index != chosen
        and _typeset(lines[index].text)
        and lines[index].words <= _COPY_SPAN * lines[chosen].words
        and _prints_words(words, _words(lines[index].text))
        # (Last: the costliest test, read for the few lines that print the pick again.)
        and not barred(index)
    ]
    return nearly_tied(lines, chosen, others, scores, _TYPESET_TIE)
