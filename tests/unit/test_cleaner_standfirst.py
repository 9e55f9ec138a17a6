"""The standfirst under the headline: kept in the text views unless it is a repeat, a timestamp or a kicker."""

from __future__ import annotations

import pytest

from newsdrop.models import KEPT_ROLES
from newsdrop.text.cleaner import clean_article
from newsdrop.text.cleaner.standfirst import headline_share, standfirst_index
from tests.unit.cleaner_fixtures import HEADLINE, LEAD, SECOND, STANDFIRST, Line


def _header(below: str, *, title: str = HEADLINE, repeat: bool = False) -> list[Line]:
    """A headline, the line under it (header_chrome), a byline, and the story's two paragraphs."""
    lines = [
        Line(1, title, prose=False, role="title", rule="headline"),
        Line(2, below, prose=True, role="boilerplate", rule="header_chrome"),
        Line(3, "By Jane Doe", prose=False, role="byline", rule="byline"),
        Line(4, LEAD, prose=True),
        Line(5, SECOND, prose=True),
    ]
    if repeat:
        lines.append(Line(6, below, prose=True, role="boilerplate", rule="trailing_chrome"))
    return lines


@pytest.mark.parametrize(
    ("below", "repeat", "expected"),
    [
        (STANDFIRST, False, 1),
        # German and Spanish standfirsts: the test reads no language's words.
        ("Weltweit finanzieren Banken und Investoren Unternehmungen, die dem Klima schaden.", False, 1),
        ("El conjunto blanquiverde se puso por delante en el marcador en dos ocasiones.", False, 1),
        # Too short for a sentence that opens the story: a widget or a section name.
        ("Listen to this article now", False, None),
        # Printed twice on the page: a teaser, not the story's opening.
        (STANDFIRST, True, None),
        # A timestamp line (published, updated).
        ("Publicerad 23 okt 2025 kl 10.23 Uppdaterad kl 12.17 av redaktionen", False, None),
        # A lead-in to a list or a kicker ends in a colon.
        ("Here is what the harbour authority announced on Tuesday morning:", False, None),
        # The headline printed again with its section in front.
        ("Coastal towns Harbour wall finished early after mild winter", False, None),
    ],
)
def test_standfirst_index(below: str, repeat: bool, expected: int | None) -> None:
    assert standfirst_index(_header(below, repeat=repeat), 0, 3) == expected


def test_standfirst_index_needs_a_headline_above_the_region() -> None:
    lines = _header(STANDFIRST)
    assert standfirst_index(lines, None, 3) is None
    # The line under the headline is the region's first line already: nothing to take back from the header.
    assert standfirst_index(lines, 0, 1) is None


def test_standfirst_index_leaves_lines_other_rules_decided() -> None:
    lines = _header(STANDFIRST)
    lines[1].rule = "share_prompt"
    assert standfirst_index(lines, 0, 3) is None


@pytest.mark.parametrize(
    ("headline", "text", "share"),
    [
        ("Harbour wall finished early", "Harbour wall finished early", 1.0),
        ("Harbour wall finished early", "The WALL was finished", 0.5),
        ("Harbour wall finished early", STANDFIRST, 0.0),
        ("", STANDFIRST, 0.0),
    ],
)
def test_headline_share(headline: str, text: str, share: float) -> None:
    assert headline_share(headline, text) == pytest.approx(share)


def test_clean_article_keeps_the_standfirst_above_the_byline() -> None:
    text = "\n\n".join(
        ["Home | World | Sport", HEADLINE, STANDFIRST, "By Jane Doe", LEAD, SECOND, LEAD.upper()]
    )
    article = clean_article(text)
    decided = {line.text: (line.role, line.rule) for line in article.lines}
    assert article.title == HEADLINE
    assert decided[STANDFIRST] == ("body", "standfirst")
    assert decided[STANDFIRST][0] in KEPT_ROLES
    assert article.body.startswith(STANDFIRST)
