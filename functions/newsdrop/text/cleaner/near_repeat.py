"""Cleaner stage after the line model: a paragraph printed again with other spacing or punctuation (a second copy)."""

from __future__ import annotations

import re
from collections.abc import Sequence

_WORD = re.compile(r"\w+")
# A name right before a bracket ("print(", "f(x)"): code, where two lines of the same words differ on purpose.
_CALL = re.compile(r"\w\(")

# Long enough that two lines of these words are one paragraph printed twice, not a refrain or a short label.
MIN_WORDS = 10


def near_repeats(texts: Sequence[str], kept: Sequence[bool]) -> list[int]:
    """Indices of the kept lines of 10 or more words whose words (lower-case, punctuation and spacing left out)
    a kept line above already printed, where the two texts differ: the page's second copy of a paragraph with
    an editor's touch ("Wealthynickel , two" / "Wealthynickel, two", a quote's marks). Exact repeats are
    ``kept_repeat``'s."""
    first: dict[str, str] = {}
    found: list[int] = []
    for index, keep in enumerate(kept):
        if not keep:
            continue
        text = texts[index].strip()
        words = _WORD.findall(text.lower())
        if len(words) < MIN_WORDS or _CALL.search(text) is not None:
            continue
        key = " ".join(words)
        printed = first.setdefault(key, text)
        if printed != text:
            found.append(index)
    return found
