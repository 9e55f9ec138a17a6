"""HTML path: a table row's first cell that is a link, which the extractor emptied, gets the link's text back."""

from __future__ import annotations

from newsdrop.text.main_edits import bare_key

# The extractor marks a table row "| cell | cell |"; a row opening with an empty cell reads "|  | ...".
_CELL = "|"


def _cells(line: str) -> list[str] | None:
    """A table row's cells (whitespace collapsed), or None for a line that is no row."""
    stripped = line.strip()
    if len(stripped) < 2 or not stripped.startswith(_CELL) or not stripped.endswith(_CELL):
        return None
    return [" ".join(cell.split()) for cell in stripped[1:-1].split(_CELL)]


def with_link_cells(main_lines: list[str], page_lines: list[str], links: frozenset[str]) -> list[str]:
    """The main content with each table row's empty first cell filled with the link the page prints there.

    trafilatura leaves a link out of a table cell and keeps the row's other cells ("|  |  71.1 MB |  13.4 MB |"
    for "Farm Heroes | 71.1 MB | 13.4 MB"): where the page prints the row's other cells as lines of their own,
    in order, right under a line that is a link's whole text (``links``, word keys), that line is the first
    cell. The rows are found in page order; a row whose cells the page does not print so, or prints under a
    line that is no link (a table's empty corner cell), stays as it is.
    """
    rows = [(index, cells) for index, line in enumerate(main_lines) if (cells := _cells(line)) is not None]
    if not links or not any(len(cells) > 1 and not cells[0] and all(cells[1:]) for _, cells in rows):
        return main_lines
    printed = [" ".join(line.split()) for line in page_lines]
    out = list(main_lines)
    at = 1
    for index, cells in rows:
        if len(cells) < 2 or cells[0] or not all(cells[1:]):
            continue
        rest = cells[1:]
        found = next(
            (
                start
                for start in range(max(at, 1), len(printed) - len(rest) + 1)
                if printed[start : start + len(rest)] == rest
            ),
            None,
        )
        if found is None:
            continue
        at = found + len(rest)
        link = printed[found - 1]
        if not (key := bare_key(link)) or key not in links or _cells(link) is not None:
            continue
        out[index] = f"| {link} | " + " | ".join(rest) + " |"
    return out
