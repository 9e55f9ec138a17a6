"""Headline stage, ranker features: how the learned ranker sees each candidate beside the others."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from newsdrop.text.cleaner.headline_facts import LinesUnder, _Facts, _facts
from newsdrop.text.cleaner.line_facts import _TITLE_CASE_SHARE
from newsdrop.text.cleaner.lines import (
    _CLOSERS,
    _TITLE_SEPARATORS,
    _content_words,
    _ends_sentence,
    _is_sentence,
    _Line,
)
from newsdrop.text.cleaner.model import HEADLINE_FEATURES


@dataclass(frozen=True, slots=True)
class _RankContext:
    """What the ranker compares each candidate with: the other candidates, the opening line, the lead."""

    rank: dict[int, int]
    best_score: float
    nearest: int
    opening_parts: frozenset[str]
    opening_words: frozenset[str]
    lead_words: frozenset[str]
    printed: dict[str, list[int]]
    # The topmost of the ranked candidates, and the lines that print each headline variant.
    first: int
    variants: dict[str, set[int]]
    # The dates and bylines under the page's candidates, read once (a row outside its span reads its own lines).
    under: LinesUnder


def headline_features(
    lines: list[_Line],
    index: int,
    region_start: int,
    rule_score: float,
    unclaimed_between: int,
    context: _RankContext,
    facts: _Facts | None = None,
    lead_words: frozenset[str] | None = None,
) -> list[float]:
    """The headline ranker's view of one candidate line (``HEADLINE_FEATURES`` order).

    Besides the line's own shape, each candidate is seen against the others: its rank and gap to the
    best rules' score, whether it is the nearest candidate to the story, and how many of its content
    words the page's title line (the opening) and the story's lead paragraphs print. ``lead_words``: the lead a
    line of the region's head is read against (the paragraphs under it), in place of ``context.lead_words``.
    """
    line = lines[index]
    if lead_words is None:
        lead_words = context.lead_words
    if facts is None:
        facts = _facts(line.text, line.key, line.words)
    words = _content_words(line.key)
    following = lines[index + 1 : index + 6]
    # The printed neighbours: a headline sits under a section label and over its standfirst or byline. (Loops,
    # not ``next`` over a generator: a generator's frame cost more than the few lines read.)
    below = None
    for other in following:
        if other.key:
            below = other
            break
    above = None
    for at in range(index - 1, -1, -1):
        if lines[at].key:
            above = lines[at]
            break
    # The content words of the two lines under it (a union of at most two memoised sets).
    if len(following) >= 2:
        below_words = _content_words(following[0].key) | _content_words(following[1].key)
    else:
        below_words = _content_words(following[0].key) if following else frozenset()
    opening_share = (
        len(words & context.opening_words) / len(words) if words and context.opening_words else 0.0
    )
    columns = _text_columns(line.text)
    ends, title_cased, colon, separated, commas, asks = columns[:6]
    lead = len(words & lead_words) / len(words) if words and lead_words else 0.0
    dated, bylined = context.under.under(lines, index)
    return [
        rule_score / 10.0,
        1.0 if index == 0 else 0.0,
        math.log1p(index),
        math.log1p(max(0, region_start - index)),
        math.log1p(unclaimed_between),
        math.log1p(line.words),
        1.0 if line.words < 3 else 0.0,
        1.0 if line.words > 15 else 0.0,
        ends,
        title_cased,
        1.0 if facts.lower_start else 0.0,
        colon,
        lead,
        1.0 if index > 0 and line.key in context.opening_parts else 0.0,
        1.0 if bylined else 0.0,
        1.0 if dated else 0.0,
        1.0 if line.rule == "link_list" else 0.0,
        1.0 if line.rule == "repeated_line" else 0.0,
        1.0 if facts.domain else 0.0,
        1.0 if facts.name_like else 0.0,
        1.0 if facts.cjk else 0.0,
        separated,
        math.log1p(context.rank[index]),
        (context.best_score - rule_score) / 10.0,
        1.0 if index == context.nearest else 0.0,
        opening_share,
        1.0 if facts.sentence else 0.0,
        1.0 if len(context.printed.get(line.key, ())) > 1 else 0.0,
        1.0 if line.words > 25 else 0.0,
        math.log1p(line.words) if ends else 0.0,
        commas,
        1.0 if below is not None and _is_sentence(below) and below.role is None else 0.0,
        len(words & below_words) / len(words) if words and below_words else 0.0,
        asks,
        1.0 if index == context.first else 0.0,
        1.0 if above is not None and above.words < 3 else 0.0,
        1.0
        if (printing := context.variants.get(line.key)) and (len(printing) > 1 or index not in printing)
        else 0.0,
        *_block_features(lines, index, region_start, context, lead_words, words, lead, columns[6]),
    ]


# The candidates are the header lines a site prints on every page: what their text alone says is memoised.
_TEXT_CACHE_SIZE = 32768


# The title separators' marks without their spaces ("|", "-", "::", ...): a candidate holding one is flagged.
_SEPARATOR_MARKS = tuple(separator.strip() for separator in _TITLE_SEPARATORS)


@lru_cache(maxsize=_TEXT_CACHE_SIZE)
def _text_columns(text: str) -> tuple[float, float, float, float, float, float, float]:
    """What a candidate's text alone gives the ranker: it ends like a sentence, is in title case, holds a colon
    before its end, holds a title separator, its commas (up to 3), ends in a question or exclamation mark; and
    (``_block_features``) the share of its words set in capitals."""
    words = text.split()
    # Each word's first character (a word of ``split`` is never empty), its capitals and digits counted in C: the
    # capitals' share, and ``_title_cased``'s count of words opening with a capital or a digit (no character is
    # both), from one split.
    firsts = "".join(map(_FIRST, words))
    capitals = sum(map(str.isupper, firsts))
    return (
        1.0 if _ends_sentence(text) else 0.0,
        1.0 if capitals + sum(map(str.isdigit, firsts)) >= _TITLE_CASE_SHARE * len(words) else 0.0,
        1.0 if ":" in text[:-1] else 0.0,
        1.0 if any(separator in text for separator in _SEPARATOR_MARKS) else 0.0,
        min(3.0, float(text.count(","))),
        1.0 if text.rstrip(_CLOSERS)[-1:] in "?!" else 0.0,
        capitals / len(words) if words else 0.0,
    )


_FIRST = itemgetter(0)


def _lead_share(key: str, lead_words: frozenset[str]) -> float:
    """The share of a line's content words that the lead paragraphs print (``lead_overlap``)."""
    words = _content_words(key)
    return len(words & lead_words) / len(words) if words and lead_words else 0.0


