"""Headline stage, a standfirst opening with the kicker: the ranker's pick, a long line opening with the words of the
kicker printed over the headline ("Place: ..." under "Place" / headline), gives way to that headline."""

from __future__ import annotations

import re
from collections.abc import Callable

from newsdrop.text.cleaner.headline_label import _headline_shaped
from newsdrop.text.cleaner.lines import _Line
from newsdrop.text.line_keys import normalize_line_key

# The pick reads as a standfirst: this many words at least (a "Kicker: headline" line is shorter).
_STANDFIRST_MIN_WORDS = 10
# Its opening words before a colon, a kicker's few words ("Kenya: ...", "Middle East: ...").
_OPENING = re.compile(r"^\s*([^:]{1,60}?)\s*:\s")
_KICKER_MAX_WORDS = 4
# The headline is scored within this much of the pick (raw scores). Wide for an override: the kicker printed over
# the headline and again at the head of the long line under it marks one block, kicker / headline / standfirst.
_KICKER_TIE = 2.5


def _printed_above(lines: list[_Line], index: int) -> int | None:
    return next((at for at in range(index - 1, -1, -1) if lines[at].key), None)


def headline_over_kicker_standfirst(
    lines: list[_Line], chosen: int, scores: dict[int, float], barred: Callable[[int], bool]
) -> int | None:
    """The line printed right over the ranker's pick when the pick reads as the standfirst of a kicker's block: the
    pick holds ``_STANDFIRST_MIN_WORDS`` words or more and opens with a few words and a colon (``_OPENING``) that
    the line printed right over that line prints alone (the kicker, over the headline). That headline, a ranked
    candidate, not barred and headline-shaped (``headline_label._headline_shaped``), is scored within
    ``_KICKER_TIE`` of the pick (``scores``: the ranked candidates' raw scores). A page prints a kicker, then the
    headline, then a standfirst opening with the kicker again ("Kenya: Activists gathered ..."); the trees read
    the long line sharing the story's words as the headline. None otherwise: the pick stands."""
    line = lines[chosen]
    if chosen not in scores or line.words < _STANDFIRST_MIN_WORDS:
        return None
    opening = _OPENING.match(line.text)
    if opening is None or len(opening.group(1).split()) > _KICKER_MAX_WORDS:
        return None
    headline = _printed_above(lines, chosen)
    if (
        headline is None
        or headline not in scores
        or barred(headline)
        or not _headline_shaped(lines[headline])
    ):
        return None
    kicker = _printed_above(lines, headline)
    if kicker is None or lines[kicker].key != normalize_line_key(opening.group(1)):
        return None
    return headline if scores[chosen] - scores[headline] <= _KICKER_TIE else None
