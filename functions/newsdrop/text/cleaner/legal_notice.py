"""Cleaner stage after the line model: the site's legal notices kept in the story (rights, consent, disclaimers)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsdrop.text.rules import holds_any

# The publisher reserving its rights or forbidding reuse, in the corpus's main languages: a notice, whatever
# precedes it on the line (a picture's caption closed by "Copyright 2026 The AP. All rights reserved.").
_RIGHTS = re.compile(
    r"all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados"
    r"|tutti i diritti riservati|wszelkie prawa zastrzeżone|版权所有|不得转载|無断転載|未经授权"
    r"|may not be (?:re)?(?:published|reproduced|redistributed|rewritten|copied)",
    re.IGNORECASE,
)
# A longer line is a document's own header (an RFC's status and copyright block), not a notice.
MAX_RIGHTS_WORDS = 60

# Cookies named by the site about itself ("these cookies", "our website", "we use"): its consent notice. A
# story about tracking names cookies without the site speaking of its own.
_COOKIE = re.compile(r"cookie", re.IGNORECASE)
_SITE_SPEAKS = re.compile(
    r"\b(?:these cookies|this cookie|diese[rn]? cookies?|ces cookies|our (?:web)?site|this (?:web)?site"
    r"|unserer? (?:web)?seite|dieser (?:web)?seite|ce site|notre site|we (?:use|store|set)"
    r"|wir (?:verwenden|nutzen|setzen))\b",
    re.IGNORECASE,
)
MIN_CONSENT_WORDS = 6

# The site disowning its author's opinions ("Opinions expressed are solely those of the author", "do not
# necessarily reflect the views of"); a quoted speaker's "views" are the story's.
_DISCLAIMER = re.compile(
    r"(?:opinions?|views) expressed (?:here |in this \w+ |by \w+ )?(?:are|is) (?:solely |entirely |strictly )?"
    r"(?:those|the author|the writer|their own|his own|her own)"
    r"|do(?:es)? not (?:necessarily )?reflect the (?:views|opinions?|position) of",
    re.IGNORECASE,
)
_QUOTES = re.compile('["“”„«»]')
MAX_DISCLAIMER_WORDS = 80

# Every notice holds one of these (lower-case): most lines hold none, and the patterns are read only then.
STEMS = (
    "reserv",
    "réserv",
    "vorbehalten",
    "riservati",
    "zastrzeżone",
    "版权",
    "转载",
    "転載",
    "授权",
    "may not be",
    "cookie",
    "expressed",
    "reflect",
)


def legal_line(text: str) -> bool:
    """Whether a line is the site's rights notice (``_RIGHTS``, at most 60 words), its disclaimer of its authors'
    opinions (``_DISCLAIMER``, unquoted) or its cookie consent notice."""
    if not holds_any(text.lower(), STEMS):
        return False
    words = len(text.split())
    if words <= MAX_RIGHTS_WORDS and _RIGHTS.search(text) is not None:
        return True
    if (
        words <= MAX_DISCLAIMER_WORDS
        and _DISCLAIMER.search(text) is not None
        and _QUOTES.search(text) is None
    ):
        return True
    return (
        words >= MIN_CONSENT_WORDS
        and _COOKIE.search(text) is not None
        and _SITE_SPEAKS.search(text) is not None
    )


def legal_notices(
    texts: Sequence[str], kept: Sequence[bool], maybe: Sequence[bool] | None = None
) -> list[int]:
    """Indices of the kept lines that are the site's legal notices (``legal_line``). ``maybe`` (if given) marks
    the lines that may hold one of ``STEMS`` (a superset): the others are not read."""
    return [
        index
        for index, keep in enumerate(kept)
        if keep and (maybe is None or maybe[index]) and legal_line(texts[index])
    ]
