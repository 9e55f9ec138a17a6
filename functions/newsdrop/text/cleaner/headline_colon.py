"""Headline stage, a headline split at its colon: a kicker's line and the headline's line under it that opens with
the colon (": Headline") name one headline."""

from __future__ import annotations

import re

from newsdrop.text.cleaner.headline_facts import _TITLE_MAX_WORDS
from newsdrop.text.cleaner.lines import _Line

# The headline's line opens with a colon and a space, then the headline's words (not "::" or "://").
_COLON_OPENING = re.compile(r"^:\s+[^\s:/]")
# A kicker ends in no sentence's or label's mark ...
_CLOSED = re.compile(r"[.!?:;,…]$")
# ... and a headline under it in no full stop (a sentence: a caption's or the lead's).
_SENTENCE_END = re.compile(r"[.;,…]$")


def _kicker(line: _Line) -> bool:
    return bool(line.key) and line.words <= _TITLE_MAX_WORDS and _CLOSED.search(line.text) is None


def _colon_headline(line: _Line) -> bool:
    return (
        line.words <= _TITLE_MAX_WORDS
        and _COLON_OPENING.match(line.text) is not None
        and _SENTENCE_END.search(line.text) is None
    )


def colon_joined(lines: list[_Line], text: str) -> str:
    """The headline ``text`` named from the title line (the line whose role is ``title``) with the other half of a
    headline split at its colon, else ``text``: a kicker's line over a line opening with the colon (``"Kicker"`` /
    ``": Headline"``) name ``"Kicker: Headline"``, whichever of the two was chosen. A page that sets the kicker and
    the headline in two elements, the colon with the second, prints them as two lines; no headline opens with a
    colon. Each half holds a headline's words at most; the kicker ends no sentence or label, the other half ends in
    no full stop. Read when the title is named (after the rule pass), so the lines' roles and the line model's
    training rows stay as they were."""
    index = next((at for at, line in enumerate(lines) if line.role == "title"), None)
    if index is None:
        return text
    line = lines[index]
    if text == line.text and _colon_headline(line):
        above = next((other for other in reversed(lines[:index]) if other.key), None)
        return above.text + text if above is not None and _kicker(above) else text
    if not text or _CLOSED.search(text) is not None:
        return text
    below = next((other for other in lines[index + 1 :] if other.key), None)
    return text + below.text if below is not None and _colon_headline(below) else text
