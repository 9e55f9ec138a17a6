"""Layout tables in an extractor's reading: a row's cell that holds several page lines is split back into them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence

# trafilatura prints a table row as one line, "| cell | cell | ", with a cell's own pipes escaped ("\|").
_ROW_START = "| "
_CELL_BREAK = " | "
# ... and the rule under a table's header row as "|---|---|".
_HEADER_RULE = re.compile(r"\|(?:-+\|)+")
# A cell is a layout cell (a page's column or a box of links, not a data table's value) from this many characters
# (a data table's cells, mostly shorter, are not matched line by line against the page) and this many page lines
# in it...
_LAYOUT_MIN_CHARS = 100
_LAYOUT_MIN_LINES = 3
# ... that make up at least this share of its text (the rest: what the extractor joined differently).
_LAYOUT_MIN_COVER = 0.9
# A page line matches the cell where the cell's text continues: right after the last match (a few characters of
# separators between), or, for a line long enough not to match by chance, after text the page printed elsewhere.
_NEAR_GAP = 3
_LONG_LINE = 20
_LONG_GAP = 300


def _collapsed(text: str) -> str:
    # The page prints soft hyphens (German long words, "Streaming\u00adserie") that extractors drop from their text;
    # the page lines come composed (NFC) where the extractor keeps the page's decomposed letters ("a" + U+0308).
    return " ".join(unicodedata.normalize("NFC", text.replace("\u00ad", "")).split())


def _held_by_later_line(text: str, position: int, at: int, keys: Sequence[str], index: int) -> bool:
    """Whether a later page line holds the text of line ``index`` (found in ``text`` at ``at``) and ``text`` holds
    that later line from ``position``, around the match: the match is inside the later line's printing."""
    key = keys[index]
    for later in range(index + 1, len(keys)):
        other = keys[later]
        if len(other) > len(key) and key in other and 0 <= text.find(other, position) <= at:
            return True
    return False


def cell_lines(
    cell: str, page_lines: Sequence[str], start: int = 0, keys: Sequence[str] | None = None
) -> tuple[list[str], int]:
    """The lines of ``_cell_pieces`` (see there) and the index after the last page line they hold."""
    pieces, after = _cell_pieces(cell, page_lines, start, keys)
    return [text for text, _ in pieces], after


def _cell_pieces(
    cell: str, page_lines: Sequence[str], start: int = 0, keys: Sequence[str] | None = None
) -> tuple[list[tuple[str, int | None]], int]:
    """The page lines (from ``start``, in order) that a cell's text is made of, each with its index, with the cell's
    text between them that matches no page line as lines of their own (index None: no word of the cell is lost),
    and the index after the last page line; no lines when the page lines do not make up ``_LAYOUT_MIN_COVER`` of
    the cell or number under ``_LAYOUT_MIN_LINES``. ``keys``: the page lines with their whitespace collapsed, when
    the caller reads several cells of one page."""
    text = _collapsed(cell)
    if len(text) < _LAYOUT_MIN_CHARS:
        return [], start
    keys = [_collapsed(line) for line in page_lines] if keys is None else keys
    found: list[tuple[str, int | None]] = []
    matched = position = covered = 0
    after = start
    for index in range(start, len(page_lines)):
        if position >= len(text):
            break
        key = keys[index]
        if not key:
            continue
        at = text.find(key, position)
        if at < 0 or at - position > (_LONG_GAP if len(key) >= _LONG_LINE else _NEAR_GAP):
            continue
        if at - position > _NEAR_GAP and _held_by_later_line(text, position, at, keys, index):
            # A line the page prints twice, the second time inside a longer line (a pull quote above the paragraph
            # that quotes it), where the extractor kept only the longer one: the quote's match would skip the lines
            # before the paragraph.
            continue
        if between := text[position:at].strip():
            found.append((between, None))
        found.append((page_lines[index], index))
        matched, position, covered, after = matched + 1, at + len(key), covered + len(key), index + 1
    if matched < _LAYOUT_MIN_LINES or covered < _LAYOUT_MIN_COVER * len(text):
        return [], start
    if rest := text[position:].strip():
        found.append((rest, None))
    return found, after


