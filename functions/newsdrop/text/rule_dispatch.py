"""The fast scan of the line rules: the first rule that claims a line, with one guard match ruling most out."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from newsdrop.text.re2_sets import (
    FOLDED_APART,
    BytesMatch,
    SetMatch,
    native_match,
    search_set,
    start_set,
    superset_source,
)
from newsdrop.text.rules import ASCII_KEY_SCANS, KEY_GUARDS, RULES, STEM_GUARDS, LineRule


def _source(pattern: re.Pattern[str], *, lower_ascii: bool) -> str:
    """``pattern`` as one alternative of a larger pattern, keeping its own case flag.

    ``lower_ascii``: the alternative is only matched against lower-case ASCII text (an ASCII line's key),
    where a case-insensitive pattern whose letters are all lower-case matches exactly as its case-sensitive
    form does; that form is used, since the regex engine skips an alternative by its first letter only
    when the match is case-sensitive (twice as fast on lines no rule claims), and RE2 sets take it.
    """
    if pattern.flags & ~(re.IGNORECASE | re.UNICODE):
        raise ValueError(f"a rule guard supports the IGNORECASE flag only: {pattern.pattern!r}")
    insensitive = bool(pattern.flags & re.IGNORECASE)
    if (
        lower_ascii
        and insensitive
        and _ESCAPE.sub("", pattern.pattern) != _ESCAPE.sub("", pattern.pattern).lower()
    ):
        raise ValueError(f"a case-insensitive rule guard must be written in lower case: {pattern.pattern!r}")
    return f"(?{'i' if insensitive and not lower_ascii else ''}:{pattern.pattern})"


def trie_pattern(words: Sequence[str]) -> str:
    """A regex matching any of ``words`` (at least one), with shared prefixes factored out ("sub(?:scri|skry)").

    The regex engine tries a flat alternation's branches one by one at every position; factored, it
    reads each character once per prefix: half the time of the flat pattern over the corpus's lines.
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # A word may end here (another goes on): the rest is optional.
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


# A backslash escape (``\W``, ``\d``): not a letter of the pattern's text.
_ESCAPE = re.compile(r"\\.")


@lru_cache(maxsize=128)
def _rules_for(words: int) -> tuple[tuple[LineRule, Callable[[str, str, int], bool]], ...]:
    """The rules whose word bound admits a line of ``words`` words, with their tests (no call overhead)."""
    return tuple((rule, rule.test) for rule in RULES if words <= rule.max_words)


# Every ``KEY_GUARDS`` pattern with its rule's word bound, the largest bound first: the first alternative of
# their alternation that matches a key then has the largest bound among those that match it. (With its rule's name.)
_GUARDS_NAMED: tuple[tuple[int, re.Pattern[str], str], ...] = tuple(
    sorted(
        ((rule.max_words, pattern, rule.name) for rule in RULES for pattern in KEY_GUARDS.get(rule.name, ())),
        key=lambda named: -named[0],
    )
)
_GUARD_ORDER: tuple[tuple[int, re.Pattern[str]], ...] = tuple(
    (bound, guard) for bound, guard, _ in _GUARDS_NAMED
)


# A line longer than every guarded rule's bound faces none of them: no guard match at all.
_GUARD_MAX_WORDS = max(bound for bound, _ in _GUARD_ORDER)


# Each ``_GUARD_ORDER`` pattern's word bound, by its place; the number of places, and every place.
_GUARD_BOUNDS: tuple[int, ...] = tuple(bound for bound, _ in _GUARD_ORDER)
_GUARD_COUNT = len(_GUARD_ORDER)
_ALL_GUARD_PLACES = range(_GUARD_COUNT)


# The ``KEY_GUARDS`` patterns that match at the start of an ASCII key, as one RE2 set: one DFA pass where
# ``re`` tries the alternation's branches one by one (2.5 -> 0.6 us a key over the corpus's distinct
# lines). Exact there: an ASCII key is lower case with single plain spaces (``normalize_line_key``), where
# RE2's ASCII ``\w``, ``\d``, ``\s`` and ``\b`` agree with Python's; other keys stay on ``re``.
_ascii_guard: SetMatch = start_set([_source(guard, lower_ascii=True) for _, guard in _GUARD_ORDER])


# ``_ascii_guard`` over the key's bytes (``native_match``).
_ascii_guard_bytes: BytesMatch = native_match(_ascii_guard)


@lru_cache(maxsize=1)
def _wide_guard() -> BytesMatch:
    """The ``KEY_GUARDS`` patterns widened for any key (``superset_source``) as one RE2 set over its UTF-8 bytes:
    where none of a rule's widened guards matches, neither does the guard, and a non-ASCII key skips ``re``'s
    alternation (most do). Built on the first non-ASCII key (about 3 ms: an ASCII text never pays it).
    The dotted and dotless i are the only characters ``re``'s case-blind guards pair with a letter and RE2's
    case folding does not (a unit test reads every code point): a key holding one goes to ``re`` as before."""
    return native_match(
        start_set([superset_source(_source(guard, lower_ascii=False)) for _, guard in _GUARD_ORDER])
    )


# (Its two letters by name: ``rule_scanner`` tests a non-ASCII key for each with ``in``, not a generator over them.)
_DOTTED_I, _DOTLESS_I = FOLDED_APART


def _guard_matches(key: str, words: int, encoded: bytes | None = None) -> bool:
    """Whether a ``KEY_GUARDS`` pattern of a rule that admits a line of ``words`` words matches ``key``
    (``encoded``: the key's UTF-8 bytes, if at hand)."""
    if words > _GUARD_MAX_WORDS:
        return False
    if key.isascii():
        found = _ascii_guard_bytes(key.encode() if encoded is None else encoded)
        return bool(found) and max(map(_GUARD_BOUNDS.__getitem__, found)) >= words
    wide = _wide_guard()(key.encode() if encoded is None else encoded)
    if (not wide or max(map(_GUARD_BOUNDS.__getitem__, wide)) < words) and not any(
        char in key for char in FOLDED_APART
    ):
        return False
    return _re_guard_matches(key, words)


# Each ``_GUARD_ORDER`` pattern's own ``match``, by its place.
_GUARD_MATCHES: tuple[Callable[[str], re.Match[str] | None], ...] = tuple(
    guard.match for _, guard in _GUARD_ORDER
)


def _re_guard_matches(key: str, words: int, places: Sequence[int] | None = None) -> bool:
    """``_guard_matches`` of a key by ``re`` alone: its verdict wherever the widened guards admit the line or the key
    holds a letter the two engines fold apart (where ``_guard_matches`` asks it). ``places``: the only places in
    ``_GUARD_ORDER`` (others are ignored) whose patterns can match (the widened guards' matches); None: every place.

    The guards' one alternation's verdict (a unit test checks against it), one pattern at a time: the alternation's first alternative that
    matches has the largest bound of those that match, so it admits the line iff one of them does. The alternation
    cost about 15 ms to compile in each process that met a non-ASCII key, and tried every alternative on each key.
    """
    for place in _ALL_GUARD_PLACES if places is None else places:
        if place < _GUARD_COUNT and _GUARD_BOUNDS[place] >= words and _GUARD_MATCHES[place](key) is not None:
            return True
    return False


@lru_cache(maxsize=128)
def _stems_for(words: int) -> tuple[str, ...]:
    """The ``STEM_GUARDS`` stems of the rules that admit a line of ``words`` words (longer lines face fewer
    rules, so fewer tests).

    (The stems are substring tests in a loop: a regex of their alternation costs more than the five rules.)
    """
    names = [rule.name for rule, _ in _rules_for(words)]
    return tuple(dict.fromkeys(stem for name in names for stem in STEM_GUARDS.get(name, ())))


def _never(key: str) -> None:
    """No stems: nothing to find."""
    return None


@lru_cache(maxsize=16)
def _literal_search(stems: tuple[str, ...]) -> SetMatch:
    """An RE2 search set of ``stems``: not None iff the text holds one of them (the substring tests' verdict,
    half the time of one ``re`` search of their trie over the corpus's distinct lines)."""
    return search_set([re.escape(stem) for stem in stems]) if stems else _never


@lru_cache(maxsize=128)
def _stems_search(words: int) -> SetMatch:
    """``holds_any(key, _stems_for(words))`` as one search (not None iff it holds): one pass in C over the key
    where ``holds_any`` loops over 37 substring tests (docs/eval.md, speed passes 5, 9 and 10)."""
    return _literal_search(_stems_for(words))


# Each ``ASCII_KEY_SCANS`` rule's bit in a mask of the rules whose scans matched; the mask of them all.
_SCANNED_BITS: dict[str, int] = {name: 1 << place for place, name in enumerate(ASCII_KEY_SCANS)}
_ALL_SCANNED = (1 << len(_SCANNED_BITS)) - 1


@lru_cache(maxsize=2048)
def _guarded_rules_for(
    words: int, patterns: bool, stems: bool, scanned: int = _ALL_SCANNED
) -> tuple[tuple[LineRule, Callable[[str, str, int], bool]], ...]:
    """``_rules_for`` without the rules a failed guard rules out: ``KEY_GUARDS``' unless ``patterns``
    (one of their patterns matched), ``STEM_GUARDS``' unless ``stems`` (the key holds one of their stems),
    each ``ASCII_KEY_SCANS`` rule unless its bit is set in ``scanned``."""
    return tuple(
        (rule, test)
        for rule, test in _rules_for(words)
        if (patterns or rule.name not in KEY_GUARDS)
        and (stems or rule.name not in STEM_GUARDS)
        and (rule.name not in _SCANNED_BITS or scanned & _SCANNED_BITS[rule.name])
    )


# Each stem of ``STEM_GUARDS`` with the largest word bound of the rules that test it: ``_stems_for(words)`` holds
# the stem iff that bound is at least ``words``.
_STEM_BOUNDS: dict[str, int] = {}
for _rule in RULES:
    for _stem in STEM_GUARDS.get(_rule.name, ()):
        _STEM_BOUNDS[_stem] = max(_STEM_BOUNDS.get(_stem, 0), _rule.max_words)
_STEMS = tuple(_STEM_BOUNDS)


def _scan_bounds(
    guards: list[str], literals: Sequence[str] = (), scans: Sequence[str] = (), ascii_texts: bool = False
) -> tuple[BytesMatch, tuple[int, ...], int]:
    """One RE2 search set of ``guards`` (RE2 sources of the ``_GUARD_ORDER`` patterns, in its order) anchored at
    the text's start and of every stem, over UTF-8 bytes; each index's word bound; the first stem's index.
    ``literals`` (``rule_scanner``'s) follow the stems, with no bound, and ``scans`` (RE2 sources) follow them.

    One DFA pass answers both guard questions of ``first_rule`` where two sets took two passes and two calls
    (a set that searches runs its anchored patterns only from the first byte: ``^`` is the text's start).
    ``ascii_texts``: only ASCII keys are scanned (``search_set``'s Latin-1 reading)."""
    found = search_set(
        [f"^(?:{guard})" for guard in guards]
        + [re.escape(stem) for stem in _STEMS]
        + [re.escape(literal) for literal in literals]
        + list(scans),
        ascii_texts,
    )
    return native_match(found), _GUARD_BOUNDS + tuple(_STEM_BOUNDS.values()), len(guards)


@lru_cache(maxsize=1)
def _ascii_scan() -> tuple[BytesMatch, tuple[int, ...], int]:
    """``_scan_bounds`` of the guards for an ASCII key, built on first use: the cleaner reads its lines with
    ``rule_scanner``'s own scan, so a process compiles this set only where ``first_rule`` is asked."""
    return _scan_bounds([_source(guard, lower_ascii=True) for _, guard in _GUARD_ORDER], ascii_texts=True)


@lru_cache(maxsize=1)
def _wide_scan() -> tuple[BytesMatch, tuple[int, ...], int]:
    """``_ascii_scan`` for any key: the guards widened as in ``_wide_guard`` (built on the first non-ASCII key)."""
    return _scan_bounds([superset_source(_source(guard, lower_ascii=False)) for _, guard in _GUARD_ORDER])


def _guards_hold(key: str, words: int, encoded: bytes) -> tuple[bool, bool]:
    """``(_guard_matches(key, words, encoded), holds_any(key, _stems_for(words)))`` from one scan of the key.

    A non-ASCII key's guard verdict comes from the widened guards, confirmed by ``re`` (``_guard_matches``)
    only where one of them admits the line or the key holds a letter the two engines fold apart."""
    ascii_key = key.isascii()
    scan, bounds, first_stem = _ascii_scan() if ascii_key else _wide_scan()
    guard = stems = False
    for index in scan(encoded):
        if bounds[index] >= words:
            if index < first_stem:
                guard = True
            else:
                stems = True
    if not ascii_key and (guard or any(char in key for char in FOLDED_APART)):
        guard = _guard_matches(key, words, encoded)
    return guard, stems


def first_rule(text: str, key: str, words: int) -> LineRule | None:
    """The first rule that claims the line, in registration order (``key`` is ``normalize_line_key(text)``)."""
    rules = _guarded_rules_for(words, *_guards_hold(key, words, key.encode()))
    for rule, test in rules:
        if test(text, key, words):
            return rule
    return None


# ``rule_scanner`` keeps the rules for word counts up to this (every rule's bound is lower).
_MEMO_MAX_WORDS = 255


# Each guarded rule's bit (``KEY_GUARDS``, ``STEM_GUARDS`` or ``ASCII_KEY_SCANS``: each rule has one kind), by name.
_RULE_BITS: dict[str, int] = {
    rule.name: 1 << place
    for place, rule in enumerate(RULES)
    if rule.name in KEY_GUARDS or rule.name in STEM_GUARDS or rule.name in _SCANNED_BITS
}
_RULE_COUNT = len(RULES)
_ALL_RULE_BITS = (1 << _RULE_COUNT) - 1
# The bits of the ``KEY_GUARDS`` rules, and of the ``ASCII_KEY_SCANS`` rules (a key not ASCII runs their tests).
_KEY_GUARDED = sum(_RULE_BITS[name] for name in KEY_GUARDS)
_ASCII_SCANNED = sum(_RULE_BITS[name] for name in _SCANNED_BITS)
# The bit of the rule owning each ``_GUARD_ORDER`` pattern, by its place, and of each stem's rules.
_GUARD_RULE_BITS: tuple[int, ...] = tuple(_RULE_BITS[name] for _, _, name in _GUARDS_NAMED)
_STEM_RULE_BITS: tuple[int, ...] = tuple(
    sum(_RULE_BITS[rule.name] for rule in RULES if stem in STEM_GUARDS.get(rule.name, ())) for stem in _STEMS
)


@lru_cache(maxsize=4096)
def _rules_of_mask(words: int, mask: int) -> tuple[tuple[LineRule, Callable[[str, str, int], bool]], ...]:
    """``_rules_for(words)`` without each guarded rule whose own guard (its patterns, stems or scans) found
    nothing: its bit is clear in ``mask``. A rule claims a line only where its own guard matches (``rules``)."""
    return tuple((rule, test) for rule, test in _rules_for(words) if mask & _RULE_BITS.get(rule.name, -1))


def rule_scanner(
    literals: Sequence[str], starts: Sequence[str] = ()
) -> Callable[[str, str, int], tuple[LineRule | None, bool, int]]:
    """``first_rule`` that also tells whether the key holds one of ``literals`` (anywhere in it) and, for an ASCII
    key, which of ``starts`` (RE2 sources) match at its start, from its own scan of the key: a caller's literal test
    and start patterns of every line ride on the DFA pass the guards pay for anyway (each RE2 call costs about a
    microsecond of binding overhead, more than the pass itself on a short key).

    Returns the rule (or None), the literal verdict and the bit mask of the ``starts`` that match (bit i: the
    i-th), -1 for a key that is not ASCII (its starts are not scanned: the caller reads them its own way).

    (RE2 literals match as ``in`` does on any text: their verdict is exact for ASCII and other keys alike.)

    An ASCII key's scan also runs every ``ASCII_KEY_SCANS`` search: a rule none of whose searches matches is not
    tried (the two rules with no guard ran on about nine distinct lines in ten and claimed few).

    Each guarded rule is tried only where its own guard found something (``first_rule`` tries every rule of a kind
    once one guard of that kind matches): a line a menu guard admits does not run the comment form's pattern.
    A key that is not ASCII is tried by each rule whose widened guard matched (``_wide_guard``: a superset of the
    guard), or by every ``KEY_GUARDS`` rule where it holds a letter the two engines fold apart."""
    scans = [(source, _RULE_BITS[name]) for name in _SCANNED_BITS for source in ASCII_KEY_SCANS[name]]
    ascii_scan = _scan_bounds(
        [_source(guard, lower_ascii=True) for _, guard in _GUARD_ORDER],
        literals,
        [source for source, _ in scans] + [f"^(?:{source})" for source in starts],
        ascii_texts=True,
    )
    wide: list[BytesMatch] = []
    # Each index's bits in the scan's mask: its rule's for a guard, stem or rule scan, ``held`` for a literal,
    # the starts' above them (bit i of the starts: the i-th).
    held_bit = 1 << _RULE_COUNT
    start_shift = _RULE_COUNT + 1
    index_bits = (
        _GUARD_RULE_BITS
        + _STEM_RULE_BITS
        + (held_bit,) * len(literals)
        + tuple(bit for _, bit in scans)
        + tuple(1 << (start_shift + place) for place in range(len(starts)))
    )
    # ``_rules_of_mask`` by one int of its arguments (a dict read where the cache built a tuple key).
    rules_by_key: dict[int, tuple[tuple[LineRule, Callable[[str, str, int], bool]], ...]] = {}
    ascii_found = ascii_scan[0]

    def scan(text: str, key: str, words: int) -> tuple[LineRule | None, bool, int]:
        if key.isascii():
            mask = 0
            for index in ascii_found(key.encode()):
                mask |= index_bits[index]
            started = mask >> start_shift
        else:
            if not wide:
                # Built on the first non-ASCII key, as ``_wide_scan``.
                wide.append(
                    _scan_bounds(
                        [superset_source(_source(guard, lower_ascii=False)) for _, guard in _GUARD_ORDER],
                        literals,
                    )[0]
                )
            mask = _ASCII_SCANNED
            for index in wide[0](key.encode()):
                mask |= index_bits[index]
            if _DOTTED_I in key or _DOTLESS_I in key:
                mask |= _KEY_GUARDED
            started = -1
        rules_key = (words << _RULE_COUNT) | (mask & _ALL_RULE_BITS)
        rules = rules_by_key.get(rules_key)
        if rules is None:
            rules = _rules_of_mask(words, mask & _ALL_RULE_BITS)
            # (Bounded: a line of more words than any rule admits faces none, whatever its count.)
            if words <= _MEMO_MAX_WORDS:
                rules_by_key[rules_key] = rules
        held = mask & held_bit != 0
        for rule, test in rules:
            if test(text, key, words):
                return rule, held, started
        return None, held, started

    return scan
