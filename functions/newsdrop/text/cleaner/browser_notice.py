"""Cleaner stage after the line model: the site's notice that the reader's browser is out of date or unsupported."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsdrop.text.rule_registry import holds_any

# The site telling the reader that their browser cannot show it properly: "You are using a browser version
# with limited support for CSS", "Your browser is out of date", "we recommend you use a more up to date
# browser", "Bitte aktualisieren Sie Ihren Browser". A story about browsers reports on them in the third
# person; the notice speaks to the reader of their own.
_BROWSER_NOTICE = re.compile(
    r"\byou(?:'re| are) using an? (?:\w+ )?browser\b"
    r"|\byour (?:web )?browser (?:is|version is) (?:out ?of ?date|outdated|not supported|no longer supported|unsupported)"
    r"|\b(?:update|upgrade) your (?:web )?browser\b"
    r"|\buse a (?:more )?(?:up to date|up-to-date|modern|newer|current|supported) (?:web )?browser\b"
    r"|\b(?:aktualisieren|wechseln) sie (?:bitte )?ihren browser\b|\bihr browser (?:ist|wird) (?:veraltet|nicht)",
    re.IGNORECASE,
)
# A notice is a sentence or three; a paragraph that quotes one runs on.
MAX_NOTICE_WORDS = 60
# A sentence the page wraps over several lines continues on the next line when its line ends without a
# sentence's end and is a wrapped line's length (a short notice without a full stop is a heading-like line of
# its own, and the story's lead under it is no part of it).
_SENTENCE_END = re.compile(r"[.!?…:)\"”]\s*$")
MIN_WRAPPED_WORDS = 12
# The wrapped notice goes on for at most this many lines.
MAX_WRAPPED_LINES = 4


def browser_notices(texts: Sequence[str], kept: Sequence[bool]) -> list[int]:
    """Indices of the kept lines that are the site's browser notice (``_BROWSER_NOTICE``, at most 60 words) and
    of the kept lines its sentence runs on to, where the page wrapped it (a line of 12+ words not ending a
    sentence)."""
    found: list[int] = []
    for index, keep in enumerate(kept):
        text = texts[index]
        if not keep or index in found or not holds_any(text.lower(), ("browser",)):
            continue
        if len(text.split()) > MAX_NOTICE_WORDS or _BROWSER_NOTICE.search(text) is None:
            continue
        found.append(index)
        below = index
        while (
            _SENTENCE_END.search(texts[below]) is None
            and len(texts[below].split()) >= MIN_WRAPPED_WORDS
            and below + 1 < len(texts)
            and kept[below + 1]
            and below + 1 - index <= MAX_WRAPPED_LINES
        ):
            below += 1
            found.append(below)
    return found
