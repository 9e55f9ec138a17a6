"""The smoothed-holes stage after the line model: a line the smoothing dropped inside the story comes back."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.smoothed_holes import SMOOTHED, smoothed_holes, smoothed_sentence

K, D = True, False


@pytest.mark.parametrize(
    ("rows", "found"),
    [
        # Between two credits inside the story: back.
        (
            [
                (K, None),
                (D, "line_model:prose_above"),
                (D, SMOOTHED),
                (D, SMOOTHED),
                (D, "line_model:x"),
                (K, None),
            ],
            [2, 3],
        ),
        # Another reason, or no kept line below within reach: left.
        ([(K, None), (D, "line_model:prose_above"), (K, None)], []),
        ([(K, None), (D, SMOOTHED), (D, None), (D, None), (D, None), (K, None)], []),
        # Above the story or below it: left.
        ([(D, SMOOTHED), (D, SMOOTHED), (K, None), (K, None)], []),
        ([(K, None), (K, None), (D, SMOOTHED), (D, SMOOTHED)], []),
        # Kept already: nothing to do.
        ([(K, None), (K, SMOOTHED), (K, None)], []),
    ],
)
def test_smoothed_holes(rows: list[tuple[bool, str | None]], found: list[int]) -> None:
    assert smoothed_holes([row[0] for row in rows], [row[1] for row in rows]) == found


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("Gegenwart.", True),
        ("Few made it back. They told of a cauldron of evil. [M2]", True),
        ("It is covered on the website. [71] [72]", True),
        ("Following are some restrictions we place on the callback logic (lambda):", True),
        ("„Cool“ so reagieren Menschen auf sie.", True),
        # A caption's credit, a player's label, an app's pitch: no sentence end.
        ("Gilt als einziger Kandidat: Boris Nadeschdin Bild: Reuters", False),
        ("Next video starts in : 7 Play", False),
        ("Suivez les informations avec l'application", False),
    ],
)
def test_smoothed_sentence(text: str, sentence: bool) -> None:
    assert smoothed_sentence(text) is sentence
