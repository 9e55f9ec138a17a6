"""Cleaner stage after the line model: the paywall's notice that the rest of the story is for subscribers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress

from newsdrop.text.re2_sets import native_match, search_set

# The notice a paywall prints where it cuts the story: the rest is for subscribers or members ("La suite est
# réservée aux abonnés", "This story is available exclusively to ... subscribers", "この記事は会員限定です",
# "Esta funcionalidad es sólo para suscriptores"), or a trial of the subscription ("2 Wochen kostenlos
# testen"). A story about subscriptions names them without saying its own rest is withheld, and a teaser's
# label ("Lire aussi Article réservé à nos abonnés ...") marks another story.
_PAYWALL = re.compile(
    r"\b(?:la suite|le reste) (?:de cet article )?est r[ée]serv[ée]e? (?:aux|à nos) abonn[ée]s"
    r"|(?:exclusively|only) (?:to|for) (?:\w+ ){0,4}(?:subscribers|members)"
    r"|reserved for (?:\w+ ){0,2}(?:subscribers|members)"
    r"|(?:sólo|solo|exclusiv[oa]) para (?:suscriptores|socios|abonados)"
    r"|(?:nur|exklusiv) für (?:abonnenten|abonnentinnen|mitglieder)"
    r"|\d+ (?:tage|wochen|monate) (?:lang )?(?:kostenlos|gratis) (?:testen|lesen)"
    r"|会員限定(?:です|記事)|有料会員",
    re.IGNORECASE,
)

# Under the notice the page prints the paywall's own rows (an offer, a device notice), a few lines; a long
# run of kept lines under it is the story going on past a notice set into it.
MAX_LINES_UNDER = 12

# The notice is a line or two, not a paragraph of the story.
MAX_NOTICE_CHARS = 200

# The story keeps at least this many lines above the cut: a paywalled story shows a paragraph or two above the
# notice; a single line above it is a headline or kicker over a subscriber badge that the whole story follows.
MIN_STORY_LINES = 2


# Each form of ``_PAYWALL`` holds one of these stems, read in the case-folded key (no case-blind scan): a
# line without any is not run through the pattern (an RE2 set of literals: one pass in C).
_PAYWALL_STEMS = search_set(
    [
        re.escape(stem)
        for stem in (
            "abonn",
            "subscri",
            "members",
            "suscri",
            "socios",
            "abonad",
            "mitglied",
            "kostenlos",
            "gratis",
            "会員",
        )
    ]
)
# ``_PAYWALL_STEMS`` over UTF-8 bytes (``native_match``): read on every kept line.
_PAYWALL_STEMS_BYTES = native_match(_PAYWALL_STEMS)


def paywall_notice(text: str, key: str) -> bool:
    """Whether a line (``text``, its case-folded ``key``) is a paywall's notice (``_PAYWALL``), no longer
    than ``MAX_NOTICE_CHARS``."""
    return (
        len(text) <= MAX_NOTICE_CHARS
        and _PAYWALL_STEMS_BYTES(key.encode()) != []
        and _PAYWALL.search(text) is not None
    )


def paywall_cut(kept: Sequence[bool], notice: Sequence[bool]) -> list[int]:
    """The indexes of the kept lines the paywall's notice (``notice``) cuts off: the last kept notice with
    ``MIN_STORY_LINES`` kept lines above it, and the kept lines under it when they are at most
    ``MAX_LINES_UNDER`` (the paywall's rows), else the notice alone (the story goes on under it)."""
    order = list(compress(range(len(kept)), kept))
    for position in range(len(order) - 1, MIN_STORY_LINES - 1, -1):
        index = order[position]
        if not notice[index]:
            continue
        under = order[position + 1 :]
        return [index, *under] if len(under) <= MAX_LINES_UNDER else [index]
    return []
