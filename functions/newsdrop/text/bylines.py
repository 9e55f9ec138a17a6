"""Whether a "By"/"Von" line names people: a byline, not a headline opening with the preposition."""

from __future__ import annotations

import re

# The "By"/"Von" form's prefix, for ``names_people``.
_BY_PREFIX = re.compile(r"^(?i:by|written by|posted by|reported by|words by|von|par|por|di)\s+")
# Where a byline's names end: a separator, a bracket, a digit (its date), an e-mail address, or a connector
# to its date, place, outlet or agency ("on May 3", "am 3. Mai", "in Arusha", "for MailOnline", "mit AP").
_NAMES_END = re.compile(
    r"\s[-–—]\s|[:|,/·•(;\d]|\s\S*@|\s(?:on|am|um|at|in|for|with|mit|via|published|updated|last|le|el|il)\b"
)
# Lower-case words inside a name ("Ursula von der Leyen", "Fanny Guénon des Mesnards") or joining two.
_NAME_PARTICLES = frozenset(
    "von van der den des de la le du da di del della dos das ten ter zu y e et and und & bin al el".split()
)
# A line of this many words or fewer after a "By"/"Von" prefix stays a byline whatever its words: a short
# credit may print a name in lower case ("By Cindy mangomini").
_SHORT_BYLINE_WORDS = 4


def names_people(text: str, words: int) -> bool:
    """A "By"/"Von" line's words up to its date, place or separator are names: capitalised words and name
    particles. A headline opening with the preposition ("Von München bis Aachen: ...", "Von der Leyen will
    ...") holds a lower-case word there (a preposition or a verb) after its first word; the first may be a
    lower-case "von unserem Korrespondenten" or "by staff"."""
    prefix = _BY_PREFIX.match(text)
    if prefix is None or words <= _SHORT_BYLINE_WORDS:
        return True
    rest = text[prefix.end() :]
    end = _NAMES_END.search(rest)
    names = (rest[: end.start()] if end is not None else rest).split()
    return all(not word[0].islower() or word in _NAME_PARTICLES for word in names[1:])
