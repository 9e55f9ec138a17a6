"""Two paragraphs of article prose, and an article made of lines: what the cleaner's rule tests put chrome around."""

from __future__ import annotations

PARAGRAPH = (
    "The minister said on Tuesday that the new agreement would take effect next month, "
    "after weeks of talks between the two governments over trade and security."
)
SECOND = (
    "Officials from both countries described the negotiations as difficult but constructive, "
    "and said further meetings were planned before the end of the year."
)


def article_text(*lines: str) -> str:
    """The lines as an article's text: one paragraph a line."""
    return "\n\n".join(lines) + "\n"
