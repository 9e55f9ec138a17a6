"""Cleaner stage 3, headline: score the candidates above the article (rules, optionally the learned ranker)."""

from __future__ import annotations

import heapq
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from newsdrop.text.cleaner.lines import (
    _CLOSERS,
    _TITLE_SEPARATORS,
    _content_words,
    _doubled,
    _ends_sentence,
    _is_date_line,
    _is_sentence,
    _Line,
    _looks_like_name,
    _strip_site,
    _title_cased,
)
from newsdrop.text.cleaner.model import HEADLINE_FEATURES, HeadlineModel
from newsdrop.text.dates import find_date
from newsdrop.text.rules import count_words, normalize_line_key

_TITLE_MAX_WORDS = 30


_VARIANT_MAX_WORDS = 2 * _TITLE_MAX_WORDS


_LEAD_PARAGRAPHS = 3


_LEAD_OVERLAP_WEIGHT = 6.0


_BYLINE_BONUS = 3


# Headlines rarely read as a sentence; standfirsts do (and share more words with the lead).
_SENTENCE_PENALTY = 8


_REWORDED_BONUS = 6


_REWORDED_MIN_SHARED = 3


_REWORDED_SHARE = 0.6


_LINK_LIST_PENALTY = 6


# The headline sits within this many lines above the article's first paragraph.
_TITLE_SCAN_LINES = 200


# The headline ranker reorders this many of the rules' best-scored candidates.
_RANKED_CANDIDATES = 12


# Rules that leave a line free to be the headline: none, or a list or repeat the headline may sit in.
_CANDIDATE_RULES = frozenset({None, "link_list", "repeated_line"})


_LOWER_START = re.compile(r"^[a-z]")


_NUMBER = re.compile(r"^[\W_]*\d[\d.,:/%-]*[\W_]*$")


_DIGIT = re.compile(r"\d")


_DOMAIN = re.compile(r"\bwww\.|\w\.(?:com|net|org|co\.\w\w|info)\b", re.IGNORECASE)


_VARIANT_CACHE_SIZE = 32768


# Lines up to this long go through the facts' cache (a candidate has at most ``_TITLE_MAX_WORDS`` words).
_FACTS_CACHE_MAX_CHARS = 300


# Any of the title separators of ``_strip_site`` (``_TITLE_SEPARATORS``), in one scan.
_SEPARATOR = re.compile("|".join(re.escape(separator) for separator in _TITLE_SEPARATORS))


# A picture's credit closing a caption ("... © AP", "... Bild: X/dpa", "... Getty Images/X"): the line
# under a picture. Only at the end: "Erstes Bild: So ..." or "das Foto: ..." open or join a headline.
_PICTURE_CREDIT = re.compile(
    r"(?:©|\b(?:fotos?|bild|photos?|photographs?|image|imagen|credit|crédit)\s*:|\bgetty images\b"
    r"|/(?:dpa|afp|reuters|ap|getty|imago)\b|\(archivbild\))[^.!?:]{0,40}$",
    re.IGNORECASE,
)


# A line wholly in brackets ("(Pictured: the harbour in 1950)", "[Updated]"): an aside or a caption.
_ASIDE = re.compile(r"^\s*[(\[].*[)\]]\s*$")


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
    following = lines[index + 1 : index + 6]
    # One pass for both tests (as any() would, a date test stops at the first line that passes it).
    dated = bylined = False
    for other in following:
        if other.role == "byline":
            dated = bylined = True
            break
        # (``_is_date_line`` memoises its verdict on the line: read it without the call where it is known.)
        if not dated and (
            other.role == "date" or (other.dated if other.dated is not None else _is_date_line(other))
        ):
            dated = True
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
        for stem in stems:
            for other in holders[stem]:
                if other != index:
                    shared[other] = shared.get(other, 0) + 1
        for other, count in shared.items():
            larger = max(len(stems), len(stems_of[other]))
            similar = count >= _REWORDED_MIN_SHARED and count >= _REWORDED_SHARE * larger
            if similar and lines[other].key != lines[index].key:
                found.add(index)
                break
    return found


