"""A post too short for a prose region: where nothing is kept, the lines under its date over its share row."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from newsdrop.text.cleaner.short_post import MAX_POST_LINES, short_post


@dataclass
class Line:
    text: str
    role: str | None = "boilerplate"
    rule: str | None = "header_chrome"


HEADLINE = Line("The possibility of doing nothing", "title", "headline")
DATE = Line("14 June 2013 at 20:51", "date", "date_line")
QUOTE = Line("“I know I am drunk and should not say this …”")
REPLY = Line("– “Then don't.”")
SHARE = Line("Share this:")
TWITTER = Line("Twitter", "boilerplate", "share_prompt")
MENU = Line("Home")


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # The post under its date, closed by the share label.
        ([HEADLINE, DATE, QUOTE, REPLY, SHARE, TWITTER], [2, 3]),
        # Closed by the share row's own rule, under the headline alone.
        ([HEADLINE, QUOTE, TWITTER], [1]),
        # A date under header lines below the chosen headline heads the post.
        ([HEADLINE, MENU, MENU, DATE, QUOTE, SHARE], [4]),
        # Something is kept: the region found the story.
        ([HEADLINE, DATE, QUOTE, Line("A paragraph.", "body", "article_region"), SHARE], []),
        # No close under the lines: the page's header, not a post.
        ([HEADLINE, DATE, QUOTE, REPLY], []),
        # Too many lines before the close: a header or a list, not a short post.
        ([HEADLINE, DATE, *[QUOTE] * (MAX_POST_LINES + 1), SHARE], []),
        # A line a named rule dropped for what it says ends the run: not taken.
        ([HEADLINE, DATE, Line("Please log in to comment", "boilerplate", "comment_section"), SHARE], []),
        # No headline.
        ([DATE, QUOTE, SHARE], []),
        # Nothing between the date and the close.
        ([HEADLINE, DATE, SHARE], []),
    ],
)
def test_short_post(page: list[Line], expected: list[int]) -> None:
    assert short_post(page) == expected
