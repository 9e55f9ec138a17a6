"""Cleaner stage after the line model: a post too short for a prose region, under its date, over its share row."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from newsdrop.models import KEPT_ROLES

# The header's lines between the headline and the post: its date, its byline, the headline printed again.
_META_ROLES = frozenset({"date", "byline", "title_repeat"})


# The site's rows that close a post: a share row, a comment form.
_CLOSING_RULES = frozenset({"share_prompt", "comment_form"})


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


def short_post(lines: Sequence[PostLine]) -> list[int]:
    """Indices of a short post's lines when nothing of the page is kept, else [].

    An empty body is never the story. Where no line is kept, the post is the first lines under the headline
    (role ``title``) and its date, byline or repeat (``_META_ROLES``; under the first such line when one
    stands below the headline): at most ``MAX_POST_LINES`` lines the header rules or the line model dropped for
    their place (``_dropped_by_position``), closed right under them by the site's share row or comment form
    (``_closes``). Without such a close, the lines under the headline are the page's header: none is taken.
    """
    if any(line.role in KEPT_ROLES for line in lines):
        return []
    title = next((index for index, line in enumerate(lines) if line.role == "title"), None)
    if title is None:
        return []
    index = title + 1
    # A date or byline further down heads the post when the chosen headline stands over other header lines.
    meta = next((other for other in range(index, len(lines)) if lines[other].role in _META_ROLES), None)
    if meta is not None and meta - title <= MAX_POST_LINES:
        index = meta
    while index < len(lines) and lines[index].role in _META_ROLES:
        index += 1
    post: list[int] = []
    while index < len(lines) and not _closes(lines[index]):
        if not _dropped_by_position(lines[index]) or len(post) == MAX_POST_LINES:
            return []
        post.append(index)
        index += 1
    return post if index < len(lines) else []