def headline_features(
    lines: list[_Line],
    index: int,
    region_start: int,
    rule_score: float,
    unclaimed_between: int,
    context: _RankContext,
    facts: _Facts | None = None,
) -> list[float]:
    """The headline ranker's view of one candidate line (``HEADLINE_FEATURES`` order).

    Besides the line's own shape, each candidate is seen against the others: its rank and gap to the
    best rules' score, whether it is the nearest candidate to the story, and how many of its content
    words the page's title line (the opening) and the story's lead paragraphs print.
    """
    line = lines[index]
    if facts is None:
        facts = _facts(line.text, line.key, line.words)
    words = _content_words(line.key)
    following = lines[index + 1 : index + 6]
    # The printed neighbours: a headline sits under a section label and over its standfirst or byline.
    below = next((other for other in following if other.key), None)
    above = next((lines[i] for i in range(index - 1, -1, -1) if lines[i].key), None)
    below_words = frozenset().union(*(_content_words(other.key) for other in following[:2]))
    opening_share = (
        len(words & context.opening_words) / len(words) if words and context.opening_words else 0.0
    )
    return [
        rule_score / 10.0,
        1.0 if index == 0 else 0.0,
        math.log1p(index),
        math.log1p(region_start - index),
        math.log1p(unclaimed_between),
        math.log1p(line.words),
        1.0 if line.words < 3 else 0.0,
        1.0 if line.words > 15 else 0.0,
        1.0 if _ends_sentence(line.text) else 0.0,
        1.0 if _title_cased(line.text) else 0.0,
        1.0 if facts.lower_start else 0.0,
        1.0 if ":" in line.text[:-1] else 0.0,
        len(words & context.lead_words) / len(words) if words and context.lead_words else 0.0,
        1.0 if index > 0 and line.key in context.opening_parts else 0.0,
        1.0 if any(other.role == "byline" for other in following) else 0.0,
        1.0 if any(other.role == "date" or _is_date_line(other) for other in following) else 0.0,
        1.0 if line.rule == "link_list" else 0.0,
        1.0 if line.rule == "repeated_line" else 0.0,
        1.0 if facts.domain else 0.0,
        1.0 if facts.name_like else 0.0,
        1.0 if facts.cjk else 0.0,
        1.0 if any(separator.strip() in line.text for separator in _TITLE_SEPARATORS) else 0.0,
        math.log1p(context.rank[index]),
        (context.best_score - rule_score) / 10.0,
        1.0 if index == context.nearest else 0.0,
        opening_share,
        1.0 if facts.sentence else 0.0,
        1.0 if len(context.printed.get(line.key, ())) > 1 else 0.0,
        1.0 if line.words > 25 else 0.0,
        math.log1p(line.words) if _ends_sentence(line.text) else 0.0,
        min(3.0, float(line.text.count(","))),
        1.0 if below is not None and _is_sentence(below) and below.role is None else 0.0,
        len(words & below_words) / len(words) if words and below_words else 0.0,
        1.0 if line.text.rstrip(_CLOSERS)[-1:] in "?!" else 0.0,
        1.0 if index == context.first else 0.0,
        1.0 if above is not None and above.words < 3 else 0.0,
        1.0 if context.variants.get(line.key, set()) - {index} else 0.0,
        *_block_features(lines, index, region_start, context),
    ]


def _lead_share(key: str, context: _RankContext) -> float:
    """The share of a line's content words that the lead paragraphs print (``lead_overlap``)."""
    words = _content_words(key)
    return len(words & context.lead_words) / len(words) if words and context.lead_words else 0.0


