"""Layout tables in an extractor's reading: a row's cell that holds several page lines is split back into them."""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Sequence

# trafilatura prints a table row as one line, "| cell | cell | ", with a cell's own pipes escaped ("\|").
_ROW_START = "| "
_CELL_BREAK = " | "
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
    """The page lines (from ``start``, in order) that a cell's text is made of, with the cell's text between them
    that matches no page line as lines of their own (so no word of the cell is lost), and the index after the last
    page line; no lines when the page lines do not make up ``_LAYOUT_MIN_COVER`` of the cell or number under
    ``_LAYOUT_MIN_LINES``. ``keys``: the page lines with their whitespace collapsed, when the caller reads several
    cells of one page."""
    text = _collapsed(cell)
    if len(text) < _LAYOUT_MIN_CHARS:
        return [], start
    keys = [_collapsed(line) for line in page_lines] if keys is None else keys
    found: list[str] = []
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
            found.append(between)
        found.append(page_lines[index])
        matched, position, covered, after = matched + 1, at + len(key), covered + len(key), index + 1
    if matched < _LAYOUT_MIN_LINES or covered < _LAYOUT_MIN_COVER * len(text):
        return [], start
    if rest := text[position:].strip():
        found.append(rest)
    return found, after


def split_layout_rows(text: str, page_lines: Sequence[str], code: Collection[str] = ()) -> str:
    """``text`` (an extractor's reading, one block per line) with every table-row line that has a layout cell
    replaced by its cells: a layout cell by the page lines it holds, any other cell as one line. A cell whose
    text is mostly ``code`` (the page's preformatted lines, by characters) is a code listing's, no layout's: it
    stays whole, as the cleaner has always read it. (By characters, not lines: a documentation page's column
    holds many short shell lines between its paragraphs, and is a layout cell.)"""
    out: list[str] = []
    start = 0
    keys: list[str] | None = None
    code_keys = {_collapsed(line) for line in code}
    for line in text.split("\n"):
        if not line.startswith(_ROW_START) or _CELL_BREAK not in line:
            out.append(line)
            continue
        cells = [cell.replace("\\|", "|").strip() for cell in line[len(_ROW_START) :].split(_CELL_BREAK)]
        pieces: list[str] = []
        any_layout = False
        for cell in cells:
            if not cell:
                continue
            if keys is None:
                keys = [_collapsed(page_line) for page_line in page_lines]
            lines, after = cell_lines(cell, page_lines, start, keys)
            if lines and 2 * sum(len(line) for line in lines if _collapsed(line) in code_keys) > sum(
                map(len, lines)
            ):
                lines, after = [], start
            if lines:
                any_layout, start = True, after
                pieces += lines
            else:
                pieces.append(cell)
        out += pieces if any_layout else [line]
    return "\n".join(out)
