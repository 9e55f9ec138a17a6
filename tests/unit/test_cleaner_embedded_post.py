"""A social post the story embeds, dropped by the line model over its attribution line, is kept (``embedded_post``)."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.embedded_post import attribution, embedded_posts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("— Dave Schukin (@schukin) July 3, 2019", True),
        ("— Anja (@AnjaAmaranth) 10. September 2018", True),
        ("- Presidencia Cuba (@PresidenciaCuba) April 26, 2022", True),
        # No handle, no date ending on a year, or prose around it.
        ("— Dave Schukin, July 3, 2019", False),
        ("— Dave Schukin (@schukin)", False),
        ("He wrote to me (@schukin) on July 3, 2019 that the feature works.", False),
    ],
)
def test_attribution_is_a_dash_an_author_a_handle_and_a_dated_year(text: str, expected: bool) -> None:
    assert attribution(text) is expected


_POST = "Notice the warping of the line across both the eyes and nose. pic.twitter.com/U7PMa4oNGN"
_CREDIT = "— Dave Schukin (@schukin) July 3, 2019"


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # (line number, text, kept, dropped by the model): the post between two story paragraphs is kept.
        (
            [
                (1, "Story.", True, False),
                (3, _POST, False, True),
                (4, _CREDIT, False, True),
                (6, "More.", True, False),
            ],
            [1],
        ),
        # A named rule's verdict stands.
        (
            [
                (1, "Story.", True, False),
                (3, _POST, False, False),
                (4, _CREDIT, False, True),
                (6, "More.", True, False),
            ],
            [],
        ),
        # Below the story's end (nothing kept under the attribution) it is a feed's post.
        (
            [
                (1, "Story.", True, False),
                (3, _POST, False, True),
                (4, _CREDIT, False, True),
                (6, "Feed.", False, True),
            ],
            [],
        ),
        # The story's lines stand too far above it.
        (
            [
                (1, "Story.", True, False),
                (5, _POST, False, True),
                (6, _CREDIT, False, True),
                (8, "More.", True, False),
            ],
            [],
        ),
        # No attribution under the line: a dropped line like any other.
        (
            [
                (1, "Story.", True, False),
                (3, _POST, False, True),
                (4, "Share this", False, True),
                (6, "More.", True, False),
            ],
            [],
        ),
    ],
)
def test_embedded_posts_inside_the_story(
    rows: list[tuple[int, str, bool, bool]], expected: list[int]
) -> None:
    numbers, texts, kept, dropped = (list(column) for column in zip(*rows, strict=True))
    assert embedded_posts(numbers, texts, kept, dropped) == expected
