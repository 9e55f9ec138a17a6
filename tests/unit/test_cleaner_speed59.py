"""Speed pass 59: the rule scanner tries each guarded rule only where its own guard found something, and still
names the rule ``first_rule`` names (which tries every rule of a guard kind once any guard of that kind matched)."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.cues_notice import NOTICE_STEMS
from newsdrop.text.cleaner.related_runs import ASCII_LABEL_STARTS
from newsdrop.text.line_keys import count_words, normalize_line_key
from newsdrop.text.rule_dispatch import _RULE_BITS, _rules_of_mask, first_rule, rule_scanner
from newsdrop.text.rules import RULES
from tests.unit.test_cleaner_rules import RULE_TABLE

_SCAN = rule_scanner(NOTICE_STEMS, ASCII_LABEL_STARTS)

# Every rule's claimed and kept lines (a rule whose bit went to another rule would miss its own lines), and lines
# one kind's guards admit for another rule of that kind: a menu word, a counter, a comment call, the letters the
# two engines fold apart (a key holding one tries every pattern-guarded rule).
_LINES = [line for _name, claimed, kept in RULE_TABLE for line in (*claimed, *kept)] + [
    "Other sporting events",
    "Comments",
    "Share this story",
    "653,817 VIEWS",
    "Email*",
    "Vos réactions (11)",
    "Yorum yap İstanbul",
    "Advertısement",
    "Sign ın",
    "Skıp to content",
    "YORUMLAR (3)",
    "ıletişim formu",
    "Kommentare (12)",
    "© 2024 Chemnitzer Verlag und Druck GmbH & Co. KG",
    "Ihr Kommentar wurde gespeichert und wartet auf Moderation.",
]


@pytest.mark.parametrize("line", _LINES)
def test_scanner_names_first_rule(line: str) -> None:
    key, words = normalize_line_key(line), count_words(line)
    assert _SCAN(line, key, words)[0] == first_rule(line, key, words)


@pytest.mark.parametrize(
    ("words", "names", "expected"),
    [
        (3, ["navigation"], ["navigation"]),
        (3, ["comment_form", "url_line"], ["comment_form", "url_line"]),
        # A rule past its word bound is not tried whatever its bit.
        (5, ["comment_form", "url_line"], ["comment_form"]),
        (3, [], []),
        (3, ["byline", "photo_caption", "cookie_notice"], ["cookie_notice", "photo_caption", "byline"]),
    ],
)
def test_rules_of_mask_keeps_the_rules_whose_bits_are_set(
    words: int, names: list[str], expected: list[str]
) -> None:
    mask = sum(_RULE_BITS[name] for name in names)
    assert [rule.name for rule, _ in _rules_of_mask(words, mask)] == expected


def test_every_rule_has_its_own_bit() -> None:
    assert sorted(_RULE_BITS) == sorted(rule.name for rule in RULES)
    assert len(set(_RULE_BITS.values())) == len(RULES)
