"""Cleaner stage after the line model: a menu, select box or tag cloud printed as one long line of capitalised items."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress

# A sentence's or clause's end: a menu run together has (almost) none; "U.S." may stand in a country list.
_STOPS = re.compile(r"[.!?;:。]")
# ``_STOPS``' marks but the point (counted first).
_STOP_MARKS = ("!", "?", ";", ":", "。")
MAX_STOPS = 2

# Long enough that a headline or a title-case heading is never one.
MIN_WORDS = 30
# Thirty words take at least this many characters: shorter lines are not split.
MIN_CHARS = 60

# Items are capitalised words or numbers ("Afghanistan Albania ...", "Dezember 2019 (14)", "Video Settings Full
# Screen"); prose, German included, capitalises far fewer of its words.
MIN_CAPITALISED_SHARE = 0.8

# A list of names separated by commas ("Colorado: Ryan Call, Laura Carno, ...") is a story's list, not a menu.
MAX_COMMA_SHARE = 0.05

# Tokens with no letter or digit (formulae's "=", "→", "∂"): an equation printed as text, not a menu.
MAX_SYMBOL_SHARE = 0.1


def run_on_menu(text: str) -> bool:
    """Whether a line is a menu, select box or tag cloud run together: 30+ words, at most 2 sentence marks,
    commas after at most 5 % of the words, 80 % of the words capitalised or numbers, at most 10 % symbols."""
    # The cheap tests first: most kept lines are prose, with sentence marks.
    if len(text) < MIN_CHARS or text.count(".") > MAX_STOPS:
        return False
    # Thirty words need 29 separators. Every whitespace character but the space is unprintable, so in a
    # printable line (most) the spaces bound the words: a line of fewer is not split.
    spaces = text.count(" ")
    printable = text.isprintable()
    if spaces < MIN_WORDS - 1 and printable:
        return False
    # ``_STOPS``' count, one ``str.count`` a mark (each a C scan; the regex stepped through every character).
    stops = text.count(".")
    for mark in _STOP_MARKS:
        stops += text.count(mark)
        if stops > MAX_STOPS:
            return False
    # A printable line has at most one word more than spaces: where its commas are too many for that many
    # words, they are too many for its own (prose with a clause or two is not split).
    if printable and text.count(",") > MAX_COMMA_SHARE * (spaces + 1):
        return False
    words = text.split()
    count = len(words)
    if count < MIN_WORDS or text.count(",") > MAX_COMMA_SHARE * count:
        return False
    # The capitals before the symbols: prose fails there, and each word's symbol test costs more. Counted up
    # to the lower-case word that makes the share unreachable (prose's first few): "capitalised < share * count"
    # is "lower > count - share * count", the difference exact in floating point (Sterbenz: share in [0.5, 1]).
    most_lower = count - MIN_CAPITALISED_SHARE * count
    lower = 0
    for word in words:
        first = word[0]
        if not (first.isupper() or first.isdigit() or first == "("):
            lower += 1
            if lower > most_lower:
                return False
    symbols = sum(1 for word in words if not any(char.isalnum() for char in word))
    return symbols <= MAX_SYMBOL_SHARE * count


def run_on_menus(texts: Sequence[str], kept: Sequence[bool]) -> list[int]:
    """Indices of the kept lines that are a menu, select box or tag cloud run together (``run_on_menu``)."""
    return [index for index in compress(range(len(kept)), kept) if run_on_menu(texts[index])]
