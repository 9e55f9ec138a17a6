"""Headline stage, a kicker's block under the <title>'s printing: the page prints its <title>'s headline (a
breadcrumb's or a teaser's last step), then a kicker, then its own headline; that headline beats the <title>."""

from __future__ import annotations

from collections.abc import Callable

from newsdrop.text.cleaner.headline_names import headline_text
from newsdrop.text.cleaner.headline_reworded import _SENTENCE_CLOSERS, _SHARED_MIN_WORDS, _apart
from newsdrop.text.cleaner.headline_title_printed import _TITLE_MIN_WORDS, _printed
from newsdrop.text.cleaner.lines import _content_words, _Line
from newsdrop.text.line_keys import count_words, normalize_line_key


def headline_under_kicker(
    lines: list[_Line], chosen: int, scores: dict[int, float], barred: Callable[[int], bool]
) -> int | None:
    """The ranked candidate heading a kicker's block right under a printing of the page's <title>'s headline, when
    the ranker picked the <title> itself (the opening line): the printing (apart from the opening line, ``_apart``;
    the <title>'s headline ``_TITLE_MIN_WORDS`` words at least), one printed line shorter than it (the kicker),
    then the candidate, not barred, in other words, closing no sentence (a lead's) and sharing
    ``_SHARED_MIN_WORDS`` content words with the <title>'s headline (the same story, not a byline or a button). A
    page laying its story out so prints the <title> as the last step over the headline block the candidate heads
    (the block ``headline_title_printed`` keeps a pick in). A pick of the printing itself stands: a page's own
    headline line is followed by a byline and a standfirst as often. None when no printing heads such a block."""
    opening = next((index for index, line in enumerate(lines) if line.key), None)
    if opening is None or chosen != opening or chosen not in scores:
        return None
    headline = normalize_line_key(headline_text(lines, opening))
    if count_words(headline) < _TITLE_MIN_WORDS:
        return None
    for printing, line in enumerate(lines):
        if printing == opening or line.key != headline or not _apart(lines, opening, printing):
            continue
        after = _printed(lines, printing, 2)
        if len(after) < 2 or lines[after[0]].words >= line.words:
            continue
        block = after[1]
        if (
            block in scores
            and not barred(block)
            and lines[block].key != headline
            and lines[block].text.rstrip()[-1:] not in _SENTENCE_CLOSERS
            and len(_content_words(headline) & _content_words(lines[block].key)) >= _SHARED_MIN_WORDS
        ):
            return block
    return None
