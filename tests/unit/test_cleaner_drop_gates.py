"""The drop stage's cheap gates (a line's last or first character, a year's digits, the lines picked in C) give the
verdicts of the plain tests they skip: on every distinct dev-corpus line, case variants and every code point."""

from __future__ import annotations

import itertools
import random
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from newsdrop.text.cleaner import more_link as more_link_module
from newsdrop.text.cleaner import pitch_tail
from newsdrop.text.cleaner import series_note as series_note_module
from newsdrop.text.cleaner.counted_items import COUNTER_MAX_CHARS, COUNTER_STEMS, stem_count
from newsdrop.text.cleaner.dated_teasers import _TIME, DATE_MAX_WORDS, date_only
from newsdrop.text.cleaner.link_cards import _CUT, link_cards, repeated_title
from newsdrop.text.cleaner.more_link import _MORE_LINK, _TAIL_CHARS, MIN_WORDS, SPACES, more_link
from newsdrop.text.cleaner.offer_box import box_edges
from newsdrop.text.cleaner.pitch_tail import _QUOTES, _YOU_OPENING, addresses_reader
from newsdrop.text.cleaner.reader_cues import reader_pronouns
from newsdrop.text.cleaner.signup_box import _PITCH_MAX_WORDS, _heading, email_field, signup_boxes
from newsdrop.text.dates import find_date
from newsdrop.text.line_keys import words_at_most
from newsdrop.text.rule_registry import holds_any
from tests.unit.case_folding import re_case_variants

DEV = Path(__file__).resolve().parents[2] / "data" / "cleaning-dev"

# Lines the gates must pass to the plain tests: links closing on arrows, spaces and a final line break, clock
# times after marks, pronouns after quotes and dashes, empty text.
_LINES = (
    "Die Regierung erläutert ihre Pläne. mehr",
    "The council voted on the budget late on Monday. More ›",
    "Le gouvernement présente son plan pour la rentrée. »  Más →  ",
    "Het kabinet presenteert het plan voor de komende jaren. Meer >>",
    "Rząd przedstawił plan na najbliższe lata. Więcej",
    "Regeringen presenterar planen för de kommande åren. mer\n",
    "The vote came after a long debate in the chamber. MORE\u3000",
    "Short. more",
    "14:10",
    "– 9.45 Uhr",
    "(10:32 AM)",
    "„14.30 h“",
    "12. März 2024",
    "2024-10-14",
    "Tú también puedes ayudar",
    "– te necesitamos",
    "„Dir gefällt dieser Artikel?",
    "_dich interessiert das?",
    "You can help us today",
    "Te “quoted” words",
    "",
    "x",
)


def _plain_more_link(text: str) -> bool:
    return _MORE_LINK.search(text[-_TAIL_CHARS:]) is not None and len(text.split()) >= MIN_WORDS


def _plain_date_only(text: str) -> bool:
    if _TIME.match(text) is not None:
        return True
    return words_at_most(text, DATE_MAX_WORDS) and find_date(text) is not None


def _plain_addresses_reader(text: str, pronouns: float | None = None) -> bool:
    if (reader_pronouns(text) if pronouns is None else pronouns) == 0 and _YOU_OPENING.match(text) is None:
        return False
    return _QUOTES.search(text) is None


@pytest.fixture(scope="module")
def lines() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(DEV.glob("*/*.txt"))]
    return sorted({raw.strip() for text in texts for raw in text.splitlines() if raw.strip()} | set(_LINES))


def _every_character() -> list[str]:
    return [chr(code) for code in range(sys.maxunicode + 1)]


def test_the_spaces_are_pythons_whitespace() -> None:
    assert set(SPACES) == {char for char in _every_character() if re.match(r"\s", char)}


def test_every_character_re_pairs_with_a_link_words_last_letter_is_a_last_character() -> None:
    paired = re.compile(r"(?i)[rREeSsJj]")
    assert {char for char in _every_character() if paired.fullmatch(char)} <= more_link_module._LAST_CHARS


def test_no_letter_is_a_decimal_digit_and_every_alphanumeric_is_a_word_character() -> None:
    characters = _every_character()
    assert not any(char.isalpha() and re.match(r"\d", char) for char in characters)
    assert all(re.match(r"[\W_]", char) is None for char in characters if char.isalnum())


def test_re_pairs_the_pronouns_first_letters_with_their_capitals_alone() -> None:
    paired = re.compile(r"(?i)[td]")
    assert {char for char in _every_character() if paired.fullmatch(char)} == pitch_tail._YOU_FIRST


def test_the_gated_tests_give_the_plain_verdicts_on_every_dev_line(lines: list[str]) -> None:
    found = {"more": 0, "date": 0, "address": 0}
    for line in lines:
        assert more_link(line) is _plain_more_link(line), line
        assert date_only(line) is _plain_date_only(line), line
        assert addresses_reader(line) is _plain_addresses_reader(line), line
        for pronouns in (0.0, 1.0):
            assert addresses_reader(line, pronouns) is _plain_addresses_reader(line, pronouns), line
        found["more"] += more_link(line)
        found["date"] += date_only(line)
        found["address"] += addresses_reader(line)
    # The lines reach both verdicts of each test.
    assert all(count > 5 for count in found.values()), found


