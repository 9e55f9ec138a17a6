"""The standfirst under the headline: a sentence that opens the story, kept although it sits in the header."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

# A standfirst is a sentence or two; a shorter line under the headline is a byline, a date or a widget.
MIN_WORDS = 8


# At this share of the headline's words the line prints the headline again (with its kicker or section:
# "Premier League Rückschlag im Titelkampf ..."): a repeat, not a standfirst.
MAX_HEADLINE_SHARE = 0.5


# A clock time ("kl 10.23", "17:46"): a timestamp line (published, updated), not a sentence of the story.
CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")


_WORD = re.compile(r"\w+")


class StandfirstLine(Protocol):
    """What the standfirst test reads of one cleaner line."""

    text: str
    key: str
    words: int
    rule: str | None


def headline_share(headline: str, text: str) -> float:
    """The share of the headline's distinct words (case-folded) that ``text`` prints too."""
    words = set(_WORD.findall(headline.casefold()))
    if not words:
        return 0.0
    return len(words & set(_WORD.findall(text.casefold()))) / len(words)


def standfirst_index(lines: Sequence[StandfirstLine], title_index: int | None, start: int) -> int | None:
    """The index of the standfirst the header rules dropped, or None.

    It is the line right under the headline, above the article region (rule ``header_chrome``), at least
    ``MIN_WORDS`` words, printed once on the page, without a clock time, not ending in ":" (a kicker or a
    list's lead-in) and not the headline printed again. Measured on cleaning-train (docs/eval.md "Snippet
    accuracy"): the fun- golds keep 34 of the 55 such lines and the traf- snippets 9 of 10; the dropped
    ones are mostly headline repeats, timestamps and teasers printed twice, which the tests exclude.
    """
    if title_index is None or title_index + 1 >= start:
        return None
    index = title_index + 1
    line = lines[index]
    if line.rule != "header_chrome" or line.words < MIN_WORDS or line.text.rstrip().endswith(":"):
        return None
    if CLOCK.search(line.text) is not None:
        return None
    if headline_share(lines[title_index].text, line.text) >= MAX_HEADLINE_SHARE:
        return None
    if sum(1 for other in lines if other.key == line.key) > 1:
        return None
    return index
