"""Cleaner stage after the line model: the blog host's credit in the page's footer ("Powered by X", "Blog at X")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsdrop.text.cleaner.kept_lines import kept_where
from newsdrop.text.rule_registry import holds_any

# The host's credit a blog's theme prints under every page, in the corpus's main languages: its offer of a free
# site ("Create a free website or blog at X.", "Erstelle eine kostenlose Website oder Blog – auf X.",
# "Erstelle kostenlos eine Website oder ein Blog auf X."), "Blog at X.", "Bloggen auf X.", "(Proudly) powered by
# X", "Propulsé par X", "Betrieben mit X".
_CREDIT = re.compile(
    r"(?:create|start|erstelle|crea|créez)\b.{0,30}\b(?:free|kostenlose?|gratis|gratuit)\b.{0,30}\b"
    r"(?:website|site|blog|webseite|sitio)\b"
    r"|^(?:blog at|bloggen auf|(?:proudly )?powered by|propulsé par|betrieben mit|bereitgestellt von)\s+\S",
    re.IGNORECASE,
)

# Every credit holds one of these (lower-case): most lines hold none, and the pattern is read only then.
STEMS = (
    "free",
    "kostenlos",
    "gratis",
    "gratuit",
    "blog at",
    "bloggen auf",
    "powered by",
    "propulsé",
    "betrieben mit",
)

# A credit is a line of a few words, not a paragraph about building a site.
MAX_WORDS = 15


def host_credit(text: str) -> bool:
    """Whether a line is the blog host's footer credit (``_CREDIT``, at most ``MAX_WORDS`` words)."""
    if not holds_any(text.lower(), STEMS) or len(text.split()) > MAX_WORDS:
        return False
    return _CREDIT.search(text) is not None


def host_credits(
    texts: Sequence[str], kept: Sequence[bool], maybe: Sequence[bool] | None = None
) -> list[int]:
    """Indices of the kept lines that are the blog host's credit (``host_credit``), among ``maybe``'s if given."""
    return kept_where(host_credit, texts, kept, maybe)
