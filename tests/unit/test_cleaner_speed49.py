"""Speed pass 49's fast paths give what the computations they replace give."""

from __future__ import annotations

import re

import numpy as np

from newsdrop.text.cleaner import _bmp_word_table


def test_the_word_table_marks_every_plane_character_the_word_regex_matches() -> None:
    # The reference: each character of the plane (lone surrogates too) substituted by the regex when not a word's.
    words_only = re.sub(r"\W", "\0", "".join(map(chr, range(0x10000))))
    expected = np.frombuffer(words_only.encode("utf-32-le"), dtype=np.uint32) != 0
    table = _bmp_word_table()
    assert table.dtype == bool
    assert table.shape == expected.shape
    assert np.array_equal(table, expected)
