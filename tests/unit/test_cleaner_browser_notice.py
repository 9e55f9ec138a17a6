"""The site's notice that the reader's browser is out of date goes, with the lines its sentence is wrapped onto."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.browser_notice import browser_notices

STORY = "The harbour authority said the new wall was finished two weeks early and under budget, and under it."
LEAD = (
    "When the world's nations meet in November to lock down new commitments, the talks will test the accord."
)
WRAPPED = [
    "Thank you for visiting the site. You are using a browser version with limited support for CSS. To obtain",
    "the best experience, we recommend you use a more up to date browser (or turn off compatibility mode in",
    "Internet Explorer). In the meantime, to ensure continued support, we are displaying the site without styles",
    "and JavaScript.",
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # the notice wrapped over four lines, above the story
        ([*((line, True) for line in WRAPPED), (LEAD, True), (STORY, True)], [0, 1, 2, 3]),
        # a one-line notice, ended
        ([("Your browser is out of date. Please update your browser.", True), (LEAD, True)], [0]),
        ([("Bitte aktualisieren Sie Ihren Browser.", True), (LEAD, True)], [0]),
        # a short notice without a full stop: the lead under it is the story's
        ([("Your browser is not supported", True), (LEAD, True)], [0]),
        # a notice the model dropped
        ([("You are using an outdated browser.", False), (LEAD, True)], []),
        # a story about browsers reports in the third person
        ([("Most readers now use a browser that updates itself, the survey found.", True), (LEAD, True)], []),
        ([(STORY, True), (LEAD, True)], []),
    ],
)
def test_browser_notices(rows: list[tuple[str, bool]], expected: list[int]) -> None:
    texts, kept = (list(column) for column in zip(*rows, strict=True))
    assert browser_notices(texts, kept) == expected
