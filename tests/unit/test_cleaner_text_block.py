"""The rule pass's text-block fallback: a long block of text lines no rule claimed is the story."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from newsdrop.text.cleaner.text_block import (
    BLOCK_LINE_CHARS,
    BLOCK_MIN_CHARS,
    BLOCK_MIN_LINES,
    block_story,
    text_block,
)

_T = BLOCK_LINE_CHARS


@dataclass
class _Line:
    text: str
    role: str | None = None
    rule: str | None = None


@pytest.mark.parametrize(
    ("rules", "sizes", "expected"),
    [
        ([], [], None),
        # text lines only the position rules judged, one other line inside: one block
        (["default", "article_region", "byline", "trailing_chrome"], [_T, _T, 5, _T], (0, 3, 3 * _T)),
        # a short line is no text line; two others in a row end the block
        (["default", None, "byline", "byline", None], [_T, 3, _T, _T, 2 * _T], (4, 4, 2 * _T)),
        # a named rule's line is no text line
        (["navigation", "navigation"], [_T, _T], None),
    ],
)
def test_text_block(rules: list[str | None], sizes: list[int], expected: tuple[int, int, int] | None) -> None:
    lines = [_Line("x" * size, rule=rule) for rule, size in zip(rules, sizes, strict=True)]
    assert text_block(lines) == expected
    # (read once, as the page's lines come: an iterator does as well)
    assert text_block(iter(lines)) == expected


_N = BLOCK_MIN_LINES + 4
_LINE = BLOCK_MIN_CHARS // BLOCK_MIN_LINES + 10
# A block of _N lines at 10.._N+9 in a page of _N+20 lines.
_BLOCK = (10, 10 + _N - 1, _N * _LINE)


def _kept(indexes: range, size: int = _LINE, above: int = _LINE) -> list[int]:
    """Each line's kept characters: ``size`` in the block, ``above`` above it (a list's short teasers)."""
    return [(size if index >= _BLOCK[0] else above) if index in indexes else 0 for index in range(_N + 20)]


# The block's lines: a CJK blog's unpunctuated paragraphs, or a Latin-script list of other pages' headlines.
_CJK_TEXTS = ["一波波接續性低溫寒流報到已將山巒披上嫣紅的彩衣"] * (_N + 20)
_LATIN_TEXTS = ["Bullet Journal - Planung für Minimalisten"] * (_N + 20)


def _page(kept_sizes: list[int], texts: list[str]) -> list[_Line]:
    """The page's lines: each kept one (a size above 0) its text cut or repeated to that size, the others dropped."""
    return [
        _Line((text * (size // len(text) + 1))[:size], "body") if size else _Line(text, "boilerplate")
        for size, text in zip(kept_sizes, texts, strict=True)
    ]


def _story(block: tuple[int, int, int], region_end: int, kept_sizes: list[int], texts: list[str]) -> bool:
    return block_story(block, region_end, _page(kept_sizes, texts), sum(kept_sizes))


@pytest.mark.parametrize(
    ("block", "region_end", "kept_sizes", "expected"),
    [
        # the article kept a fraction of the block in all
        (_BLOCK, 11, _kept(range(10, 11)), True),
        # the region kept most of the block
        (_BLOCK, _BLOCK[1], _kept(range(10, 10 + _N)), False),
        # a list over the story, the region stopping two lines into the block: the block is the story
        (_BLOCK, 11, _kept(range(0, 12), above=BLOCK_LINE_CHARS), True),
        # the region ends below the block (a footer block under a story): the region stays
        (_BLOCK, _BLOCK[1] + 5, _kept(range(0, 12), above=BLOCK_LINE_CHARS), False),
        # the region ends above the block
        (_BLOCK, 9, _kept(range(0, 10)), False),
        # the region kept more text in all than the block holds
        (_BLOCK, 11, _kept(range(0, 12), above=2 * _LINE), False),
        # a block too short to be a story
        ((10, 12, 3 * _LINE), 11, _kept(range(0, 12), above=BLOCK_LINE_CHARS), False),
    ],
)
def test_block_story(
    block: tuple[int, int, int], region_end: int, kept_sizes: list[int], expected: bool
) -> None:
    assert _story(block, region_end, kept_sizes, _CJK_TEXTS) is expected


def test_block_story_latin_list() -> None:
    # a Latin-script list the region stopped in is other pages' headlines, not the story's paragraphs
    kept = _kept(range(0, 12), above=BLOCK_LINE_CHARS)
    assert _story(_BLOCK, 11, kept, _CJK_TEXTS) is True
    assert _story(_BLOCK, 11, kept, _LATIN_TEXTS) is False
    # the article kept a fraction of the block in all: the block, whatever its script
    assert _story(_BLOCK, 11, _kept(range(10, 11)), _LATIN_TEXTS) is True


def test_block_story_counts_the_kept_roles_inside_the_block() -> None:
    # Inside the block the lines of a kept role count: the block's other lines kept too lift the region's share there.
    kept = _kept(range(0, 12), above=BLOCK_LINE_CHARS)
    lines = _page(kept, _CJK_TEXTS)
    assert block_story(_BLOCK, 11, lines, sum(kept)) is True
    inside = [
        _Line(line.text, "body") if _BLOCK[0] <= at <= _BLOCK[1] else line for at, line in enumerate(lines)
    ]
    assert block_story(_BLOCK, 11, inside, sum(kept)) is False
