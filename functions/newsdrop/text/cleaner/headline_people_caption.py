"""Headline stage, a caption naming its picture's people: the ranker's pick, opening with two people's names joined
("X Y and Z W at the ...") right over the story, gives way to a candidate nearly tying it."""

from __future__ import annotations

import re
from collections.abc import Callable

from newsdrop.text.cleaner.headline_caption import _CAPTION_TIE, _printed_between, nearly_tied
from newsdrop.text.cleaner.lines import _Line

# A name: a capitalised word ("Monsalve", "O'Brien", "Jean-Paul", "St.").
_NAME = r"[A-ZÀ-ÖØ-Þ][\w'’.-]+"
# Two full names (two capitalised words or more each) joined by "and" in the story's language, opening the line:
# a picture's caption names who stands in it ("Izkia Siches y Manuel Monsalve en el Congreso"); a headline about
# two people names them once each, by surname, and rarely opens on both full names.
_TWO_PEOPLE = re.compile(
    rf"^{_NAME}(?: {_NAME})+,? (?:and|&|y|e|i|und|et|en|og|och) {_NAME}(?: {_NAME})+(?!\w)"
)
# The caption is printed right over the story: at most this many printed lines between it and the region's start
# (the picture's credit, a share row, a comment count).
_OVER_REGION_LINES = 3


def names_two_people(text: str) -> bool:
    """Whether a line opens with two people's full names joined by "and" (``_TWO_PEOPLE``)."""
    return _TWO_PEOPLE.search(text) is not None


def headline_over_people_caption(
    lines: list[_Line],
    chosen: int,
    region_start: int,
    scores: dict[int, float],
    barred: Callable[[int], bool],
) -> int | None:
    """The best-scored other candidate above the story when the ranker's pick reads as the lead picture's caption
    with no credit line beside it: it opens with two people's full names (``names_two_people``), stands within
    ``_OVER_REGION_LINES`` printed lines over the region's start, and that candidate, not barred, is printed within
    ``_NEAR_LINES`` lines of it and scored within ``_CAPTION_TIE`` of it (``scores``: the ranked candidates' raw
    scores). None otherwise: the pick stands."""
    if chosen not in scores or chosen >= region_start or not names_two_people(lines[chosen].text):
        return None
    if _printed_between(lines, chosen, region_start) - 1 > _OVER_REGION_LINES:
        return None
    others = [index for index in scores if index != chosen and index < region_start and not barred(index)]
    return nearly_tied(lines, chosen, others, scores, _CAPTION_TIE)
