"""The more-link stage after the line model: another page's teaser blurb closing on its bare "more" link."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.more_link import more_link, more_links


@pytest.mark.parametrize(
    ("text", "link"),
    [
        ("Regelmäßig beantwortet der Forscher Fragen und erläutert Hintergründe. mehr", True),
        ("The council voted on the budget late on Tuesday night. More ›", True),
        ("Zuletzt hieß es oft, sie sei „überfordert“ MEHR", True),
        ("El consejo votó el presupuesto el martes por la noche. Más", True),
        # Too short for a blurb: a button or a label.
        ("Lesen Sie. mehr", False),
        ("Read more", False),
        # The word inside the sentence, or a cut blurb's "Mehr lesen" (a feed the page is about as often).
        ("The council wants to spend more", False),
        ("Der Rat will dafür deutlich mehr Geld ausgeben als geplant, sagte er mehr", False),
        ("Wie die Polizei am Samstag mitteilte, brachen die Diebe den... Mehr lesen", False),
        ("Die Stadt plant mehr Radwege. Mehr Geld gibt es nicht.", False),
    ],
)
def test_more_link(text: str, link: bool) -> None:
    assert more_link(text) is link


def test_more_links_reads_the_kept_lines() -> None:
    texts = [
        "The story's paragraph ends here.",
        "Another page's blurb on the vote, in one sentence. more",
        "A dropped blurb on the budget, in one sentence. more",
    ]
    assert more_links([True, True, False], texts) == [1]
