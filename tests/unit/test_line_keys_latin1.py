"""The Latin-1 key of a line (``line_keys._latin1_key``) agrees with NFKC and case folding, character by character."""

from __future__ import annotations

import unicodedata

import pytest

from newsdrop.text.line_keys import (
    _QUOTE_PAIRS,
    _has_extra_space,
    _key_of_normal,
    _latin1_key,
    count_words,
    key_and_words,
    normalize_line_key,
)


def _reference(text: str) -> tuple[str, int]:
    """The key and word count by the general path: NFKC, then ``_key_of_normal``; words by ``str.split``."""
    return _key_of_normal(unicodedata.normalize("NFKC", text)), count_words(text)


_QUOTES = "".join(fancy for fancy, _ in _QUOTE_PAIRS)


# What the fast key may meet: the Latin-1 characters, the quote pairs' characters.
_DOMAIN = [chr(code) for code in range(256)] + list(_QUOTES)


def test_every_character_alone_and_between_letters_keys_as_the_reference() -> None:
    for char in _DOMAIN:
        for text in (char, f"A{char}b", f"{char} Wort {char}"):
            key = _latin1_key(text)
            if key is not None:
                assert key == _reference(text)[0], hex(ord(char))


def test_every_pair_of_characters_keys_as_the_reference() -> None:
    # NFKC may compose neighbours: no pair of the domain does (so no longer run does, all being starters).
    for first in _DOMAIN:
        for second in _DOMAIN:
            text = first + second
            key = _latin1_key(text)
            if key is not None:
                assert key == _key_of_normal(unicodedata.normalize("NFKC", text)), (
                    hex(ord(first)),
                    hex(ord(second)),
                )


def test_only_the_characters_nfkc_changes_are_left_to_the_general_path() -> None:
    # The no-break space is taken (to a space); every other Latin-1 character NFKC changes is refused.
    refused = {char for char in _DOMAIN if _latin1_key(f"x{char}y") is None}
    changed = {chr(code) for code in range(256) if unicodedata.normalize("NFKC", chr(code)) != chr(code)}
    assert refused == changed - {"\u00a0"}


@pytest.mark.parametrize(
    ("text", "key", "words"),
    [
        ("Die Straße ist „gesperrt“ – sagte sie.", 'die strasse ist "gesperrt" - sagte sie.', 7),
        ("Ça n’a rien à voir", "ça n'a rien à voir", 5),
        ("ÀÉÎÕÜ Ý Þ", "àéîõü ý þ", 3),
        ("a\u00a0b", "a b", 2),
        ("a\u00a0\u00a0b ", "a b", 2),
        ("\u00a0", "", 0),
        ("“Quote” only", '"quote" only', 2),
        ("tab\there\u0085next", "tab here next", 3),
    ],
)
def test_latin1_lines_key_and_count(text: str, key: str, words: int) -> None:
    assert _latin1_key(text) == key
    assert key_and_words(text) == (key, words) == _reference(text)
    assert normalize_line_key(text) == key


@pytest.mark.parametrize(
    "text",
    [
        "ΟΔΟΣ ΚΛΕΙΣΤΗ",  # past Latin-1
        "x² und ½",  # superscript and fraction: NFKC changes them
        "µg",  # the micro sign: NFKC maps it to mu
        "café\u00a8",  # the spacing diaeresis
        "e\u0301te\u0301",  # a combining mark past Latin-1
        "東京 “quotes”",
        "\u2018\u0301",  # a quote pair's character under a combining mark
    ],
)
def test_other_texts_take_the_general_path(text: str) -> None:
    assert _latin1_key(text) is None
    assert key_and_words(text) == _reference(text)


def test_the_table_folds_as_casefold_but_for_sharp_s() -> None:
    for code in range(256):
        char = chr(code)
        if unicodedata.normalize("NFKC", char) != char:
            continue
        key = _latin1_key(f"a{char}b")
        assert key is not None
        if not _has_extra_space(f"a{char}b"):
            assert key == f"a{char}b".casefold(), hex(code)
