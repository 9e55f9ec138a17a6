"""Headline stage, a cheap bound: the most a candidate can score by the rules, read without its costly facts."""

from __future__ import annotations

from newsdrop.text.cleaner.headline_facts import (
    _BYLINE_BONUS,
    _LEAD_OVERLAP_WEIGHT,
    _LINK_LIST_PENALTY,
    _LOWER_START,
    _REWORDED_BONUS,
    LinesUnder,
    dated_and_bylined,
)
from newsdrop.text.cleaner.lines import _content_words, _Line

# Scores are sums of a few floats: a bound this far under a score is under it for certain, whatever the rounding.
BOUND_SLACK = 1e-6


def title_score_bounds(
    lines: list[_Line],
    indices: list[int],
    keys: dict[str, list[int]],
    variants: dict[str, set[int]],
    lead_words: frozenset[str],
    unclaimed: list[int],
    first: int,
    reworded: set[int],
    under: LinesUnder | None = None,
) -> list[tuple[float, int]]:
    """``(bound, index)`` of each line at ``indices``, in their order, in one loop (a page's candidates: the page's
    tables read once). A bound is an upper bound of ``_title_score`` for the line (same arguments, with
    ``unclaimed[index - first]`` its ``unclaimed_between``): its exact terms that need no costly facts of its text
    (printings, variants, rewording, its length, the lines under it, a lower-case start, the lead's words, its
    distance to the story), every bonus from its other facts (a CJK line's) taken as given and every penalty from
    them (a sentence, a name, a web address) as spared. A candidate whose bound falls under the rules'
    twelfth-best score can never be ranked: it is not scored."""
    found: list[tuple[float, int]] = []
    printings, printed_in, lower_start = keys.get, variants.get, _LOWER_START.match
    read_under = under.dated_and_bylined if under is not None else None
    for index in indices:
        line = lines[index]
        words = line.words
        # A CJK line (``_Facts.cjk``) holds non-ASCII text: an ASCII line is never one.
        maybe_cjk = not line.text.isascii()
        score = 0.0
        if words >= 4 or maybe_cjk:
            if len(printings(line.key, ())) > 1:
                score += 6
            # (Another line than this one prints it: more than one, or one that is not this line.)
            printing = printed_in(line.key)
            if printing and (len(printing) > 1 or index not in printing):
                score += 6
            if index in reworded:
                score += _REWORDED_BONUS
        # The lines under it, read as ``_title_score`` reads them: a date or the author's byline (only the story's
        # own headline has one; a link list's line without it is another story's headline).
        dated, bylined = (
            read_under(lines, index) if read_under is not None else dated_and_bylined(lines, index)
        )
        # (The terms in ``_title_score``'s order: where none of the facts the bound spares applies, it is the score
        # bit for bit, and the headline search takes it for the score.)
        if dated:
            score += 4
        if bylined:
            score += _BYLINE_BONUS
        if 5 <= words <= 20:
            score += 2
        elif words >= 3:
            score += 1
        if words < 3 and not maybe_cjk:
            score -= 6
        if line.rule == "link_list" and not bylined:
            score -= _LINK_LIST_PENALTY
        content = _content_words(line.key)
        if content and lead_words:
            score += _LEAD_OVERLAP_WEIGHT * len(content & lead_words) / len(content)
        # (``_Facts.lower_start``: one anchored match.)
        if lower_start(line.text) is not None:
            score -= 2
        found.append((score - min(4.0, 0.4 * unclaimed[index - first]), index))
    return found
