"""Speed pass 48's shortcuts give what the plain computations they replace give."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.author_box import NAME_WORD, _name_line
from tests.unit.cleaner_fixtures import Line


def _plain_name_line(text: str) -> str | None:
    words = text.split()
    if not 2 <= len(words) <= 3 or not all(NAME_WORD.match(word) for word in words):
        return None
    return text


@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe",
        "Hans Peter Müller",
        "Hans Peter Maria Müller",
        "Jane",
        "Jane Doe ",
        " Jane\tDoe\u00a0",
        "Jane  Doe\u2003Smith",
        "Jane Doe Smith Jones",
        "Jane Doe Smith\nJones",
        "Jane doe",
        "List Comprehensions Are Fast And Simple To Write In Python",
        "Jane Doe is the harbour correspondent of the paper and has covered the coast since 2015.",
        "",
    ],
)
def test_name_line_reads_the_words_a_whole_split_reads(text: str) -> None:
    assert _name_line(Line(1, text, prose=False)) == _plain_name_line(text)