def _block_features(
    lines: list[_Line],
    index: int,
    region_start: int,
    context: _RankContext,
    lead_words: frozenset[str],
    words: frozenset[str],
    lead: float,
    capitals: float,
) -> list[float]:
    """Kinds of headline evidence from the candidate's place among the others (appended to
    ``headline_features``): its place in the header (0 at the topmost candidate, 1 at the story), another
    candidate right above or below it (a headline block: kicker, headline, standfirst), how many times the
    page prints it, the share of its words set in capitals, and the share of the opening line's words it
    holds (the page's title line minus a site's name is the headline). ``lead_words``: the lead the candidate is
    read against (``headline_features``). ``words``, ``lead`` and ``capitals``: the candidate's content words, their share the lead prints (``_lead_share``) and the share of its words set in
    capitals (``_text_columns``), read once by ``headline_features``."""
    line = lines[index]
    span = region_start - context.first
    above = below = None
    for at in range(index - 1, max(-1, index - 3), -1):
        if lines[at].key:
            above = at
            break
    for at in range(index + 1, min(len(lines), index + 3)):
        if lines[at].key:
            below = at
            break
    opening_cover = (
        len(words & context.opening_words) / len(context.opening_words) if context.opening_words else 0.0
    )
    # Against a candidate right above or below: a headline is shorter than the standfirst under it, and
    # says less of the lead than the standfirst does.
    size = math.log1p(line.words)
    above_ranked = above is not None and above in context.rank
    below_ranked = below is not None and below in context.rank
    return [
        (index - context.first) / span if span > 0 else 1.0,
        1.0 if above_ranked else 0.0,
        1.0 if below_ranked else 0.0,
        size - math.log1p(lines[above].words) if above_ranked and above is not None else 0.0,
        size - math.log1p(lines[below].words) if below_ranked and below is not None else 0.0,
        lead - _lead_share(lines[above].key, lead_words) if above_ranked and above is not None else 0.0,
        lead - _lead_share(lines[below].key, lead_words) if below_ranked and below is not None else 0.0,
        math.log1p(len(context.printed.get(line.key, ()))),
        capitals,
        opening_cover,
    ]