def _block_features(lines: list[_Line], index: int, region_start: int, context: _RankContext) -> list[float]:
    """Kinds of headline evidence from the candidate's place among the others (appended to
    ``headline_features``): its place in the header (0 at the topmost candidate, 1 at the story), another
    candidate right above or below it (a headline block: kicker, headline, standfirst), how many times the
    page prints it, the share of its words set in capitals, and the share of the opening line's words it
    holds (the page's title line minus a site's name is the headline)."""
    line = lines[index]
    span = region_start - context.first
    above = next((i for i in range(index - 1, max(-1, index - 3), -1) if lines[i].key), None)
    below = next((i for i in range(index + 1, min(len(lines), index + 3)) if lines[i].key), None)
    words = line.text.split()
    capitals = sum(1 for word in words if word[:1].isupper()) / len(words) if words else 0.0
    opening_cover = (
        len(_content_words(line.key) & context.opening_words) / len(context.opening_words)
        if context.opening_words
        else 0.0
    )
    # Against a candidate right above or below: a headline is shorter than the standfirst under it, and
    # says less of the lead than the standfirst does.
    size = math.log1p(line.words)
    lead = _lead_share(line.key, context)
    above_ranked = above is not None and above in context.rank
    below_ranked = below is not None and below in context.rank
    return [
        (index - context.first) / span if span > 0 else 1.0,
        1.0 if above_ranked else 0.0,
        1.0 if below_ranked else 0.0,
        size - math.log1p(lines[above].words) if above_ranked and above is not None else 0.0,
        size - math.log1p(lines[below].words) if below_ranked and below is not None else 0.0,
        lead - _lead_share(lines[above].key, context) if above_ranked and above is not None else 0.0,
        lead - _lead_share(lines[below].key, context) if below_ranked and below is not None else 0.0,
        math.log1p(len(context.printed.get(line.key, ()))),
        capitals,
        opening_cover,
    ]


# Columns of ``headline_features`` also given against the page's best candidate by that column.
_AGAINST_BEST = (HEADLINE_FEATURES.index("lead_overlap"), HEADLINE_FEATURES.index("opening_share"))


def _against_best(rows: list[list[float]]) -> None:
    """Append to each candidate's row how far its lead and opening overlaps fall below the page's best
    candidate's (0 for the best): the trees score one candidate at a time, this lets them compare."""
    best = [max(row[column] for row in rows) for column in _AGAINST_BEST]
    for row in rows:
        row += [row[column] - top for column, top in zip(_AGAINST_BEST, best, strict=True)]


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


