"""The sign-up box and author bio stages after the line model: the site's boxes kept in or closing the story."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.author_bio import author_bio
from newsdrop.text.cleaner.signup_box import email_field, signup_boxes

K, D = True, False
STORY = "A paragraph of the story that runs on for a while and says what happened."


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("E-Mail-Adresse", True),
        ("Email", True),
        ("Your email address:", True),
        ("Email*", True),
        ("Ihre E-Mail", True),
        ("Correo electrónico", True),
        ("Email the author", False),
        ("Send us an email to tips@example.com", False),
    ],
)
def test_email_field(text: str, field: bool) -> None:
    assert email_field(text) is field


@pytest.mark.parametrize(
    ("rows", "found"),
    [
        # The box's pitch right above its field, and its name above the pitch.
        (
            [
                (K, STORY),
                (K, "The Weekly"),
                (K, "Fridays. A weekly digest of the best of our coverage."),
                (D, "Email"),
            ],
            [1, 2],
        ),
        (
            [
                (K, STORY),
                (D, "Neue Rechte"),
                (K, "Wir informieren Sie regelmäßig zum Thema."),
                (D, "E-Mail-Adresse"),
            ],
            [2],
        ),
        # A share row's "Email" button under a line of the story: the story's paragraph is too long for a pitch.
        ([(K, " ".join(["Wort"] * 41)), (D, "Email")], []),
        # The field two lines down, or kept: no box.
        ([(K, "Thanks for signing up!"), (D, "Share"), (D, "Email")], []),
        ([(K, "Thanks for signing up!"), (K, "Email")], []),
    ],
)
def test_signup_boxes(rows: list[tuple[bool, str]], found: list[int]) -> None:
    assert signup_boxes([row[1] for row in rows], [row[0] for row in rows]) == found


@pytest.mark.parametrize(
    ("rows", "found"),
    [
        (
            [(K, STORY)] * 3 + [(K, "Laura Jedeed is a freelance journalist based in New York City.")],
            [3],
        ),
        (
            [(K, STORY)] * 3
            + [
                (
                    K,
                    "Candice Sealey is the Founder & Principal Consultant at Ignite! a marketing consultancy.",
                )
            ]
            + [(D, "Facebook")],
            [3],
        ),
        ([(K, STORY)] * 4 + [(K, "Anna Muster ist freie Journalistin in Berlin."), (K, STORY)], [4]),
        # The story's subject in its last paragraph: another trade.
        ([(K, STORY)] * 3 + [(K, "John Smith is the director of the lab and has led it since 2010.")], []),
        # Higher up in the story: a bio among its paragraphs is a profile's line.
        ([(K, STORY)] * 2 + [(K, "Laura Jedeed is a freelance journalist.")] + [(K, STORY)] * 3, []),
        # Too little story above it.
        ([(K, STORY), (K, "Laura Jedeed is a freelance journalist.")], []),
    ],
)
def test_author_bio(rows: list[tuple[bool, str]], found: list[int]) -> None:
    assert author_bio([row[1] for row in rows], [row[0] for row in rows]) == found


@pytest.mark.parametrize(
    "text",
    [
        # The verb must name what the person is: no letters prompt, no question.
        "The Times is committed to publishing a diversity of letters to the editor.",
        "Who is Anna? Anna Pickard is the editorial director of a chat company.",
    ],
)
def test_author_bio_needs_a_trade_after_the_verb(text: str) -> None:
    assert author_bio([STORY] * 3 + [text], [True] * 4) == []
