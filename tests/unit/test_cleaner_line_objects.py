"""``_read_lines`` builds its lines as the class call would, and reads every line break as before."""

from __future__ import annotations

import dataclasses

import pytest

from newsdrop.text.cleaner.lines import _Line, _read_lines


@pytest.mark.parametrize(
    "text",
    [
        "Headline here\n\nBy Jane Doe\nThe story opens with a sentence of prose that goes on for a while.\n",
        "One\r\nTwo\rThree\n\r\nFour",
        "  padded line  \n\t\nlast",
        "",
    ],
)
def test_lines_equal_the_class_calls_own(text: str) -> None:
    lines = _read_lines(text, frozenset())
    for line in lines:
        assert type(line) is _Line
        assert line == _Line(**{field.name: getattr(line, field.name) for field in dataclasses.fields(_Line)})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One\r\nTwo\rThree\n\r\nFour", [(1, "One"), (2, "Two"), (3, "Three"), (5, "Four")]),
        ("a\rb", [(1, "a"), (2, "b")]),
        ("a\r\rb", [(1, "a"), (3, "b")]),
        ("a\nb\n", [(1, "a"), (2, "b")]),
    ],
)
def test_every_line_break_form_splits_alike(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(line.n, line.text) for line in _read_lines(text, frozenset())] == expected