def _find_title(
    lines: list[_Line],
    region_start: int,
    hint: str | None,
    headline: HeadlineModel | None = None,
    candidates: list[tuple[int, list[float]]] | None = None,
) -> int | None:
    """The headline line: the rules' best-scored candidate above the article, or the headline ranker's.

    ``candidates`` collects every candidate's features (for ``make train``).
    """
    if hint:
        hint_key = normalize_line_key(hint)
        for index, line in enumerate(lines):
            if line.key == hint_key or _doubled(line.key) == hint_key:
                return index
        return None
    keys: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        keys.setdefault(line.key, []).append(index)
    # Headline variants: "Title | Site" parts and the halves of doubled lines, by the lines printing them.
    variants: dict[str, set[int]] = {}
    for index, line in enumerate(lines):
        # A "Title | Site" line is short: a long paragraph cannot hold a headline variant.
        if line.words > _VARIANT_MAX_WORDS:
            continue
        key = line.key
        # Only a key with a separator or a middle space (a doubled line) prints a variant: one regex scan
        # skips the others without a call to the memoised split.
        if _SEPARATOR.search(key) is None and (len(key) % 2 == 0 or key[len(key) // 2] != " "):
            continue
        for part in _variant_parts(key):
            variants.setdefault(part, set()).add(index)
    opening = next((line for line in lines if line.words), None)
    opening_parts = frozenset(_strip_site(opening.key)) if opening is not None else frozenset()
    lead_lines = [line for line in lines[region_start:] if line.prose][:_LEAD_PARAGRAPHS]
    lead_words = _content_words.__wrapped__(" ".join(line.key for line in lead_lines))
    reworded = _reworded_lines(lines, max(0, region_start - _TITLE_SCAN_LINES), region_start)
    best: tuple[float, int] | None = None
    scored: list[tuple[float, int]] = []
    # Unclaimed lines between each candidate and the article, counted once from the bottom up.
    first_candidate = max(0, region_start - _TITLE_SCAN_LINES)
    unclaimed_after = [0] * (region_start - first_candidate + 1)
    for index in range(region_start - 1, first_candidate - 1, -1):
        below = lines[index + 1] if index + 1 < region_start else None
        unclaimed_after[index - first_candidate] = unclaimed_after[index - first_candidate + 1] + int(
            below is not None and below.role is None
        )
    facts_of: dict[int, _Facts] = {}
    for index in range(first_candidate, region_start):
        line = lines[index]
        if line.rule not in _CANDIDATE_RULES or line.words > _TITLE_MAX_WORDS or line.text.endswith(":"):
            continue
        facts = (_facts_cached if len(line.text) <= _FACTS_CACHE_MAX_CHARS else _facts)(
            line.text, line.key, line.words
        )
        if facts.excluded:
            continue
        facts_of[index] = facts
        between = unclaimed_after[index - first_candidate]
        score = _title_score(
            lines,
            index,
            region_start,
            keys,
            variants,
            lead_words,
            between,
            reworded,
            facts,
        )
        scored.append((score, index))
        if best is None or score >= best[0]:
            best = (score, index)
    if best is None or (best[0] < 0 and headline is None and candidates is None):
        return None
    if candidates is not None or (headline is not None and best[0] < headline.trust):
        # The ranker reorders the rules' best few candidates: cheap, and never a line the rules rule out.
        # Where every candidate scored below zero the rules alone would name no headline; the ranker,
        # fitted on pages that all have one, still picks the likeliest line.
        top = heapq.nlargest(_RANKED_CANDIDATES, scored)
        opening_words = _content_words(opening.key) if opening is not None else frozenset()
        context = _RankContext(
            rank={index: rank for rank, (_, index) in enumerate(top)},
            best_score=top[0][0],
            nearest=max(index for _, index in top),
            opening_parts=opening_parts,
            opening_words=opening_words,
            lead_words=lead_words,
            printed=keys,
            first=min(index for _, index in top),
            variants=variants,
        )
        ranked_best: tuple[float, int] | None = None
        rows = [
            headline_features(
                lines,
                index,
                region_start,
                score,
                unclaimed_after[index - first_candidate],
                context,
                facts_of[index],
            )
            for score, index in top
        ]
        _against_best(rows)
        # Every candidate scored at once: the trees are walked for all rows together.
        ranks = headline.score_all(rows) if headline is not None else [score for score, _ in top]
        for (_, index), row, ranked in zip(top, rows, ranks, strict=True):
            if candidates is not None:
                candidates.append((index, row))
            if index == top[0][1] and headline is not None:
                # The rules' own choice starts with the margin the ranker must beat.
                ranked += headline.margin
            if ranked_best is not None and ranked <= ranked_best[0]:
                continue
            # A caption with its picture's credit (or wholly in brackets) is never the headline, however the
            # ranker scores it. (Tested only for a candidate that would lead: a skipped one changes nothing.)
            text = lines[index].text
            if (
                _PICTURE_CREDIT.search(text) is not None
                or _section_trail(text)
                or _POST_LINK.search(text)
                or _ASIDE.match(text) is not None
            ):
                continue
            ranked_best = (ranked, index)
        if ranked_best is not None and (
            _standfirst_under(lines, top[0][1], ranked_best[1])
            or _below_byline(lines, top[0][1], ranked_best[1])
        ):
            ranked_best = top[0]
        if ranked_best is not None:
            inner = _held_candidate(lines, ranked_best[1], [index for _, index in top])
            if inner is not None:
                ranked_best = (ranked_best[0], inner)
        best = ranked_best
    if best is None:
        return None
    # The first printing of a repeated headline is the headline; later ones are repeats.
    return keys[lines[best[1]].key][0]


# A headline glued behind a menu or a label makes this share of the line at least.
_HELD_SHARE = 0.6


def _held_candidate(lines: list[_Line], chosen: int, ranked: list[int]) -> int | None:
    """The longest other candidate that ends the chosen line and makes most of it ("Home News Headline",
    "Blog Headline"): the chosen line glues a menu or a label in front of the headline, and the candidate
    is the headline itself. A second half after a separator ("Kicker: Teaser", "Headline - Site") is not
    meant, nor a short tail; it needs three words (or a CJK phrase) to be no chance match."""
    key = lines[chosen].key
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


def _standfirst_under(lines: list[_Line], headline: int, chosen: int) -> bool:
    """The ranker's pick is the sentence printed right under the rules' headline line: a standfirst."""
    if chosen <= headline or not _ends_sentence(lines[chosen].text) or _ends_sentence(lines[headline].text):
        return False
    return all(not lines[i].text.strip() for i in range(headline + 1, chosen))


def _below_byline(lines: list[_Line], headline: int, chosen: int) -> bool:
    """The ranker's pick is printed below the byline under the rules' headline: a story's byline closes
    its headline block, so what follows it (a clip title, a caption, a standfirst) is not the headline."""
    return chosen > headline and any(line.role == "byline" for line in lines[headline + 1 : chosen])


def _mark_title_repeats(lines: list[_Line], title_key: str) -> None:
    for line in lines:
        if line.role in ("title",):
            continue
        # Cheap tests first: a doubled title is twice its length plus a space, and a part of a
        # "Title | Site" line is a substring of it.
        doubled = len(line.key) == 2 * len(title_key) + 1 and _doubled(line.key) == title_key
        if line.key == title_key or doubled:
            line.assign("title_repeat", "title_repeat")
        elif (
            line.role is None
            and line.words <= _VARIANT_MAX_WORDS
            and title_key in line.key
            and title_key in _strip_site(line.key)
        ):
            line.assign("title_repeat", "title_with_site")


_HEADING_MARKS = re.compile(r"^#{1,6}\s+(.*?)(?:\s+#+)?\s*$")


# Separators between a headline and the site's or section's name in a title line ("Title | Site"). Dashes
# are left out: they join the two halves of many headlines ("Kicker - Headline"), and cutting there cost
# more headlines than it freed in make eval.
_SITE_SEPARATORS = (" | ", " :: ", " · ")


# A site or section name is short: a longer part is a headline (or half of one) whatever else repeats.
_SITE_PART_MAX_WORDS = 5


def without_heading_marks(text: str) -> str:
    """A Markdown heading's text without its ``#`` marks (``# Title`` -> ``Title``); other text unchanged."""
    found = _HEADING_MARKS.match(text)
    return found.group(1) if found and found.group(1) else text


def _site_parts(lines: list[_Line], index: int) -> tuple[set[str], set[str]]:
    """Keys the page prints as names: (other short lines, outer parts of title-like lines with two or more
    different other sides).

    A site's or section's name repeats on its page beside different texts (the logo, the menu, "Other
    story | Site" teasers); a headline's own half repeats only with its other half (the headline printed
    twice).
    """
    alone: set[str] = set()
    beside: dict[str, set[str]] = {}
    for other, line in enumerate(lines):
        if other == index or not line.key or line.words > _VARIANT_MAX_WORDS:
            continue
        if line.words <= _SITE_PART_MAX_WORDS:
            alone.add(line.key)
        for separator in _SITE_SEPARATORS:
            if separator in line.key:
                head, _, tail = line.key.partition(separator)
                rest, _, last = line.key.rpartition(separator)
                beside.setdefault(head.strip(), set()).add(tail.strip())
                beside.setdefault(last.strip(), set()).add(rest.strip())
    return alone, {part for part, others in beside.items() if len(others) >= 2}


# Where a title line may join its headline to a site's or section's name: bars and dashes with spaces,
# and a colon set without spaces, as a CJK title sets it ("見出し:サイト名"; "Kicker: Headline" is one).
_PART_SEPARATORS = re.compile(r"\s+(?:[|\u2013\u2014-]+|::|\u00b7)\s+|(?<=\S)[:\uff1a](?=\S)")


# A part printed alone elsewhere is the headline from this many words (or characters of CJK text) on:
# a shorter one (a section name) is printed alone on many pages.
_PART_MIN_WORDS = 3
_PART_MIN_CJK_CHARS = 8


def _printed_part(lines: list[_Line], index: int, text: str) -> str | None:
    """The opening part of a title line ("Headline | Site Loaded", "Headline — Site — Tagline",
    "見出し:サイト名") that the page prints as a line of its own, when it is longer than the part it
    meets there: the headline printed again without the site's name, whatever the name is. (Only a bar
    sets off a closing part: "Site | Headline".) A kicker or a headline's second half, also printed
    alone on pages that list teasers, is the shorter side or follows a dash or a colon."""
    found: str | None = None
    matches = list(_PART_SEPARATORS.finditer(text))
    for number, match in enumerate(matches):
        opening, closing = text[: match.start()].strip(), text[match.end() :].strip()
        # The side cut away is compared by its first part: a site's name may carry a tagline after it.
        after = matches[number + 1].start() if number + 1 < len(matches) else len(text)
        before = matches[number - 1].end() if number else 0
        sides = [(opening, text[match.end() : after].strip())]
        if "|" in match.group():
            sides.append((closing, text[before : match.start()].strip()))
        for part, rest in sides:
            if len(part) <= len(rest) or (found is not None and len(part) <= len(found)):
                continue
            cjk = not part.isascii() and _KANA_OR_HAN.search(part) is not None
            if count_words(part) < _PART_MIN_WORDS and not (cjk and len(part) >= _PART_MIN_CJK_CHARS):
                continue
            key = normalize_line_key(part)
            if any(other != index and line.key == key for other, line in enumerate(lines)):
                found = part
    return found


# A link to the previous or next post ("← Older post title", "Newer post →"): another story's headline.
_POST_LINK = re.compile(r"^\s*(?:[←⟵‹]|<<)|(?:[→⟶›]|>>)\s*$")


# The steps of a breadcrumb trail ("Home » Section » Headline").
_BREADCRUMB = re.compile(r"\s+[»›>]\s+")


def _section_trail(text: str) -> bool:
    """A breadcrumb trail of three steps or more that leads to a section, not to the story (its last
    step no longer than the steps between): navigation, never the headline."""
    return len(_BREADCRUMB.findall(text)) >= 2 and _breadcrumb_tail(text) is None


def _breadcrumb_tail(text: str) -> str | None:
    """The last step of a breadcrumb trail of three steps or more, where it is longer than the steps
    between: the page the trail leads to, i.e. the headline ("You are here: Home » Society » Tireless
    work" -> "Tireless work"; the first step may carry a label). A trail to a section ends in a short step."""
    steps = _BREADCRUMB.split(text)
    if len(steps) < 3:
        return None
    last = steps[-1].strip()
    if not last or any(len(step.strip()) >= len(last) for step in steps[1:-1]):
        return None
    return last


def headline_text(lines: list[_Line], index: int, *, cut_parts: bool = True) -> str:
    """The headline a title line gives: without Markdown heading marks and without a site or section
    name printed before or after it ("Title | Site", "Section - Title").

    An outer part is a name when the page prints it elsewhere (as a line of its own or as the outer part
    of another title-like line) or it is a web address, and it is short; the rest must keep at least
    three words (or a CJK phrase), so a headline is never cut to a stub. First, though, an opening part
    the page prints as a line of its own is the headline (``_printed_part``), and so is a breadcrumb
    trail's last step (``_breadcrumb_tail``); ``cut_parts=False`` leaves those two out, for labelling
    the ranker's candidates (a line that only holds the headline is no headline line to learn from).
    """
    text = without_heading_marks(lines[index].text.strip())
    cut = (_printed_part(lines, index, text) or _breadcrumb_tail(text)) if cut_parts else None
    if cut is not None:
        return cut
    separator = next((s for s in _SITE_SEPARATORS if s in text), None)
    if separator is None:
        return text
    parts = text.split(separator)
    names: tuple[set[str], set[str]] | None = None
    while len(parts) > 1:
        for position in (-1, 0):
            part = parts[position].strip()
            rest = parts[:-1] if position == -1 else parts[1:]
            size, left = count_words(part), count_words(separator.join(rest))
            # The name is the shorter side, and what is left still reads as a headline.
            if size > _SITE_PART_MAX_WORDS or left < 3 or left <= size:
                continue
            if names is None:
                names = _site_parts(lines, index)
            key = normalize_line_key(part)
            alone, outer = names
            # A line of its own names a site or section only when the headline is much longer: the
            # headline itself is printed alone too.
            if _DOMAIN.search(part) or key in outer or (key in alone and 2 * size <= left):
                parts = rest
                break
        else:
            break
    return separator.join(parts).strip()
