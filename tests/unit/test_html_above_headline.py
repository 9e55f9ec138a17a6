"""Prose above a headline printed inside an extractor's main content stays text (rule ``above_headline``)."""

from __future__ import annotations

import pytest

from newsdrop.models import Hints
from newsdrop.text.cleaner import clean_article

TITLE = "Fishing show returns to the harbour in May"
OPENING = [
    "The date for the next fishing show in the harbour is fixed: it opens on the 21st of May this year.",
    "After two postponements the organisers expect thousands of visitors and many well-known anglers.",
]
REST = [
    "Dozens of champions will show their methods on the water and on the stages set up along the quay.",
    "Visitors can also try kayaks and belly boats, and taste smoked fish from the local smokehouses.",
]


@pytest.mark.parametrize(
    ("above", "expected"),
    [
        # In main content, the story's opening paragraphs above the printed headline are kept.
        (OPENING, [("body", "above_headline")] * 2),
        # A short line that is no prose (a section name) above it is still page header.
        (["Angling news", *OPENING], [("boilerplate", "header_chrome"), *[("body", "above_headline")] * 2]),
        # A date line keeps its own rule.
        (["12 January 2022", *OPENING], [("date", "date_line"), *[("body", "above_headline")] * 2]),
    ],
)
def test_prose_above_a_headline_inside_main_content_is_kept(
    above: list[str], expected: list[tuple[str, str]]
) -> None:
    text = "\n".join([*above, TITLE, *REST])
    article = clean_article(text, Hints(title=TITLE), main_content=True, model=None)
    assert [(line.role, line.rule) for line in article.lines[: len(above)]] == expected
    assert [line.text for line in article.lines if line.role == "body"] == [*OPENING, *REST]


def test_the_text_views_keep_judging_lines_above_the_headline_as_header() -> None:
    # Without an extractor's main content the region rules decide: the rule is for main content only.
    text = "\n".join([*OPENING, TITLE, *REST])
    article = clean_article(text, Hints(title=TITLE), main_content=False, model=None)
    assert all(line.rule != "above_headline" for line in article.lines)
