"""A title line crediting the headline's author after it ("Recipe von user"): the headline alone, when the page
prints it alone."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner import clean_article
from newsdrop.text.cleaner.headline_credit import without_credit
from newsdrop.text.cleaner.lines import _Line
from newsdrop.text.line_keys import count_words, normalize_line_key
from tests.unit.cleaner_fixtures import LEAD, SECOND


def _lines(*texts: str) -> list[_Line]:
    return [
        _Line(index, text, normalize_line_key(text), count_words(text)) for index, text in enumerate(texts)
    ]


@pytest.mark.parametrize(
    ("text", "printed", "expected"),
    [
        # The credit after the headline, the headline printed alone: the headline.
        ("Mandarin cake von jesusfreak", ("Menu", "Mandarin cake"), "Mandarin cake"),
        ("Harbour walk by Anna Berg", ("Harbour walk",), "Harbour walk"),
        # The part before "by" not printed alone: a headline holding "by", kept whole.
        ("Cyclist killed by bus", ("Cyclist",), "Cyclist killed by bus"),
        ("Harbour walk by Anna Berg", ("Harbour walk by the sea",), "Harbour walk by Anna Berg"),
        # More than a name after the credit word, or no credit word: the text as given.
        ("Harbour walk by the old town wall", ("Harbour walk",), "Harbour walk by the old town wall"),
        ("Harbour walk", ("Harbour walk",), "Harbour walk"),
    ],
)
def test_a_closing_credit_is_cut_when_the_headline_is_printed_alone(
    text: str, printed: tuple[str, ...], expected: str
) -> None:
    assert without_credit(_lines(*printed), text) == expected


def test_a_page_title_with_a_credit_names_the_headline() -> None:
    page = (
        f"Mandarin cake von jesusfreak | Town Post\nTown Post\nHome\n\n{LEAD}\n\nMandarin cake\n\n{SECOND}\n"
    )
    assert clean_article(page, model=None).title == "Mandarin cake"
