"""The site's notice on its reader comments, kept at the story's close, goes; a story about comments stays."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.comment_notice import comment_notices, comments_notice

PARAGRAPH = (
    "The council approved the new budget on Tuesday evening after a long and heated debate about the city's"
    " schools, roads and parks."
)
NOTICE = "Reader comments do not reflect the opinion of the editors; we reserve the right to remove insults."


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # The notice closing the kept text.
        ([(PARAGRAPH, True), (PARAGRAPH, True), (NOTICE, True)], [2]),
        # One comment-like paragraph under it (a first comment the model kept): still the comment area.
        ([(PARAGRAPH, True), (NOTICE, True), (PARAGRAPH, True)], [1]),
        # The story goes on below it for two paragraphs: a story about comments.
        ([(NOTICE, True), (PARAGRAPH, True), (PARAGRAPH, True)], []),
        # Dropped already: nothing to do.
        ([(PARAGRAPH, True), (NOTICE, False)], []),
    ],
)
def test_comment_notices(rows: list[tuple[str, bool]], expected: list[int]) -> None:
    texts, kept = (list(column) for column in zip(*rows, strict=True))
    assert comment_notices(texts, kept) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (NOTICE, True),
        ("Leserkommentare geben nicht die Meinung der Redaktion wieder.", True),
        ("Die Kommentarfunktion ist um diese Uhrzeit deaktiviert.", True),
        (
            "Les pedimos que sean respetuosos. Los comentarios que no respeten nuestra política serán borrados.",
            True,
        ),
        ("You can follow any responses to this entry through the RSS 2.0 feed.", True),
        # The reader must log in to write one.
        ("You must be logged in to post a comment.", True),
        ("Du musst dich EINLOGGEN um einen Kommentar abzugeben.", True),
        ("Vous devez être connecté pour publier un commentaire.", True),
        # ... or name themselves first.
        ("You must confirm your public display name before commenting", True),
        # A display name named, no comments; comments named beside another kind of name.
        ("Players can change their display name once a season in the game's settings.", False),
        ("The senator's name was not displayed when she declined to comment on the vote.", False),
        # Logging in named, no comments.
        ("Readers must log in to the new portal before they can renew a permit online.", False),
        # Comments named, nothing said of how they are run.
        ("The minister declined to comment on the report on Tuesday evening.", False),
        # Moderation named, no comments.
        ("The new guidelines for the city's schools take effect in January.", False),
        # Too short to be a notice.
        ("Comments closed.", False),
    ],
)
def test_comments_notice(text: str, expected: bool) -> None:
    assert comments_notice(text) == expected
