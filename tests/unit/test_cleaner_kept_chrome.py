"""The site's own kept lines, by kind, each recorded with its stage's rule; a line taken once is taken once."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.kept_chrome import kept_chrome

PARAGRAPH = (
    "The council approved the new budget on Tuesday evening after a long and heated debate about the city's"
    " schools, roads and parks."
)
AFFILIATE = (
    "If you buy something using links in our stories, we may earn a commission. This helps our journalism."
)
RIGHTS = "© 2024 The Daily. All rights reserved."
COMMENTS = "Reader comments are moderated; we reserve the right to remove insults and off-topic posts."
PLEA = "Did you like this article? Then please support us with a donation or become a member."


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            [(PARAGRAPH, True), (AFFILIATE, True), (PARAGRAPH, True), (RIGHTS, True), (COMMENTS, True)],
            [(1, "affiliate_notice"), (3, "legal_notice"), (4, "comment_notice")],
        ),
        # The plea is among the last kept lines only once the notices under it are gone.
        (
            [
                (PARAGRAPH, True),
                (PARAGRAPH, True),
                (PLEA, True),
                (PARAGRAPH, True),
                (RIGHTS, True),
                (RIGHTS, True),
            ],
            [(4, "legal_notice"), (5, "legal_notice"), (2, "donation_pitch")],
        ),
        # A dropped line is never taken.
        ([(PARAGRAPH, True), (RIGHTS, False)], []),
        # A page where one kind's stems stand alone (the stages whose stems no line holds are skipped), or none.
        ([(PARAGRAPH, True), (PARAGRAPH, True), (RIGHTS, True)], [(2, "legal_notice")]),
        ([(PARAGRAPH, True), (COMMENTS, True)], [(1, "comment_notice")]),
        ([(PARAGRAPH, True), (PARAGRAPH, True)], []),
    ],
)
def test_kept_chrome(rows: list[tuple[str, bool]], expected: list[tuple[int, str]]) -> None:
    texts, kept = (list(column) for column in zip(*rows, strict=True))
    assert kept_chrome(texts, kept) == expected
