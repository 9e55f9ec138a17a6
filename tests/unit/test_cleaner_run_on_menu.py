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
