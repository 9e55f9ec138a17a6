"""Cleaner stage after the line model: the writer's bio closing the story ("Jane Doe is a freelance writer ...")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress

# The bio names the writer (one to three capitalised words, initials among them: "Leah C. Stokes"), says what
# they are (the verb, then an article or "freelance") and names a writer's trade: "Laura Jedeed is a freelance
# journalist based in ...", "Candice Sealey is the Founder & Principal Consultant at ...", "Anna Muster ist
# freie Journalistin in Berlin". The trade decides: a story's closing paragraph about its subject ("John Smith
# is the director of the lab") names other trades.
_BIO = re.compile(
    r"(?:[A-ZÀ-Þ][\w'’.-]*\s){1,3}(?:is|was|ist|war|es|est|jest)\s+"
    r"(?:a|an|the|ein|eine|der|die|un|una|une|el|la|le|freie[rs]?|freelance|senior|staff)\s.{0,80}?\b"
    r"(?i:writer|journalist|editor|author|reporter|correspondent|contributor|columnist|blogger|founder"
    r"|co-founder|consultant|redakteur|autor|korrespondent|gründer|kolumnist|periodista|escritor|journaliste"
    r"|rédact|dziennikar)",
)


# The bio is one of the story's last kept lines ...
_LAST_LINES = 2


# ... under this many kept lines of story at least.
_MIN_STORY_LINES = 3


_MAX_CHARS = 600


def author_bio(texts: Sequence[str], kept: Sequence[bool]) -> list[int]:
    """The index of the writer's bio among the story's last ``_LAST_LINES`` kept lines, with
    ``_MIN_STORY_LINES`` kept lines above it, as a one-item list, else []."""
    order = list(compress(range(len(kept)), kept))
    for position in range(max(_MIN_STORY_LINES, len(order) - _LAST_LINES), len(order)):
        text = texts[order[position]].strip()
        if len(text) <= _MAX_CHARS and _BIO.match(text) is not None:
            return [order[position]]
    return []
