"""Characters Python's case-blind ``re`` pairs with a letter that RE2's (Unicode simple) case folding does not."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable

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
