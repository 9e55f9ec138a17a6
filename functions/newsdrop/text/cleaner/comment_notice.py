"""Cleaner stage after the line model: the site's notice on its reader comments (rules, liability, closed threads)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress

from newsdrop.text.re2_pretest import pretested
from newsdrop.text.rule_registry import holds_any

# The reader comments named, compounds included ("Leserkommentare", "Kommentarfunktion"), in the corpus's
# main languages, and WordPress's "follow any responses to this entry" footer.
_COMMENTS = re.compile(
    r"comments?\b|commenting|commentaires?|coment[aá]rios?|commenti\b|kommentar\w*|responses to this entry",
    re.IGNORECASE,
)
# What the site says of them: whose opinion they are and who answers for them, how they are moderated, that
# they are closed or switched off, the feed that follows them, that the reader must log in to write one
# ("You must be logged in to post a comment.", "Du musst dich einloggen, um einen Kommentar abzugeben.") or name
# themselves first ("You must confirm your public display name before commenting").
_NOTICE = re.compile(
    r"opinions?\b|views expressed|not necessarily|reflect|responsib|responsabili|meinung|verantwortung"
    r"|moderat|modér|moderiert|guidelines|richtlinien|netiquette|themenbezogen|sachlich|insult|beleidig|libel"
    r"|reserve the right|vorbehalten|freigeschaltet|approv|review|prüf|closed|geschlossen|deaktiviert"
    r"|rss 2\.0|pings|polic|pol[ií]tica|respet|respectful|respectueu"
    r"|\blog(?:ged)? in\b|\bsign(?:ed)? in\b|einloggen|eingeloggt|angemeldet|anmelden|connecté|connectez"
    r"|display name",
    re.IGNORECASE,
)
# ``_NOTICE.search`` behind its RE2 superset (``re`` tried its case-blind alternation at every position of a long
# paragraph: about 50 us a line).
_NOTICE_SEARCH = pretested(_NOTICE)

# Every notice holds one of these (lower-case): most lines hold none, and the patterns are read only then.
STEMS = ("comment", "coment", "kommentar", "responses to this entry")

MIN_WORDS = 6
MAX_WORDS = 120

# The notice closes the kept text: at most this many kept paragraphs (20+ words, no such notice) stand below it.
MAX_PARAGRAPHS_BELOW = 1
PARAGRAPH_WORDS = 20


def comments_notice(text: str) -> bool:
    """Whether a line is a notice on the site's reader comments: it names them and says how they are run."""
    if not holds_any(text.lower(), STEMS):
        return False
    words = len(text.split())
    if not MIN_WORDS <= words <= MAX_WORDS:
        return False
    return _COMMENTS.search(text) is not None and _NOTICE_SEARCH(text) is not None


def comment_notices(
    texts: Sequence[str], kept: Sequence[bool], maybe: Sequence[bool] | None = None
) -> list[int]:
    """Indices of the kept comment notices (``comments_notice``) with at most ``MAX_PARAGRAPHS_BELOW`` kept
    paragraphs of ``PARAGRAPH_WORDS`` words or more below them: the comment area under the story, not a story
    about comments (its paragraphs go on below). ``maybe`` (if given) marks the lines that may hold one of
    ``STEMS`` (a superset): the others are not read as notices."""
    order = list(compress(range(len(kept)), kept))
    notice = {index for index in order if (maybe is None or maybe[index]) and comments_notice(texts[index])}
    if not notice:
        return []
    found: list[int] = []
    paragraphs_below = 0
    for index in reversed(order):
        if index in notice:
            if paragraphs_below <= MAX_PARAGRAPHS_BELOW:
                found.append(index)
        elif len(texts[index].split()) >= PARAGRAPH_WORDS:
            paragraphs_below += 1
    return sorted(found)
