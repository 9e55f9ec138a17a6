"""Headline stage, a headline block: the headline printed over its standfirst, which the ranker may nearly tie."""

from __future__ import annotations

from collections.abc import Callable

from newsdrop.text.cleaner.lines import _Line

# The line over the ranker's pick is its headline when the pick is this much longer (in words) ...
_STANDFIRST_WORDS_RATIO = 1.5
# ... the line holds this many words (a section label or a kicker is shorter) ...
_HEADLINE_MIN_WORDS = 3
# ... and the ranker scores it within this much of the pick (a near tie: the trees barely tell the two apart).
_NEAR_TIE = 0.2


def headline_over_standfirst(
    lines: list[_Line], chosen: int, scores: dict[int, float], barred: Callable[[int], bool]
) -> int | None:
    """The candidate printed right over the ranker's pick when the pick reads as its standfirst: the pick holds
    half as many words again, and the ranker scores the line over it (``scores``, the ranked candidates' raw
    scores) within a near tie. A headline block prints a headline and then a longer standfirst that says it again
    at length; the trees, seeing both share the lead's words, may put the standfirst a hair ahead. None when the
    line over the pick is no ranked candidate or is barred (a kicker, a breadcrumb, a post link)."""
    above = next((index for index in range(chosen - 1, -1, -1) if lines[index].key), None)
    if above is None or above not in scores or chosen not in scores:
        return None
    words = lines[above].words
    if words < _HEADLINE_MIN_WORDS or lines[chosen].words < _STANDFIRST_WORDS_RATIO * words:
        return None
    if scores[chosen] - scores[above] > _NEAR_TIE or barred(above):
        return None
    return above
