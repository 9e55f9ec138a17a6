"""The ingredient-list stage after the line model: a recipe's list, times and yield are the story's."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.gallery import digit_led
from newsdrop.text.cleaner.ingredients import _lists, ingredient, ingredient_lines

K, D = True, False

METHOD = "Alle Zutaten in eine Schüssel geben und zu einem glatten Teig verarbeiten."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("200 g Zucker", (True, True)),
        ("1 TL (zirka) Absinthe", (True, True)),
        ("1-2 Spritzer Peychaud's Bitters", (True, True)),
        ("2 Dose/n Mandarine(n), je ca. 300 - 350 g Füllmenge", (True, True)),
        ("½ cup sugar", (True, True)),
        ("1 Ei", (True, False)),
        # A nutrition table's value: a unit and no thing.
        ("53,82 g", (False, True)),
        # A sentence, a ranking's line, a long line, a date.
        ("3 Minuten vom Bahnhof entfernt.", (False, False)),
        ("100. Ray Gillen", (False, False)),
        (
            "12 Twitter-Nutzer und ihre Zutaten für erfolgreiche Tweets, die jeder kennen sollte",
            (False, False),
        ),
        ("2020", (False, False)),
        ("Zucker", (False, False)),
    ],
)
def test_ingredient(text: str, expected: tuple[bool, bool]) -> None:
    assert ingredient(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        *[values[0] for values in test_ingredient.pytestmark[0].args[1]],
        # Whitespace before the quantity, other digits and fraction signs, a label before the number.
        "  200 g Zucker",
        "\u00a03 EL Öl",
        "٣ g Salz",
        "²3 g Salz",
        "¾ TL Salz",
        " ⅓ cup milk",
        "2½ cups flour",
        "Zutaten 200 g Mehl",
    ],
)
def test_ingredient_pretest_keeps_every_ingredient(text: str) -> None:
    """``digit_led`` (or a fraction sign on the page) runs first; it may only skip lines ``ingredient`` refuses."""
    if ingredient(text)[0]:
        assert digit_led([text]) == [0] or any(sign in text for sign in "½¼¾⅓⅔⅛"), text


@pytest.mark.parametrize(
    "texts",
    [
        ["200 g Mehl", "100 g Zucker", "Zucker", "2 EL Öl", METHOD],
        ["Prose.", "200 g Mehl", "x", "y", "z", "w", "100 g Zucker", "1 Ei", "2 EL Öl", "3 TL Salz"],
        ["½ cup sugar", "1 cup flour", "2 tbsp butter", METHOD],
        ["200 g Mehl", "¼ TL Salz", "2 EL Öl", "", "1 Ei"],
        ["200 g Mehl", "100 g Zucker"],
        [],
    ],
)
def test_lists_over_digit_led_lines_equal_lists_over_all_lines(texts: list[str]) -> None:
    assert _lists(texts, digit_led(texts)) == _lists(texts)


def _page(rows: list[tuple[bool, str, str | None]]) -> tuple[list[bool], list[str], list[str | None]]:
    return [row[0] for row in rows], [row[1] for row in rows], [row[2] for row in rows]


@pytest.mark.parametrize(
    ("rows", "restored"),
    [
        # A list above the method with its time line, part headings and yield: all come back.
        (
            [
                (D, "Mandelplätzchen", None),
                (D, "Zubereitungszeit: 25 Minuten (+ 15 Minuten backen)", None),
                (D, "Zutaten:", None),
                (D, "300 g Mehl", None),
                (D, "1 TL Backpulver", None),
                (D, "Für die Füllung:", None),
                (D, "200 g Zucker", None),
                (D, "Mandelsplitter", None),
                (D, "1 Ei", None),
                (D, "kcal", None),
                (D, "53,82 g", None),
                (D, "Für eine 26er Springform.", None),
                (K, METHOD, None),
                (K, METHOD, None),
            ],
            [
                (1, False),
                (2, True),
                (3, False),
                (4, False),
                (5, True),
                (6, False),
                (7, False),
                (8, False),
                (11, False),
            ],
        ),
        # Inside the story: the model dropped the list between two paragraphs.
        (
            [
                (K, METHOD, None),
                (D, "1 Würfelzucker", None),
                (D, "1-2 Spritzer Bitters", None),
                (D, "5 cl Rye Whiskey", None),
                (K, "etwas Zitronenzeste", None),
                (K, METHOD, None),
            ],
            [(1, False), (2, False), (3, False)],
        ),
        # Counts without units are a ranking or a timetable, not a list of ingredients.
        (
            [
                (D, "1 Biosphäre Potsdam", None),
                (D, "3 Minuten vom Ostkreuz", None),
                (D, "2 Minuten vom Alexanderplatz", None),
                (K, METHOD, None),
            ],
            [],
        ),
        # Too far above the story's first kept line: another page's recipe in the header.
        (
            [(D, "200 g Mehl", None), (D, "100 g Zucker", None), (D, "1 Ei", None)]
            + [(D, "Menu", None)] * 31
            + [(K, METHOD, None)],
            [],
        ),
        # Under the story: not held by it; and a comment's list never comes back.
        (
            [
                (K, METHOD, None),
                (D, "Footer", None),
                (D, "200 g Mehl", None),
                (D, "100 g Zucker", None),
                (D, "2 EL Öl", None),
            ],
            [],
        ),
        (
            [
                (K, METHOD, None),
                (D, "200 g Mehl", "comment_section"),
                (D, "100 g Zucker", None),
                (D, "2 EL Öl", None),
                (K, METHOD, None),
            ],
            [(2, False), (3, False)],
        ),
        # Nothing kept: nothing to hold a list.
        ([(D, "200 g Mehl", None), (D, "100 g Zucker", None), (D, "2 EL Öl", None)], []),
    ],
)
def test_ingredient_lines(rows: list[tuple[bool, str, str | None]], restored: list[tuple[int, bool]]) -> None:
    assert ingredient_lines(*_page(rows)) == restored
