"""Speed pass 52: the rule scan's ASCII set reads bytes as Latin-1 (the UTF-8 set's verdicts on every ASCII key); a
second reading of a page takes its paragraphs' facts from the first."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsdrop.text.cleaner.cues_notice import NOTICE_STEMS
from newsdrop.text.cleaner.lines import _analyse, _Line, _read_lines
from newsdrop.text.cleaner.related_runs import ASCII_LABEL_STARTS
from newsdrop.text.line_keys import normalize_line_key
from newsdrop.text.re2_sets import native_match, search_set
from newsdrop.text.rule_dispatch import _GUARD_ORDER, _SCANNED_BITS, _STEMS, _source
from newsdrop.text.rules import ASCII_KEY_SCANS

DATA = Path(__file__).resolve().parents[2] / "data"

# Keys with the decoration, digits and words the patterns' non-ASCII parts sit beside ("« previous post",
# "gefällt mir", the bullets of the share row), and ASCII bytes a Latin-1 reading could confuse.
_KEYS = (
    "share",
    "• share •",
    "previous post next post",
    "previous post next post »",
    "gefallt mir",
    "a lire aussi",
    "lire aussi:",
    "menu x",
    "x",
    "...",
    "|",
    "photo: getty images",
    "by jane doe",
    "cookie policy",
    "\x7f share \x7f",
    "\x01\x1f",
    "",
)


def _rule_scan_sources() -> list[str]:
    """The patterns of ``rule_scanner``'s ASCII set, in its order (``_scan_bounds``)."""
    scans = [source for name in _SCANNED_BITS for source in ASCII_KEY_SCANS[name]]
    return (
        [f"^(?:{_source(guard, lower_ascii=True)})" for _, guard in _GUARD_ORDER]
        + [re.escape(stem) for stem in _STEMS]
        + [re.escape(literal) for literal in NOTICE_STEMS]
        + scans
        + [f"^(?:{source})" for source in ASCII_LABEL_STARTS]
    )


@pytest.fixture(scope="module")
def ascii_keys() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted((DATA / "cleaning-dev").glob("*/*.txt"))]
    lines = {raw.strip() for text in texts for raw in text.splitlines() if raw.strip()}
    keys = {normalize_line_key(line) for line in lines} | set(_KEYS)
    return sorted(key for key in keys if key.isascii())


def test_the_latin1_scan_gives_the_utf8_sets_indices_on_every_ascii_key(ascii_keys: list[str]) -> None:
    sources = _rule_scan_sources()
    utf8 = native_match(search_set(sources))
    latin1 = native_match(search_set(sources, ascii_texts=True))
    assert len(ascii_keys) > 1000
    differing = [key for key in ascii_keys if sorted(utf8(key.encode())) != sorted(latin1(key.encode()))]
    assert differing == []


@pytest.mark.parametrize(
    ("pattern", "key", "found"),
    [
        # A non-ASCII literal never matches an ASCII key in either reading.
        ("gefällt mir", "gefallt mir", False),
        # A non-ASCII class admits the same ASCII characters; a negated one, every ASCII character but its own.
        ("^[•·,:]*share", ",:share", True),
        ("^[^•·]+$", "share this", True),
        # A group around the non-ASCII character keeps it whole, so an optional one may be absent.
        ("^(?:« )?previous post$", "previous post", True),
        ("^(?:à )?lire aussi", "lire aussi", True),
        # Case folding pairs the same ASCII letters.
        ("(?i:^k)", "kelvin", True),
    ],
)
def test_the_latin1_reading_of_a_pattern_on_an_ascii_key(pattern: str, key: str, found: bool) -> None:
    assert bool(native_match(search_set([pattern], ascii_texts=True))(key.encode())) is found
    assert bool(native_match(search_set([pattern]))(key.encode())) is found


@pytest.mark.parametrize("pattern", ["^café?$", "x…*", "a«+b", "o{0,1}ó{0,1}"])
def test_a_quantified_non_ascii_character_is_refused(pattern: str) -> None:
    # Read as Latin-1, "é?" would be "\xc3\xa9?": the first byte required, so "caf" would not match.
    with pytest.raises(ValueError, match="quantified non-ASCII"):
        search_set([pattern], ascii_texts=True)
    search_set([pattern])


_PARAGRAPH = (
    "The harbour authority said on Tuesday that the dredging work, which began in the spring after two years of "
    "delays, would end early because the autumn storms had held off and the contractor had added a second crew "
    "to the night shift, cutting the cost to the port's budget by a fifth, the authority's chief engineer said."
)


@pytest.mark.parametrize(
    "text",
    [
        f"Share\n{_PARAGRAPH}\nRelated stories\n{_PARAGRAPH}",
        f"{_PARAGRAPH} Read more...\r\n\r\nAdvertisement\r\n{_PARAGRAPH.upper()}",
        "Share\nA short line of prose that ends like a sentence here.",
        "",
    ],
)
def test_a_second_reading_takes_the_paragraphs_facts_from_the_first(text: str) -> None:
    def fields(lines: list[_Line]) -> list[tuple[object, ...]]:
        return [tuple(getattr(line, name) for name in _Line.__slots__) for line in lines]

    plain = fields(_read_lines(text, frozenset()))
    long_facts: dict[str, tuple] = {}
    assert fields(_read_lines(text, frozenset(), long_facts=long_facts)) == plain
    long_lines = {line.strip() for line in text.replace("\r\n", "\n").split("\n") if len(line.strip()) > 300}
    assert bool(long_lines) == (_PARAGRAPH in text)
    assert set(long_facts) == long_lines
    assert all(long_facts[line] == _analyse(line, True) for line in long_lines)
    first = dict(long_facts)
    assert fields(_read_lines(text, frozenset(), long_facts=long_facts)) == plain
    assert all(long_facts[line] is first[line] for line in long_lines)
