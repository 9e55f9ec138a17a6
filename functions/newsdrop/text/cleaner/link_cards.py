"""Cleaner stage after the line model: an embedded link card (another page's title printed two or three times, its
cut blurb) set between the story's paragraphs."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress

# The title printed again and again on one line: a phrase of at least this many words with letters, ...
MIN_TITLE_WORDS = 4
# ... printed at least this many times, or twice when it holds this many words (a short phrase twice is a refrain).
MIN_PRINTINGS = 3
MIN_TWICE_WORDS = 6
# ... on a line of at most this many words.
MAX_CARD_WORDS = 80

# A card's blurb is cut short with an ellipsis, at most a "Read more" link's few words after it.
_CUT = re.compile(r"(?:…|\.\.\.)(?:\s+\S+){0,4}\s*$")


def repeated_title(text: str) -> bool:
    """A line that is one phrase of ``MIN_TITLE_WORDS`` or more words with letters printed ``MIN_PRINTINGS`` or
    more times back to back, or twice when it holds ``MIN_TWICE_WORDS`` words (the last printing may be cut
    short): a card's title, its image's caption and its link printed as one."""
    # A repeat needs the first word printed again further on: most lines fail this one substring test.
    head = text.split(None, 1)
    if len(head) < 2 or head[0] not in head[1]:
        return False
    # (Split one word past the card's longest at most: a paragraph is not cut whole into words to learn it is longer;
    # a line of ``MAX_CARD_WORDS`` words or fewer gives all of them, as a whole split does.)
    words = text.split(None, MAX_CARD_WORDS)
    if len(words) > MAX_CARD_WORDS:
        return False
    for size in range(MIN_TITLE_WORDS, len(words) // 2 + 1):
        if words[size] != words[0]:
            continue
        # Every word repeats the one ``size`` words before; the line's last word may be cut.
        if all(words[index] == words[index - size] for index in range(size, len(words) - 1)):
            last = words[-1]
            whole = last == words[len(words) - 1 - size] or words[len(words) - 1 - size].startswith(last)
            lettered = sum(1 for word in words[:size] if any(char.isalpha() for char in word))
            printings = len(words) / size
            if (
                whole
                and lettered >= MIN_TITLE_WORDS
                and (printings > MIN_PRINTINGS - 1 or size >= MIN_TWICE_WORDS)
            ):
                return True
    return False


def link_cards(kept: Sequence[bool], texts: Sequence[str]) -> list[int]:
    """Indices of the kept lines of link cards: a ``repeated_title`` line and, right under it, its blurb when cut
    short with an ellipsis ("... sounds,… Read more"). A story's own paragraphs never print a phrase twice over."""
    found: list[int] = []
    # Only the kept lines are read (``compress`` picks them in C).
    for index in compress(range(len(kept)), kept):
        if not repeated_title(texts[index]):
            continue
        found.append(index)
        below = index + 1
        if below < len(kept) and kept[below] and _CUT.search(texts[below]) is not None:
            found.append(below)
    return found
