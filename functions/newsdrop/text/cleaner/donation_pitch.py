"""Cleaner stage after the line model: the site's plea for donations or support among the story's last lines."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress

from newsdrop.text.cleaner.pitch_tail import addresses_reader
from newsdrop.text.re2_pretest import pretested
from newsdrop.text.rule_registry import holds_any

# A donation named, or the site asking for support of its own work, in the corpus's main languages. A story
# about donations (a party's "Spenden", a politician's "donations") does not speak to its reader with them.
_DONATION = re.compile(
    r"\bdonat\w*|\bspende\w*|\bdonaci\w*|\bfaire un don\b|\bdonazion\w*|\bdoação|\bpatreon\b"
    r"|support (?:us|our (?:independent )?(?:work|journalism|reporting|newsroom|mission))\b"
    r"|unterstützen sie (?:uns|unsere)|unseren journalismus|unsere arbeit",
    re.IGNORECASE,
)
# ``_DONATION.search`` behind its RE2 superset (``re`` tried its case-blind alternation at every position of a long
# paragraph).
_DONATION_SEARCH = pretested(_DONATION)

# Every plea holds one of these (lower-case): most lines hold none, and the pattern is read only then.
STEMS = (
    "donat",
    "spende",
    "donaci",
    "un don",
    "donazion",
    "doação",
    "patreon",
    "support",
    "unterstützen sie",
    "journalismus",
    "arbeit",
)

MIN_WORDS = 5
MAX_WORDS = 120

# The plea stands among the kept text's last lines: at most this many kept lines below it.
MAX_LINES_BELOW = 2


def donation_plea(text: str) -> bool:
    """Whether a line asks its reader for a donation or support: a donation word (``_DONATION``) in a line that
    speaks to the reader (``addresses_reader``: a second-person word, no quotation)."""
    if not holds_any(text.lower(), STEMS) or not MIN_WORDS <= len(text.split()) <= MAX_WORDS:
        return False
    return _DONATION_SEARCH(text) is not None and addresses_reader(text)


def donation_pitches(
    texts: Sequence[str], kept: Sequence[bool], maybe: Sequence[bool] | None = None
) -> list[int]:
    """Indices of the kept donation pleas (``donation_plea``) with at most ``MAX_LINES_BELOW`` kept lines
    below them: the site's pitch closing the story. ``maybe`` (if given) marks the lines that may hold one of
    ``STEMS`` (a superset): the others are not read."""
    order = list(compress(range(len(kept)), kept))
    tail = order[max(0, len(order) - MAX_LINES_BELOW - 1) :]
    return [index for index in tail if (maybe is None or maybe[index]) and donation_plea(texts[index])]
