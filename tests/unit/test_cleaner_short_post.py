"""A post too short for a prose region: where nothing is kept, the lines under its date over its share row."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from newsdrop.models import KEPT_ROLES
from newsdrop.text.cleaner.short_post import (
    MAX_HEADER_LINES,
    MAX_POST_LINES,
    MIN_FORM_GAP,
    post_over_form,
    short_post,
)


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
    # The kept verdicts given: the same posts.
    assert short_post(page, [line.role in KEPT_ROLES for line in page]) == expected


def test_short_post_reads_the_given_kept_verdicts() -> None:
    # A line kept now (the verdict given, whatever the line's role says) means the region found the story.
    page = [HEADLINE, DATE, QUOTE, REPLY, SHARE, TWITTER]
    assert short_post(page, [False] * 5 + [True]) == []


FORM = Line("Website", "boilerplate", "comment_form")
FEED = Line("A teaser of another site's news, kept by the region.", "body", "article_region")
KEPT = Line("A nearly wordless visual narrative.", "body", "line_model:log_words")
GAP = [MENU] * MIN_FORM_GAP


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # The post under its date over its share label; the kept feed below the blog's comment form is dropped.
        ([HEADLINE, DATE, QUOTE, SHARE, *GAP, FORM, FEED, FEED], ([2], [17, 18])),
        # The date past a blog's menu under the headline; a kept line in the post stays and is not taken again.
        ([HEADLINE, *[MENU] * 8, DATE, QUOTE, KEPT, SHARE, *GAP, FORM, MENU, FEED], ([10], [27])),
        # The form right under the close: a counter or a share row's field in a story's header, not a blog's form.
        ([HEADLINE, DATE, QUOTE, SHARE, *GAP[:-1], FORM, FEED], ([], [])),
        # Something kept between the close and the form: the story may run there.
        ([HEADLINE, DATE, QUOTE, SHARE, FEED, *GAP, FORM, FEED], ([], [])),
        # Something kept above the post: the region found the story's top.
        ([HEADLINE, FEED, DATE, QUOTE, SHARE, *GAP, FORM, FEED], ([], [])),
        # Nothing kept below the form: short_post's case, not this one.
        ([HEADLINE, DATE, QUOTE, SHARE, *GAP, FORM, MENU], ([], [])),
        # No comment form under the post.
        ([HEADLINE, DATE, QUOTE, SHARE, *GAP, FEED], ([], [])),
        # The date too far under the headline: the post is read from the headline, where the menu is no post.
        ([HEADLINE, *[MENU] * MAX_HEADER_LINES, DATE, QUOTE, SHARE, *GAP, FORM, FEED], ([], [])),
        # A line a named rule dropped for what it says in the post: not taken.
        (
            [
                HEADLINE,
                DATE,
                Line("Please log in", "boilerplate", "comment_section"),
                SHARE,
                *GAP,
                FORM,
                FEED,
            ],
            ([], []),
        ),
        # The post's lines all kept already: nothing to take, the feed stays.
        ([HEADLINE, DATE, KEPT, SHARE, *GAP, FORM, FEED], ([], [])),
    ],
)
def test_post_over_form(page: list[Line], expected: tuple[list[int], list[int]]) -> None:
    assert post_over_form(page) == expected
    # The rules given: the same verdicts, the pages without a form's rule not read.
    assert post_over_form(page, [line.rule for line in page]) == expected


def test_a_page_whose_rules_hold_no_form_is_not_read() -> None:
    # The rules given name no comment form (the form's line re-decided since): no post over a form.
    page = [HEADLINE, DATE, QUOTE, SHARE, *GAP, FORM, FEED, FEED]
    assert post_over_form(page) == ([2], [17, 18])
    assert post_over_form(page, ["header_chrome"] * len(page)) == ([], [])
