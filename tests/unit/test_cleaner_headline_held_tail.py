"""A headline glued behind a menu in a line that also closes with a site's name ("Home News Headline - Site"): with
the ranker, the candidate printing the headline alone is chosen."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.headline_printings import held_candidate, without_site_tail
from newsdrop.text.cleaner.lines import _Line
from newsdrop.text.line_keys import count_words, normalize_line_key


def _lines(*texts: str) -> list[_Line]:
    return [
        _Line(index, text, normalize_line_key(text), count_words(text)) for index, text in enumerate(texts)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("News Harbour wall: the town decides - Town Post", "News Harbour wall: the town decides"),
        ("News Harbour wall: the town decides | Town Post", "News Harbour wall: the town decides"),
        ("News Harbour wall: the town decides – Town Post", "News Harbour wall: the town decides"),
        # A long closing part is no site's name; no separator, no tail.
        ("Harbour wall - the town decides on Tuesday to rebuild it", None),
        ("News Harbour wall: the town decides", None),
    ],
)
def test_a_closing_site_name_is_read_off(text: str, expected: str | None) -> None:
    assert without_site_tail(text) == expected


@pytest.mark.parametrize(
    ("texts", "site_tail", "expected"),
    [
        # The menu-glued line closing with the site's name: the headline alone, with the ranker.
        (
            ("Home News Harbour wall: the town decides! - Town Post", "Harbour wall: the town decides!"),
            True,
            1,
        ),
        # Without the ranker (the rules' pick stays, and so the training rows), the line as chosen.
        (
            ("Home News Harbour wall: the town decides! - Town Post", "Harbour wall: the town decides!"),
            False,
            None,
        ),
        # The glued line without a site's name: the headline alone either way.
        (("Home News Harbour wall: the town decides!", "Harbour wall: the town decides!"), False, 1),
        # Nothing glued in front ("Headline - Site"): the site's name is the naming's to cut, the line stays.
        (("Harbour wall: the town decides! - Town Post", "Harbour wall: the town decides!"), True, None),
        # A short candidate is no headline printed alone.
        (("Home News Harbour wall - Town Post", "Harbour wall"), True, None),
    ],
)
def test_a_menu_glued_line_with_a_site_tail_gives_way(
    texts: tuple[str, ...], site_tail: bool, expected: int | None
) -> None:
    assert held_candidate(_lines(*texts), 0, [0, 1], site_tail=site_tail) == expected
