"""The site's legal notices the model kept (rights reserved, reuse forbidden, cookie consent) go."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.legal_notice import legal_line, legal_notices, mark_notices

PARAGRAPH = "The council approved the new budget on Tuesday after a long debate about schools and roads."
RIGHTS = "This material may not be published, broadcast, rewritten, or redistributed. ©2023 Network. All rights reserved."


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([(PARAGRAPH, True), (RIGHTS, True)], [1]),
        ([(RIGHTS, True), (PARAGRAPH, True)], [0]),
        ([(PARAGRAPH, True), (RIGHTS, False)], []),
    ],
)
def test_legal_notices(rows: list[tuple[str, bool]], expected: list[int]) -> None:
    texts, kept = (list(column) for column in zip(*rows, strict=True))
    assert legal_notices(texts, kept) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (RIGHTS, True),
        ("The ambassador speaks at the council on Monday. Copyright 2026 The AP. All rights reserved.", True),
        ("Alle Rechte vorbehalten.", True),
        ("© 2024 Le Journal. Tous droits réservés.", True),
        ("These cookies allow us to count visits and traffic sources so we can improve our site.", True),
        ("En poursuivant votre navigation sur ce site, vous acceptez l'utilisation de cookies.", True),
        # A story about tracking: cookies named, the site does not speak of its own.
        ("Advertisers use third-party cookies to follow readers from one page to the next.", False),
        # A long document header holding a copyright line: not a notice.
        (" ".join(["word"] * 70) + " All rights reserved.", False),
        (PARAGRAPH, False),
        (
            "Opinions expressed are solely those of the author and do not reflect the views of the editors.",
            True,
        ),
        # The site's footer naming whose marks and words it prints.
        ("Linux  is a registered trademark of Linus Torvalds", True),
        ("Comments and public postings are copyrighted by their creators.", True),
        # A story about a trademark or a copyright: the phrase inside a longer sentence.
        (
            "The company said on Monday that the name is a registered trademark of its parent and that it would sue.",
            False,
        ),
        ("The court found that the photographs are the property of their authors, not of the agency.", False),
        ('"Arduino is a trademark of ours," the founder said.', False),
        # A speaker quoted on views is the story's.
        (
            '"These people do not reflect the views of our communities," the police chief said on Monday.',
            False,
        ),
    ],
)
def test_legal_line(text: str, expected: bool) -> None:
    assert legal_line(text) == expected


TRADEMARK = "Linux is a registered trademark of Linus Torvalds"


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([(PARAGRAPH, True), (TRADEMARK, True)], [1]),
        ([(PARAGRAPH, True), (TRADEMARK, False)], []),
        # the rights notice is not read here (a main content's own copyright block or credit)
        ([(PARAGRAPH, True), (RIGHTS, True)], []),
    ],
)
def test_mark_notices(rows: list[tuple[str, bool]], expected: list[int]) -> None:
    texts, kept = (list(column) for column in zip(*rows, strict=True))
    assert mark_notices(texts, kept) == expected
