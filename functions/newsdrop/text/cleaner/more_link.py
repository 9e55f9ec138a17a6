"""Cleaner stage after the line model: another page's teaser blurb closing on its bare "more" link."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress

# A sentence's end (or a quotation's close), then the link's one word alone closing the line, in the corpus's
# main languages ("... erläutert Hintergründe. mehr", "... the vote. More ›"). A story's sentence never ends on
# the bare word after its stop; a feed's cut blurb closes on an ellipsis and "Mehr lesen", a teaser box's
# whole blurb on the bare word.
_MORE_LINK = re.compile(r"[.!?…»«“”\"')]\s*(?:mehr|more|más|meer|mer|więcej)\s*[»›>→]*\s*$", re.IGNORECASE)


# Read only a line's tail: the link's word with its stop and arrows.
_TAIL_CHARS = 16


# A blurb has this many words at least: a shorter line is a button or a label ("Read more", "Mehr").
MIN_WORDS = 5


# Python's whitespace (``re``'s ``\s``, ``str.isspace``; a unit test reads every code point).
SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000"
)

# What a line ``_MORE_LINK`` finds the link in can close on: the link word's last letter ("mehr", "more", "más",
# "więcej", in either case; IGNORECASE also pairs the long s with "s": a unit test reads every code point), an
# arrow or a space after it.
_LAST_CHARS = frozenset("rReEsSſjJ»›>→" + SPACES)


def more_link(text: str) -> bool:
    """Whether a line is a teaser's blurb closing on its bare "more" link (``_MORE_LINK``), ``MIN_WORDS`` words
    or more."""
    # The last character first: most lines close on a stop or another letter, and the search's call costs more.
    return (
        text[-1:] in _LAST_CHARS
        and _MORE_LINK.search(text[-_TAIL_CHARS:]) is not None
        and len(text.split()) >= MIN_WORDS
    )


def more_links(kept: Sequence[bool], texts: Sequence[str]) -> list[int]:
    """Indices of the kept lines that are other pages' teaser blurbs closing on their "more" link
    (``more_link``): a teaser box's blurbs the region ran into, the link's word printed after the last stop."""
    return [index for index in compress(range(len(texts)), kept) if more_link(texts[index])]
