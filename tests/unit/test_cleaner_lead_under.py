"""The standfirst under the headline's byline, date or credit: kept after the line model unless it is no sentence."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from newsdrop.text.cleaner import clean_article
from newsdrop.text.cleaner.lead_under import (
    _label_words,
    lead_into_region,
    lead_under_headline,
    notice_standfirsts,
    work_credit,
)
from tests.unit.cleaner_fixtures import HEADLINE, LEAD, SECOND, STANDFIRST

# A standfirst that retells the headline in a sentence twice its length.
RETELLING = "The harbour wall is finished early: crews poured concrete all winter, and the town is relieved."


@dataclass
class Line:
    """The fields ``lead_under_headline`` reads of a cleaner line."""

    text: str
    role: str | None = "boilerplate"
    rule: str | None = "header_chrome"
    prose_text: bool = True
    key: str = ""
    words: int = 0

    def __post_init__(self) -> None:
        self.key = self.key or self.text.lower()
        self.words = self.words or len(self.text.split())


def _page(*header: Line) -> tuple[list[Line], int]:
    """A headline, the given header lines under it, and the story's two paragraphs (the region's start)."""
    lines = [Line(HEADLINE, role="title", rule="headline", prose_text=False), *header]
    start = len(lines)
    lines += [
        Line(LEAD, role="body", rule="article_region"),
        Line(SECOND, role="body", rule="article_region"),
    ]
    return lines, start


DATE = Line("12 March 2024", role="date", rule="date_line", prose_text=False)
BYLINE = Line("By Jane Doe", role="byline", rule="byline", prose_text=False)
NAME = Line("Jane Doe", prose_text=False)
CREDIT = Line("Photo: Harbour Authority", role="caption", rule="photo_caption", prose_text=False)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # Under a date, a byline, a name line or a picture credit, or right under the headline.
        ((DATE, Line(STANDFIRST)), 2),
        ((BYLINE, DATE, Line(STANDFIRST)), 3),
        ((NAME, Line(STANDFIRST)), 2),
        ((CREDIT, Line(STANDFIRST)), 2),
        ((Line(STANDFIRST),), 1),
        # The line model dropped it rather than the header rules: taken back too.
        ((DATE, Line(STANDFIRST, rule="line_model:prose_above")), 2),
        # A sentence twice the headline's length that retells it is a standfirst, not a repeat.
        ((Line(RETELLING),), 1),
        # Under the headline printed again with its kicker.
        ((Line("Coastal towns: Harbour wall finished early after a mild winter"), Line(STANDFIRST)), 2),
        # The headline again with its section label: a repeat.
        ((Line("Coastal towns: Harbour wall finished early after a mild winter"),), None),
        # Three header lines between, but not four: too far from the headline.
        ((BYLINE, NAME, DATE, Line(STANDFIRST)), 4),
        ((BYLINE, NAME, DATE, CREDIT, Line(STANDFIRST)), None),
        # No sentence: a caption without a full stop, a menu, a widget.
        ((DATE, Line("Crews pour concrete on the new breakwater in the harbour", prose_text=False)), None),
        ((Line("Listen to this article now"),), None),
        # Right under a byline a subtitle without a full stop opens the story too; under a date it is a caption.
        ((BYLINE, Line("A field guide to the new breakwater for harbour pilots", prose_text=False)), 2),
        # Words without a sentence's end under a skip link: an icon font's names, not a standfirst.
        (
            (
                Line("Skip to content"),
                Line(
                    "search chevron-down check plus clock close chevron-right bell theme icon chevron-up menu"
                ),
            ),
            None,
        ),
        # A timestamp, a lead-in ending in a colon.
        ((Line("Published 23 Oct 2025 at 10.23, updated later by the newsroom desk."),), None),
        ((Line("Here is what the harbour authority announced on Tuesday morning:"),), None),
        # The site's notice under the date: cookies and consent, not the story.
        (
            (
                DATE,
                Line(
                    "Cookies help us deliver our services. By using them you consent to our use of cookies."
                ),
            ),
            None,
        ),
        # A line another rule claimed (a share row), or one the story already keeps.
        ((Line(STANDFIRST, rule="share_prompt"),), None),
        ((Line(STANDFIRST, role="body", rule="standfirst"),), None),
        # A kept standfirst over the byline is the header's own line: the subtitle under the byline is taken.
        (
            (
                Line(STANDFIRST, role="body", rule="standfirst"),
                BYLINE,
                Line("A field guide to the new breakwater for harbour pilots", prose_text=False),
            ),
            3,
        ),
        # ... but a line kept another way is the story's text already: nothing under it is read.
        (
            (
                Line(STANDFIRST, role="body", rule="article_region"),
                BYLINE,
                Line("A field guide to the new breakwater for harbour pilots", prose_text=False),
            ),
            None,
        ),
    ],
)
def test_lead_under_headline(header: tuple[Line, ...], expected: int | None) -> None:
    lines, start = _page(*header)
    assert lead_under_headline(lines, start) == expected


def test_lead_under_headline_needs_a_headline_and_a_line_printed_once() -> None:
    lines, start = _page(DATE, Line(STANDFIRST))
    assert lead_under_headline(lines[1:], start - 1) is None
    lines.append(Line(STANDFIRST, rule="trailing_chrome"))
    assert lead_under_headline(lines, start) is None


def test_lead_under_headline_reads_under_the_headline_printed_over_the_story() -> None:
    # The page's title line heads the page; the headline over the story is its repeat, further down.
    lines, start = _page(
        Line("Home World Sport"), Line(HEADLINE, role="title_repeat"), BYLINE, Line(STANDFIRST)
    )
    assert lead_under_headline(lines, start) == 4


TEASERS = (Line("Most read", prose_text=False), Line("Storm season ends with a record low", prose_text=False))


# A standfirst without a sentence's end ("... and warns landlords"): kept only where the page vouches for it.
SUBTITLE = "Crews poured concrete all winter and the town now hopes for a quieter storm season"


@pytest.mark.parametrize(
    ("lines", "start", "expected"),
    [
        # A teaser list between the story's header and its text prints the headline again above the text:
        # the standfirst sits under the chosen headline further up.
        (
            [
                Line(HEADLINE, role="title", rule="headline", prose_text=False),
                DATE,
                Line(STANDFIRST),
                *TEASERS,
                Line(HEADLINE, role="title_repeat", rule="title_repeat", prose_text=False),
                Line("Storm surge warning lifted for the coast", prose_text=False),
            ],
            7,
            2,
        ),
        # The headline nearest the story wins when a standfirst sits under it.
        (
            [
                Line(HEADLINE, role="title", rule="headline", prose_text=False),
                Line(SECOND),
                *TEASERS,
                Line(HEADLINE, role="title_repeat", rule="title_repeat", prose_text=False),
                Line(STANDFIRST),
            ],
            6,
            5,
        ),
        # A header row's separator is no word of a credit line: "| Reporter: Harbour Agency" is a label of three words.
        (
            [
                Line(HEADLINE, role="title", rule="headline", prose_text=False),
                DATE,
                Line("| Reporter: Harbour Agency", prose_text=False),
                Line(STANDFIRST),
            ],
            4,
            3,
        ),
        (
            [
                Line(HEADLINE, role="title", rule="headline", prose_text=False),
                DATE,
                Line("Reporter: Harbour Desk Agency", prose_text=False),
                Line(STANDFIRST),
            ],
            4,
            None,
        ),
    ],
)
def test_lead_under_headline_reads_under_every_headline(
    lines: list[Line], start: int, expected: int | None
) -> None:
    lines = [
        *lines,
        Line(LEAD, role="body", rule="article_region"),
        Line(SECOND, role="body", rule="article_region"),
    ]
    assert lead_under_headline(lines, start) == expected


@pytest.mark.parametrize(
    ("teaser", "expected"),
    [
        # Printed again under the headline in the page's list of articles: this story's own teaser vouches
        # for the standfirst, sentence end or not.
        (
            (
                Line(HEADLINE, role="title_repeat", rule="title_repeat"),
                Line(SUBTITLE, rule="trailing_chrome"),
            ),
            1,
        ),
        (
            (
                Line(HEADLINE, role="title_repeat", rule="title_repeat"),
                Line("30.04.2020 / Jane Doe", prose_text=False),
                Line(SUBTITLE, rule="trailing_chrome"),
            ),
            1,
        ),
        # Printed again under another headline: a teaser of another story, not this one's standfirst.
        ((Line("Storm season ends with a record low"), Line(SUBTITLE, rule="trailing_chrome")), None),
        # Printed once, without a sentence's end, under the headline: a caption or a widget.
        ((), None),
    ],
)
def test_lead_under_headline_takes_the_stories_own_teaser(
    teaser: tuple[Line, ...], expected: int | None
) -> None:
    lines, start = _page(Line(SUBTITLE, prose_text=False))
    lines += [Line("Related articles", rule="trailing_chrome", prose_text=False), *teaser]
    assert lead_under_headline(lines, start) == expected


def test_clean_article_keeps_the_standfirst_under_the_date() -> None:
    text = "\n\n".join(["Home | World | Sport", HEADLINE, "12 March 2024", STANDFIRST, LEAD, SECOND])
    article = clean_article(text)
    decided = {line.text: (line.role, line.rule) for line in article.lines}
    assert article.title == HEADLINE
    assert decided[STANDFIRST][0] == "body"
    assert STANDFIRST in article.body


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cookies help us deliver our services. By using them you consent to our use of cookies.", [1]),
        ("For full functionality enable JavaScript. Here is how to enable JavaScript in your browser.", [1]),
        # One notice stem, even twice, may be the story's subject.
        ("The compiler targets the Web and JavaScript hosts, and now runs without JavaScript too.", []),
        (STANDFIRST, []),
    ],
)
def test_notice_standfirsts(text: str, expected: list[int]) -> None:
    lines = [Line(HEADLINE, role="title", rule="headline"), Line(text, role="body", rule="standfirst")]
    assert notice_standfirsts(lines) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # A short sentence, a line leading into the text with a colon, a long clause without an end.
        ((DATE, Line("Read this post in Turkish here.")), 2),
        ((BYLINE, Line("The council heard three witnesses on Monday:")), 2),
        ((DATE, Line("What had been rumoured for weeks, the federation has now confirmed officially")), 2),
        # Right under the headline, or with one header line between it and the text.
        ((Line("Read this post in Turkish here."),), 1),
        ((DATE, Line("Read this post in Turkish here."), Line("Menu")), 2),
        # Too far above the text.
        ((DATE, Line("Read this post in Turkish here."), Line("Menu"), Line("Search")), None),
        # Too short, a caption naming its subject first, a header row, a credit, a byline.
        ((DATE, Line("Read it here.")), None),
        (
            (DATE, Line("Guarded compound: the mission to the United Nations in Geneva seen from the lake")),
            None,
        ),
        ((DATE, Line("Jane Doe, harbour reporter | Published 4 months ago today")), None),
        ((DATE, Line("The harbour master at the new wall. (Picture by John Smith)")), None),
        ((DATE, Line("Posted by Jane Doe, John Smith and the harbour team.")), None),
        # Kept already, or dropped by another rule (a caption's).
        ((DATE, Line("Read this post in Turkish here.", role="body", rule="article_region")), None),
        ((DATE, Line("Read this post in Turkish here.", rule="photo_caption")), None),
        # A clock time: a timestamp row.
        ((DATE, Line("Updated at 12:30, read this post in Turkish.")), None),
        # A reviewed work's credit: the review's subtitle, no sentence, a bracket closing it.
        ((DATE, Line("The Garden · Derek Jarman (1990)")), 2),
        ((Line("Nikole Hannah-Jones (Hrsg.) • 1619"),), 1),
        # A byline's row or a breadcrumb with a year: no work's credit.
        ((DATE, Line("Jane Doe • May 16, 2024")), None),
        ((DATE, Line("Home · Kultur · Literatur (2024)")), None),
    ],
)
def test_lead_into_region_takes_back_the_opening_line_above_the_text(
    header: tuple[Line, ...], expected: int | None
) -> None:
    lines, start = _page(*header)
    assert lead_into_region(lines, start) == expected


def test_lead_into_region_skips_a_line_printed_twice() -> None:
    lines, start = _page(DATE, Line("Read this post in Turkish here."))
    lines.append(Line("Read this post in Turkish here."))
    assert lead_into_region(lines, start) is None


def test_lead_into_region_takes_a_work_credit_that_prints_the_headline() -> None:
    # The review's headline names the work; its credit prints the same words with the year.
    lines = [
        Line("Derek Jarman · The Garden", role="title", rule="headline", prose_text=False),
        Line("The Garden · Derek Jarman (1990)"),
        Line(LEAD, role="body", rule="article_region"),
    ]
    assert lead_into_region(lines, 2) == 1
    # Without the year it is the headline printed again.
    lines[1] = Line("The Garden · Derek Jarman")
    assert lead_into_region(lines, 2) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Garden · Derek Jarman (1990)", True),
        ("Nikole Hannah-Jones (Hrsg.) • 1619", True),
        ("Essays on the sea (eds.) • Jane Doe", True),
        # No year in brackets nor an editor's mark, more than one separator, a date row.
        ("The Garden · Derek Jarman", False),
        ("Home · Kultur · Literatur (2024)", False),
        ("Jane Doe • May 16, 2024", False),
        ("11:00 AM PDT • May 16, 2024", False),
    ],
)
def test_work_credit(text: str, expected: bool) -> None:
    assert work_credit(text) is expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("| Redaktion: dpa", 2),
        ("Jane Doe · 3 min", 4),
        ("-- _ ·· |", 0),
        ("a_b _x_ __", 2),
        ("\u00a0Name\u2003\x1c-\x1cZ\u0301", 2),
        ("–é– 9", 2),
        ("", 0),
    ],
)
def test_label_words_count_the_tokens_holding_a_letter_or_digit(text: str, words: int) -> None:
    # The same count as a token-by-token test of each character (``str.isalnum``) over ``str.split``'s tokens.
    assert _label_words(text) == words
    assert _label_words(text) == sum(1 for token in text.split() if any(char.isalnum() for char in token))
