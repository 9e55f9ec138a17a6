"""Cleaner stage after the line model: the site's disclosure that it earns a commission on what its links sell."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress

from newsdrop.text.re2_pretest import pretested
from newsdrop.text.rule_registry import holds_any

# The site earns (receives, "erhalten wir") a commission, a "Provision" or an affiliate fee on a sale, or names
# its links as affiliate or partner links, in the corpus's main languages. A "commission" that is a body
# ("a state commission found ...") or budget "provisions" is earned by no one.
_DISCLOSURE = re.compile(
    r"\b(?:earn|receive|get|erhalten|erhält|bekommen|verdienen|guadagn|ricev|percib|recib|touch|perçoi)\w*\b"
    r".{0,60}?(?:commission|provision|commissione|comisi[oó]n|affiliate|vergütung)"
    r"|affiliate[- ]links?\b|partner-?links?\b|liens? affiliés?|enlaces? de afiliados?|link affiliat",
    re.IGNORECASE,
)
# ``_DISCLOSURE.search`` behind an RE2 superset of it (``re`` tried its case-blind alternation at every position of
# a long paragraph): the earning word's tail and the gap after it as any run of characters but a line break, as
# ``\w*\b.{0,60}?`` is; the other forms without their word bounds.
_DISCLOSURE_SUPERSET = (
    r"(?i)(?:earn|receive|get|erhalten|erhält|bekommen|verdienen|guadagn|ricev|percib|recib|touch|perçoi)"
    r".*(?:commission|provision|commissione|comisi[oó]n|affiliate|vergütung)"
    r"|affiliate[- ]link|partner-?link|liens? affiliés?|enlaces? de afiliados?|link affiliat"
)
_DISCLOSURE_SEARCH = pretested(_DISCLOSURE, _DISCLOSURE_SUPERSET)

# Every disclosure holds one of these (lower-case): most lines hold none, and the pattern is read only then.
STEMS = ("commission", "provision", "comisi", "affili", "partner", "vergütung", "enlace")

MIN_WORDS = 6
MAX_WORDS = 80


def affiliate_disclosure(text: str) -> bool:
    """Whether a line of 6-80 words discloses the site's commission on sales through its links."""
    if not holds_any(text.lower(), STEMS):
        return False
    return MIN_WORDS <= len(text.split()) <= MAX_WORDS and _DISCLOSURE_SEARCH(text) is not None


def affiliate_notices(
    texts: Sequence[str], kept: Sequence[bool], maybe: Sequence[bool] | None = None
) -> list[int]:
    """Indices of the kept affiliate disclosures (``affiliate_disclosure``) below the first kept line: a deals
    post may open with its own disclosure ("our team shares Amazon deals ... may receive a small percentage"),
    the story's first paragraph; anywhere else it is the site's notice. ``maybe`` (if given) marks the lines that
    may hold one of ``STEMS`` (a superset): the others are not read."""
    order = list(compress(range(len(kept)), kept))
    return [
        index for index in order[1:] if (maybe is None or maybe[index]) and affiliate_disclosure(texts[index])
    ]
