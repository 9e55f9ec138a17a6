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
    # The page and its answers are one pair, swapped whole: two threads cleaning at once can only lose
    # each other's answers, never read an answer of the other's page.
    last: list[tuple[list[_Line], dict[tuple[int, bool], str]] | None] = [None]

    @wraps(function)
    def memoised(lines: list[_Line], index: int, *, cut_parts: bool = True) -> str:
        state = last[0]
        if state is None or state[0] is not lines:
            state = last[0] = (lines, {})
        answers = state[1]
        key = (index, cut_parts)
        found = answers.get(key)
        if found is None:
            found = answers[key] = function(lines, index, cut_parts=cut_parts)
        return found

    return memoised
