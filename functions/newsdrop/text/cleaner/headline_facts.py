"""Headline stage, candidates: what a candidate line's own text says, and the rules' score of it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from newsdrop.text.cleaner.lines import (
    _TITLE_SEPARATORS,
    _content_words,
    _doubled,
    _is_date_line,
    _is_sentence,
    _Line,
    _looks_like_name,
    _strip_site,
)
from newsdrop.text.dates import find_date

# A headline is a line of at most this many words; a printed variant of it (kicker + headline) at most twice that.
_TITLE_MAX_WORDS = 30
_VARIANT_MAX_WORDS = 2 * _TITLE_MAX_WORDS
# The rules' score, in points: overlap with the lead's content words (a share, times this weight) ...
_LEAD_OVERLAP_WEIGHT = 6.0
# ... an author's name within the next lines (only the story's own headline has one) ...
_BYLINE_BONUS = 3
# Headlines rarely read as a sentence; standfirsts do (and share more words with the lead).
_SENTENCE_PENALTY = 8
# ... another header line saying it again in other words: at least this many content words shared, and this
# share of the longer line's (the page's <title> against the printed, edited headline) ...
_REWORDED_BONUS = 6
_REWORDED_MIN_SHARED = 3
_REWORDED_SHARE = 0.6
# ... and a link list's line is another story's headline unless the author follows it.
_LINK_LIST_PENALTY = 6

# A line opening in lower case continues something (a caption's tail, a wrapped sentence): rarely a headline.
_LOWER_START = re.compile(r"^[a-z]")
# One word that is a number (a score, a time, a share): half the line such words is a table row.
_NUMBER = re.compile(r"^[\W_]*\d[\d.,:/%-]*[\W_]*$")
_DIGIT = re.compile(r"\d")
# A web address names the site, never the story: "www." after no word character, or a word character's top-level
# domain. (Each branch's first character matched first and the boundary before it looked back at, the same matches
# as ``\bwww\.|\w\.(?:...)\b``: the scan jumps to a full stop or a "w" instead of trying both at every character.)
_DOMAIN = re.compile(r"\.(?<=\w\.)(?:com|net|org|co\.\w\w|info)\b|w(?<!\ww)ww\.", re.IGNORECASE)
# Distinct candidate texts remembered across pages (a bundle's pages share their chrome).
_VARIANT_CACHE_SIZE = 32768
# Any of the title separators of ``_strip_site`` (``_TITLE_SEPARATORS``), in one scan.
_SEPARATOR = re.compile("|".join(re.escape(separator) for separator in _TITLE_SEPARATORS))


# Kana or Han (a CJK headline): one regex search instead of a Python loop over every character.
_KANA_OR_HAN = re.compile("[\u3040-\u9fff]")


class _Facts(NamedTuple):
    """What a headline candidate's own text says, for the rules' score and the ranker's features."""

    # Never a headline: a doubled line ("T T"), a date, or mostly numbers.
    excluded: bool
    cjk: bool
    sentence: bool
    name_like: bool
    # A web address ("www.site.com"): a site's name.
    domain: bool
    lower_start: bool


def _facts(text: str, key: str, words: int) -> _Facts:
    line = _Line(0, text, key, words)
    return _Facts(
        _doubled(key) is not None or find_date(text) is not None or _mostly_numbers(text),
        not text.isascii() and _KANA_OR_HAN.search(text) is not None,
        _is_sentence(line),
        _looks_like_name(line),
        # Every address holds a full stop: a line without one skips the unanchored search.
        "." in text and _DOMAIN.search(text) is not None,
        _LOWER_START.match(text) is not None,
    )


# Candidates are the lines above the story (menus, section names, the title line), which repeat across a
# site's pages: their facts are memoised like the line analysis (a headline candidate has at most
# ``_TITLE_MAX_WORDS`` words, so the cache's memory stays bounded).
_facts_cached = lru_cache(maxsize=_VARIANT_CACHE_SIZE)(_facts)


def dated_and_bylined(lines: list[_Line], index: int) -> tuple[bool, bool]:
    """Whether one of the 5 lines under ``index`` is a date, and whether one is the author's byline (a byline
    counts as both): the terms ``_title_score`` and its bound (``headline_bound``) read alike."""
    dated = False
    # One pass for both tests (as any() would, a date test stops at the first line that passes it).
    for other in lines[index + 1 : index + 6]:
        if other.role == "byline":
            return True, True
        # (``_is_date_line`` memoises its verdict on the line: read it without the call where it is known.)
        if not dated and (
            other.role == "date" or (other.dated if other.dated is not None else _is_date_line(other))
        ):
            dated = True
    return dated, False


# The lines under a candidate that ``dated_and_bylined`` and the ranker's byline and date columns read.
_UNDER_LINES = 5


