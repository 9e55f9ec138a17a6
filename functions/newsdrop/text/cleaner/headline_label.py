"""Headline stage, a label over the headline: the ranker's pick, a short bare label printed right over a
headline-shaped line (a section's or a topic's name, a kicker, a site's label), gives way to that line."""

from __future__ import annotations

import re
from collections.abc import Callable

from newsdrop.text.cleaner.headline_caption import same_headline
from newsdrop.text.cleaner.lines import _content_words, _Line

# A label holds this many words at most ("Krieg in der Ukraine", "Meldungen aus dem Verband"): a longer line reads
# as a headline itself.
_LABEL_MAX_WORDS = 6
# A label is printed bare: no mark a headline sets its parts, a quote or a question with ("Ort: Was ...", "Name
# | Site", "»Zitat«", "Wer ...?", "A, B und C"), no sentence mark, slash, bracket, ampersand or hash, and no dash
# between spaces (a hyphen inside a word, "Sportler-Seite", is a word's). A short headline with any of these marks
# stays the pick.
_HEADLINE_MARKS = re.compile(r"[:|·•–—!?\"'«»„“”‘’()\[\]/.,;&#…]|\s-\s")
# The line under the label reads as a headline: this many words ...
_HEADLINE_MIN_WORDS = 2
# ... up to this many (a standfirst or a picture's caption is longer) ...
_HEADLINE_MAX_WORDS = 12
# ... and closes no sentence (a standfirst's or the lead's full stop; "?" and "!" close headlines).
_SENTENCE_CLOSERS = ".;,…"
# The ranker scores that line within this much of the label (raw scores): a near tie, where a sure pick stands.
_LABEL_TIE = 1.0


def _bare_label(line: _Line) -> bool:
    """A short line printed with no headline mark (``_HEADLINE_MARKS``): a section's, topic's or site's label."""
    return 0 < line.words <= _LABEL_MAX_WORDS and _HEADLINE_MARKS.search(line.text) is None


def _headline_shaped(line: _Line) -> bool:
    """A line of a headline's length that opens in no lower case and closes no sentence."""
    text = line.text.rstrip()
    return (
        _HEADLINE_MIN_WORDS <= line.words <= _HEADLINE_MAX_WORDS
        and not text[:1].islower()
        and text[-1:] not in _SENTENCE_CLOSERS
    )


def headline_under_label(
    lines: list[_Line],
    chosen: int,
    region_start: int,
    scores: dict[int, float],
    barred: Callable[[int], bool],
) -> int | None:
    """The candidate printed right under the ranker's pick (blank lines skipped) when the pick reads as a label
    over it: the pick is a short bare line (``_bare_label``) above the story, and the line under it, a ranked
    candidate above the story and not barred, is headline-shaped (``_headline_shaped``), scored within
    ``_LABEL_TIE`` of the pick (``scores``: the ranked candidates' raw scores) and prints other words than the
    pick's (``same_headline``). A page prints a kicker, a topic's or a section's name, or its own label right over
    the headline; the trees, seeing a short line where headlines sit, may put it a hair ahead. None otherwise: the
    pick stands."""
    if chosen not in scores or chosen >= region_start or not _bare_label(lines[chosen]):
        return None
    under = next((index for index in range(chosen + 1, len(lines)) if lines[index].key), None)
    if under is None or under >= region_start or under not in scores or barred(under):
        return None
    if not _headline_shaped(lines[under]) or scores[chosen] - scores[under] > _LABEL_TIE:
        return None
    # (A line without content words shares none: no second printing.)
    printed_twice = _content_words(lines[chosen].key) and _content_words(lines[under].key)
    return None if printed_twice and same_headline(lines[chosen], lines[under]) else under