@pytest.mark.parametrize("text", _LINES)
def test_the_gated_tests_give_the_plain_verdicts_on_every_case_variant(text: str) -> None:
    for variant in re_case_variants(text):
        assert more_link(variant) is _plain_more_link(variant), variant
        assert date_only(variant) is _plain_date_only(variant), variant
        assert addresses_reader(variant, 0.0) is _plain_addresses_reader(variant, 0.0), variant


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council voted on the budget late on Monday. More ›", True),
        ("Rząd przedstawił plan na najbliższe lata. Więcej", True),
        ("The council voted on the budget late on Monday. More news", False),
        ("– 9.45 Uhr", True),
        ("Tú también puedes ayudar", True),
        ("Te “quoted” words", False),
    ],
)
def test_the_gated_tests_keep_their_verdicts(text: str, expected: bool) -> None:
    assert (more_link(text) or date_only(text) or addresses_reader(text, 0.0)) is expected


def _plain_box_edges(kept: Sequence[bool]) -> list[int]:
    last = len(kept) - 1
    return [
        index
        for index, keep in enumerate(kept)
        if not keep and ((index > 0 and kept[index - 1]) or (index < last and kept[index + 1]))
    ]


def test_box_edges_are_the_plain_loops_on_every_page_of_up_to_ten_lines() -> None:
    for size in range(11):
        for kept in itertools.product((False, True), repeat=size):
            assert box_edges(list(kept)) == _plain_box_edges(kept), kept


def _plain_signup_boxes(texts: Sequence[str], kept: Sequence[bool]) -> list[int]:
    found: list[int] = []
    for index in range(1, len(texts)):
        if kept[index] or not kept[index - 1] or not email_field(texts[index]):
            continue
        pitch = index - 1
        if len(texts[pitch].split()) > _PITCH_MAX_WORDS:
            continue
        found.append(pitch)
        above = pitch - 1
        while above >= 0 and kept[above] and _heading(texts[above]):
            found.append(above)
            above -= 1
    return sorted(found)


def _plain_link_cards(kept: Sequence[bool], texts: Sequence[str]) -> list[int]:
    found: list[int] = []
    for index, keep in enumerate(kept):
        if not keep or not repeated_title(texts[index]):
            continue
        found.append(index)
        below = index + 1
        if below < len(kept) and kept[below] and _CUT.search(texts[below]) is not None:
            found.append(below)
    return found


_BOX = [
    "Essential news",
    "Get our briefing every morning in your inbox.",
    "Email address",
    "The story goes on here.",
    "Harbour wall finished early Harbour wall finished early Harbour wall finished early",
    "Crews poured concrete all winter and the town hopes…",
    "Your email address",
]


def test_the_pages_lines_picked_in_c_give_the_plain_loops_verdicts(lines: list[str]) -> None:
    pick = random.Random(43)
    hits = 0
    for _ in range(400):
        texts = pick.sample(lines, pick.randint(0, 12)) + pick.sample(_BOX, pick.randint(0, len(_BOX)))
        pick.shuffle(texts)
        kept = [pick.random() < 0.6 for _ in texts]
        assert signup_boxes(texts, kept) == _plain_signup_boxes(texts, kept), (texts, kept)
        assert link_cards(kept, texts) == _plain_link_cards(kept, texts), (texts, kept)
        hits += bool(signup_boxes(texts, kept)) + bool(link_cards(kept, texts))
    assert hits > 10


def _plain_stem_count(texts: Sequence[str]) -> int:
    page = "\n".join([text for text in texts if len(text) <= COUNTER_MAX_CHARS]).lower()
    return sum(page.count(stem) for stem in COUNTER_STEMS)


def test_no_other_characters_lower_case_holds_a_stems_letter() -> None:
    letters = set("".join(COUNTER_STEMS))
    assert not [char for char in _every_character()[0x80:] if letters & set(char.lower())]


_COUNTERS = [
    "12 Kommentare",
    "COMMENTS: 3",
    "Réactions (4)",
    "İ comment",
    "KÖMMENTARE",
    "Comentarios (2)",
    "ſ",
]


def test_stem_count_is_the_plain_count_on_pages_of_dev_lines(lines: list[str]) -> None:
    pick = random.Random(10)
    counted = 0
    for _ in range(300):
        texts = pick.sample(lines, pick.randint(0, 40)) + pick.sample(
            _COUNTERS, pick.randint(0, len(_COUNTERS))
        )
        pick.shuffle(texts)
        assert stem_count(texts) == _plain_stem_count(texts), texts
        counted += stem_count(texts)
    assert counted > 100


def _plain_series_note(text: str) -> bool:
    if (
        not holds_any(text.lower(), series_note_module.STEMS)
        or len(text.split()) > series_note_module.MAX_WORDS
    ):
        return False
    return series_note_module._NOTE.match(text) is not None


_NOTES = (
    "This is part 2 of a series on the harbour.",
    "* Dies ist der zweite Teil unserer Reihe.",
    "(Esta es la segunda parte de la serie.)",
    "Cet article fait partie de la série « Ports ».",
    "To jest druga część cyklu.",
    "Part 3 of a series on ports",
    "This department is part of the problem.",
)


def test_re_pairs_the_notes_first_letters_with_their_capitals_alone() -> None:
    paired = re.compile(r"(?i)[tpdec]")
    assert {char for char in _every_character() if paired.fullmatch(char)} == series_note_module._NOTE_FIRST


def test_the_series_note_gate_gives_the_plain_verdict(lines: list[str]) -> None:
    notes = 0
    for line in [*lines, *_NOTES]:
        assert series_note_module.series_note(line) is _plain_series_note(line), line
        notes += series_note_module.series_note(line)
    for note in _NOTES:
        for variant in re_case_variants(note):
            assert series_note_module.series_note(variant) is _plain_series_note(variant), variant
    assert notes >= 6
