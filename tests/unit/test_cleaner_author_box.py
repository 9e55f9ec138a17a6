"""The author box at a story's end: a paragraph about the writer, found by the name the page credits."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner import clean_article
from newsdrop.text.cleaner.author_box import author_boxes, byline_name
from tests.unit.cleaner_fixtures import HEADLINE, LEAD, SECOND, Line

BIO = "Jane Doe is the harbour correspondent of the paper and has covered the coast since 2015."


@pytest.mark.parametrize(
    ("byline", "name"),
    [
        ("By Jane Doe", "jane doe"),
        ("VON MORITZ GATHMANN am 21. April 2020", "moritz gathmann"),
        ("Par Marie Dupont, envoyée spéciale", "marie dupont"),
        ("Autor: Hans Peter Müller | 12.03.2024", "hans peter müller"),
        ("By Jane Doe and John Roe", "jane doe"),
        # One word is no name to look for, four are a sentence.
        ("By Reuters", None),
        ("By the staff of the harbour desk", None),
    ],
)
def test_byline_name(byline: str, name: str | None) -> None:
    assert byline_name(byline) == name


def _story(*tail: Line, byline: str = "By Jane Doe") -> list[Line]:
    return [
        Line(1, HEADLINE, prose=False, role="title", rule="headline"),
        Line(2, byline, prose=False, role="byline", rule="byline"),
        Line(3, LEAD, prose=True),
        Line(4, SECOND, prose=True),
        *tail,
    ]


def _names(lines: list[Line]) -> list[str]:
    return [lines[index].text for index in author_boxes(lines, 2, len(lines) - 1)]


@pytest.mark.parametrize(
    ("tail", "byline", "expected"),
    [
        # The byline's name opens the last paragraph.
        ([Line(5, BIO, prose=True)], "By Jane Doe", [BIO]),
        # The same in German, the byline in capitals.
        (
            [Line(5, "Jane Doe leitet das Ressort Hafen bei der Zeitung und lebt in Kiel.", prose=True)],
            "VON JANE DOE am 3. Mai 2021",
            ["Jane Doe leitet das Ressort Hafen bei der Zeitung und lebt in Kiel."],
        ),
        # A name line right above the paragraph, no byline.
        (
            [
                Line(5, "Max Roe", prose=False, role="boilerplate", rule="trailing_chrome"),
                Line(6, "Max Roe writes about ships and ports for the paper.", prose=True),
            ],
            "Harbour desk",
            ["Max Roe writes about ships and ports for the paper."],
        ),
        # The first name alone under a name line that an author heading introduces.
        (
            [
                Line(5, "Author", prose=False, role="boilerplate", rule="trailing_chrome"),
                Line(6, "Max Roe", prose=False, role="boilerplate", rule="trailing_chrome"),
                Line(7, "Max is the co-founder of a shipping consultancy.", prose=True),
            ],
            "Harbour desk",
            ["Max is the co-founder of a shipping consultancy."],
        ),
        # A paragraph under an "About the author" heading.
        (
            [
                Line(8, "Über den Autor", prose=False, role="subheading", rule="crosshead"),
                Line(9, "Er schreibt seit 2010 über Häfen und Schiffe.", prose=True),
            ],
            "Harbour desk",
            ["Er schreibt seit 2010 über Häfen und Schiffe."],
        ),
    ],
)
def test_author_boxes_found(tail: list[Line], byline: str, expected: list[str]) -> None:
    assert _names(_story(*tail, byline=byline)) == expected


@pytest.mark.parametrize(
    "tail",
    [
        # The story quotes its writer's namesake mid-story: three paragraphs follow, so no box.
        [
            Line(5, BIO, prose=True),
            Line(6, LEAD, prose=True),
            Line(7, SECOND, prose=True),
            Line(8, LEAD, prose=True),
        ],
        # A two-word Title Case crosshead is no name line for a first name alone.
        [
            Line(5, "List Comprehensions", prose=False, role="subheading", rule="crosshead"),
            Line(6, "List comprehensions are slower than map in this benchmark.", prose=True),
        ],
        # A shouted crosshead is no author heading either.
        [
            Line(5, "AUSTRALIA AHEAD", prose=False, role="boilerplate", rule="line_model"),
            Line(6, "Australia beat Colombia behind two straight-sets wins.", prose=True),
        ],
        # A line the rules dropped is not looked at.
        [Line(5, BIO, prose=True, role="boilerplate", rule="trailing_chrome")],
    ],
)
def test_author_boxes_leave_story_paragraphs(tail: list[Line]) -> None:
    assert _names(_story(*tail)) == []


def test_clean_article_drops_the_author_box() -> None:
    text = "\n\n".join([HEADLINE, "By Jane Doe", LEAD, SECOND, LEAD.replace("Tuesday", "Monday"), BIO])
    article = clean_article(text, model=None)
    decided = {line.text: (line.role, line.rule) for line in article.lines}
    assert decided[BIO] == ("boilerplate", "author_box")
    assert BIO not in article.body
    assert SECOND in article.body
