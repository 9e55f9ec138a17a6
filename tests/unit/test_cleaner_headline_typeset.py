"""A headline named from a plain-punctuation printing (a page's <title>) takes the page's typeset printing of it."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner import clean_article
from newsdrop.text.cleaner.headline_typeset import typeset_printing
from newsdrop.text.cleaner.lines import _Line
from newsdrop.text.line_keys import count_words, normalize_line_key
from tests.unit.cleaner_fixtures import LEAD, SECOND


def _lines(*texts: str) -> list[_Line]:
    return [
        _Line(index, text, normalize_line_key(text), count_words(text)) for index, text in enumerate(texts)
    ]


@pytest.mark.parametrize(
    ("title", "printed", "expected"),
    [
        # The page prints the headline with a typographic dash or quotes: that printing.
        (
            "Harbour wall - the town decides",
            ("Menu", "Harbour wall – the town decides"),
            "Harbour wall – the town decides",
        ),
        ("Mayor's plan for the harbour", ("Mayor’s plan for the harbour",), "Mayor’s plan for the harbour"),
        ('He says "no" to the harbour', ("He says „no“ to the harbour",), "He says „no“ to the harbour"),
        # A printing with fewer typographic marks never replaces a typeset title.
        ("Mayor’s plan for the harbour", ("Mayor's plan for the harbour",), "Mayor’s plan for the harbour"),
        # Other words, another length, or a title with no plain mark: the title stands.
        (
            "Harbour wall - the town decides",
            ("Harbour wall – the city decides",),
            "Harbour wall - the town decides",
        ),
        (
            "Harbour wall - the town decides",
            ("Harbour wall – the town decides today",),
            "Harbour wall - the town decides",
        ),
        ("Harbour wall finished early", ("Harbour wall finished early",), "Harbour wall finished early"),
    ],
)
def test_the_typeset_printing_names_the_headline(title: str, printed: tuple[str, ...], expected: str) -> None:
    assert typeset_printing(title, _lines(*printed)) == expected


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # The <title> prints a plain hyphen, the story's own printing (further down) a dash: the story's printing
        # names the headline.
        (
            f"Harbour wall - the town decides | Town Post\nTown Post\nHome\n\n{LEAD}\n\n"
            f"Harbour wall – the town decides\n\n{SECOND}\n",
            "Harbour wall – the town decides",
        ),
        # With the plain printing alone, the plain printing.
        (
            f"Harbour wall - the town decides | Town Post\nTown Post\nHome\n\n{LEAD}\n\n{SECOND}\n",
            "Harbour wall - the town decides",
        ),
    ],
)
def test_a_plain_title_line_takes_the_typeset_printing(page: str, expected: str) -> None:
    assert clean_article(page, model=None).title == expected
