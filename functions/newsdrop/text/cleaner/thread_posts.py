"""Cleaner stage after the line model: reader comments below the story, each between its dated header and its reply button."""

from __future__ import annotations

from collections.abc import Sequence

from newsdrop.text.cleaner.lines import _THREAD_ROW
from newsdrop.text.cleaner.story_end import Spans, islands
from newsdrop.text.dates import find_date

# A comment's header is a short line that prints a date ("Name · March 10, 2017 at 3:19 AM") ...
HEADER_MAX_WORDS = 14

# A comment form's line under the thread's last comment closes it as a reply button closes the others.
_FORM_RULES = frozenset({"comment_form", "comment_policy", "captcha_notice"})

# ... and the thread holds at least this many comments closed by a reply button: one is a story's odd line.
MIN_POSTS = 2


def dated_header(text: str) -> bool:
    """A short line that prints a date: a comment's "Name · date" header (or a dateline)."""
    return len(text.split()) <= HEADER_MAX_WORDS and find_date(text) is not None


def thread_posts(
    kept: Sequence[bool],
    texts: Sequence[str],
    keys: Sequence[str],
    rules: Sequence[str | None],
    sizes: Sequence[int] | None = None,
    spans: Spans | None = None,
) -> list[int]:
    """Indices of the kept lines of reader comments below the story, each between a dated header and a reply row.

    A comment thread the rules' region ran into prints each comment as its writer's name and date, the comment's
    paragraphs and a "Reply" button; the model drops the header and the button but keeps a long comment's
    paragraphs. Below the story's island (the largest by characters), a run of kept lines (no dropped line
    between) right under a dropped dated header (``dated_header``) and right over a dropped thread row
    (``lines._THREAD_ROW``: "Reply", "Antworten", "Name says:"; under the last, the comment form's first line)
    is a comment; ``MIN_POSTS`` or more of them are
    the thread's. ``keys`` are the lines' keys (``normalize_line_key``), which the thread rows are read on.
    """
    # ``sizes``: the lines' characters, where the caller has them; ``spans``: their islands, where it has them.
    found = (
        islands(kept, [len(text) for text in texts] if sizes is None else sizes) if spans is None else spans
    )
    if len(found) < 2:
        return []
    story = max(range(len(found)), key=lambda number: found[number][2])
    posts: list[list[int]] = []
    index = found[story][1] + 2
    while index < len(kept):
        if not kept[index] or kept[index - 1]:
            index += 1
            continue
        run = [index]
        while run[-1] + 1 < len(kept) and kept[run[-1] + 1]:
            run.append(run[-1] + 1)
        below = run[-1] + 1
        closed = below < len(kept) and (
            _THREAD_ROW.search(keys[below]) is not None or rules[below] in _FORM_RULES
        )
        if closed and dated_header(texts[index - 1]):
            posts.append(run)
        index = below
    if len(posts) < MIN_POSTS:
        return []
    return [index for run in posts for index in run]
