"""Headline stage, a reworded line right under the <title>: a page that opens with its <title> and, with no header
between, prints a line in other words about the same story right under it is named by its <title>."""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice

from newsdrop.text.cleaner.headline_names import headline_text
from newsdrop.text.cleaner.headline_reworded import _SHARED_MIN_WORDS, _printed_again
from newsdrop.text.cleaner.lines import _content_words, _Line
from newsdrop.text.line_keys import normalize_line_key

# The pick is one of this many printed lines right under the opening line: no header, no menu between. A page
# laid out so opens with its <title>, then a subtitle, a dek or a trail in other words (a page under its menus
# prints its own headline further down, and ``printed_for_title`` reads that one).
_TOP_LINES = 2


def title_over_top_rewording(
    lines: list[_Line], chosen: int, scores: dict[int, float], barred: Callable[[int], bool]
) -> int | None:
    """The opening line (a page view's <title>) when the ranker picked one of the ``_TOP_LINES`` printed lines
    right under it, printed in other words (neither inside the other) but about the same story (sharing
    ``_SHARED_MIN_WORDS`` content words with its headline, ``headline_text``), and the page prints the opening
    line nowhere else (``_printed_again``): it is the page's one headline, the pick a subtitle or a dek. The
    opening line must be ranked (``scores``) and not barred. None otherwise."""
    printed = list(islice((index for index, line in enumerate(lines) if line.key), _TOP_LINES + 1))
    if chosen not in printed[1:]:
        return None
    opening = printed[0]
    key, opening_key = lines[chosen].key, lines[opening].key
    # Either printed inside the other is no rewording: the <title>'s headline without its site's name, or a
    # "Headline | Site" line under a masthead opening the page.
    if opening not in scores or barred(opening) or key in opening_key or opening_key in key:
        return None
    headline = headline_text(lines, opening)
    if _printed_again(lines, opening, headline):
        return None
    shared = _content_words(normalize_line_key(headline)) & _content_words(key)
    return opening if len(shared) >= _SHARED_MIN_WORDS else None
