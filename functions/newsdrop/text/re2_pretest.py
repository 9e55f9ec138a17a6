"""``re`` searches over long lines behind an RE2 superset pre-test: the search runs only where it may match."""

from __future__ import annotations

import re
from collections.abc import Callable

from newsdrop.text.re2_sets import FOLDED_APART, native_match, search_set, superset_source

# Python's whitespace (``\s`` of a ``str`` pattern) as an RE2 class: RE2's own ``\s`` is ASCII and lacks ``\v``
# and the ``\x1c``-``\x1f`` separators.
SPACE = superset_source(r"\s")

# A character that may stand before a word's first character where ``re``'s ``\b`` holds, as an RE2 class:
# anything but an ASCII letter, digit or underscore (Python's ``\w`` holds those, and more: a superset of its
# ``\W``). Set case-sensitive (``(?-i:``): RE2's ``(?i)`` would also take the Kelvin sign and the long s out.
NOT_WORD = r"(?-i:[^0-9A-Za-z_])"

Search = Callable[[str], re.Match[str] | None]


def pretest_source(pattern: re.Pattern[str]) -> str:
    """The RE2 superset of ``pattern`` (``re2_sets.superset_source``, case-blind where ``pattern`` is).

    Raises ValueError for a flag other than IGNORECASE, for ``$`` (``re``'s matches before a final line break,
    RE2's does not) and for an escape ``superset_source`` cannot widen; RE2 refuses a lookaround when the source
    is compiled (``pretested``). Give a superset by hand then."""
    if pattern.flags & ~(re.IGNORECASE | re.UNICODE):
        raise ValueError(f"flags {pattern.flags:#x} of {pattern.pattern!r}: give a superset by hand")
    if re.search(r"(?<!\\)(?:\\\\)*\$", pattern.pattern):
        raise ValueError(f"'$' in {pattern.pattern!r}: give a superset by hand")
    return ("(?i)" if pattern.flags & re.IGNORECASE else "") + superset_source(pattern.pattern)


def pretested(pattern: re.Pattern[str], superset: str | None = None) -> Search:
    """``pattern.search``, run only on a text where the RE2 pattern ``superset`` (``pretest_source`` of
    ``pattern`` if not given) matches, or that holds a character of ``FOLDED_APART``: the same verdicts and
    matches as ``pattern.search`` wherever ``superset`` matches every text ``pattern`` does (each use has a
    table test). ``re`` tries a case-blind alternation at every position of a long line; RE2 reads it once."""
    hint = native_match(search_set([pretest_source(pattern) if superset is None else superset]))
    search = pattern.search
    dotted, dotless = FOLDED_APART

    def pretested_search(text: str) -> re.Match[str] | None:
        # The dotted and dotless i only where the hint fails (most texts): ``in`` on an ASCII text returns at once.
        if hint(text.encode()) or (not text.isascii() and (dotted in text or dotless in text)):
            return search(text)
        return None

    return pretested_search
