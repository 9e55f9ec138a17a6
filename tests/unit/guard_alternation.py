"""The rule guards as one ``re`` alternation: the reference the rule scan's shortcuts are tested against."""

from __future__ import annotations

import re
from functools import lru_cache

from newsdrop.text.rule_dispatch import _GUARD_ORDER, _source


def either(
    patterns: list[re.Pattern[str]], *, lower_ascii: bool = False, marked: bool = False
) -> re.Pattern[str]:
    """One pattern that matches where any of ``patterns`` matches (each keeps its own case flag; ``lower_ascii``
    as in ``rule_dispatch._source``).

    ``marked``: each alternative ends in an empty group named ``_guard<i>`` (``i`` its place in ``patterns``), so a
    match's ``lastgroup`` names the first alternative that matched.
    """
    parts = []
    for index, pattern in enumerate(patterns):
        mark = f"(?P<_guard{index}>)" if marked else ""
        parts.append(_source(pattern, lower_ascii=lower_ascii) + mark)
    return re.compile("|".join(parts))


@lru_cache(maxsize=2)
def guard_alternation(lower_ascii: bool) -> tuple[re.Pattern[str], dict[str | None, int]]:
    """Every guard of ``_GUARD_ORDER`` in one pattern (``lower_ascii`` for an ASCII key), and by the name of each
    alternative's closing group its rule's word bound: a rule admitting a line of ``words`` words has a guard that
    matches the key iff the first alternative that matches has a bound of at least ``words`` (the largest bounds
    come first). The scan once asked ``re`` this alternation; it now asks RE2 sets and single guards."""
    pattern = either([guard for _, guard in _GUARD_ORDER], lower_ascii=lower_ascii, marked=True)
    return pattern, {f"_guard{index}": bound for index, (bound, _) in enumerate(_GUARD_ORDER)}