@dataclass(frozen=True, slots=True)
class LinesUnder:
    """The nearest byline and the nearest date line at or below each line of a page's span, read in one pass from
    the bottom up (``lines_under``): what the five lines under each candidate say, without reading them again for
    every candidate, its bound and its ranker row. A candidate outside the span reads its lines itself."""

    # The span's first line and its last candidate; for each line from ``first`` on, the index of the nearest byline
    # and date line at or below it (``none`` where no such line stands within reach of any candidate).
    first: int
    last: int
    bylines: list[int]
    dates: list[int]

    def under(self, lines: list[_Line], index: int) -> tuple[bool, bool]:
        """Whether one of the 5 lines under ``index`` is a date line (by role or by ``_is_date_line``), and whether
        one is the author's byline."""
        at = index + 1 - self.first
        if at < 0 or index > self.last:
            following = lines[index + 1 : index + 1 + _UNDER_LINES]
            return (
                any(
                    other.role == "date" or (other.dated if other.dated is not None else _is_date_line(other))
                    for other in following
                ),
                any(other.role == "byline" for other in following),
            )
        reach = index + _UNDER_LINES
        return self.dates[at] <= reach, self.bylines[at] <= reach

    def dated_and_bylined(self, lines: list[_Line], index: int) -> tuple[bool, bool]:
        """``dated_and_bylined(lines, index)``: a byline counts as a date too."""
        at = index + 1 - self.first
        if at < 0 or index > self.last:
            return dated_and_bylined(lines, index)
        reach = index + _UNDER_LINES
        bylined = self.bylines[at] <= reach
        return bylined or self.dates[at] <= reach, bylined


def lines_under(lines: list[_Line], first: int, last: int) -> LinesUnder:
    """``LinesUnder`` for the candidates from ``first`` to ``last``: the lines from ``first + 1`` down to the fifth
    under ``last``, each read once (its date test memoised on it, as the candidates' reading does)."""
    if last < first:
        return LinesUnder(first + 1, last, [], [])
    end = min(len(lines), last + 1 + _UNDER_LINES)
    # (Past every candidate's reach: ``last + _UNDER_LINES`` is the farthest line a candidate reads.)
    none = last + _UNDER_LINES + 1
    size = end - first
    bylines, dates = [none] * size, [none] * size
    byline = date = none
    for at in range(end - 1, first, -1):
        other = lines[at]
        if other.role == "byline":
            byline = at
        if other.role == "date" or (other.dated if other.dated is not None else _is_date_line(other)):
            date = at
        bylines[at - first - 1] = byline
        dates[at - first - 1] = date
    return LinesUnder(first + 1, last, bylines, dates)


def _title_score(
    lines: list[_Line],
    index: int,
    region_start: int,
    keys: dict[str, list[int]],
    variants: dict[str, set[int]],
    lead_words: frozenset[str],
    unclaimed_between: int,
    reworded: set[int],
    facts: _Facts | None = None,
    under: LinesUnder | None = None,
) -> float:
    line = lines[index]
    if facts is None:
        facts = _facts(line.text, line.key, line.words)
    cjk, sentence, name_like = facts.cjk, facts.sentence, facts.name_like
    substantial = (line.words >= 4 or cjk) and not name_like and not sentence
    score = 0.0
    # (The line's own index is among its key's printings: another printing means two or more.)
    if substantial and len(keys.get(line.key, ())) > 1:
        score += 6
    if substantial and any(i != index for i in variants.get(line.key, ())):
        score += 6
    if substantial and index in reworded:
        score += _REWORDED_BONUS
    dated, bylined = (
        under.dated_and_bylined(lines, index) if under is not None else dated_and_bylined(lines, index)
    )
    if dated:
        score += 4
    # Related-story teasers carry dates too; only the story's own headline carries the author.
    if bylined:
        score += _BYLINE_BONUS
    if 5 <= line.words <= 20:
        score += 2
    elif line.words >= 3:
        score += 1
    if line.words < 3 and not cjk:
        score -= 6
    if name_like:
        score -= 3
    # A link list holds other stories' headlines, unless the author's name follows this one.
    if line.rule == "link_list" and not bylined:
        score -= _LINK_LIST_PENALTY
    # A site name ("AS - www.site.com"), never the headline.
    if facts.domain:
        score -= 6
    # A headline is about what the lead paragraphs say.
    words = _content_words(line.key)
    if words and lead_words:
        score += _LEAD_OVERLAP_WEIGHT * len(words & lead_words) / len(words)
    if sentence:
        score -= _SENTENCE_PENALTY
    if facts.lower_start:
        score -= 2
    # Nearer the start of the article is likelier the headline than a teaser higher up.
    score -= min(4.0, 0.4 * unclaimed_between)
    return score


def _mostly_numbers(text: str) -> bool:
    """Half or more of the words are numbers: a score line or a table row, never a headline."""
    # A number holds a digit: text without one (most lines) is no score line, without splitting it.
    if _DIGIT.search(text) is None:
        return False
    words = text.split()
    return len(words) >= 2 and sum(1 for word in words if _NUMBER.match(word)) >= 0.5 * len(words)


