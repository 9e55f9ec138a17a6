"""Speed pass 9's shortcut gives what the plain computation it replaces gives: the rule stems as one regex."""

from __future__ import annotations

import re

import pytest

from newsdrop.text.rule_dispatch import _stems_for, _stems_search, trie_pattern
from newsdrop.text.rule_registry import holds_any


@pytest.mark.parametrize(
    ("words", "text", "expected"),
    [
        (("comment", "coment", "kommentar"), "leave a comentario", True),
        (("comment", "coment", "kommentar"), "kommentare (3)", True),
        (("comment", "coment", "kommentar"), "a commen", False),
        (("sub", "subscri"), "subscribe now", True),
        (("sub", "subscri"), "su b", False),
        (("(c)", "©"), "(c) 2024 acme", True),
        (("(c)", "©"), "© acme", True),
        (("(c)", "©"), "c 2024", False),
        (("a.b",), "axb", False),
        (("a.b",), "xa.bx", True),
        (("rights reserved",), "all rights  reserved", False),
    ],
)
def test_trie_pattern_matches_iff_the_text_holds_a_word(
    words: tuple[str, ...], text: str, expected: bool
) -> None:
    assert (re.search(trie_pattern(words), text) is not None) is expected
    assert any(word in text for word in words) is expected


@pytest.mark.parametrize(
    ("key", "words", "expected"),
    [
        ("leave a comment below", 4, True),
        ("no replies yet", 3, True),
        ("© 2024 acme corp", 4, True),
        ("sign up for our newsletter", 5, True),
        ("we use cookies on this site", 6, True),
        ("the mayor spoke to reporters on tuesday", 7, False),
        ("", 1, False),
        # Past 25 words the "©" stem's rule no longer admits the line: only the longer rules' stems count.
        ("© " + "word " * 28 + "end", 30, False),
        ("cookie " + "word " * 50 + "end", 52, True),
        # Past every stem rule's bound no stem is asked for: no match (an empty pattern would match anything).
        ("cookie " + "word " * 60 + "end", 62, False),
    ],
)
def test_stems_search_is_holds_any_of_the_admitted_rules_stems(key: str, words: int, expected: bool) -> None:
    assert (_stems_search(words)(key) is not None) is expected
    assert holds_any(key, _stems_for(words)) is expected
