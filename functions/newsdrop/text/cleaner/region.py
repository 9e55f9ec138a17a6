"""Cleaner stage 2, region: the article's densest prose run, the header above it and the footer below it."""

from __future__ import annotations

from operator import add

from newsdrop.text.captions import region_caption
from newsdrop.text.cleaner.lines import (
    _TITLECASE_WORD,
    _ends_sentence,
    _is_date_line,
    _Line,
    _strip_site,
)
from newsdrop.text.line_keys import count_words
from newsdrop.text.prompt_rules import is_nav_header

# Non-prose lines tolerated between two prose lines of the same article region.
_MAX_GAP_LINES = 8


# A neighbouring prose run joins the article when it has this share of the article's text.
_JOIN_RUN_SHARE = 0.3


# The run under a repeat of the page's title wins over a longer one when it has this share of its text.
_ANCHORED_RUN_SHARE = 0.25


_ANCHOR_SCAN_LINES = 25


_ANCHOR_MIN_CHARS = 20


# A shorter part of the title line still anchors when it has this many words (CJK characters count as words).
_ANCHOR_MIN_WORDS = 4


# Separators a page's <title> uses besides the headline stage's ("Headline @ Blog :: Host", dashes). Only the
# region's anchor splits on them: the headline stage keeps its own list.
_ANCHOR_SEPARATORS = (" @ ", " – ", " — ")


# A line of about the title part's length (within this share) sharing this share of its character pairs
# (Dice) is the headline printed with small edits.
_ANCHOR_NEAR_LENGTH = 0.3


_ANCHOR_NEAR_SHARE = 0.85


# A block of text lines under the printed headline (a list, CJK paragraphs without full stops): lines this
# long, at least this many, with at most one other line between two of them.
_BLOCK_LINE_CHARS = 15


_BLOCK_MIN_LINES = 8


_BLOCK_SKIP_LINES = 4


# The block is a story without sentences: at most this share of its text reads as prose.
_BLOCK_MAX_PROSE_SHARE = 0.3


_MAX_JOIN_UNCLAIMED = 30


# Header markers (byline, date, share row) this close to the region start push the start past them.
# A standfirst is a short paragraph or two (plus notices such as a browser warning), never the lead.
_MAX_STANDFIRST_PROSE = 4


_MAX_STANDFIRST_CHARS = 800


_HEAD_SCAN_LINES = 12


_SUBHEADING_MAX_WORDS = 14


_KICKER_MAX_WORDS = 8


_CAPTION_NAME_MAX_WORDS = 6


def _prose_runs(lines: list[_Line]) -> list[tuple[int, int, int]]:
    """Runs of prose lines separated by at most ``_MAX_GAP_LINES`` other lines: (chars, start, end). Each line's
    ``prose`` (no rule claimed it and its text reads as prose) is set on the way (one pass over the lines, not two)."""
    runs: list[tuple[int, int, int]] = []
    last_prose = -1
    for index, line in enumerate(lines):
        line.prose = prose = line.role is None and line.prose_text
        if not prose:
            continue
        if last_prose < 0 or index - last_prose - 1 > _MAX_GAP_LINES:
            runs.append((0, index, index))
        chars, start, _ = runs[-1]
        runs[-1] = (chars + len(line.text), start, index)
        last_prose = index
    return runs


def _anchor_names(key: str) -> set[str]:
    """The title line and its parts long enough to be the headline printed again (in characters or words)."""
    parts = {key, *_strip_site(key)}
    for part in list(parts):
        for separator in _ANCHOR_SEPARATORS:
            if separator in part:
                head, _, tail = part.partition(separator)
                head_last, _, tail_last = part.rpartition(separator)
                parts.update(piece.strip() for piece in (head, tail, head_last, tail_last))
    return {
        part
        for part in parts
        if part == key or len(part) >= _ANCHOR_MIN_CHARS or count_words(part) >= _ANCHOR_MIN_WORDS
    }


def _headline_repeats(lines: list[_Line]) -> list[int]:
    """Indexes of the lines that print the page's title line (or its headline part) again.

    A page's text opens with its <title> ("Headline | Site"); the story sits under the printed headline.
    A page that prints no exact copy may print it with small edits (``_near_copy``).
    """
    opening = next((line for line in lines if line.words), None)
    if opening is None or len(opening.key) < _ANCHOR_MIN_CHARS:
        return []
    names = _anchor_names(opening.key)
    exact = [index for index, line in enumerate(lines) if line is not opening and line.key in names]
    if exact:
        return exact
    grams = [(len(name), _bigrams(name)) for name in names if len(name) >= _ANCHOR_MIN_CHARS]
    # A key near no name's length is near no name (``_near_copy``'s first test): most lines are not read.
    near = _near_lengths([size for size, _ in grams])
    return [
        index
        for index, line in enumerate(lines)
        if len(line.key) in near and line is not opening and _near_copy(line.key, grams)
    ]


