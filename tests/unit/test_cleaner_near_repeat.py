"""A paragraph printed again with other spacing or punctuation goes; exact repeats and code are left alone."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newsdrop.text.cleaner.near_repeat import _NOT_WORD, _key, _opening, near_repeats

DEV = Path(__file__).resolve().parents[2] / "data" / "cleaning-dev"

FIRST = "According to the finance blog Wealthynickel, two batches of bills printed in 2014 contain the error."
AGAIN = "According to the finance blog Wealthynickel , two batches of bills printed in 2014 contain the error"
QUOTED = (
    '"According to the finance blog Wealthynickel, two batches of bills printed in 2014 contain the error."'
)
SAME_OPENING = "According to the finance blog Wealthynickel, a new coin struck in 2015 holds no error at all."
OTHER = "The council approved the new budget on Tuesday after a long debate about schools and roads."
CODE_A = "print(self.name, 'says, \"I can\\'t walk, I am playing Frisbee today with all of them!\"')"
CODE_B = "print(self.name, 'says, \"I can't walk, I am playing Frisbee today with all of them!\"')"


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([(FIRST, True), (OTHER, True), (AGAIN, True)], [2]),
        ([(FIRST, True), (QUOTED, True), (AGAIN, True)], [1, 2]),
        # The first printing dropped: the second is the one kept.
        ([(FIRST, False), (AGAIN, True)], []),
        # An exact repeat is kept_repeat's to judge.
        ([(FIRST, True), (FIRST, True)], []),
        # Code: two lines of the same words differ on purpose.
        ([(CODE_A, True), (CODE_B, True)], []),
        # The first line of an opening is held alone until a second opens alike: an exact repeat then, or a line
        # of other words, leaves the first's key to find the near repeat after them.
        ([(FIRST, True), (FIRST, True), (AGAIN, True)], [2]),
        ([(FIRST, True), (SAME_OPENING, True), (AGAIN, True), (SAME_OPENING, True)], [2]),
        ([(SAME_OPENING, True), (FIRST, True), (FIRST, True), (QUOTED, True)], [3]),
        # Short lines are refrains or labels.
        ([("Read more about it here.", True), ("Read more about it here", True)], []),
    ],
)
def test_near_repeats(rows: list[tuple[str, bool]], expected: list[int]) -> None:
    texts, kept = (list(column) for column in zip(*rows, strict=True))
    assert near_repeats(texts, kept) == expected


@pytest.mark.parametrize(
    "text",
    [
        FIRST,
        QUOTED,
        "__Under_scores__ and (brackets) -- dashes, 2024!",
        # ASCII in its first 40 characters, a word character beyond them.
        "A plain ASCII opening of forty characters, then: Café au lait",
        # Non-ASCII word and non-word characters inside the opening.
        "«Ça va», dit-il — Straße № 5 über alles, naïve café",
        "Ünïcödé ÄÖÜ opening with capitals",
        "\t\x1f control\x7f characters 123",
    ],
)
def test_the_opening_is_the_keys_opening(text: str) -> None:
    # The ASCII fast path files a line as the regex would: letters and digits, lower case, the first 20.
    assert _opening(text) == _key(text[:40])[:20]


def _regex_key(text: str) -> str:
    return _NOT_WORD.sub("", text.lower())


def test_the_regex_drops_exactly_what_isalnum_does_not_hold() -> None:
    assert all(
        (_NOT_WORD.fullmatch(char) is None) == char.isalnum() for char in map(chr, range(sys.maxunicode + 1))
    )


def test_the_keys_and_openings_are_the_regexs_on_every_dev_line() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(DEV.glob("*/*.txt"))]
    lines = {raw.strip() for text in texts for raw in text.splitlines() if raw.strip()}
    for line in [*sorted(lines), "İstanbul Straße", "ǅemal ŉ ﬁnal", "_x_ Ⅻ ½ ٣ 𝟘"]:
        assert _key(line) == _regex_key(line), line
        assert _opening(line) == _regex_key(line[:40])[:20], line