def split_layout_rows(text: str, page_lines: Sequence[str], code: Collection[str] = ()) -> str:
    """``text`` (an extractor's reading, one block per line) with every table-row line that has a layout cell
    replaced by its cells: a layout cell by the page lines it holds, any other cell as one line. A cell whose
    text is mostly ``code`` (the page's preformatted lines, by characters) is a code listing's, no layout's: it
    stays whole, as the cleaner has always read it. (By characters, not lines: a documentation page's column
    holds many short shell lines between its paragraphs, and is a layout cell.) The rows of the data tables a
    layout cell holds go back to where the page prints them among its lines (``_nested_rows_in_place``)."""
    out: list[tuple[str, int | None]] = []
    start = 0
    keys: list[str] | None = None
    code_keys = {_collapsed(line) for line in code}
    for line in text.split("\n"):
        if not line.startswith(_ROW_START) or _CELL_BREAK not in line:
            out.append((line, None))
            continue
        pieces: list[tuple[str, int | None]] = []
        any_layout = False
        for cell in _cells(line):
            if not cell:
                continue
            if keys is None:
                keys = [_collapsed(page_line) for page_line in page_lines]
            lines, after = _cell_pieces(cell, page_lines, start, keys)
            if lines and 2 * sum(len(line) for line, _ in lines if _collapsed(line) in code_keys) > sum(
                len(line) for line, _ in lines
            ):
                lines, after = [], start
            if lines:
                any_layout, start = True, after
                pieces += lines
            else:
                pieces.append((cell, None))
        out += pieces if any_layout else [(line, None)]
    if keys is not None and any(index is not None for _, index in out):
        out = _nested_rows_in_place(out, keys)
    return "\n".join(line for line, _ in out)


def _cells(row: str) -> list[str]:
    """The cells of an extractor's table-row line, their own pipes unescaped."""
    return [cell.replace("\\|", "|").strip() for cell in row[len(_ROW_START) :].split(_CELL_BREAK)]


def _row_line(line: str) -> bool:
    """A table row's line of an extractor's reading, or the rule under its header row ("|---|---|")."""
    return (line.startswith(_ROW_START) and _CELL_BREAK in line) or _HEADER_RULE.fullmatch(
        line.strip()
    ) is not None


def _row_at(cells: Sequence[str], keys: Sequence[str], start: int) -> tuple[int, int] | None:
    """Where the page prints a data table's row (its non-empty ``cells`` as consecutive page lines, a cell of one
    or more lines) from ``start`` on: the index of its first line and the index after its last; None when not."""
    shown = [key for cell in cells if (key := _collapsed(cell))]
    if not shown:
        return None
    for first in range(start, len(keys)):
        if keys[first] != shown[0] and not shown[0].startswith(keys[first] + " "):
            continue
        index = first
        for cell in shown:
            held = ""
            while index < len(keys) and len(held) < len(cell):
                if keys[index]:
                    held = f"{held} {keys[index]}" if held else keys[index]
                index += 1
            if held != cell:
                break
        else:
            return first, index
    return None


def _nested_rows_in_place(
    out: list[tuple[str, int | None]], keys: Sequence[str]
) -> list[tuple[str, int | None]]:
    """``out`` with each run of data-table rows that follows the page lines of a layout cell moved to where the page
    prints the rows among those lines. trafilatura prints a layout cell's text without the tables nested in it and
    their rows after the cell's whole row: a story's tables under its footer, which the story's end cuts off.
    A run moves only when every row of it is found, in order, on the page (a rule line goes with the row above)."""
    result: list[tuple[str, int | None]] = []
    position = cursor = 0
    after_layout = False
    while position < len(out):
        line, index = out[position]
        if not _row_line(line) or not after_layout:
            result.append((line, index))
            after_layout = after_layout or index is not None
            position += 1
            continue
        end = position
        while end < len(out) and _row_line(out[end][0]):
            end += 1
        run = out[position:end]
        placed = _placed_rows(run, keys, cursor)
        if placed is None:
            result += run
        else:
            # The rows' page lines rise (found in order), so each row goes in after the one placed before it.
            spot = 0
            for row, at in placed:
                # After the lines the page prints above the row (and the row's own rule line after the row).
                spot = next(
                    (
                        place
                        for place in range(spot, len(result))
                        if (shown := result[place][1]) is not None and shown > at
                    ),
                    len(result),
                )
                result.insert(spot, (row, at))
                spot += 1
            cursor = placed[-1][1] + 1
        position = end
    return result


def _placed_rows(
    run: Sequence[tuple[str, int | None]], keys: Sequence[str], start: int
) -> list[tuple[str, int]] | None:
    """The lines of a run of table rows, each with the index of the page line its row starts at (a rule line: its
    row's), the rows found in order from ``start``; None when a row is not found or the run opens with a rule."""
    placed: list[tuple[str, int]] = []
    for line, _ in run:
        if not line.startswith(_ROW_START) or _CELL_BREAK not in line:
            if not placed:
                return None
            placed.append((line, placed[-1][1]))
            continue
        if (found := _row_at(_cells(line), keys, start)) is None:
            return None
        placed.append((line, found[0]))
        start = found[1]
    return placed
