"""The site's disclosure that it earns a commission on sales through its links goes, except as the first line."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.affiliate_notice import affiliate_disclosure, affiliate_notices

PARAGRAPH = "The council approved the new budget on Tuesday after a long debate about schools and roads."
NOTICE = (
    "If you buy something using links in our stories, we may earn a commission. This helps our journalism."
)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # Under the story's first line, kept: the site's notice.
        ([(PARAGRAPH, True), (NOTICE, True), (PARAGRAPH, True)], [1]),
        # The first kept line: a deals post's own opening.
        ([(NOTICE, True), (PARAGRAPH, True)], []),
        # A dropped line above does not count: the notice is still the first kept line.
        ([(PARAGRAPH, False), (NOTICE, True), (PARAGRAPH, True)], []),
        # Dropped already.
        ([(PARAGRAPH, True), (NOTICE, False)], []),
    ],
)
def test_affiliate_notices(rows: list[tuple[str, bool]], expected: list[int]) -> None:
    texts, kept = (list(column) for column in zip(*rows, strict=True))
    assert affiliate_notices(texts, kept) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (NOTICE, True),
        (
            "Die mit einem Symbol gekennzeichneten Links sind Affiliate-Links. Kommt ein Kauf zustande, erhalten wir"
            " eine Provision.",
            True,
        ),
        ("Postmedia may earn an affiliate commission from purchases made through links on this page.", True),
        ("Cet article contient des liens affiliés : nous touchons une commission sur vos achats.", True),
        # A commission that is a body, budget provisions: no one earns them.
        (
            "Holcomb said the effort began after a state commission found that local health spending lagged.",
            False,
        ),
        ("Holcomb pointed to budget provisions such as $500 million toward new regional grants.", False),
        # Too short.
        ("Affiliate links.", False),
    ],
)
def test_affiliate_disclosure(text: str, expected: bool) -> None:
    assert affiliate_disclosure(text) == expected