def _near_lengths(sizes: list[int]) -> frozenset[int]:
    """The key lengths ``_near_copy`` reads against one of the names' ``sizes`` (its length test, the same
    float comparison)."""
    return frozenset(
        length
        for size in sizes
        for length in range(int((1 + _ANCHOR_NEAR_LENGTH) * size) + 2)
        if abs(length - size) <= _ANCHOR_NEAR_LENGTH * size
    )


def _bigrams(text: str) -> frozenset[str]:
    """The text's pairs of neighbouring characters (each character joined to the next by ``map`` in C: the
    slices' loop was most of the near-copy search)."""
    return frozenset(map(add, text, text[1:]))


def _near_copy(key: str, grams: list[tuple[int, frozenset[str]]]) -> bool:
    """The headline printed with small edits (a name shortened, "..." for "…"): most character pairs shared."""
    own: frozenset[str] | None = None
    for size, name in grams:
        if abs(len(key) - size) > _ANCHOR_NEAR_LENGTH * size:
            continue
        # The line's pairs once, for the first name near its length (most lines are near none).
        if own is None:
            own = _bigrams(key)
        if 2 * len(own & name) >= _ANCHOR_NEAR_SHARE * (len(own) + len(name)):
            return True
    return False


def _under_headline(
    lines: list[_Line], repeats: list[int], runs: list[tuple[int, int, int]], floor: float
) -> tuple[int | None, tuple[int, int, int] | None]:
    """What a printed headline heads: a prose run's number, or else a block of text lines.

    The story sits under the printed headline, while a footer of product blurbs or teasers, however long,
    does not: the first run that starts right under a repeat of the page's title line is the story's when it
    has ``floor`` characters. A story of list items or of CJK paragraphs without full stops has no prose
    run: past a date or a share row under its headline, its text lines (no rule claimed them) come one
    after another, as a block of (chars, start, end) (``_block_under``).
    """
    if len(runs) > 1:
        for index in repeats:
            for number, (chars, start, _end) in enumerate(runs):
                if index < start <= index + _ANCHOR_SCAN_LINES:
                    return (number, None) if chars >= floor else (None, _first_block(lines, repeats, floor))
    return None, _first_block(lines, repeats, floor)


def _first_block(lines: list[_Line], repeats: list[int], floor: float) -> tuple[int, int, int] | None:
    for index in repeats:
        if (block := _block_under(lines, index)) is not None and block[0] >= floor:
            return block
    return None


def _block_under(lines: list[_Line], index: int) -> tuple[int, int, int] | None:
    """A block of text lines no rule claimed right under line ``index``, with little prose: (chars, start, end)."""
    start = index + 1
    while start <= index + _BLOCK_SKIP_LINES and start < len(lines) and not _block_line(lines[start]):
        start += 1
    if start >= len(lines) or not _block_line(lines[start]):
        return None
    end, chars, count, cursor = start, 0, 0, start
    while cursor < len(lines):
        if _block_line(lines[cursor]):
            end, chars, count = cursor, chars + len(lines[cursor].text), count + 1
        elif cursor - end > 1:
            break
        cursor += 1
    prose = sum(len(line.text) for line in lines[start : end + 1] if line.prose)
    if count >= _BLOCK_MIN_LINES and prose <= _BLOCK_MAX_PROSE_SHARE * chars:
        return chars, start, end
    return None


def _block_line(line: _Line) -> bool:
    return line.role is None and len(line.text) >= _BLOCK_LINE_CHARS and not _is_date_line(line)


def _choose_region(lines: list[_Line]) -> tuple[int, int] | None:
    """Index range (inclusive) of the densest run of prose lines, joined with substantial neighbour runs.

    A long widget (product box, embedded list) can split an article into runs; a neighbouring run
    with a good share of the best run's text is still the article, while a stray teaser is not.
    """
    runs = _prose_runs(lines)
    if not runs:
        return None
    best = max(range(len(runs)), key=lambda i: runs[i][0])
    anchored, block = _under_headline(
        lines, _headline_repeats(lines), runs, _ANCHORED_RUN_SHARE * runs[best][0]
    )
    if anchored is not None:
        best = anchored
    elif block is not None:
        # No prose run under the headline but a block of text lines: the story (the rules' block fallback).
        for line in lines[block[1] : block[2] + 1]:
            line.prose = line.prose or line.role is None
        return block[1], block[2]
    chars = runs[best][0]
    first, last = best, best

    def joinable(near: int, far: int) -> bool:
        # A gap full of lines no rule claimed (a site menu) would all become body: not one article.
        low, high = (runs[near][2], runs[far][1]) if near < far else (runs[far][2], runs[near][1])
        unclaimed = sum(1 for line in lines[low + 1 : high] if line.role is None)
        return runs[far][0] >= _JOIN_RUN_SHARE * chars and unclaimed <= _MAX_JOIN_UNCLAIMED

    while last + 1 < len(runs) and joinable(last, last + 1):
        last += 1
        chars += runs[last][0]
    while first > 0 and joinable(first, first - 1):
        first -= 1
        chars += runs[first][0]
    return runs[first][1], runs[last][2]


