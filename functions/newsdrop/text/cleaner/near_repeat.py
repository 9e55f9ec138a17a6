"""Cleaner stage after the line model: a paragraph printed again with other spacing or punctuation (a second copy)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress, islice

_WORD = re.compile(r"\w+")
# What is not a word's letter or digit: a line's key keeps its words' characters only, run together (one C pass
# a line; the words are counted only for a line whose key a line above holds).
_NOT_WORD = re.compile(r"[\W_]+")
# A name right before a bracket ("print(", "f(x)"): code, where two lines of the same words differ on purpose.
_CALL = re.compile(r"\w\(")

# Long enough that two lines of these words are one paragraph printed twice, not a refrain or a short label.
MIN_WORDS = 10
# Ten words take at least this many characters: shorter lines are not read.
MIN_CHARS = 20

# A line's opening (its first 40 characters' first 20 letters and digits) files it: only a line opening as one
# above is keyed whole (the key's pass over every kept paragraph cost most of this stage).
_OPENING_CHARS = 40
_OPENING_KEY = 20


def near_repeats(texts: Sequence[str], kept: Sequence[bool]) -> list[int]:
    """Indices of the kept lines of 10 or more words whose words (lower-case, punctuation and spacing left out)
    a kept line above already printed, where the two texts differ: the page's second copy of a paragraph with
    an editor's touch ("Wealthynickel , two" / "Wealthynickel, two", a quote's marks). Exact repeats are
    ``kept_repeat``'s."""
    # Per opening: the first line's text, then (once a second line opens the same way) the earlier lines' texts
    # and their keys. Sets, so a page of many lines opening alike (a log, a table) costs one key a line, not one
    # per pair of lines; made only then, since most openings are a page's only.
    openings: dict[str, str | tuple[set[str], set[str]]] = {}
    found: list[int] = []
    # Only the kept lines are read (``compress`` picks them in C).
    for index in compress(range(len(kept)), kept):
        if len(texts[index]) < MIN_CHARS:
            continue
        text = texts[index].strip()
        opening = _opening(text)
        group = openings.get(opening)
        if group is None:
            openings[opening] = text
            continue
        if isinstance(group, str):
            if text == group:
                continue
            group = openings[opening] = ({group}, {_key(group)})
        earlier, keys = group
        if text in earlier:
            continue
        key = _key(text)
        if key in keys and _repeatable(text):
            found.append(index)
            continue
        earlier.add(text)
        keys.add(key)
    return found


# The ASCII characters ``_NOT_WORD`` drops (all but letters and digits), as a ``bytes.translate`` deletion table,
# and the ASCII capitals' lower case as its translation table (one pass in C lowers and deletes).
_ASCII_NOT_WORD = bytes(code for code in range(128) if _NOT_WORD.fullmatch(chr(code)))
_ASCII_LOWER = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz")


def _opening(text: str) -> str:
    """The key of a line's opening: the first ``_OPENING_KEY`` letters and digits of its first ``_OPENING_CHARS``
    characters, lower-case (``_key`` of the opening); an ASCII opening (most) by one translation in C."""
    head = text[:_OPENING_CHARS]
    if head.isascii():
        return head.encode().translate(_ASCII_LOWER, _ASCII_NOT_WORD).decode()[:_OPENING_KEY]
    # ``_NOT_WORD`` keeps exactly the characters ``str.isalnum`` holds (a unit test reads every code point): the
    # first ``_OPENING_KEY`` of them, filtered in C, cost less than the regex's pass over the opening.
    return "".join(islice(filter(str.isalnum, head.lower()), _OPENING_KEY))


def _key(text: str) -> str:
    """A line's letters and digits, lower-case, run together (``_NOT_WORD`` dropped, as ``_opening`` reads it)."""
    if text.isascii():
        return text.encode().translate(_ASCII_LOWER, _ASCII_NOT_WORD).decode()
    return "".join(filter(str.isalnum, text.lower()))


def _repeatable(text: str) -> bool:
    """Whether a line is long enough and no code (``MIN_WORDS``, ``_CALL``)."""
    return len(_WORD.findall(text)) >= MIN_WORDS and _CALL.search(text) is None
