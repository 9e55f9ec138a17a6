"""The caption credit tail, matched at the start and searched after a sentence end: the one plain pattern's verdicts."""

from __future__ import annotations

import random
import re

import pytest

from newsdrop.text.captions import _CREDIT_TAIL, _CREDIT_TAIL_ALONE

_PLAIN = re.compile(
    r"(?:^|[.!?]\s+)(?:foto|bild|photo|image|imagen|immagine|zdjęcie|credit)s?\s*:\s*(?:[^.!?:]|\.(?=\S)){1,50}$",
    re.IGNORECASE,
)
# Labels, the sentence ends and spaces before them, and the characters a credit may or may not hold.
_PIECES = [
    "Foto",
    "bild",
    "PHOTOS",
    "image",
    "credit",
    "zdjęcie",
    ":",
    " ",
    ". ",
    "!",
    "?",
    ".",
    "x",
    "\n",
    "AP/dpa",
]


def _found(text: str) -> bool:
    return _CREDIT_TAIL_ALONE.match(text) is not None or _CREDIT_TAIL.search(text) is not None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("the school year. Foto: Andina", True),
        ("Foto: Andina", True),
        (" Foto: Andina", False),
        ("the school year.Foto: Andina", False),
        ("Das Foto: Andina", False),
        ("it ended! Photos : A.Person", True),
        ("it ended! Photos : A. Person", False),
        ("it ended. Credit: a", True),
        ("it ended. Credit: a. b", False),
        ("Bild: x\n", True),
        ("", False),
    ],
)
def test_the_credit_tail_answers_on_fixed_tails(text: str, found: bool) -> None:
    assert _found(text) == found == (_PLAIN.search(text) is not None)


def test_the_credit_tail_finds_what_the_plain_pattern_finds() -> None:
    # The start matched, the sentence end searched: a match wherever ``(?:^|[.!?]\s+)...`` has one.
    rng = random.Random(13)
    for _ in range(30000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 10)))
        assert _found(text) == (_PLAIN.search(text) is not None), text
