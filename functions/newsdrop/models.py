"""Dataclasses passed between the pure domain modules (splitting, cleaning, identity)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class Hints:
    """Metadata a structured bundle (JSON, CSV) states next to an article's text."""

    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    external_id: str | None = None
    byline: str | None = None
    # HTML pages only: the lines the markup prints preformatted (``<pre>``, a multi-line ``<code>``), each
    # whitespace-collapsed. They are code or verbatim text, which the web-chrome line rules misread ("}",
    # "4.333"); in an extractor's main content the cleaner keeps them (rule ``preformatted``).
    preformatted: frozenset[str] | None = None


@dataclass(frozen=True, slots=True)
class Member:
    """One article-to-be found in a bundle: raw bytes (files) or text (JSON/CSV fields)."""

    name: str
    content: bytes | str
    hints: Hints = field(default_factory=Hints)


@dataclass(frozen=True, slots=True)
class MemberProblem:
    """A member that yields no article; ``skipped`` marks junk (directories, ``.DS_Store``) rather than errors."""

    name: str
    code: str
    reason: str
    skipped: bool = False


@dataclass(frozen=True, slots=True)
class LineDecision:
    """The cleaner's verdict on one non-empty input line (1-based ``n``).

    ``role`` is one of: title, title_repeat, body, subheading, boilerplate, date, news_id,
    kicker, caption, byline, source. ``rule`` names the rule that decided it.
    """

    n: int
    text: str
    role: str
    rule: str


class Role(StrEnum):
    """What a line of an article is; shared by the cleaner, the API's ``lines`` and the CLI."""

    TITLE = "title"
    TITLE_REPEAT = "title_repeat"
    BODY = "body"
    SUBHEADING = "subheading"
    BOILERPLATE = "boilerplate"
    DATE = "date"
    NEWS_ID = "news_id"
    KICKER = "kicker"
    CAPTION = "caption"
    BYLINE = "byline"
    SOURCE = "source"


# The roles whose lines make up the body; every other role is removed from it (or is metadata).
KEPT_ROLES: frozenset[str] = frozenset({Role.BODY, Role.SUBHEADING})


@dataclass(frozen=True, slots=True)
class CleanArticle:
    """An article after cleaning: the body, its metadata and every line decision."""

    title: str | None
    body: str
    published: str | None = None
    published_text: str | None = None
    source: str | None = None
    source_evidence: str | None = None
    news_id: str | None = None
    kicker: str | None = None
    byline: str | None = None
    caption: str | None = None
    subheadings: tuple[str, ...] = ()
    language: str | None = None
    word_count: int = 0
    url: str | None = None
    lines: tuple[LineDecision, ...] = ()

    @property
    def removed(self) -> tuple[LineDecision, ...]:
        """Lines that are not part of the body, each with its role and rule (the audit trail)."""
        return tuple(line for line in self.lines if line.role not in KEPT_ROLES)
