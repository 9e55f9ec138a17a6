"""HTML path: teasers behind an upper-case label and a bar leave the main content; the story's lines stay."""

from __future__ import annotations

import pytest

from newsdrop.text.main_edits import bare_key
from newsdrop.text.main_teasers import without_capital_links, without_labelled_teasers

_STORY = [
    "The council approved the new budget on Tuesday after a long debate.",
    "Members said the plan would fund two new schools and a library.",
]


@pytest.mark.parametrize(
    ("teaser", "dropped"),
    [
        ("LEE MÁS | El Gobierno aprueba el nuevo plan de vivienda", True),
        ("READ MORE | Council votes to close the old library", True),
        ("FUNDA OLUNYE UDABA LAPHA | Kuboshwe abahlanu besolwa ngokugwaza umfundi", True),
        ("READ MORE|Council votes to close the old library", True),
        # a one-word label heads a story's own section
        ("LIVE | Council votes to close the old library", False),
        # a headline of two words, or a sentence after the bar, is no teaser
        ("READ MORE | Budget approved", False),
        ("PLEASE NOTE | The meeting was moved to Thursday.", False),
        # a label in mixed case, and a line without a bar
        ("Read More | Council votes to close the old library", False),
        ("READ MORE Council votes to close the old library", False),
    ],
)
def test_labelled_teasers_between_paragraphs(teaser: str, dropped: bool) -> None:
    lines = [_STORY[0], teaser, _STORY[1]]
    assert without_labelled_teasers(lines) == (_STORY if dropped else lines)


def test_nothing_is_dropped_when_every_line_is_a_teaser() -> None:
    lines = ["READ MORE | Council votes to close the old library", "LEE MÁS | El Gobierno aprueba el plan"]
    assert without_labelled_teasers(lines) == lines


_LINKS = frozenset(
    bare_key(text)
    for text in [
        "2 RESIDENTS RAN A SECRET OFFICE IN THE CITY",
        "MIDDLE EAST CRISIS",
        "READ MORE",
        "会員登録 USB",
    ]
)


@pytest.mark.parametrize(
    ("line", "dropped"),
    [
        ("2 RESIDENTS RAN A SECRET OFFICE IN THE CITY", True),
        ("MIDDLE EAST CRISIS", True),
        ("- MIDDLE EAST CRISIS", True),
        # the same words in mixed case, or upper case but no link on the page
        ("Middle East Crisis", False),
        ("THE COUNCIL VOTED ON TUESDAY", False),
        # a link of two words is a label
        ("READ MORE", False),
        # letters without case (kana, han) beside a capital are no capitals
        ("会員登録 USB", False),
    ],
)
def test_capital_links(line: str, dropped: bool) -> None:
    lines = [_STORY[0], line, _STORY[1]]
    assert without_capital_links(lines, _LINKS) == (_STORY if dropped else lines)


def test_nothing_is_dropped_when_every_line_is_a_capital_link() -> None:
    lines = ["MIDDLE EAST CRISIS", "2 RESIDENTS RAN A SECRET OFFICE IN THE CITY"]
    assert without_capital_links(lines, _LINKS) == lines