# Columns of ``headline_features`` also given against the page's best candidate by that column.
_AGAINST_BEST = (HEADLINE_FEATURES.index("lead_overlap"), HEADLINE_FEATURES.index("opening_share"))


# A clock time or a numeric date ("14:07", "25.04.24", "3/9/2017"): a dateline or a teaser's stamp, which the
# rules' date test misses when it is glued to other words ("Do 25.04.24 | 14:07 Uhr | Von X"). A bare year is
# not one: headlines name years ("AMP Conf 2019"). (Its first digit matched first and the word boundary before it
# looked back at: the scan jumps from digit to digit, where ``\b\d...|\b\d...`` tried both at every character.)
_CLOCK_OR_DATE = re.compile(r"\d(?<!\w\d)\d?(?::\d{2}|[./]\d{1,2}[./]\d{2,4})\b")
# A line needs this many words to say anything by repeating them, and a glued part this many to be a headline.
_REPEAT_MIN_WORDS = 4
_REPEAT_MIN_CHARS = 4
_GLUED_MIN_WORDS = 3
# A word of ``_REPEAT_MIN_CHARS`` letters or more.
_LONG_WORD = re.compile(rf"\w{{{_REPEAT_MIN_CHARS},}}")


def _page_columns(lines: list[_Line], ranked: list[int], region_start: int, rows: list[list[float]]) -> None:
    """Append to each candidate's row (after ``headline_features``' columns) what it is beside the page's other
    candidates, in one pass over them:

    - how far its lead and opening overlaps fall below the page's best candidate's (0 for the best): the trees
      score one candidate at a time, this lets them compare;
    - kinds a headline is not: a clock time or numeric date in it (a dateline, a teaser's stamp), the share of its
      words of four letters or more that it repeats (a menu printing each label twice, "For schools For
      schools"); and whether it glues another ranked candidate to a label ("Home / News / <headline>",
      "<headline> - Latest news": it holds one at its start or end) or is such a candidate held by a longer line
      (the bare headline);
    - whether it is a line of the region's head (the region chooser read it as the story's) and how many lines of
      the region stand above it.
    """
    lead_column, opening_column = _AGAINST_BEST
    lead_best = max(row[lead_column] for row in rows)
    opening_best = max(row[opening_column] for row in rows)
    keys = [lines[index].key for index in ranked]
    sizes = [(key, len(key)) for key in keys if key]
    # The keys that can be glued to a label: of ``_GLUED_MIN_WORDS`` words or more. A key holds only a shorter
    # key and is held only by a longer one (never by itself or an equal key).
    glued = [
        (key, len(key))
        for index, key in zip(ranked, keys, strict=True)
        if key and lines[index].words >= _GLUED_MIN_WORDS
    ]
    for index, key, row in zip(ranked, keys, rows, strict=True):
        line, size = lines[index], len(key)
        # (``str.startswith`` of a tuple: whether the key starts with any of them, in one call.)
        shorter = tuple(other for other, other_size in glued if other_size < size)
        holds = bool(shorter) and (key.startswith(shorter) or key.endswith(shorter))
        held = line.words >= _GLUED_MIN_WORDS and any(
            other.startswith(key) or other.endswith(key) for other, other_size in sizes if other_size > size
        )
        inside = index >= region_start
        row += [
            row[lead_column] - lead_best,
            row[opening_column] - opening_best,
            *_own_kinds(line.text, line.words),
            1.0 if holds else 0.0,
            1.0 if held else 0.0,
            1.0 if inside else 0.0,
            math.log1p(index - region_start) if inside else 0.0,
        ]


# Candidates are the header lines a site prints on every page: their own kinds are memoised like their facts.
_KINDS_CACHE_SIZE = 32768


@lru_cache(maxsize=_KINDS_CACHE_SIZE)
def _own_kinds(text: str, words: int) -> tuple[float, float]:
    """A candidate's kinds from its own text (``_page_columns``' first two kinds): a clock time or a numeric
    date in it, and the share of its words of four letters or more that it repeats."""
    # Words of four letters or more: a long headline repeats "to" and "the", a menu repeats its labels.
    # (A run of word characters four or more long is a maximal one: the same words as ``\w+``'s long enough.)
    found = _LONG_WORD.findall(text.lower()) if words >= _REPEAT_MIN_WORDS else []
    return (
        # (The search alone: a match holds a digit, so a pre-test for one only added a pass.)
        1.0 if _CLOCK_OR_DATE.search(text) is not None else 0.0,
        1.0 - len(set(found)) / len(found) if found else 0.0,
    )
