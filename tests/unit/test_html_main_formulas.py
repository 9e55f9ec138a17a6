"""HTML path: the MathML formulas the page shows, and their return between the main content's lines."""

from __future__ import annotations

import pytest

from newsdrop.text.html_page import collect
from newsdrop.text.main_formulas import MAX_RUN_STARTS, with_formulas


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A formula's tokens, one element each, joined by spaces whatever the markup's line breaks.
        ("<p>When</p><math><mi>a</mi><mo>≠</mo>\n<mn>0</mn></math>, there", ["a ≠ 0"]),
        ("<math><msup><mi>x</mi><mn>2</mn></msup></math> and <math><mi>y</mi></math>", ["x 2", "y"]),
        # The formula's TeX source in an annotation is no text the page shows.
        (
            '<math><semantics><mi>c</mi><annotation encoding="x-tex">c^2</annotation></semantics></math>',
            ["c"],
        ),
        # A formula inside a hidden element is a screen reader's copy beside a picture of it.
        ('<span style="display: none;"><math><mi>b</mi></math></span><math><mi>d</mi></math>', ["d"]),
        ('<div style="DISPLAY:NONE"><div><math><mi>b</mi></math></div></div><math><mi>e</mi></math>', ["e"]),
        # A hidden void element hides nothing after it.
        ('<img style="display:none" src="x.png"><math><mi>f</mi></math>', ["f"]),
        # No MathML, no formula; an empty <math> is none either.
        ("<p>E = mc2 in plain text.</p><math></math>", []),
    ],
)
def test_the_page_text_records_the_formulas_it_shows(body: str, expected: list[str]) -> None:
    assert collect(f"<html><body>{body}</body></html>").formulas == expected


_PAGE = [
    "Solving a quadratic",
    "When",
    "a",
    "≠",
    "0",
    ", there are two solutions to",
    "a x",
    "2",
    "+ c = 0",
    "and they are real.",
    "Share",
    "x",
]
_MAIN = ["When", ", there are two solutions to", "and they are real."]


@pytest.mark.parametrize(
    ("main", "formulas", "expected"),
    [
        # Each run of a formula's lines between two main lines comes back as one line, in page order.
        (
            _MAIN,
            ["a ≠ 0", "a x 2 + c = 0"],
            ["When", "a ≠ 0", ", there are two solutions to", "a x 2 + c = 0", "and they are real."],
        ),
        # Two formulas back to back in one run.
        (
            [", there are two solutions to", "and they are real."],
            ["a x 2", "+ c = 0"],
            [", there are two solutions to", "a x 2 + c = 0", "and they are real."],
        ),
        # A run that holds another page line too ("there are two solutions" is not a formula) stays out.
        (["When", "and they are real."], ["a ≠ 0"], ["When", "and they are real."]),
        # A formula under the last main line may be another box's ("x" under "Share").
        (_MAIN, ["x"], _MAIN),
        # Lines that print no formula of the page stay out ("a ≠ 0" is no formula here).
        (_MAIN, ["b ≠ 0"], _MAIN),
        (_MAIN, [], _MAIN),
    ],
)
def test_formulas_the_extractor_left_out_come_back_between_main_lines(
    main: list[str], formulas: list[str], expected: list[str]
) -> None:
    assert with_formulas(main, _PAGE, formulas) == expected


def test_a_run_is_tried_from_a_bounded_number_of_starts() -> None:
    # A page of many repeated formulas: a run is read from at most MAX_RUN_STARTS of the formulas it opens
    # with, so a run that would need the last of them to match stays out ...
    many = ["x"] * (MAX_RUN_STARTS + 10) + ["y"]
    main = ["Before the formulas", "After the formulas"]
    page = ["Before the formulas", "x", "y", "After the formulas"]
    assert with_formulas(main, page, many) == main
    # ... and one within reach comes back.
    few = ["x"] * (MAX_RUN_STARTS - 1) + ["y"]
    assert with_formulas(main, page, few) == ["Before the formulas", "x y", "After the formulas"]
