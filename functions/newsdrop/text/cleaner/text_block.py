"""Rule-pass fallback: a long block of text lines no rule claimed (a list, CJK paragraphs without full stops)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol

from newsdrop.models import KEPT_ROLES

# Text-block fallback: a block of this many lines and characters, of lines this long, of which the
# article kept less than this share, is read as the article.
BLOCK_MIN_LINES = 6


BLOCK_MIN_CHARS = 600


BLOCK_LINE_CHARS = 15


BLOCK_SHARE = 0.25


# Rules that judge a line by its place alone (above, in or below the article), not by what it says.
POSITIONAL_RULES = frozenset(
    {"header_chrome", "trailing_chrome", "article_region", "crosshead", "default", None}
)


# Paragraphs without full stops are a CJK blog's style ("CJK paragraphs without full stops"); a Latin-script
# block of unpunctuated lines is a list of other pages' headlines. A block of this share of CJK characters (of
# its letters) may be the story the region ran into.
MIN_CJK_SHARE = 0.5

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_LETTER = re.compile(r"[^\W\d_]")


class BlockLine(Protocol):
    """What the text-block fallback reads of one cleaner line."""

    text: str
    role: str | None
    rule: str | None


def text_block(lines: Iterable[BlockLine]) -> tuple[int, int, int] | None:
    """The largest block of consecutive text lines only the position rules judged: (start, end, chars).

    A text line is at least ``BLOCK_LINE_CHARS`` long; one other line may interrupt the block. (The lines are read
    as they are: lists of their rules and sizes built for this one pass cost more than the pass.)
    """
    best: tuple[int, int, int] | None = None
    start = last = -1
    chars = 0
    for index, line in enumerate(lines):
        if line.rule not in POSITIONAL_RULES or (size := len(line.text)) < BLOCK_LINE_CHARS:
            continue
        if last < 0 or index - last > 2:
            start, chars = index, 0
        chars += size
        last = index
        if best is None or chars > best[2]:
            best = (start, index, chars)
    return best


def block_story(block: tuple[int, int, int], region_end: int, lines: Sequence[BlockLine], kept: int) -> bool:
    """Whether the block of text lines (``text_block``) is the story rather than the region the rules chose.

    The block holds ``BLOCK_MIN_LINES`` lines and ``BLOCK_MIN_CHARS`` characters, and the region kept less than
    ``BLOCK_SHARE`` of it: in all (the article kept a fraction of a long block), or, when the region stops inside
    the block and kept less text in all than the block holds, inside the block, and the block is CJK text
    (``MIN_CJK_SHARE``; the region's prose was a list over the story, a blog's sidebar of other posts, and it ran
    into the story's unpunctuated paragraphs and stopped there). ``kept`` is the characters of the page's kept
    lines (those of a kept role); the block's own are counted only where the tests before need them.
    """
    start, end, chars = block
    if chars < BLOCK_MIN_CHARS or end - start + 1 < BLOCK_MIN_LINES:
        return False
    if kept < BLOCK_SHARE * chars:
        return True
    if not (start <= region_end < end and kept < chars):
        return False
    inside = sum(len(line.text) for line in lines[start : end + 1] if line.role in KEPT_ROLES)
    if inside >= BLOCK_SHARE * chars:
        return False
    letters = cjk = 0
    for line in lines[start : end + 1]:
        letters += len(_LETTER.findall(line.text))
        cjk += len(_CJK.findall(line.text))
    return cjk >= MIN_CJK_SHARE * letters
