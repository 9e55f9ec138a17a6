"""Speed pass 48's shortcuts give what the plain computations they replace give."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.author_box import NAME_WORD, _name_line
from newsdrop.text.cleaner.link_cards import MAX_CARD_WORDS, MIN_PRINTINGS, MIN_TITLE_WORDS, repeated_title
from newsdrop.text.cleaner.teaser_tail import (
    _CLOSED,
    _LIST_ITEM,
    _SENTENCE_END,
    MAX_HEADLINE_WORDS,
    MAX_TEASER_SENTENCES,
    MAX_TEASER_WORDS,
    MIN_HEADLINE_WORDS,
    MIN_TEASER_WORDS,
    headline_line,
    teaser_line,
)
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


def _plain_repeated_title(text: str) -> bool:
    """``link_cards.repeated_title`` with every word split off the line."""
    head = text.split(None, 1)
    if len(head) < 2 or head[0] not in head[1]:
        return False
    words = text.split()
    if len(words) > MAX_CARD_WORDS:
        return False
    for size in range(MIN_TITLE_WORDS, len(words) // 2 + 1):
        if words[size] != words[0]:
            continue
        if all(words[index] == words[index - size] for index in range(size, len(words) - 1)):
            last = words[-1]
            whole = last == words[len(words) - 1 - size] or words[len(words) - 1 - size].startswith(last)
            lettered = sum(1 for word in words[:size] if any(char.isalpha() for char in word))
            if whole and lettered >= MIN_TITLE_WORDS and (len(words) / size > MIN_PRINTINGS - 1 or size >= 6):
                return True
    return False


_CARD = "Harbour plans approved by the council tonight"


@pytest.mark.parametrize(
    "text",
    [
        f"{_CARD} {_CARD} {_CARD}",
        f"{_CARD} {_CARD} Harbour plans appr",
        # 8 words a printing: 80 words in ten printings, 88 in eleven, and 81 with one word of an eleventh.
        " ".join([_CARD + " x"] * 10),
        " ".join([_CARD + " x"] * 11),
        " ".join([_CARD + " x"] * 10) + " Harbour",
        " ".join([_CARD + " x"] * 10) + "  \t ",
        "The harbour plans were approved on Monday after a long debate. " * 20,
        "one two three four",
        "",
    ],
)
def test_repeated_title_reads_what_a_whole_split_reads(text: str) -> None:
    assert repeated_title(text) is _plain_repeated_title(text)


@pytest.mark.parametrize("words", [0, 3, 4, 5, 6, 21, 22, 23, 49, 50, 51, 52, 200])
@pytest.mark.parametrize("end", [".", " …", ""])
def test_teaser_lines_count_the_words_a_whole_split_counts(words: int, end: str) -> None:
    text = " ".join(f"word{index}" for index in range(words)) + end + "  "
    count = len(text.split())
    assert headline_line(text) is (
        MIN_HEADLINE_WORDS <= count <= MAX_HEADLINE_WORDS
        and _CLOSED.search(text.rstrip()) is None
        and _LIST_ITEM.match(text) is None
    )
    assert teaser_line(text) is (
        MIN_TEASER_WORDS <= count <= MAX_TEASER_WORDS
        and _CLOSED.search(text.rstrip()) is not None
        and len(_SENTENCE_END.findall(text)) <= MAX_TEASER_SENTENCES
        and _LIST_ITEM.match(text) is None
    )
