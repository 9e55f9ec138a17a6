"""Cleaner stage 3, headline: choose among the candidates above the article (rules, then the ranker) and guard it."""

from __future__ import annotations

import heapq
from itertools import accumulate

from newsdrop.text.cleaner.headline_barred import barred_test, best_unbarred
from newsdrop.text.cleaner.headline_block import (
    _below_byline,
    _heads_a_block,
    _standfirst_under,
)
from newsdrop.text.cleaner.headline_bound import BOUND_SLACK, title_score_bounds
from newsdrop.text.cleaner.headline_controls import site_text
from newsdrop.text.cleaner.headline_dated_long import dated_long_headline
from newsdrop.text.cleaner.headline_facts import (
    _SEPARATOR,
    _TITLE_MAX_WORDS,
    _VARIANT_MAX_WORDS,
    _Facts,
    _facts,
    _facts_cached,
    _reworded_lines,
    _title_score,
    _variant_parts,
    dated_headline,
    lead_words_from,
    lines_under,
)
from newsdrop.text.cleaner.headline_overrides import pick_over_ranker
from newsdrop.text.cleaner.headline_printings import held_candidate, spelled_out
from newsdrop.text.cleaner.headline_rank import (
    _page_columns,
    _RankContext,
    headline_features,
)
from newsdrop.text.cleaner.headline_slots import printed_again, top_candidates
from newsdrop.text.cleaner.lines import _content_words, _doubled, _Line, _strip_site
from newsdrop.text.cleaner.model import HeadlineModel
from newsdrop.text.line_keys import normalize_line_key
from newsdrop.text.prompt_rules import powered_by_in_prose

# The headline sits within this many lines above the article's first paragraph.
_TITLE_SCAN_LINES = 200


# The headline ranker reorders this many of the rules' best-scored candidates.
_RANKED_CANDIDATES = 12


# Rules that leave a line free to be the headline: none, or a list or repeat the headline may sit in.
_CANDIDATE_RULES = frozenset({None, "link_list", "repeated_line"})
# ... and a line the tag rule claimed for the row under a bare label, when it reads as a headline: this many words.
_TAG_ROW_HEADLINE_MIN_WORDS = 5
# The rules whose lines ``_claimed_headline`` may free (tested first: most lines above the story are claimed).
_CLAIMED_RULES = frozenset({"tag_list", "copyright_footer"})


# The region's head: the region chooser reads a headline that ends like a sentence ("What is X?") as the story's
# first paragraph, or starts the region at a teaser or standfirst above the headline. Its first lines, up to this
# many and down to its second paragraph longer than a headline, are ranked too (never by the rules alone: a
# region's first line is the story's lead far more often than its headline). Twelve lines instead of eight:
# out-of-fold top-1 of the ranker (seed 7) article 623 -> 627, page 658 -> 659 of 806 views each. Down to the
# third long paragraph as well read 630 / 660, but on a short story it ranks the lines under its second
# paragraph (a list of tour dates became the headline: test_cleaner_rules).
_REGION_HEAD_LINES = 12
_REGION_HEAD_MAX_WORDS = 20
_REGION_HEAD_LONG_LINES = 2


