"""The line model's shape features: what a line's own text says, in a cheap and a costly part, memoised."""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any

_CLOSERS = "\"'”’»)]"


_TERMINALS = frozenset(".!?。！？…")


_SAMPLE_CHARS = 120


_PUNCT = re.compile(r"[^\w\s]")


# A word opening with a capital letter or a digit (Latin, Greek, Cyrillic capitals).
_CAPITALISED = re.compile(r"\s[A-Z0-9\u00c0-\u00de\u0391-\u03a9\u0410-\u042f]")


# ASCII digits only (what str.isdigit would widen): one regex pass instead of ten str.count calls.
_DIGIT = re.compile(r"[0-9]")


# Substring tests instead of one regex: an unanchored regex over long paragraphs cost more than the rest.
_URL_MARKS = ("http://", "https://", "www.", ".com", ".net", ".org", "@")


_OPENING_CHARS = 160


_BULLETS = frozenset("•·-–—*›»▶►■◆●")


_LONG_WORDS = 40


_SHAPE_CACHE_SIZE = 32768


# A sentence end followed by more text: a paragraph holds several sentences, a teaser or caption one.
_SENTENCE_BREAK = re.compile(r"[.!?。！？…][\"'”’»)\]]*\s+\S")


_SENTENCE_CHARS = 400


# A clock time, a numeric date or a year: teasers, comments and media widgets carry timestamps.
# (Its first digit matched first and the word boundary before it looked back at, the same matches as
# ``\b(?=\d)(?:\d{1,2}[:.]\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|(?:19|20)\d{2})\b``: the scan jumps from digit to digit.)
_TIMESTAMP = re.compile(r"\d(?<!\w\d)(?:\d?[:.]\d{2}|\d?[./]\d{1,2}[./]\d{2,4}|(?<=1)9\d{2}|(?<=2)0\d{2})\b")


_ANY_DIGIT = re.compile(r"\d")


_TIMESTAMP_CHARS = 200


_SHAPE_CACHE_MAX_CHARS = 300


# Features of a line's own text (``_shape``), in their order within ``FEATURES``.
_SHAPE_FEATURES: tuple[str, ...] = (
    "ends_sentence",
    "log_words",
    "few_words",
    "title_cased",
    "lower_start",
    "digit_share",
    "punct_share",
    "commas_per_word",
    "pipes",
    "url_like",
    "bullet_start",
    "ends_colon",
    "long_line",
    "sentences",
    "has_time",
)


# The shape features that cost regex passes (``_costly_shape``) and the rest (``_cheap_shape``), by position.
# Scoring bounds the costly ones' share of the dot product (each lies within [0, 1]) and computes them only
# for a line whose verdict those bounds leave open.
_COSTLY_AT = tuple(
    _SHAPE_FEATURES.index(name) for name in ("title_cased", "digit_share", "punct_share", "url_like")
)


_CHEAP_AT = tuple(index for index in range(len(_SHAPE_FEATURES)) if index not in _COSTLY_AT)


def _ends_sentence(text: str) -> bool:
    return text.rstrip(_CLOSERS)[-1:] in _TERMINALS


def _cheap_shape(text: str, words: int) -> tuple[float, ...]:
    """The shape features that cost next to nothing (``_CHEAP_AT``, in that order): O(1) tests, two counts."""
    first = text[:1]
    # A timestamp starts at a digit: its search starts just before the first one (from there ``\b`` still
    # sees the character before that digit), not at every position of the line's opening.
    digit = _ANY_DIGIT.search(text, 0, _TIMESTAMP_CHARS)
    # The caps by tests, not min() and max() (their calls cost more than the counts); the same values.
    commas = text.count(",") / (words if words > 1 else 1)
    pipes = text.count("|") if "|" in text else 0
    return (
        1.0 if _ends_sentence(text) else 0.0,
        math.log1p(words),
        1.0 if words <= 2 else 0.0,
        1.0 if first.islower() else 0.0,
        commas if commas < 1.0 else 1.0,
        float(pipes) if pipes < 3 else 3.0,
        1.0 if first in _BULLETS else 0.0,
        1.0 if text.endswith(":") else 0.0,
        1.0 if words >= _LONG_WORDS else 0.0,
        math.log1p(len(_SENTENCE_BREAK.findall(text, 0, _SENTENCE_CHARS))),
        1.0
        if digit is not None and _TIMESTAMP.search(text, max(0, digit.start() - 1), _TIMESTAMP_CHARS)
        else 0.0,
    )


