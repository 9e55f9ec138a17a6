"""Headline stage, a headline block: the rules' headline and what prints under it (standfirst, byline), the ranker's
near ties."""

from __future__ import annotations

from collections.abc import Callable

from newsdrop.text.cleaner.headline_controls import site_text
from newsdrop.text.cleaner.headline_facts import _KANA_OR_HAN
from newsdrop.text.cleaner.headline_names import _PART_MIN_CJK_CHARS, _PART_MIN_WORDS
from newsdrop.text.cleaner.lines import _ends_sentence, _Line

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


def _heads_a_block(lines: list[_Line], index: int) -> bool:
    """The rules' choice could head a headline block (a standfirst or a byline under it). Not a line opening in
    lower case ("take the tour": a button's or a caption's text), nor a label of one or two words printed under
    another such label ("Weather" / "Newsletters", "Status" / "Premium": a menu's run of items), so the ranker's
    pick under it stands (the rules' score already takes points from both). A short line alone, or opening the
    page, may be a short headline ("Purple Rain") and keeps the guards. Nor does a form's text ("Sign up") or
    page furniture ("Themen: ...": ``furniture_line``)."""
    line = lines[index]
    if line.text[:1].islower() or site_text(line.text):
        return False
    if line.words >= _PART_MIN_WORDS or (
        not line.key.isascii()
        and _KANA_OR_HAN.search(line.key) is not None
        and len(line.key) >= _PART_MIN_CJK_CHARS
    ):
        return True
    above = next((lines[at] for at in range(index - 1, -1, -1) if lines[at].key), None)
    return above is None or above.words >= _PART_MIN_WORDS


def _standfirst_under(lines: list[_Line], headline: int, chosen: int) -> bool:
    """The ranker's pick is the sentence printed right under the rules' headline line: a standfirst."""
    if chosen <= headline or not _ends_sentence(lines[chosen].text) or _ends_sentence(lines[headline].text):
        return False
    return all(not lines[i].text.strip() for i in range(headline + 1, chosen))


# A headline block's byline is followed by its date, share buttons, a picture's caption and a standfirst: the
# block ends within this many printed lines after it.
_BYLINE_BLOCK_LINES = 12


def _below_byline(lines: list[_Line], headline: int, chosen: int, *, near: bool = False) -> bool:
    """The ranker's pick is printed below the byline under the rules' headline: a story's byline closes
    its headline block, so what follows it (a clip title, a caption, a standfirst) is not the headline.
    With ``near`` (the ranker's pick at inference; the rules' pass and so the training rows stay) only within
    ``_BYLINE_BLOCK_LINES`` printed lines after the byline: a pick further down, past a run of menus and
    teasers, stands in another block (the rules' pick a teaser over a line the byline rule took for one)."""
    if chosen <= headline:
        return False
    byline = next((at for at in range(headline + 1, chosen) if lines[at].role == "byline"), None)
    if byline is None:
        return False
    return not near or sum(1 for line in lines[byline + 1 : chosen] if line.key) < _BYLINE_BLOCK_LINES