def _skip_standfirst(lines: list[_Line], start: int, end: int) -> int:
    """Move the region start past a standfirst: prose that comes before the byline or date."""
    prose_seen = prose_chars = 0
    new_start = start
    for index in range(start, min(end, start + _HEAD_SCAN_LINES) + 1):
        line = lines[index]
        if line.prose:
            prose_seen += 1
            prose_chars += len(line.text)
            if prose_seen > _MAX_STANDFIRST_PROSE or prose_chars > _MAX_STANDFIRST_CHARS:
                break
            continue
        marker = line.role in ("byline", "date") or line.rule in ("share_prompt", "login_prompt")
        if line.role is None and _is_date_line(line):
            marker = True
        if marker:
            new_start = index + 1
    while new_start <= end and not lines[new_start].prose:
        new_start += 1
    return new_start if new_start <= end else start


def _is_name_caption(lines: list[_Line], index: int) -> bool:
    """A short Title-Case name (the person pictured) that is printed in the neighbouring paragraph."""
    line = lines[index]
    if line.words > _CAPTION_NAME_MAX_WORDS or line.words < 2 or _ends_sentence(line.text):
        return False
    if not all(_TITLECASE_WORD.match(word) for word in line.text.split()):
        return False
    neighbours = [lines[i] for i in (index - 1, index + 1) if 0 <= i < len(lines)]
    return any(other.prose and line.text in other.text for other in neighbours)


def _extend_colon_list(lines: list[_Line], end: int) -> int:
    """Keep a list the article introduces with a colon ("Tour dates:") right after its last paragraph.

    The list is the introducing line and the lines printed directly under it, without blank lines.
    """
    following = end + 1
    if following >= len(lines):
        return end
    intro = lines[following]
    if intro.role is not None or not intro.text.endswith(":") or intro.words > _SUBHEADING_MAX_WORDS:
        return end
    last = following
    while last + 1 < len(lines) and lines[last + 1].n == lines[last].n + 1 and lines[last + 1].role is None:
        last += 1
    if last == following:
        return end
    for line in lines[following : last + 1]:
        line.assign("body", "colon_list")
    return last


def _classify_region(lines: list[_Line], start: int, end: int) -> None:
    for index in range(start, end + 1):
        line = lines[index]
        if line.role is not None:
            continue
        # (A caption's credit, label or pointer holds a "©", ":" or "(": ``region_caption`` reads no line without one.)
        if ("(" in (text := line.text) or ":" in text or "©" in text) and region_caption(text):
            line.assign("caption", "photo_caption")
            continue
        if line.prose:
            line.assign("body", "article_region")
            continue
        if _is_name_caption(lines, index):
            line.assign("caption", "name_caption")
            continue
        following = next((other for other in lines[index + 1 : end + 1] if other.role is None), None)
        heading_like = line.words <= _SUBHEADING_MAX_WORDS and not _ends_sentence(line.text)
        if heading_like and following is not None and following.prose:
            line.assign("subheading", "crosshead")
        else:
            line.assign("body", "article_region")


def _classify_header(lines: list[_Line], start: int) -> None:
    kicker_done = False
    for index in range(start - 1, -1, -1):
        line = lines[index]
        if line.role is not None:
            kicker_done = True
            continue
        if (
            not kicker_done
            and line.text.endswith(":")
            and line.words <= _KICKER_MAX_WORDS
            and not is_nav_header(line.key, line.words)
        ):
            line.assign("kicker", "kicker")
        elif _is_date_line(line):
            line.assign("date", "date_line")
        else:
            line.assign("boilerplate", "header_chrome")
        kicker_done = True


def _keep_prose_above_title(lines: list[_Line], first: int, title_index: int) -> None:
    """In an extractor's main content, the prose lines above the headline stay text (rule ``above_headline``).

    The headline the page states is looked for anywhere in the main content; where the extractor put it
    below the story's opening paragraphs (a figure's title, a headline printed again under the lead),
    those paragraphs are no page header: the extractor already cut the page's header away.
    """
    for line in lines[first:title_index]:
        if line.rule == "header_chrome" and line.prose:
            line.assign("body", "above_headline")


def _first_text_line(lines: list[_Line], start: int, end: int) -> int:
    """The first line from ``start`` that no rule claimed and that is not a date line."""
    while start < end and (lines[start].role is not None or _is_date_line(lines[start])):
        start += 1
    return start


def _whole_text(lines: list[_Line]) -> tuple[int, int] | None:
    """The first to the last line no rule claimed: the region of text already cut to the article."""
    for line in lines:
        line.prose = line.role is None and line.prose_text
    unclaimed = [index for index, line in enumerate(lines) if line.role is None]
    return (unclaimed[0], unclaimed[-1]) if unclaimed else None


def _fallback_region(lines: list[_Line]) -> tuple[int, int]:
    """Without any prose line, keep every unclaimed line but a leading headline."""
    unclaimed = [index for index, line in enumerate(lines) if line.role is None]
    if not unclaimed:
        return len(lines), len(lines) - 1
    first = unclaimed[1] if len(unclaimed) > 1 else unclaimed[0]
    for line in lines:
        line.prose = line.role is None
    return first, unclaimed[-1]
