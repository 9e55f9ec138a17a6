"""Headline stage, a lead sentence over the story: the ranker's pick, a long sentence printed right over the story's
first line (a standfirst), gives way to a nearly tied candidate above it that tells the story in other words."""

from __future__ import annotations

from collections.abc import Callable

from newsdrop.text.cleaner.headline_caption import _printed_between, nearly_tied, same_headline
from newsdrop.text.cleaner.lines import _Line

# The pick reads as a sentence of the story's lead: this many words at least (a headline is shorter).
_LEAD_MIN_WORDS = 12
# Another candidate within this much of the pick's raw score takes its place: a near tie (the trees read the
# standfirst over the body like a headline), where a sure pick stands.
_LEAD_TIE = 1.0


def headline_over_lead_sentence(
    lines: list[_Line],
    chosen: int,
    region_start: int,
    scores: dict[int, float],
    barred: Callable[[int], bool],
) -> int | None:
    """The best-scored other candidate above the story when the ranker's pick reads as the story's lead sentence:
    ``_LEAD_MIN_WORDS`` words or more, printed right over the region's start (no printed line between), and that
    candidate, not barred, printed within ``_NEAR_LINES`` lines of it, scored within ``_LEAD_TIE`` of it
    (``scores``: the ranked candidates' raw scores) and not printing the pick's own words again. None otherwise:
    the pick stands."""
    if chosen not in scores or chosen >= region_start or lines[chosen].words < _LEAD_MIN_WORDS:
        return None
    if _printed_between(lines, chosen, region_start) > 1:
        return None
    others = [index for index in scores if index != chosen and index < region_start and not barred(index)]
    if (best := nearly_tied(lines, chosen, others, scores, _LEAD_TIE)) is None:
        return None
    return None if same_headline(lines[chosen], lines[best]) else best
