"""Cleaner stage after the line model: a newsletter box's text kept right above its e-mail field."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress

# A sign-up form's e-mail field label, alone on its line: "E-Mail-Adresse", "Your email address", "Email*",
# "Correo electrónico", "Adresse e-mail".
_EMAIL_FIELD = re.compile(
    r"[\W_]*(?:(?:your|ihre?|deine?|tu|votre|twój)\s+)?(?:e-?mail(?:[- ]?ad+res+e?)?|correo(?: electrónico)?"
    r"|adresse e-mail|adres e-mail)\s*[:*]?\s*",
    re.IGNORECASE,
)


# The box's pitch is a sentence or two; a longer line above an "Email" share button is the story's.
_PITCH_MAX_WORDS = 40


# The box's heading kept right above its pitch ("The Nation Weekly", "Essential news, delivered daily").
_HEADING_MAX_WORDS = 8


_TERMINALS = ".!?"


def email_field(text: str) -> bool:
    """Whether a line is a sign-up form's e-mail field label."""
    return _EMAIL_FIELD.fullmatch(text.strip()) is not None


def signup_boxes(texts: Sequence[str], kept: Sequence[bool]) -> list[int]:
    """Indices of the kept lines of newsletter boxes: the kept line of at most ``_PITCH_MAX_WORDS`` words
    right above a dropped e-mail field label (the box's pitch: "Wir informieren Sie regelmäßig zum Thema ...",
    "Thanks for signing up!"), and the heading-like kept lines right above it (the box's name)."""
    found: list[int] = []
    # Only the line under each kept one is read (``compress`` picks the kept lines in C; a loop visited every
    # line of the page).
    for pitch in compress(range(len(texts) - 1), kept):
        index = pitch + 1
        if kept[index] or not email_field(texts[index]):
            continue
        if len(texts[pitch].split()) > _PITCH_MAX_WORDS:
            continue
        found.append(pitch)
        above = pitch - 1
        while above >= 0 and kept[above] and _heading(texts[above]):
            found.append(above)
            above -= 1
    return sorted(found)


def _heading(text: str) -> bool:
    stripped = text.strip()
    return 0 < len(stripped.split()) <= _HEADING_MAX_WORDS and stripped[-1] not in _TERMINALS
