"""Headline stage, the headline under the <title>'s printing: the page prints its <title>'s headline (a
breadcrumb's last step, a search engine's wording), then under it, past short furniture, its own headline over the
same story; the ranker's pick of the printing gives way to that headline."""

from __future__ import annotations

from collections.abc import Callable

from newsdrop.text.cleaner.headline_caption import _NEAR_LINES
from newsdrop.text.cleaner.headline_names import headline_text
from newsdrop.text.cleaner.headline_reworded import _SENTENCE_CLOSERS, _SHARED_MIN_WORDS, _apart
from newsdrop.text.cleaner.headline_title_printed import _printed
from newsdrop.text.cleaner.lines import _content_words, _Line
from newsdrop.text.line_keys import normalize_line_key

# The headline under the printing is scored within this much of the pick (the ranked candidates' raw scores), as a
# label's headline is (``headline_label``): a standfirst or a teaser under the printing, sharing the story's words,
# scores far behind it.
_TITLE_BLOCK_TIE = 1.0
# A headline the page prints again elsewhere (a second printing, its own teaser) is named twice by the page, as the
# <title>'s wording is: it gives way within this much (as a typeset copy does, ``headline_plain_copy``).
_REPEATED_TIE = 2.0


def _story_headline(lines: list[_Line], index: int, headline: str, scores: dict[int, float]) -> bool:
    """``index`` reads as the page's own headline over the story the <title>'s headline (``headline``, a key)
    names: ranked, printed in other words, closing no sentence (a standfirst's, a lead's) and sharing
    ``_SHARED_MIN_WORDS`` content words with it (not a byline, a date or a section's label)."""
    line = lines[index]
    return (
        index in scores
        and line.key != headline
        and line.text.rstrip()[-1:] not in _SENTENCE_CLOSERS
        and len(_content_words(headline) & _content_words(line.key)) >= _SHARED_MIN_WORDS
    )


def headline_under_title_printing(
    lines: list[_Line], chosen: int, scores: dict[int, float], barred: Callable[[int], bool]
) -> int | None:
    """The ranked candidate printed right under the ranker's pick when the pick prints the page's <title>'s
    headline word for word (the opening line's, ``headline_text``; apart from the opening line, ``_apart``): the
    first of the ``_NEAR_LINES`` printed lines under the pick to read as the story's headline (``_story_headline``),
    every line between shorter than the pick (a section's label, a date, a button), not barred and scored within
    ``_TITLE_BLOCK_TIE`` of the pick (``scores``: the ranked candidates' raw scores; ``_REPEATED_TIE`` where the
    page prints the headline again). A page printing its <title>'s
    wording as a breadcrumb's last step or a teaser's prints its own headline, often a kicker and the headline run
    together, under it past the block's furniture. None when no such line follows the pick."""
    opening = next((index for index, line in enumerate(lines) if line.key), None)
    if opening is None or chosen == opening or chosen not in scores or not _apart(lines, opening, chosen):
        return None
    # Naming the <title>'s headline reads the whole page: first, a cheap test that the pick is printed inside the
    # <title> line at all (its headline is part of it).
    if lines[chosen].key not in lines[opening].key:
        return None
    headline = normalize_line_key(headline_text(lines, opening))
    if lines[chosen].key != headline:
        return None
    # Lines shorter than the pick between the two are the block's furniture (a kicker, a date, a comment count,
    # "Print", "Share"); the first line as long as the pick that is no such headline ends the walk.
    for index in _printed(lines, chosen, _NEAR_LINES):
        if _story_headline(lines, index, headline, scores):
            key = lines[index].key
            tie = _REPEATED_TIE if sum(1 for line in lines if line.key == key) > 1 else _TITLE_BLOCK_TIE
            return None if barred(index) or scores[chosen] - scores[index] > tie else index
        if lines[index].words >= lines[chosen].words:
            return None
    return None
