"""Headline stage, a caption beside its picture's credit: the ranker's pick printed right over or under a bare credit
line ("Foto: Name", "© Agency") is the picture's caption when another candidate nearly ties it."""

from __future__ import annotations

import re
from collections.abc import Callable

from newsdrop.text.cleaner.lines import _content_words, _Line

# A picture's credit closing a caption ("... © AP", "... Bild: X/dpa", "... Getty Images/X"): the line
# under a picture. Only at the end: "Erstes Bild: So ..." or "das Foto: ..." open or join a headline.
PICTURE_CREDIT = re.compile(
    r"(?:©|\b(?:fotos?|bild|photos?|photographs?|image|imagen|credit|crédit)\s*:|\bgetty images\b"
    r"|/(?:dpa|afp|reuters|ap|getty|imago)\b|\(archivbild\))[^.!?:]{0,40}$",
    re.IGNORECASE,
)
# A credit on a line of its own holds a few words (a name, an agency): a longer line is a caption itself.
_CREDIT_MAX_WORDS = 6
# The candidate taking its place is printed within this many lines of it (blank lines not counted): the
# headline over or under its picture, not a menu's label further up the page (then the pick stands).
_NEAR_LINES = 8
# Another candidate within this much of the pick's raw score takes its place: a near tie (the trees read a
# caption naming the story's people like a headline), where a sure pick stands even beside a credit.
_CAPTION_TIE = 0.75


def _credit_line(line: _Line) -> bool:
    return 0 < line.words <= _CREDIT_MAX_WORDS and PICTURE_CREDIT.search(line.text) is not None


# A credit in any language: a word and a colon opening a short line ("Фото: Name, Agency") that the page prints
# again (under each of its pictures). A byline or a kicker opening so ("Von: Name", "Wahl: Name") is printed once.
_LABELLED = re.compile(r"^[^\W\d_]+\s*:\s*\S")


def _repeated_credit(lines: list[_Line], line: _Line) -> bool:
    return (
        0 < line.words <= _CREDIT_MAX_WORDS
        and _LABELLED.match(line.text) is not None
        and sum(1 for other in lines if other.key == line.key) > 1
    )


def beside_any_credit(lines: list[_Line], index: int) -> bool:
    """The line is printed right over or under a picture's credit (blank lines skipped): a bare credit of
    ``PICTURE_CREDIT``'s words, or a labelled one in any language the page prints again (``_repeated_credit``)."""
    above = next((line for line in reversed(lines[:index]) if line.key), None)
    below = next((line for line in lines[index + 1 :] if line.key), None)
    return any(
        line is not None and (_credit_line(line) or _repeated_credit(lines, line)) for line in (above, below)
    )


def _beside_credit(lines: list[_Line], index: int) -> bool:
    """The line is printed right over or under a bare picture credit (blank lines skipped)."""
    above = next((line for line in reversed(lines[:index]) if line.key), None)
    below = next((line for line in lines[index + 1 :] if line.key), None)
    return any(line is not None and _credit_line(line) for line in (above, below))


def _printed_between(lines: list[_Line], one: int, other: int) -> int:
    """The printed lines from one line to the other, the second counted, blank lines not."""
    low, high = min(one, other), max(one, other)
    return sum(1 for line in lines[low + 1 : high + 1] if line.key)


# Two printings of one headline share at least this share of the shorter one's content words (a page's <title>
# over its headline, a trail ending in it), where a headline and its standfirst or a label over it share fewer.
_SAME_HEADLINE = 0.8


def same_headline(one: _Line, other: _Line) -> bool:
    """Whether two lines print one headline: ``_SAME_HEADLINE`` of the shorter one's content words shared (two
    lines without content words count as one)."""
    ours, theirs = _content_words(one.key), _content_words(other.key)
    return len(ours & theirs) >= _SAME_HEADLINE * min(len(ours), len(theirs))


def nearly_tied(
    lines: list[_Line], chosen: int, others: list[int], scores: dict[int, float], tie: float
) -> int | None:
    """The best-scored of ``others`` when it is printed within ``_NEAR_LINES`` lines of the pick ``chosen`` and
    scored within ``tie`` of it (``scores``: the ranked candidates' raw scores), else None: the pick stands."""
    if not others:
        return None
    best = max(others, key=lambda index: scores[index])
    if scores[chosen] - scores[best] > tie or _printed_between(lines, best, chosen) > _NEAR_LINES:
        return None
    return best


def headline_beside_caption(
    lines: list[_Line], chosen: int, scores: dict[int, float], barred: Callable[[int], bool]
) -> int | None:
    """The best-scored other candidate when the ranker's pick reads as a picture's caption: printed right over or
    under a bare credit line ("Bild: Name", "© Getty Images"), and that candidate, neither barred nor beside a
    credit itself, printed within ``_NEAR_LINES`` lines of the pick and scored within ``_CAPTION_TIE`` of it
    (``scores``: the ranked candidates' raw scores). A page prints the lead picture with its caption and credit
    right by the headline; the caption names the story's people and places as a headline does. None when the
    pick is beside no credit, or the best other candidate stands far from it or far behind it."""
    if chosen not in scores or not _beside_credit(lines, chosen):
        return None
    others = [index for index in scores if index != chosen and not barred(index)]
    others = [index for index in others if not _beside_credit(lines, index)]
    return nearly_tied(lines, chosen, others, scores, _CAPTION_TIE)
