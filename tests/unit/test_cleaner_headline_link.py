"""The headline-link stage after the line model: another page's headline linked over the story's next crosshead."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.headline_link import headline_links, subject_headline
from newsdrop.text.cleaner.related_runs import headline_like

PARA = ("body", "The commander spoke to reporters on Monday.")
OPEN = ("body", "The commander spoke to reporters on Monday, saying")
LINK = ("body", "Former US commander in Europe: Russia is dangerous")
HEAD = ("subheading", "A year without a port")
DROPPED = ("boilerplate", "Share this")


@pytest.mark.parametrize(
    ("rows", "found"),
    [
        # Between a paragraph's last sentence and the next crosshead: the link goes.
        ([PARA, LINK, HEAD, PARA], [1]),
        # Dropped lines between count for nothing.
        ([PARA, DROPPED, LINK, DROPPED, HEAD, PARA], [2]),
        # Over a paragraph, not a crosshead: a headline-like paragraph may be the story's (a quote's lead).
        ([PARA, LINK, PARA, HEAD], []),
        # Under a crosshead or a paragraph that runs on: the story's section opening.
        ([HEAD, LINK, HEAD, PARA], []),
        ([OPEN, LINK, HEAD, PARA], []),
        # The story's first or last kept line.
        ([LINK, HEAD, PARA], []),
        ([PARA, LINK], []),
        # A crosshead already, or a line without the headline's subject.
        ([PARA, ("subheading", LINK[1]), HEAD, PARA], []),
        ([PARA, ("body", "Russia is dangerous, says the commander"), HEAD, PARA], []),
    ],
)
def test_headline_links(rows: list[tuple[str, str]], found: list[int]) -> None:
    kept = [role != "boilerplate" for role, _ in rows]
    texts = [text for _, text in rows]
    paragraphs = [role == "body" for role, _ in rows]
    headings = [role == "subheading" for role, _ in rows]
    headlines = [headline_like(text, len(text.split())) for text in texts]
    assert headline_links(kept, texts, paragraphs, headings, headlines) == found


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Były dowódca wojsk USA w Europie: Rosja jest groźna", True),
        ("Manchester United vs. Brighton, en vivo: minuto a minuto", True),
        # A label before the colon: one or two words, a sign counts for none.
        ("Proof: By definition of the Hermitian matrix", False),
        ("Cover image: artist's impression of the installation", False),
        ("» Zum Angebot: Dortmund gegen Gladbach bei Sky", False),
        # No colon, or one that closes the line or has no space after it.
        ("Russia is dangerous, says the commander", False),
        ("The list of the five ministers:", False),
        ("The match ends 10:30 in the rain today", False),
    ],
)
def test_subject_headline(text: str, subject: bool) -> None:
    assert subject_headline(text) is subject
