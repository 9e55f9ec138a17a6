"""Yes/no line scans on RE2 (google-re2) sets: one DFA pass in C where ``re`` tries alternatives one by one."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import re2

# What a set's ``Match`` returns: the indices of the patterns that match, or None when none does.
SetMatch = Callable[[str], list[int] | None]


def _compiled(found: re2.Set, patterns: Sequence[str]) -> SetMatch:
    """``found`` (an empty RE2 set) with ``patterns`` added (case-sensitive, UTF-8), compiled: its ``Match``.

    Raises ValueError for a pattern RE2 cannot read (a lookaround, a backreference): keep it on ``re``.
    """
    for pattern in patterns:
        try:
            found.Add(pattern)
        except re2.error as error:
            raise ValueError(f"RE2 cannot read this pattern: {pattern!r}") from error
    found.Compile()
    return found.Match


def start_set(patterns: Sequence[str]) -> SetMatch:
    """The indices of ``patterns`` that match at the start of a text, as ``re.match`` would on ASCII text
    whose only whitespace is the plain space. (RE2's ``\\w``, ``\\d`` and ``\\b`` are ASCII-only, and its
    ``\\s`` lacks the ``\\v`` and ``\\x1c``-``\\x1f`` Python's holds: other texts can differ.)"""
    return _compiled(re2.Set.MatchSet(), patterns)


def search_set(patterns: Sequence[str]) -> SetMatch:
    """Not None iff one of ``patterns`` occurs in a text. For literal patterns that is ``re.search``'s
    verdict on any text (a UTF-8 substring starts and ends on code points)."""
    return _compiled(re2.Set.SearchSet(), patterns)


def literal_lines(literals: Sequence[str]) -> Callable[[Sequence[str]], list[int]]:
    """A scan giving the indices of the texts that hold one of ``literals`` (none with a line break), in order.

    One RE2 search over the texts joined by line breaks, resumed at the line after each hit, where a search
    per text costs a call each (most texts hold none). A literal's UTF-8 bytes match only whole characters
    and never span a line break, so a text holds one iff a hit falls inside it. Texts that hold a line
    break themselves are searched one by one.
    """
    if not literals or any("\n" in literal for literal in literals):
        raise ValueError("literal_lines takes one or more literals without a line break")
    compiled = re2.compile("|".join(re.escape(literal) for literal in literals).encode("utf-8"))
    search = compiled.search

    def scan(texts: Sequence[str]) -> list[int]:
        joined = "\n".join(texts).encode("utf-8")
        if joined.count(b"\n") != max(0, len(texts) - 1):
            return [index for index, text in enumerate(texts) if search(text.encode("utf-8")) is not None]
        found: list[int] = []
        line = at = 0
        while (hit := search(joined, at)) is not None:
            start = hit.start()
            line += joined.count(b"\n", at, start)
            found.append(line)
            at = joined.find(b"\n", start) + 1
            if at == 0:
                break
            line += 1
        return found

    return scan
