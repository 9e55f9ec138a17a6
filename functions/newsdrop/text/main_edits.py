"""HTML path: edits of the chosen main content by page-internal evidence (the page's stated summary, slide counters)."""

from __future__ import annotations

import re

from newsdrop.text.cleaner.lines import _reads_as_prose
from newsdrop.text.extraction import _Dropped, merge_order
from newsdrop.text.rules import count_words

_NON_WORD = re.compile(r"[\W_]+")
# A described line this many words long at least comes back without reading as prose (a standfirst
# without a closing full stop); a shorter one is a label that may happen to be the description.
_DESCRIBED_MIN_WORDS = 6


def _bare(text: str) -> str:
    return _NON_WORD.sub("", text.casefold())


def described_lines(page_lines: list[str], main_lines: list[str], descriptions: frozenset[str]) -> list[str]:
    """The main content's lines with the page lines above its end that are the page's own meta description.

    An extractor starts the main content at the story's body container, or at a dateline or caption
    above the standfirst, and skips the standfirst's own block. The page states its standfirst as its
    description: a page line above the main content's last line that is that description (printed once,
    not already held, a sentence or at least ``_DESCRIBED_MIN_WORDS`` words) comes back in its place. A
    teaser, a caption or a prompt in the same place is not the page's description.
    """
    if not descriptions or not main_lines:
        return main_lines
    keys = [_bare(line) for line in page_lines]
    held = _bare("".join(main_lines))
    order = merge_order(page_lines, main_lines)
    last = max(position for position, item in enumerate(order) if isinstance(item, int))
    out: list[str] = []
    for position, item in enumerate(order):
        if isinstance(item, int):
            out.append(main_lines[item])
            continue
        if position > last or not isinstance(item, _Dropped):
            continue
        line = item.text.strip()
        key = _bare(line)
        if (
            key in descriptions
            and key not in held
            and keys.count(key) == 1
            and (count_words(line) >= _DESCRIBED_MIN_WORDS or _reads_as_prose(line, count_words(line)))
        ):
            out.append(line)
    return out
