"""The shape features' timestamp scan, opened with its first digit: the plain pattern's verdicts."""

from __future__ import annotations

import random
import re

import pytest

from newsdrop.text.cleaner.shape import _TIMESTAMP, _TIMESTAMP_CHARS

_PLAIN = re.compile(r"\b(?=\d)(?:\d{1,2}[:.]\d{2}\b|\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|(?:19|20)\d{2}\b)")
_ALPHABET = "0123456789ab :./_é"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("14:07", True),
        ("a14:07", False),
        ("9.30 Uhr", True),
        ("3/9/2017", True),
        ("in 1999", True),
        ("in 2024.", True),
        ("in 1899", False),
        ("x2024", False),
        ("20245", False),
        ("é1:23", False),
        ("", False),
    ],
)
def test_the_timestamp_scan_answers_on_fixed_lines(text: str, found: bool) -> None:
    assert (_TIMESTAMP.search(text) is not None) == found == (_PLAIN.search(text) is not None)


def test_the_timestamp_scan_finds_what_the_plain_pattern_finds() -> None:
    # The digit first, the boundary looked back at: a match wherever ``\b(?=\d)(?:...)`` has one, from any start.
    rng = random.Random(17)
    for _ in range(30000):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 14)))
        start = rng.randint(0, len(text))
        found = _TIMESTAMP.search(text, start, _TIMESTAMP_CHARS) is not None
        assert found == (_PLAIN.search(text, start, _TIMESTAMP_CHARS) is not None), (text, start)
