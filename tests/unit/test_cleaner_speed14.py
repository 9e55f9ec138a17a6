"""Speed pass 14's shortcuts give what the plain computations they replace give (leads, pre-filters)."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.gallery import digit_led, gallery_lines, slide_counter
from newsdrop.text.cleaner.headline_facts import lead_words_from
from newsdrop.text.cleaner.lines import _content_words
from newsdrop.text.cleaner.numbered_sections import numbered_sections, section_number
from newsdrop.text.cleaner.pitch_tail import _OFFER, _offer
from tests.unit.cleaner_fixtures import keyed_lines

_PAGE = [
    ("menu home sport", False),
    ("headline about harbour plans", False),
    ("the harbour plans were approved on monday.", True),
    ("photo credit", False),
    ("councillors voted after a long debate.", True),
    ("building starts next spring, officials said.", True),
    ("the fourth paragraph mentions budgets.", True),
    ("related stories", False),
]


@pytest.mark.parametrize("first", [0, 1, 2, 3, 5, 6, 7, 8, 20, -1, -3, -20])
def test_lead_words_from_is_the_plain_lead_of_the_slice(first: int) -> None:
    lines = keyed_lines(_PAGE)
    plain = _content_words.__wrapped__(" ".join([line.key for line in lines[first:] if line.prose][:3]))
    memo: dict[tuple[int, ...], frozenset[str]] = {}
    assert lead_words_from(lines, first, memo) == plain
    # Read again through the memo: the same words.
    assert lead_words_from(lines, first, memo) == plain


def test_lead_words_from_shares_a_lead_through_the_memo() -> None:
    lines = keyed_lines(_PAGE)
    memo: dict[tuple[int, ...], frozenset[str]] = {}
    assert lead_words_from(lines, 0, memo) is lead_words_from(lines, 2, memo)
    assert lead_words_from(lines, 3, memo) != lead_words_from(lines, 2, memo)
    assert lead_words_from(keyed_lines([("no prose here", False)]), 0, memo) == frozenset()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Only $5 per month, cancel anytime.", True),
        ("Just 4.99/month", True),
        ("Just 4.99/ Month", True),
        ("Just 4.99/  month", False),
        ("PER YEAR", True),
        ("per\tyear", True),
        ("per\x1cyear", True),
        ("per\x0byear", True),
        ("per  year", False),
        ("super month", False),
        ("_per month", False),
        ("per monthly", False),
        ("Pro Jahr", True),
        ("al mes", True),
        ("par an", True),
        ("par année", False),
        ("Abo", True),
        ("Abos", True),
        ("Abo-Modell", True),
        ("xabo", False),
        ("abox", False),
        ("abo_", False),
        ("1abo", False),
        ("Cancelled flights", True),
        ("uncancelled", False),
        ("annullare", True),
        ("disdicevole", True),
        ("The mayor spoke on Monday.", False),
        ("", False),
        # Non-ASCII text stays on ``re`` (case folds beyond ASCII, Unicode word characters).
        ("Kündigung jederzeit", True),
        ("\u212aündigung", True),
        ("5 € im Monat", True),
        ("12 € al año", True),
        ("éabo", False),
        ("ſper month", False),
        ("per\u2009month", True),
    ],
)
def test_offer_gives_the_offer_regex_verdict(text: str, expected: bool) -> None:
    assert _offer(text) is (_OFFER.search(text) is not None)
    assert _offer(text) is expected


_NUMBERED_LINES = [
    "12/50 A shopper looks at the stalls",
    "  3 of 8 The harbour at dawn",
    "Bild 2 von 5",
    "Image\u00a0\u00a04 of 9",
    "\u20031. Don't use a wooden luggage rack",
    "2) Take inventory",
    "Slideshowimage 7/20",
    "Aslideshowimage 7/20",
    "11/20/2019",
    "The 3 best ways",
    "¹2/5",
    "٣/٥ arabic digits",
    "",
    "   ",
    "No number here",
    "a\n1. wrapped",
    "Photo: 3/5",
]


@pytest.mark.parametrize("text", _NUMBERED_LINES)
def test_digit_led_never_skips_a_counter_or_a_section_number(text: str) -> None:
    if slide_counter(text) is not None or section_number(text) is not None:
        assert digit_led([text]) == [0]


def test_digit_led_keeps_the_lines_that_open_with_a_number() -> None:
    # (A label past twelve characters, a superscript digit or no number: skipped.)
    assert digit_led(_NUMBERED_LINES) == [0, 1, 2, 3, 4, 5, 8, 9, 11, 15]


@pytest.mark.parametrize("start", [0, 2, 5])
def test_gallery_and_sections_are_the_same_with_the_shared_filter(start: int) -> None:
    texts = [
        "Intro paragraph of the story, long enough.",
        *[line for number in range(1, 6) for line in (f"{number}/5 Slide title {number}", "A caption.")],
        "1. First section",
        "Body text.",
        "2. Second section",
        "More body text.",
        "3. Third section",
        "Closing text.",
    ][start:]
    kept = [index % 3 != 0 for index in range(len(texts))]
    rules: list[str | None] = [None] * len(texts)
    led = digit_led(texts)
    assert gallery_lines(texts, led) == gallery_lines(texts) == _plain_gallery(texts)
    assert numbered_sections(kept, texts, rules, led) == numbered_sections(kept, texts, rules)


def _plain_gallery(texts: list[str]) -> list[int]:
    """``gallery_lines`` with every line read (the filter's premise: the lines it skips hold no counter)."""
    return gallery_lines(texts, list(range(len(texts))))
