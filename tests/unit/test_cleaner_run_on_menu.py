"""A menu, select box or tag cloud printed as one long line of capitalised items goes; prose and lists stay."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.run_on_menu import run_on_menu, run_on_menus

COUNTRIES = (
    "▼ United States Afghanistan Albania Algeria American Samoa Andorra Angola Antigua and Barbuda Argentina Armenia"
    " Australia Austria Azerbaijan Bahamas Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bermuda Bhutan"
    " Bolivia Botswana Brazil Brunei Bulgaria Virgin Islands, U.S. Yemen Zambia Zimbabwe"
)
ARCHIVE = "Archives Select Month " + " ".join(
    f"{month} 2019 ({n})" for n, month in enumerate(["December"] * 12)
)
PROSE = (
    "The council approved the new budget on Tuesday after a long debate about the city's schools, roads and parks,"
    " and the mayor said the plan would keep taxes flat while adding money for repairs across every district of"
    " the city next year."
)
GERMAN = (
    "Die Stadt hat am Dienstag nach langer Debatte den neuen Haushalt beschlossen und will damit Schulen, Straßen"
    " und Parks sanieren, ohne die Steuern zu erhöhen oder neue Schulden aufzunehmen, wie der Bürgermeister sagte"
)
NAMES = "Colorado: " + ", ".join(f"Anna Name{n}" for n in range(20))
FORMULA = "∇ × B → − 1 c ∂ E → ∂ t = 4 π c j → ∇ ⋅ E → = 4 π ρ ∇ × E → + 1 c ∂ B → ∂ t = 0 ∇ ⋅ B → = 0"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (COUNTRIES, True),
        (ARCHIVE, True),
        (PROSE, False),
        (GERMAN, False),
        (NAMES, False),
        (FORMULA, False),
        # Short: a title-case heading.
        ("Video Settings Full Screen About Read More", False),
    ],
)
def test_run_on_menu(text: str, expected: bool) -> None:
    assert run_on_menu(text) == expected


def test_run_on_menus_reads_kept_lines_only() -> None:
    assert run_on_menus([PROSE, COUNTRIES, COUNTRIES], [True, True, False]) == [1]


@pytest.mark.parametrize("separator", ["\u00a0", "\t", "\u2003", " \u00a0"])
def test_a_menu_spaced_by_other_whitespace_is_still_split(separator: str) -> None:
    # Fewer than 29 plain spaces: the space-count bound must not skip a line split on other whitespace.
    menu = separator.join(COUNTRIES.split())
    assert menu.count(" ") < 29 or separator.startswith(" ")
    assert run_on_menu(menu) is True


def test_every_whitespace_but_the_space_is_unprintable() -> None:
    # What run_on_menu's space-count bound rests on: a printable line's only separator is the space.
    printable_spaces = [
        code for code in range(0x110000) if chr(code).isspace() and chr(code).isprintable() and code != 0x20
    ]
    assert printable_spaces == []


# Thirty capitalised items: the counted marks and commas right at and just past their limits.
ITEMS = [f"Item{n}" for n in range(30)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" ".join(ITEMS), True),
        # Two stop marks of any kind pass, a third fails, whichever marks they are.
        (" ".join(ITEMS) + " A. B!", True),
        (" ".join(ITEMS) + " A. B! C?", False),
        (" ".join(ITEMS) + " A; B: C。", False),
        (" ".join(ITEMS) + " A; B:", True),
        # One comma in 31 words passes (at most 1.55), two fail: the comma bound before the split is not tighter.
        (", ".join([" ".join(ITEMS[:15]), " ".join(ITEMS[15:]) + " X"]), True),
        (", ".join([" ".join(ITEMS[:10]), " ".join(ITEMS[10:20]), " ".join(ITEMS[20:]) + " X"]), False),
        # Tab-separated (not printable): more words than spaces, one comma still passes.
        ("\t".join(ITEMS[:15]) + ", " + " ".join(ITEMS[15:]), True),
    ],
)
def test_stop_marks_and_commas_at_their_limits(text: str, expected: bool) -> None:
    assert run_on_menu(text) == expected


@pytest.mark.parametrize(
    ("words", "lower", "expected"),
    [
        # 80 % of 30 words is 24: six lower-case words pass, a seventh fails wherever it stands.
        (30, 6, True),
        (30, 7, False),
        # 0.8 * 35 = 28: seven lower-case words pass, an eighth fails.
        (35, 7, True),
        (35, 8, False),
        (41, 8, True),
        (41, 9, False),
    ],
)
@pytest.mark.parametrize("where", ["first", "last", "spread"])
def test_the_capitals_share_stops_at_its_exact_limit(
    words: int, lower: int, expected: bool, where: str
) -> None:
    # The capitals are counted only up to the lower-case word that makes the share unreachable: the verdict is
    # the whole count's, at the limit and wherever the lower-case words stand.
    marks = {
        "first": set(range(lower)),
        "last": set(range(words - lower, words)),
        "spread": set(range(0, words, words // lower)[:lower]) if lower else set(),
    }[where]
    items = [f"item{n}" if n in marks else f"Item{n}" for n in range(words)]
    assert len(marks) == lower
    assert run_on_menu(" ".join(items)) is expected
