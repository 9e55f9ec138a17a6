"""HTML main content: the story's publication stamp ("posted on April 21, 2015, at 11:29 a.m.") kept as text."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsdrop.text.dates import find_date

# A stamp opens with its label, in the corpus's main languages: published, updated, posted, first or last
# modified ("Veröffentlicht am", "Mis à jour le", "Publicado el", "Pubblicato il", "Publisert", "Uppdaterad").
_STAMP_LABEL = re.compile(
    r"^\W*(?:(?:first |originally )?(?:published|posted)|(?:last )?(?:updated|modified)"
    r"|veröffentlicht|aktualisiert|zuletzt aktualisiert|publié|mis à jour|publicado|actualizado"
    r"|pubblicato|aggiornato|publisert|oppdatert|publicerad|uppdaterad|opublikowano|zaktualizowano)"
    r"(?!\w)",
    re.IGNORECASE,
)
# A stamp is its label, a date and a time, or two of them ("Published 3 May 2024, updated 4 May 2024 at 10:02");
# a longer line is a sentence that tells when something was published.
STAMP_MAX_WORDS = 14
# A sentence's end: a full stop, "!" or "?" after a word of 2+ letters with no dot inside it ("... by Bradley M.
# Kuhn."), where an abbreviation ("a.m.", "p.m.") or an initial ("M.") closes a stamp. A post's closing line
# "Posted on <date> by <author>." is a sentence of the post that names its writer.
_SENTENCE_END = re.compile(r"(?<![.\w])[^\W\d_]{2,}[.!?][\"'”’)]*\s*$")


def stamp_line(text: str) -> bool:
    """Whether a line is a publication stamp: a label (``_STAMP_LABEL``) and a date, at most ``STAMP_MAX_WORDS``
    words, without a sentence's end (an abbreviation's "a.m." aside)."""
    if len(text.split()) > STAMP_MAX_WORDS or _STAMP_LABEL.match(text) is None:
        return False
    return _SENTENCE_END.search(text) is None and find_date(text) is not None


def stamp_lines(texts: Sequence[str], kept: Sequence[bool]) -> list[int]:
    """The indexes of the kept lines that are the story's publication stamp (``stamp_line``): metadata the
    extractor kept where the page prints it, between the standfirst and the story's first paragraph."""
    return [
        index for index, (text, keep) in enumerate(zip(texts, kept, strict=True)) if keep and stamp_line(text)
    ]
