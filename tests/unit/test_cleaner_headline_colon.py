"""A kicker's line over a line that opens with the colon (": Headline"): the two name one headline."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner import clean_article
from newsdrop.text.cleaner.headline_colon import colon_joined
from newsdrop.text.cleaner.lines import _Line
from newsdrop.text.line_keys import count_words, normalize_line_key
from tests.unit.cleaner_fixtures import LEAD, SECOND


def _lines(*texts: str, title: int = 0) -> list[_Line]:
    """The lines, the one at ``title`` the title line."""
    lines = [
        _Line(index, text, normalize_line_key(text), count_words(text)) for index, text in enumerate(texts)
    ]
    lines[title].role = "title"
    return lines


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # The next printed line opens with the colon: kicker and headline, joined.
        (("Harbour wall", ": The town decides"), "Harbour wall: The town decides"),
        (("Harbour wall", "", ": Will the town decide?"), "Harbour wall: Will the town decide?"),
        # A line that ends a sentence or a label waits for no headline.
        (("The harbour wall is finished.", ": The town decides"), "The harbour wall is finished."),
        (("Harbour wall:", ": The town decides"), "Harbour wall:"),
        # A double colon or an address, a sentence, or a long paragraph under it: the line alone.
        (("Anna Berg", ":: Hello Anna, tell us about the harbour"), "Anna Berg"),
        (("In this text", "://about:blank"), "In this text"),
        (("Harbour wall", ": The town decided on Tuesday to rebuild it."), "Harbour wall"),
        (("Harbour wall", ": " + "word " * 40), "Harbour wall"),
        (("Harbour wall", "The town decides"), "Harbour wall"),
        (("Harbour wall",), "Harbour wall"),
    ],
)
def test_a_colon_line_under_the_headline_completes_it(texts: tuple[str, ...], expected: str) -> None:
    assert colon_joined(_lines(*texts), texts[0]) == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # The colon's line chosen: the kicker over it opens the headline.
        (("Harbour wall", ": The town decides"), "Harbour wall: The town decides"),
        (("Harbour wall", "", ": The town decides"), "Harbour wall: The town decides"),
        # Over it a sentence, a label, or nothing: the line as chosen.
        (("The wall is finished.", ": The town decides"), ": The town decides"),
        (("Harbour wall:", ": The town decides"), ": The town decides"),
        (("", ": The town decides"), ": The town decides"),
    ],
)
def test_a_kicker_over_the_colon_line_opens_it(texts: tuple[str, ...], expected: str) -> None:
    chosen = len(texts) - 1
    assert colon_joined(_lines(*texts, title=chosen), texts[chosen]) == expected


def test_a_page_names_the_kicker_and_its_colon_line() -> None:
    page = f"Home\nNews\n\nHarbour wall\n: The town decides\nBy Anna Berg\n\n{LEAD}\n\n{SECOND}\n"
    assert clean_article(page, model=None).title == "Harbour wall: The town decides"
