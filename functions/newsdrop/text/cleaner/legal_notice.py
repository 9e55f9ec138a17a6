"""Cleaner stage after the line model: the site's legal notices kept in the story (rights, consent, disclaimers)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsdrop.text.cleaner.kept_lines import kept_where
from newsdrop.text.re2_pretest import pretested
from newsdrop.text.rule_registry import holds_any

# The publisher reserving its rights or forbidding reuse, in the corpus's main languages: a notice, whatever
# precedes it on the line (a picture's caption closed by "Copyright 2026 The AP. All rights reserved.").
_RIGHTS = re.compile(
    r"all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados"
    r"|tutti i diritti riservati|wszelkie prawa zastrzeżone|版权所有|不得转载|無断転載|未经授权"
    r"|may not be (?:re)?(?:published|reproduced|redistributed|rewritten|copied)",
    re.IGNORECASE,
)
# ``_RIGHTS.search`` behind its RE2 superset (``re`` tried its case-blind alternation at every position of a line).
_RIGHTS_SEARCH = pretested(_RIGHTS)
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

# The site's footer naming whose marks and words it prints: a line that is only "<name> is a registered
# trademark of <owner>" or "Comments ... are copyrighted by their creators". A story about a trademark puts
# the phrase inside a longer sentence, so the notice is the whole line and a short one.
_MARKS = re.compile(
    r"^[^.!?\n]{1,60}\b(?:is a|are) (?:registered )?trademarks? of [^.!?\n]{1,60}\.?$"
    r"|^[^.!?\n]{1,60}\b(?:are|is) (?:the )?(?:copyrighted by|copyright of|property of) (?:their|its) "
    r"(?:creators?|authors?|owners?|posters?)\.?$",
    re.IGNORECASE,
)
MAX_MARKS_WORDS = 16

# Every trademark or copyright footer holds one of these (lower-case).
_MARK_STEMS = ("trademark", "copyright", "property of")

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
    *_MARK_STEMS,
)


def mark_line(text: str, words: int) -> bool:
    """Whether a line of ``words`` words is the site's trademark or copyright footer (``_MARKS``, at most 16
    words, unquoted)."""
    return words <= MAX_MARKS_WORDS and _MARKS.search(text) is not None and _QUOTES.search(text) is None


def legal_line(text: str) -> bool:
    """Whether a line is the site's rights notice (``_RIGHTS``, at most 60 words), its disclaimer of its authors'
    opinions (``_DISCLAIMER``, unquoted), its trademark or copyright footer (``_MARKS``, at most 16 words,
    unquoted) or its cookie consent notice."""
    if not holds_any(text.lower(), STEMS):
        return False
    words = len(text.split())
    if words <= MAX_RIGHTS_WORDS and _RIGHTS_SEARCH(text) is not None:
        return True
    if (
        words <= MAX_DISCLAIMER_WORDS
        and _DISCLAIMER.search(text) is not None
        and _QUOTES.search(text) is None
    ):
        return True
    if mark_line(text, words):
        return True
    return (
        words >= MIN_CONSENT_WORDS
        and _COOKIE.search(text) is not None
        and _SITE_SPEAKS.search(text) is not None
    )


def legal_notices(
    texts: Sequence[str], kept: Sequence[bool], maybe: Sequence[bool] | None = None
) -> list[int]:
    """Indices of the kept lines that are the site's legal notices (``legal_line``), among ``maybe``'s if given."""
    return kept_where(legal_line, texts, kept, maybe)


def mark_notices(texts: Sequence[str], kept: Sequence[bool]) -> list[int]:
    """Indices of the kept lines that are the site's trademark or copyright footer (``mark_line``). An HTML
    main content reads only this kind: a rights notice there is often the story's own (a document's copyright
    block, a picture's credit the story keeps)."""
    return [
        index
        for index, keep in enumerate(kept)
        if keep
        and holds_any(texts[index].lower(), _MARK_STEMS)
        and mark_line(texts[index], len(texts[index].split()))
    ]