def _reworded_lines(lines: list[_Line], first: int, end: int) -> set[int]:
    """Header lines that another header line says again in other words (page title vs. printed headline).

    Sites print the headline twice, often edited ("HS Roundup: X" / "High School Roundup: X"); teasers
    in link lists rarely share most of their content words with another line.
    """
    stems_of: dict[int, frozenset[str]] = {}
    holders: dict[str, list[int]] = {}
    for index in range(first, end):
        line = lines[index]
        if (
            line.words < 4
            or line.words > _TITLE_MAX_WORDS
            or line.role not in (None, "link_list", "title_repeat")
        ):
            continue
        stems = _content_words(line.key)
        if len(stems) >= _REWORDED_MIN_SHARED:
            stems_of[index] = stems
            for stem in stems:
                holders.setdefault(stem, []).append(index)
    found: set[int] = set()
    for index, stems in stems_of.items():
        shared: dict[int, int] = {}
        get = shared.get
        for stem in stems:
            for other in holders[stem]:
                shared[other] = get(other, 0) + 1
        # (The line holds all of its own stems: counted with the others, then dropped.)
        del shared[index]
        for other, count in shared.items():
            # Most lines share a word or two: the share is read only for those sharing enough.
            if count < _REWORDED_MIN_SHARED:
                continue
            larger = max(len(stems), len(stems_of[other]))
            if count >= _REWORDED_SHARE * larger and lines[other].key != lines[index].key:
                found.add(index)
                break
    return found


@lru_cache(maxsize=_VARIANT_CACHE_SIZE)
def _variant_parts(key: str) -> tuple[str, ...]:
    """The headline variants a line's key prints: its "Title | Site" parts and the half of a doubled line.

    Memoised: every line of a page is read for them, and chrome lines repeat across a site's pages.
    """
    parts = _strip_site(key)
    half = _doubled(key)
    if half is not None:
        parts.add(half)
    return tuple(parts)


# The lead: the first few prose paragraphs under a line (or from the region's start).
_LEAD_PARAGRAPHS = 3


def lead_words_from(
    lines: list[_Line], first: int, memo: dict[tuple[int, ...], frozenset[str]]
) -> frozenset[str]:
    """The content words of the first ``_LEAD_PARAGRAPHS`` prose lines from ``first`` on (a negative ``first``
    counts from the end, as a slice does). ``memo`` holds a page's leads by their lines: the lines of the
    region's head mostly share theirs, and the lines are read no further than the lead's last."""
    count = len(lines)
    at = first if first >= 0 else max(0, count + first)
    picked: list[int] = []
    while at < count and len(picked) < _LEAD_PARAGRAPHS:
        if lines[at].prose:
            picked.append(at)
        at += 1
    found = memo.get(key := tuple(picked))
    if found is None:
        # The union of each paragraph's words, which are the joined keys' words (no word runs across a joining
        # space): the leads of the region's head lines overlap, so each paragraph is read once, memoised as the
        # lead of itself alone.
        parts = []
        for index in picked:
            words = memo.get((index,))
            if words is None:
                words = memo[(index,)] = _content_words.__wrapped__(lines[index].key)
            parts.append(words)
        found = memo[key] = frozenset().union(*parts)
    return found


# A headline may name a date ("Weekly Edition for March 26, 2015", "Bericht zur Coronalage vom 22.04.2020 - worauf
# wartet die Politik?"): this many words besides the date, and no clock time (a dateline's or a teaser's stamp).
_DATED_HEADLINE_MIN_WORDS = 4
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
# Bars, bullets and slashes set a stamp or a trail apart: "Accueil | Par X | 30 septembre 2018".
_STAMP_SEPARATOR = re.compile(r"\s[|•·/]\s")
_BY_AFTER_DATE = re.compile(r"\W*(?:by|von|par|por|door|av|af|di)\b", re.IGNORECASE)


def dated_headline(text: str, key: str) -> bool:
    """The line is a headline that names a date: the date test alone rules it out (not doubled, not mostly
    numbers), no clock time is printed, and four words or more stand beside the date (a dateline prints the
    date with a label or a name at most)."""
    found = find_date(text)
    if found is None or _doubled(key) is not None or _mostly_numbers(text) or _CLOCK.search(text) is not None:
        return False
    before = text[: found.start].rstrip()
    # The date runs on from a word ("Edition for March 26", "Coronalage vom 22.04.2020"): after a separator,
    # a bracket or at the line's start it is a stamp beside a label ("Home | By X | 30 septembre 2018").
    if not before[-1:].isalpha() or _STAMP_SEPARATOR.search(text) is not None:
        return False
    # A post's dateline names its author after the date ("am 23. Januar 2020 von X in Allgemein", "Posted on March
    # 26, 2015 by X"), and one opening in lower case runs on from a label.
    if _BY_AFTER_DATE.match(text, found.end) is not None or text[:1].islower():
        return False
    rest = before + " " + text[found.end :]
    return len(re.findall(r"\w+", rest)) >= _DATED_HEADLINE_MIN_WORDS
