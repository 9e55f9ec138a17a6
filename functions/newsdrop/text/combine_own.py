"""HTML path: trafilatura's own reading beside the one its comparison step swapped in (layout-table pages)."""

from __future__ import annotations

from collections.abc import Callable

from newsdrop.text.extraction import merge_order


def with_own_holes(swapped: str, own: str, held_share: Callable[[str], float], max_share: float) -> str:
    """``swapped`` (readability's or jusText's reading) with the lines of trafilatura's ``own`` reading that sit
    between two of its lines and that it lacks: the data tables, crossheads and lists those readings drop inside
    the story. The own reading's lines above or below the swapped-in span stay out (a closing "read the original"
    line, a deals box): there the other extractor's cut is the better one. A line whose words the swapped-in reading
    holds (``held_share`` of ``max_share`` at least: the same paragraph joined or split otherwise) is not added."""
    lines = [line.strip() for line in swapped.split("\n") if line.strip()]
    own_lines = [line.strip() for line in own.split("\n") if line.strip()]
    order = merge_order(own_lines, lines)
    at = [position for position, item in enumerate(order) if isinstance(item, int)]
    if not at:
        return swapped
    out: list[str] = []
    for position, item in enumerate(order):
        if isinstance(item, int):
            out.append(lines[item])
        elif at[0] < position < at[-1] and held_share(item.text.strip()) < max_share:
            out.append(item.text.strip())
    return "\n".join(out)
