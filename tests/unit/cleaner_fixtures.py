"""Shared fixtures of the cleaner's unit tests: a stand-in for the cleaner's line, real lines from texts and a small
harbour story."""

from __future__ import annotations

from dataclasses import dataclass

from newsdrop.text.cleaner.lines import _Line
from newsdrop.text.line_keys import count_words, normalize_line_key

LEAD = (
    "The harbour authority said on Tuesday that the new breakwater would be finished two years ahead of "
    "plan, after a mild winter let crews pour concrete without a break."
)
SECOND = (
    "Fishermen welcomed the news and said the old wall had been too low to stop waves in the worst storms "
    "of the year."
)
HEADLINE = "Harbour wall finished early"
STANDFIRST = "Crews poured concrete all winter, and the town now hopes for a quieter storm season."


@dataclass
class Line:
    """The fields line_features reads of a cleaner line."""

    n: int
    text: str
    prose: bool
    key: str = ""
    words: int = 0
    role: str | None = "body"
    rule: str | None = "article_region"
    notice: float | None = None
    truncated: float | None = None
    pronouns: float | None = None

    def __post_init__(self) -> None:
        self.key = self.key or self.text.lower()
        self.words = self.words or len(self.text.split())


def printed_lines(texts: list[str]) -> list[_Line]:
    """The cleaner's own lines for ``texts``, one a text, numbered from 0, with the keys and word counts it reads."""
    return [_Line(n, text, normalize_line_key(text), count_words(text)) for n, text in enumerate(texts)]


def keyed_lines(rows: list[tuple[str, bool]]) -> list[_Line]:
    """Cleaner lines numbered from 1 whose text is their key, each ``(key, prose)`` row marked prose or not."""
    lines = []
    for n, (key, prose) in enumerate(rows, start=1):
        line = _Line(n, key, key, len(key.split()))
        line.prose = prose
        lines.append(line)
    return lines


# Seven paragraphs of one story, each a long sentence of prose.
STORY = [
    "The harbour authority said on Tuesday that the new breakwater would be finished two years ahead of plan.",
    "Engineers had feared that winter storms would delay the work, but a mild season let crews pour concrete.",
    "The project, which cost about 40 million euros, is meant to shelter the fishing fleet from eastern gales.",
    "Fishermen welcomed the news and said the old wall had been too low to stop waves in the worst storms.",
    "The authority will now turn to dredging the inner basin, a job it expects to take another eighteen months.",
    "Local officials said the town would hold a small ceremony when the last block is set in place next spring.",
    "Tourism operators hope the calmer water will bring more sailing boats to the marina in the coming summers.",
]
