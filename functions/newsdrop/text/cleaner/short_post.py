"""Cleaner stage after the line model: a post too short for a prose region, under its date, over its share row
(where nothing is kept, or where what is kept stands below the post's comment form)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from newsdrop.models import KEPT_ROLES

# The header's lines between the headline and the post: its date, its byline, the headline printed again.
_META_ROLES = frozenset({"date", "byline", "title_repeat"})


# The site's rows that close a post: a share row, a comment form.
_CLOSING_RULES = frozenset({"share_prompt", "comment_form"})


# The rows that open a post's comment form: what stands below one is the comments and the sidebar.
_FORM_RULES = frozenset({"comment_form", "comment_policy", "captcha_notice"})


# A blog's header (its menu of categories) between the chosen headline and the post's date.
MAX_HEADER_LINES = 12


# The site's lines between a post's close and its comment form (share buttons, related posts, the neighbours'
# links, the form's own fields): a form this far under the post is the blog's, not a counter in a story's header.
MIN_FORM_GAP = 12


# A post this short (a quotation, a link to a file, a picture's title) has no paragraph for the region to find.
MAX_POST_LINES = 6


class PostLine(Protocol):
    """What the short-post test reads of one cleaner line."""

    text: str
    role: str | None
    rule: str | None


def _closes(line: PostLine) -> bool:
    """The site's row under a post: a label ending in ":" ("Teilen Sie dies mit:", "Share this:") or a share
    or comment row named by its rule."""
    return line.text.rstrip().endswith(":") or line.rule in _CLOSING_RULES


def _dropped_by_position(line: PostLine) -> bool:
    """A line the header rules or the line model dropped for where it stands, not for what it says."""
    rule = line.rule or ""
    return line.role not in KEPT_ROLES and (rule == "header_chrome" or rule.startswith("line_model"))


def _post_start(lines: Sequence[PostLine], title: int, reach: int) -> int:
    """The first line under the headline's date, byline or repeat (the first such line within ``reach`` lines
    under the headline), else the line under the headline."""
    index = title + 1
    # A date or byline further down heads the post when the chosen headline stands over other header lines.
    meta = next((other for other in range(index, len(lines)) if lines[other].role in _META_ROLES), None)
    if meta is not None and meta - title <= reach:
        index = meta
    while index < len(lines) and lines[index].role in _META_ROLES:
        index += 1
    return index


def short_post(lines: Sequence[PostLine], kept: Sequence[bool] | None = None) -> list[int]:
    """Indices of a short post's lines when nothing of the page is kept, else [].

    An empty body is never the story. Where no line is kept, the post is the first lines under the headline
    (role ``title``) and its date, byline or repeat (``_META_ROLES``; under the first such line when one
    stands below the headline): at most ``MAX_POST_LINES`` lines the header rules or the line model dropped for
    their place (``_dropped_by_position``), closed right under them by the site's share row or comment form
    (``_closes``). Without such a close, the lines under the headline are the page's header: none is taken.
    ``kept`` (if given) holds whether each line is kept now (read by ``any`` in C).
    """
    if any(kept) if kept is not None else any(line.role in KEPT_ROLES for line in lines):
        return []
    title = next((index for index, line in enumerate(lines) if line.role == "title"), None)
    if title is None:
        return []
    index = _post_start(lines, title, MAX_POST_LINES)
    post: list[int] = []
    while index < len(lines) and not _closes(lines[index]):
        if not _dropped_by_position(lines[index]) or len(post) == MAX_POST_LINES:
            return []
        post.append(index)
        index += 1
    return post if index < len(lines) else []


def post_over_form(
    lines: Sequence[PostLine], rules: Sequence[str | None] | None = None
) -> tuple[list[int], list[int]]:
    """(the post's dropped lines to take, the kept lines to drop) where a short post stands over its comment form
    and what the page kept is below that form, else ([], []).

    The region went to the sidebar (a news feed, a tag cloud, the form's own account lines) while the post sat
    under its headline: the post is the first lines under the headline and its date, byline or repeat
    (``_post_start``, the date up to ``MAX_HEADER_LINES`` under the headline, past a blog's menu), at most
    ``MAX_POST_LINES`` lines kept or dropped for their place, closed right under them (``_closes``). Nothing
    above the post but the headline is kept, a comment form's row (``_FORM_RULES``) follows the close before
    any kept line, and some line is kept below it: the post's dropped lines are taken and every kept line
    below the form is dropped (comments and sidebar are never the story). ``rules`` (if given) holds each
    line's rule now: a page without a comment form's rule (most) has no post over one, and is not read.
    """
    if rules is not None and _FORM_RULES.isdisjoint(rules):
        return [], []
    title = next((index for index, line in enumerate(lines) if line.role == "title"), None)
    if title is None:
        return [], []
    start = _post_start(lines, title, MAX_HEADER_LINES)
    if any(line.role in KEPT_ROLES for line in lines[:start] if line.role != "title"):
        return [], []
    index = start
    while index < len(lines) and not _closes(lines[index]):
        line = lines[index]
        if index - start == MAX_POST_LINES or not (line.role in KEPT_ROLES or _dropped_by_position(line)):
            return [], []
        index += 1
    form = next((other for other in range(index, len(lines)) if lines[other].rule in _FORM_RULES), None)
    if (
        form is None
        or form - index <= MIN_FORM_GAP
        or index == start
        or any(line.role in KEPT_ROLES for line in lines[index:form])
    ):
        return [], []
    below = [other for other in range(form + 1, len(lines)) if lines[other].role in KEPT_ROLES]
    post = [other for other in range(start, index) if lines[other].role not in KEPT_ROLES]
    return (post, below) if below and post else ([], [])
