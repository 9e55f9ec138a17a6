"""Case pairs of Python's case-blind ``re`` and RE2's (Unicode simple) case folding, for tests of RE2 pre-tests."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from functools import cache, lru_cache

import re2


def folded_apart(letters: Iterable[str]) -> list[str]:
    """Every character ``re`` matches case-blind to one of ``letters`` and RE2 does not (one pass over every
    code point): what an RE2 superset pre-test must send to the ``re`` search anyway."""
    letters = list(letters)
    either = re.compile("(?i)[" + re.escape("".join(letters)) + "]")
    paired = [chr(code) for code in range(sys.maxunicode + 1) if either.fullmatch(chr(code))]
    missed = []
    for letter in letters:
        folded = re2.compile("(?i)" + re.escape(letter))
        for char in paired:
            if re.fullmatch("(?i)" + re.escape(letter), char) and folded.fullmatch(char) is None:
                missed.append(char)
    return missed


@lru_cache(maxsize=1)
def _every_character() -> str:
    """Every code point but the lone surrogates, as one string."""
    return "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)


@cache
def re_partners(char: str) -> tuple[str, ...]:
    """Every other character ``re``'s IGNORECASE matches to ``char`` (one ``findall`` over every code point)."""
    return tuple(other for other in re.findall("(?i)" + re.escape(char), _every_character()) if other != char)


# Python's whitespace (``re``'s ``\s``): what a space of a text may be where a pattern reads ``\s``.
PYTHON_SPACES = tuple(char for char in _every_character()[:0x3001] if re.match(r"\s", char))


def re_case_variants(text: str) -> list[str]:
    """``text``, its upper-case form, and ``text`` with one character swapped for each character ``re``'s
    IGNORECASE pairs with it (one swap a variant), or a space for each of Python's whitespace characters."""
    variants = [text, text.upper()]
    for index, char in enumerate(text):
        others = PYTHON_SPACES if char == " " else re_partners(char)
        variants += [text[:index] + other + text[index + 1 :] for other in others if other != char]
    return variants
