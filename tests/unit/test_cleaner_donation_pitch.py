"""The site's plea for donations among the story's last kept lines goes; a story about donations stays."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.donation_pitch import donation_pitches, donation_plea

PARAGRAPH = "The council approved the new budget on Tuesday after a long debate about schools and roads."
PLEA = "Did you like this article? Then please support us with a donation or become a member."


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # Closing the kept text, or with one or two kept lines below it.
        ([(PARAGRAPH, True), (PARAGRAPH, True), (PLEA, True)], [2]),
        ([(PARAGRAPH, True), (PLEA, True), (PARAGRAPH, True), (PARAGRAPH, True)], [1]),
        # Three kept lines below: inside the story, left alone.
        ([(PLEA, True), (PARAGRAPH, True), (PARAGRAPH, True), (PARAGRAPH, True)], []),
        # Dropped already.
        ([(PARAGRAPH, True), (PLEA, False)], []),
    ],
)
def test_donation_pitches(rows: list[tuple[str, bool]], expected: list[int]) -> None:
    texts, kept = (list(column) for column in zip(*rows, strict=True))
    assert donation_pitches(texts, kept) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (PLEA, True),
        ("Hat Ihnen dieser Artikel gefallen? Dann unterstützen Sie uns bitte mit einer Spende.", True),
        ("Helfen Sie mit, unseren Journalismus auch in Zukunft möglich zu machen!", True),
        # A story about donations: no reader addressed.
        ("The minister declined to say whether the party would return the donations it received.", False),
        # A quoted plea is a source speaking, not the site.
        ('"Please support us with a donation," the shelter\'s director told you and other visitors.', False),
        # The reader addressed, no donation.
        ("You can follow the council's debate live on Tuesday evening from seven o'clock.", False),
    ],
)
def test_donation_plea(text: str, expected: bool) -> None:
    assert donation_plea(text) == expected
