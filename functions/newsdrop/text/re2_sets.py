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


def search_set(patterns: Sequence[str], ascii_texts: bool = False) -> SetMatch:
    """Not None iff one of ``patterns`` occurs in a text. For literal patterns that is ``re.search``'s
    verdict on any text (a UTF-8 substring starts and ends on code points).

    ``ascii_texts``: the set is only matched against ASCII texts, and is compiled to read bytes as Latin-1 (a
    pattern's UTF-8 bytes are read as Latin-1 characters too): on an ASCII text every verdict is the UTF-8 set's,
    with a smaller program (a non-ASCII class or ``\\W`` is one byte range, not UTF-8 sequences), so fewer
    instructions a DFA state the first time a key reaches it. (An ASCII text holds no byte of a non-ASCII
    character's encoding in either reading, so a non-ASCII literal never matches, a class admits the same ASCII
    characters and case folding pairs the same ASCII letters; only a quantifier right after a non-ASCII character
    would bind to its last byte alone, so such a pattern is refused.)"""
    if not ascii_texts:
        return _compiled(re2.Set.SearchSet(), patterns)
    for pattern in patterns:
        if _QUANTIFIED_NON_ASCII.search(pattern):
            raise ValueError(f"a quantified non-ASCII character reads apart as Latin-1: {pattern!r}")
    options = re2.Options()
    options.encoding = re2.Options.Encoding.LATIN1
    return _compiled(re2.Set.SearchSet(options), patterns)


# A non-ASCII character a quantifier follows: ``search_set``'s Latin-1 reading would quantify its last byte alone.
_QUANTIFIED_NON_ASCII = re.compile(r"[^\x00-\x7f][?*+{]")


# What a set's own ``Match`` in the binding returns on UTF-8 bytes: the indices of the patterns that match, empty
# when none does.
BytesMatch = Callable[[bytes], list[int]]


def _nothing(text: bytes) -> list[int]:
    """No patterns: nothing matches."""
    return []


def native_match(found: SetMatch | None) -> BytesMatch:
    """``found``'s (a ``search_set`` or ``start_set``; None: no patterns) match over UTF-8 bytes, by the binding's
    C method: the same indices (``found(text) or []`` is ``native_match(found)(text.encode())``) without its
    Python wrapper's two calls, a quarter of a call's cost; the line scans call it some 260k times a corpus pass,
    and a caller holding a line's bytes encodes them once for several sets."""
    if found is None:
        return _nothing
    owner = getattr(found, "__self__", None)
    native = getattr(owner, "_set", None)
    if owner is None or native is None or found != owner.Match:
        # Not the binding's wrapper as pinned (google-re2 1.1): its verdicts, through it.
        return lambda text: found(text.decode()) or []
    return native.Match  # type: ignore[no-any-return]


# What RE2 must add to its ASCII classes to hold every character Python's Unicode class holds (a unit test reads
# every code point): every non-ASCII character for ``\w`` (Unicode's letter and number classes compile three times
# slower, about 8 ms for the rule guards, and ruled out no more of the corpus's keys), the decimal digits for
# ``\d``, and the whitespace ``str.isspace`` names for ``\s``. (RE2's ``\W``, ``\D`` and ``\S`` hold every
# non-ASCII character: supersets already.)
_WIDENED = {
    "w": r"\w\x{80}-\x{10FFFF}",
    "d": r"\d\p{Nd}",
    "s": r"\s\x0b\x1c-\x1f\x85\xa0\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}",
}


def _class_end(pattern: str, start: int) -> int:
    """The index just past the character class opening at ``pattern[start]`` ("[")."""
    index = start + 1
    if pattern[index : index + 1] == "^":
        index += 1
    # A "]" right after the opening is the class's own character.
    if pattern[index : index + 1] == "]":
        index += 1
    while pattern[index] != "]":
        index += 2 if pattern[index] == "\\" else 1
    return index + 1


# The characters ``re``'s IGNORECASE pairs with a letter ("i", "I") that RE2's case folding (Unicode's simple one)
# keeps apart from it: the dotted capital I and the dotless i (unit tests read every code point). A case-blind
# superset's caller searches a text holding one whatever RE2 says.
FOLDED_APART = ("\u0130", "\u0131")


def superset_source(pattern: str) -> str:
    """An RE2 pattern that matches (UTF-8) wherever Python's ``re`` matches ``pattern`` on any text, maybe more.

    RE2's ``\\w``, ``\\d`` and ``\\s`` are ASCII: each is widened to hold Python's (``_WIDENED``); its ``\\W``,
    ``\\D`` and ``\\S`` already hold more than Python's.
    ``\\b`` and ``\\B`` are dropped (an assertion less matches more) and a negated class becomes any character.
    A case-blind pattern keeps its flag: where RE2's case folding and ``re``'s pair a letter differently (the
    dotted and dotless i), the caller tests the text itself. Raises ValueError for what RE2 cannot read."""
    out: list[str] = []
    index = 0
    in_class = False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            escape = pattern[index + 1]
            if escape in _WIDENED:
                out.append(_WIDENED[escape] if in_class else f"[{_WIDENED[escape]}]")
            elif escape in "bB" and not in_class:
                pass
            elif escape.isalnum() and escape not in "WDS":
                raise ValueError(f"no superset for the escape \\{escape}: {pattern!r}")
            else:
                out.append(pattern[index : index + 2])
            index += 2
            continue
        if not in_class and char == "[":
            if pattern[index + 1 : index + 2] == "^":
                out.append("(?s:.)")
                index = _class_end(pattern, index)
                continue
            in_class = True
            out.append(char)
            if pattern[index + 1 : index + 2] == "]":
                out.append(r"\]")
                index += 1
        elif in_class and char == "]":
            in_class = False
            out.append(char)
        else:
            out.append(char)
        index += 1
    return "".join(out)
