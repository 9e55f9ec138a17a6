"""A memo of one page's answers to a question about one of its lines, asked again within the page's search."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from newsdrop.text.cleaner.lines import _Line


def per_page(function: Callable[..., str]) -> Callable[..., str]:
    """Memoise ``function(lines, index, *, cut_parts)`` for the last page's ``lines`` list, by its identity.

    The cleaner never rewrites a line's text or key, so an answer holds for the whole page; a new list starts
    afresh (the memo holds the list, so its identity is not reused while the answers stand). The headline
    overrides ask for the opening line's headline in turn (``headline_text``: 291 calls, 85 repeats, over a
    replay of every 5th view's search).
    """
    page: list[list[_Line] | None] = [None]
    answers: dict[tuple[int, bool], str] = {}

    @wraps(function)
    def memoised(lines: list[_Line], index: int, *, cut_parts: bool = True) -> str:
        if page[0] is not lines:
            page[0] = lines
            answers.clear()
        key = (index, cut_parts)
        found = answers.get(key)
        if found is None:
            found = answers[key] = function(lines, index, cut_parts=cut_parts)
        return found

    return memoised