# Lines up to this long go through the facts' cache (a candidate has at most ``_TITLE_MAX_WORDS`` words).
_FACTS_CACHE_MAX_CHARS = 300


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
    # The lines printing each key, and the headline variants ("Title | Site" parts and the halves of doubled
    # lines) by the lines printing them: one pass over the page for both.
    keys: dict[str, list[int]] = {}
    variants: dict[str, set[int]] = {}
    printings = keys.get
    for index, line in enumerate(lines):
        key = line.key
        # (A new key's list only when the key is new: ``setdefault`` would build one for every line.)
        printed = printings(key)
        if printed is None:
            keys[key] = [index]
        else:
            printed.append(index)
        # A "Title | Site" line is short: a long paragraph cannot hold a headline variant.
        if line.words > _VARIANT_MAX_WORDS:
            continue
        # Only a key with a middle space (a doubled line) or a separator prints a variant: the cheap middle test
        # first, then one regex scan, skip the others without a call to the memoised split.
        if (len(key) % 2 == 0 or key[len(key) // 2] != " ") and _SEPARATOR.search(key) is None:
            continue
        for part in _variant_parts(key):
            variants.setdefault(part, set()).add(index)
    opening_index = next((index for index, line in enumerate(lines) if line.words), None)
    opening = lines[opening_index] if opening_index is not None else None
    opening_parts = frozenset(_strip_site(opening.key)) if opening is not None else frozenset()
    # The lead's words by the lines that print it: the region's head lines below share their leads.
    leads: dict[tuple[int, ...], frozenset[str]] = {}
    lead_words = lead_words_from(lines, region_start, leads)
    reworded = _reworded_lines(lines, max(0, region_start - _TITLE_SCAN_LINES), region_start)
    scored: list[tuple[float, int]] = []
    # Unclaimed lines between each candidate and the article, counted once from the bottom up.
    first_candidate = max(0, region_start - _TITLE_SCAN_LINES)
    # (A running count from the story's first line up, in C: ``unclaimed_after[i - first_candidate]`` counts the
    # lines from ``i + 1`` down to the story's that no rule claimed; 0 at the last line above it and at the story.)
    counts = [
        *accumulate(
            (line.role is None for line in reversed(lines[first_candidate + 1 : region_start])), initial=0
        )
    ]
    unclaimed_after = [*reversed(counts), 0]
    # The page's opening line (a page view's <title>) is a candidate however far above the story it stands:
    # a long menu or a comment thread can push the story more than the scan window below it.
    scanned: range | list[int] = range(first_candidate, region_start)
    unclaimed_above = 0
    if opening_index is not None and opening_index < first_candidate:
        unclaimed_above = sum(
            1 for line in lines[opening_index + 1 : first_candidate + 1] if line.role is None
        )
        scanned = [opening_index, *scanned]

    def between_of(index: int) -> int:
        """Unclaimed lines between a candidate and the article (the opening line's counted beyond the window)."""
        if index < first_candidate:
            return unclaimed_after[0] + unclaimed_above
        return unclaimed_after[index - first_candidate]

    # (The rules alone never name a line of the region's head: without the ranker it is not read.)
    head = _region_head(lines, region_start) if headline is not None or candidates is not None else []
    # At inference a long headline the region opens with under its dateline is ranked too (the training rows stay).
    if (
        headline is not None
        and candidates is None
        and (long := dated_long_headline(lines, region_start, _REGION_HEAD_MAX_WORDS)) is not None
    ):
        head = [long, *(index for index in head if index != long)]
    # The dates and bylines under every candidate, the window's and the region head's, read in one pass.
    under = lines_under(lines, first_candidate, max(region_start - 1, *head) if head else region_start - 1)
    facts_of: dict[int, _Facts] = {}
    head_scored: list[tuple[float, int]] = []
    scored_floor: list[float] = []
    repeats: set[str] = set()

    def rank(index: int, in_head: bool, bound: float | None = None) -> None:
        """Score a candidate that passed the rules' filter, unless its facts rule it out (``bound``: its
        ``title_score_bounds``, the score itself where no fact the bound spares applies)."""
        line = lines[index]
        facts = (_facts_cached if len(line.text) <= _FACTS_CACHE_MAX_CHARS else _facts)(
            line.text, line.key, line.words
        )
        # A name alone inside the region is a picture's caption or an author's line, never the headline. A line
        # naming a date is ranked when it reads as a headline (``dated_headline``).
        if (facts.excluded and not (headline is not None and dated_headline(line.text, line.key))) or (
            in_head and facts.name_like
        ):
            return
        facts_of[index] = facts
        # (The bound reads the score's terms but a sentence's, a name's, an address's, and a CJK line's by its text.)
        score = (
            bound
            if bound is not None
            and not (facts.sentence or facts.name_like or facts.domain)
            and facts.cjk == (not line.text.isascii())
            else _title_score(
                lines,
                index,
                region_start,
                keys,
                variants,
                lead_words_from(lines, index + 1, leads) if in_head else lead_words,
                0 if in_head else between_of(index),
                reworded,
                facts,
                under,
            )
        )
        if in_head:
            head_scored.append((score, index))
            return
        scored.append((score, index))
        if headline is not None and printed_again(line.key, len(keys[line.key]), repeats):
            return
        if len(scored_floor) < _RANKED_CANDIDATES:
            heapq.heappush(scored_floor, score)
        elif score > scored_floor[0]:
            heapq.heapreplace(scored_floor, score)

    # At inference only the rules' best ``_RANKED_CANDIDATES`` scores (and the opening line's) are read: a line
    # whose bound (``title_score_bounds``) falls under them is left unscored. (``make train`` scores every one.)
    bounded: list[int] = []
    for index in [*scanned, *head]:
        line = lines[index]
        if (
            (
                line.rule not in _CANDIDATE_RULES
                and not (headline is not None and line.rule in _CLAIMED_RULES and _claimed_headline(line))
            )
            or line.words > _TITLE_MAX_WORDS
            or line.text.endswith(":")
        ):
            continue
        if candidates is None and index < region_start and index != opening_index:
            bounded.append(index)
            continue
        rank(index, index >= region_start)
    if len(scored) + len(bounded) <= _RANKED_CANDIDATES:
        # Twelve scores at most: every line is ranked, whatever its bound. (The order of ranking changes no pick:
        # the scores are told apart by their lines.)
        for index in bounded:
            rank(index, False)
    else:
        # The likeliest first: once twelve scores stand above the next bound, no line left can be ranked. (Every
        # bounded line stands in the scan window: its unclaimed lines are ``unclaimed_after``'s.)
        bounds = title_score_bounds(
            lines, bounded, keys, variants, lead_words, unclaimed_after, first_candidate, reworded, under
        )
        bounds.sort(reverse=True)
        for bound, index in bounds:
            if len(scored_floor) == _RANKED_CANDIDATES and bound + BOUND_SLACK < scored_floor[0]:
                break
            rank(index, False, bound)
    # (The later line of two equal scores, as a scan from the top keeping ties would name.)
    best = max(scored) if scored else None
    if best is None and head_scored and (headline is not None or candidates is not None):
        # Only the region's head holds candidates (the region opens the page): the ranker chooses among them.
        best = max(head_scored)
    if best is None or (best[0] < 0 and headline is None and candidates is None):
        return None
    # The rules' choice is trusted from ``headline.trust`` points on, unless it is a form's text ("Suche nach: Suchen")
    # or page furniture ("Themen: ...", "See also: ...").
    if candidates is not None or (
        headline is not None and (best[0] < headline.trust or site_text(lines[best[1]].text))
    ):
        # The ranker reorders the rules' best few candidates: cheap, and never a line the rules rule out.
        # Where every candidate scored below zero the rules alone would name no headline; the ranker,
        # fitted on pages that all have one, still picks the likeliest line.
        top = top_candidates(lines, scored, repeats, _RANKED_CANDIDATES)
        # The page's opening line is always ranked: a page's text opens with its <title>, which the rules
        # score low when a long menu sits between it and the story.
        if (
            opening_index in facts_of
            and opening_index < region_start
            and all(index != opening_index for _, index in top)
        ):
            top.append(next(entry for entry in scored if entry[1] == opening_index))
        header = top or head_scored[:1]
        # The region's head is ranked after the header's candidates: the rules' choice stays the header's.
        top += [entry for entry in head_scored if entry not in top]
        opening_words = _content_words(opening.key) if opening is not None else frozenset()
        context = _RankContext(
            rank={index: rank for rank, (_, index) in enumerate(top)},
            best_score=header[0][0],
            nearest=max(index for _, index in header),
            opening_parts=opening_parts,
            opening_words=opening_words,
            lead_words=lead_words,
            printed=keys,
            first=min(index for _, index in header),
            variants=variants,
            under=under,
        )

        # (Tested only for a candidate that would lead: a skipped one changes nothing.)
        barred = barred_test(lines, opening, headline is not None)

        rows = [
            headline_features(
                lines,
                index,
                region_start,
                score,
                0 if index >= region_start else between_of(index),
                context,
                facts_of[index],
                # (A line of the region's head is read against the paragraphs under it.)
                lead_words_from(lines, index + 1, leads) if index >= region_start else None,
            )
            for score, index in top
        ]
        _page_columns(lines, [index for _, index in top], region_start, rows)
        # Every candidate scored at once: the trees are walked for all rows together.
        ranks = headline.score_all(rows) if headline is not None else [score for score, _ in top]
        if candidates is not None:
            candidates += [(index, row) for (_, index), row in zip(top, rows, strict=True)]
        entries: list[tuple[int, float]] = []
        for position, ((_, index), ranked) in enumerate(zip(top, ranks, strict=True)):
            if index >= region_start and headline is None:
                # The rules alone never name a line of the region's head (the line model's training rows stay).
                continue
            # The rules' own choice starts with the margin the ranker must beat.
            entries.append(
                (index, ranked + headline.margin if position == 0 and headline is not None else ranked)
            )
        ranked_best = best_unbarred(entries, barred)
        if (
            ranked_best is not None
            and _heads_a_block(lines, top[0][1])
            and (
                _standfirst_under(lines, top[0][1], ranked_best[1])
                or _below_byline(lines, top[0][1], ranked_best[1], near=headline is not None)
            )
        ):
            ranked_best = top[0]
        if ranked_best is not None and headline is not None:
            # The pick read as another line of the headline's block, or a <title> the page rewords (headline_overrides).
            raw = {index: float(score) for (_, index), score in zip(top, ranks, strict=True)}
            ranked_best = (ranked_best[0], pick_over_ranker(lines, ranked_best[1], region_start, raw, barred))
        if ranked_best is not None:
            # (A closing site name is read past only with the ranker: the rules' pick, and so the line model's
            # training rows, stay.)
            inner = held_candidate(
                lines, ranked_best[1], [index for _, index in top], site_tail=headline is not None
            )
            if inner is not None:
                ranked_best = (ranked_best[0], inner)
        if ranked_best is not None and headline is not None:
            # An initialism's printing of the headline ("HS Roundup: ...") gives way to the one spelling it out.
            texts = {index: lines[index].text for _, index in top}
            ranked_best = (ranked_best[0], spelled_out(texts, ranked_best[1]))
        best = ranked_best
    if best is None:
        return None
    # The first printing of a repeated headline is the headline; later ones are repeats.
    return keys[lines[best[1]].key][0]


def _claimed_headline(line: _Line) -> bool:
    """A line a rule claimed that reads as a headline, a candidate at inference (the ranker's training rows stay):
    a tag row's (``_tag_row_headline``) or a "powered by" deep in a headline ("6 Gadgets Powered by Alexa")."""
    return _tag_row_headline(line) or (line.rule == "copyright_footer" and powered_by_in_prose(line.key))


def _tag_row_headline(line: _Line) -> bool:
    """A line the tag rule claimed for the row under a bare label ("Tags", "Terms") that reads as a headline: five
    words or more and no comma or bullet between tags."""
    return (
        line.rule == "tag_list"
        and line.words >= _TAG_ROW_HEADLINE_MIN_WORDS
        and not any(mark in line.text for mark in ",;•|#")
    )


def _region_head(lines: list[_Line], region_start: int) -> list[int]:
    """The region's first printed lines up to ``_REGION_HEAD_LINES``, where a headline the region took for prose
    sits: down to the region's second paragraph longer than a headline (``_REGION_HEAD_MAX_WORDS`` words), as
    the region may open with a teaser or standfirst printed above the headline; the long lines are not ranked."""
    head: list[int] = []
    long_lines = 0
    for index in range(region_start, len(lines)):
        line = lines[index]
        if not line.key:
            continue
        if line.words > _REGION_HEAD_MAX_WORDS:
            long_lines += 1
            if long_lines == _REGION_HEAD_LONG_LINES:
                break
            continue
        head.append(index)
        if len(head) == _REGION_HEAD_LINES:
            break
    return head


def _mark_title_repeats(lines: list[_Line], title_key: str) -> None:
    doubled_size = 2 * len(title_key) + 1
    for line in lines:
        if line.role == "title":
            continue
        key = line.key
        # Cheap tests first: a doubled title is twice its length plus a space, a "Title | Site" part a substring.
        if key == title_key or (len(key) == doubled_size and _doubled(key) == title_key):
            line.assign("title_repeat", "title_repeat")
        elif (
            line.role is None
            and line.words <= _VARIANT_MAX_WORDS
            and title_key in key
            and title_key in _strip_site(key)
        ):
            line.assign("title_repeat", "title_with_site")
