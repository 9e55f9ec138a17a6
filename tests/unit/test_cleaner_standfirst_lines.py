"""A standfirst the header kept from the story: over its byline, or a paragraph's first line over one the model kept."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from newsdrop.text.cleaner.standfirst_lines import lead_over_byline, paragraph_heads

LEAD = (
    "In two states the first cases are confirmed, and the authorities explain how they will stop the spread."
)
SECOND = (
    "Passengers would gain little from the plan, and the climate goals are better reached by competition."
)
STORY = "The ministry said on Wednesday that talks were planned to assess the situation and decide the next steps."


@dataclass
class Line:
    """The fields the standfirst tests read of a cleaner line."""

    n: int
    text: str
    role: str | None = "boilerplate"
    rule: str | None = "header_chrome"
    key: str = ""
    words: int = 0

    def __post_init__(self) -> None:
        self.key = self.key or self.text.lower()
        self.words = self.words or len(self.text.split())


def _numbered(*lines: tuple[int, str, str | None, str | None]) -> list[Line]:
    return [Line(n, text, role, rule) for n, text, role, rule in lines]


HEADER = (1, "Covid-19: Can the spread be controlled?", "boilerplate", "header_chrome")
BYLINE = (4, "by Jane Doe and John Roe", "byline", "byline")
CREDIT = (6, "© Agency / Picture Library", "boilerplate", "copyright_footer")
BODY = (8, STORY, "body", "article_region")


@pytest.mark.parametrize(
    ("lines", "start", "expected"),
    [
        # Right above the byline, the story's text three lines below: the standfirst.
        (_numbered(HEADER, (3, LEAD, "boilerplate", "header_chrome"), BYLINE, CREDIT, BODY), 4, [1]),
        # Dropped by the line model: the same.
        (_numbered(HEADER, (3, LEAD, "boilerplate", "line_model:prose_above"), BYLINE, CREDIT, BODY), 4, [1]),
        # A blank line between it and the byline: another block.
        (_numbered(HEADER, (2, LEAD, "boilerplate", "header_chrome"), BYLINE, CREDIT, BODY), 4, []),
        # A short teaser headline over a byline is no standfirst.
        (
            _numbered(
                HEADER, (3, "Will the cable car come now?", "boilerplate", "header_chrome"), BYLINE, BODY
            ),
            3,
            [],
        ),
        # No sentence's end: a caption or a label.
        (_numbered(HEADER, (3, LEAD.rstrip("."), "boilerplate", "header_chrome"), BYLINE, BODY), 3, []),
        # Dropped by a named line rule (a notice, a credit): left alone.
        (_numbered(HEADER, (3, LEAD, "boilerplate", "cookie_notice"), BYLINE, BODY), 3, []),
        # Printed twice on the page: a teaser.
        (
            _numbered(
                HEADER, (3, LEAD, "boilerplate", "header_chrome"), BYLINE, BODY, (9, LEAD, "body", "x")
            ),
            3,
            [],
        ),
        # The site's notice: cookies and consent.
        (
            _numbered(
                HEADER,
                (
                    3,
                    "We use cookies to improve the site, and by using it you consent to our cookie policy.",
                    "boilerplate",
                    "header_chrome",
                ),
                BYLINE,
                BODY,
            ),
            3,
            [],
        ),
        # The byline far above the story's text: a teaser's byline in the header.
        (
            _numbered(
                HEADER,
                (3, LEAD, "boilerplate", "header_chrome"),
                BYLINE,
                *[(10 + 2 * i, f"Menu entry {i}", "boilerplate", "header_chrome") for i in range(7)],
                (30, STORY, "body", "article_region"),
            ),
            10,
            [],
        ),
    ],
)
def test_lead_over_byline(lines: list[Line], start: int, expected: list[int]) -> None:
    assert lead_over_byline(lines, start) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # The first line of a two-line standfirst, the model kept the second.
        (
            _numbered(
                HEADER,
                (3, LEAD, "boilerplate", "header_chrome"),
                (4, SECOND, "body", "line_model:ends_sentence"),
            ),
            [1],
        ),
        # The second line kept by the region, not the model: no split paragraph to mend.
        (
            _numbered(
                HEADER, (3, LEAD, "boilerplate", "header_chrome"), (4, SECOND, "body", "article_region")
            ),
            [],
        ),
        # A blank line between them.
        (
            _numbered(
                HEADER,
                (3, LEAD, "boilerplate", "header_chrome"),
                (5, SECOND, "body", "line_model:ends_sentence"),
            ),
            [],
        ),
        # The kept line is short: a label, not a standfirst's sentence.
        (
            _numbered(
                HEADER, (3, LEAD, "boilerplate", "header_chrome"), (4, "Read more.", "body", "line_model:x")
            ),
            [],
        ),
        # A header row with a pipe.
        (
            _numbered(
                HEADER,
                (
                    3,
                    "Old Town | the best food and the best walks of the whole valley, all in one afternoon!",
                    "boilerplate",
                    "header_chrome",
                ),
                (4, SECOND, "body", "line_model:ends_sentence"),
            ),
            [],
        ),
        # Already kept: nothing to do.
        (
            _numbered(
                HEADER, (3, LEAD, "body", "article_region"), (4, SECOND, "body", "line_model:ends_sentence")
            ),
            [],
        ),
    ],
)
def test_paragraph_heads(lines: list[Line], expected: list[int]) -> None:
    assert paragraph_heads(lines, len(lines)) == expected


def test_paragraph_head_below_the_story_start_stays() -> None:
    # Under the region's start the pair is as often a reader's comment the model kept.
    lines = _numbered(HEADER, (3, LEAD, "boilerplate", "header_chrome"), (4, SECOND, "body", "line_model:x"))
    assert paragraph_heads(lines, 3) == [1]
    assert paragraph_heads(lines, 1) == []


def test_paragraph_head_far_above_the_story_stays() -> None:
    # Far above the story's text (a comment thread of another story in the page's header): left alone.
    lines = _numbered(HEADER, (3, LEAD, "boilerplate", "header_chrome"), (4, SECOND, "body", "line_model:x"))
    lines += [Line(10 + i, f"Menu entry {i}") for i in range(8)]
    assert paragraph_heads(lines, len(lines)) == []