# Each shape feature's range, for the bounds of ``LineModel.keeps_all``: the few its word count decides (computed
# there exactly, as ``_cheap_shape`` does) and the bounds of those its text decides. ``sentences`` counts
# matches of at least three characters in ``_SENTENCE_CHARS``: fewer than that many, whose log1p bounds it.
_WORD_SHAPE: dict[str, Any] = {
    "log_words": math.log1p,
    "few_words": lambda words: 1.0 if words <= 2 else 0.0,
    "long_line": lambda words: 1.0 if words >= _LONG_WORDS else 0.0,
}


_TEXT_SHAPE_RANGES: dict[str, tuple[float, float]] = {
    "ends_sentence": (0.0, 1.0),
    "title_cased": (0.0, 1.0),
    "lower_start": (0.0, 1.0),
    "digit_share": (0.0, 1.0),
    "punct_share": (0.0, 1.0),
    "commas_per_word": (0.0, 1.0),
    "pipes": (0.0, 3.0),
    "url_like": (0.0, 1.0),
    "bullet_start": (0.0, 1.0),
    "ends_colon": (0.0, 1.0),
    "sentences": (0.0, math.log1p(_SENTENCE_CHARS)),
    "has_time": (0.0, 1.0),
}


# The cheap features a test of a line's ends or one count decides, with no regex: ``LineModel.margins`` takes
# them exactly for every line its first bounds leave open, before the rest of the cheap ones.
_QUICK_FEATURES: tuple[str, ...] = ("ends_sentence", "lower_start", "pipes", "ends_colon")


def _quick_columns(texts: list[str]) -> list[list[float]]:
    """The ``_QUICK_FEATURES`` of each text, a column per feature: the values ``_cheap_shape`` gives them."""
    return [
        [1.0 if text.rstrip(_CLOSERS)[-1:] in _TERMINALS else 0.0 for text in texts],
        [1.0 if text[:1].islower() else 0.0 for text in texts],
        [min(3.0, float(text.count("|"))) for text in texts],
        [1.0 if text.endswith(":") else 0.0 for text in texts],
    ]


# Short lines repeat (a site's chrome on every page): their cheap features are memoised like ``_shape``.
_cheap_shape_cached = lru_cache(maxsize=_SHAPE_CACHE_SIZE)(_cheap_shape)


def _costly_shape(text: str) -> tuple[float, ...]:
    """The shape features that cost regex and scan passes (``_COSTLY_AT``, in that order), each within [0, 1].

    They read the line's opening only: a paragraph's first words and characters say as much as all of
    them, at a bounded cost. Regex counts run in C: a per-character Python loop would cost more than
    the whole cleaner.
    """
    sample = text[:_SAMPLE_CHARS]
    size = len(sample) or 1
    opening = text[:_OPENING_CHARS]
    tokens = len(opening.split())
    capitalised = len(_CAPITALISED.findall(" " + opening))
    lowered = sample.lower()
    # A loop, not any() over a generator: this runs for every distinct line of every page.
    url_like = 0.0
    for mark in _URL_MARKS:
        if mark in lowered:
            url_like = 1.0
            break
    return (
        1.0 if tokens and capitalised >= 0.75 * tokens else 0.0,
        len(_DIGIT.findall(sample)) / size,
        len(_PUNCT.findall(sample)) / size,
        url_like,
    )


_costly_shape_cached = lru_cache(maxsize=_SHAPE_CACHE_SIZE)(_costly_shape)


def _shape(text: str, words: int) -> tuple[float, ...]:
    """The features a line's own text decides (``_SHAPE_FEATURES`` order)."""
    (ends, log_words, few, lower, commas, pipes, bullet, colon, long_line, sentences, has_time) = (
        _cheap_shape(text, words)
    )
    title_cased, digits, punct, url_like = _costly_shape(text)
    return (
        ends,
        log_words,
        few,
        title_cased,
        lower,
        digits,
        punct,
        commas,
        pipes,
        url_like,
        bullet,
        colon,
        long_line,
        sentences,
        has_time,
    )


# Lines repeat (chrome across a site's pages, the article and page views of one story): their shape is memoised.
_shape_cached = lru_cache(maxsize=_SHAPE_CACHE_SIZE)(_shape)
