"""Cleaner stage after the line model: a recipe's ingredient list (and its times and yield) is the story's."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress

# A quantity opens an ingredient: "200 g", "1-2", "1,5", "1/2", "½", "2½".
_QUANTITY = re.compile(r"\s*(?:\d+(?:[.,/]\d+)?(?:\s*[-–]\s*\d+(?:[.,/]\d+)?)?\s*[½¼¾⅓⅔⅛]?|[½¼¾⅓⅔⅛])\s*")


_FRACTIONS = "½¼¾⅓⅔⅛"


# A unit of measure after the quantity, in the corpus's main languages ("g", "TL", "tbsp", "Pck.", "Prise").
_UNIT = re.compile(
    r"(?:g|gr|kg|mg|ml|cl|dl|l|el|tl|msp|tsp|tbsp|teaspoons?|tablespoons?|cups?|oz|lbs?|pounds?|pck|päckchen"
    r"|pkg|prisen?|becher|dosen?|dose/n|stk|stück|scheiben?|zehen?|bund|pinch(?:es)?|cloves?|cans?|spritzer"
    r"|dash(?:es)?|slices?|gramm|liter|cucharadas?|cucharaditas?|tazas?|cuillères?|pincées?)\.?(?=\s|$)",
    re.IGNORECASE,
)


# An ingredient line is short: a quantity, a unit and the thing ("2 Dose/n Mandarine(n), je ca. 300 g").
_MAX_WORDS = 10


_MAX_CHARS = 80


# A list holds this many ingredient lines at least, this many of them with a unit (a count alone is as often
# a ranking's or a timeline's line: "3 Minuten vom Bahnhof", "1 Ei" only among units).
_MIN_INGREDIENTS = 3


_MIN_UNITS = 2


# Ingredient lines of one list stand at most this many lines apart (a part's heading, "Für die Füllung:").
_MAX_GAP = 3


# A list this many lines above the story's first kept line at most is the recipe's (past the nutrition table
# and the preparation's heading, under which the story's method starts).
_REACH_LINES = 30


# A part's heading in the list: a few words ending in a colon ("Zutaten:", "Für den Mürbeteig:").
_HEADING_MAX_WORDS = 6


# The recipe's facts around its list: the preparation time ("Zubereitungszeit: 25 Minuten", "Prep time 10
# mins", "Arbeitszeit ca. 30 Minuten") and what it yields ("Für eine 26er Springform.", "Serves 4").
_TIME = re.compile(
    r"(?:zeit|time|tiempo|temps)\b.{0,20}?\d+\s*(?:min|std|stunde|hour|hr|minut)", re.IGNORECASE
)
_YIELD = re.compile(
    r"(?:für|for|ergibt|makes|serves|yields?|portionen|servings|para|pour)\b\W+\w", re.IGNORECASE
)


# Facts are read this many lines above the list's first ingredient (its time and yield head it).
_FACTS_ABOVE = 6


_FACT_MAX_WORDS = 20


# Rules whose lines no list takes back: a reader's comment, a list of links.
_NEVER = frozenset({"comment_section", "link_list"})


def ingredient(text: str) -> tuple[bool, bool]:
    """Whether a line reads as an ingredient (a quantity, then the thing, short, no sentence end), and whether
    a unit of measure follows its quantity."""
    head = text.lstrip()[:1]
    # Most lines open with a letter: no quantity (the regex is read only on the rest).
    if not head or not (head.isdigit() or head in _FRACTIONS):
        return False, False
    found = _QUANTITY.match(text)
    if found is None or found.end() == 0 or len(text) > _MAX_CHARS:
        return False, False
    rest = text[found.end() :]
    words = rest.split()
    if not words or len(words) + 1 > _MAX_WORDS or text.rstrip()[-1] in ".!?":
        return False, False
    unit = _UNIT.match(rest)
    if unit is not None:
        # The unit is no ingredient: a thing follows it ("53,82 g" is a nutrition table's value).
        return bool(rest[unit.end() :].strip()), True
    return rest[0].isalpha(), False


def _heading(text: str) -> bool:
    stripped = text.strip()
    return stripped.endswith(":") and len(stripped.split()) <= _HEADING_MAX_WORDS


def _fact(text: str) -> bool:
    stripped = text.strip()
    if len(stripped.split()) > _FACT_MAX_WORDS:
        return False
    return _TIME.search(stripped) is not None or (
        _YIELD.match(stripped) is not None and any(char.isdigit() for char in stripped)
    )


def _candidates(texts: Sequence[str], led: Sequence[int] | None) -> Sequence[int]:
    """The lines that can be ingredients: ``led`` (``gallery.digit_led(texts)``, which holds every line whose
    first non-space character is a digit) unless the page prints a fraction sign anywhere, which can open an
    ingredient outside ``led``; then, and without ``led``, every line."""
    if led is None:
        return range(len(texts))
    # One substring scan per sign over the page (in C) is cheaper than a character class's search.
    page = "".join(texts)
    if any(sign in page for sign in _FRACTIONS):
        return range(len(texts))
    return led


def _lists(texts: Sequence[str], led: Sequence[int] | None = None) -> list[tuple[int, int, list[int]]]:
    """The ingredient lists of a page: (first, last, ingredient indices) of each run of ingredient lines
    standing at most ``_MAX_GAP`` lines apart with ``_MIN_INGREDIENTS`` lines and ``_MIN_UNITS`` units.
    Only the ``_candidates`` are read (``led``: see there)."""
    found: list[tuple[int, int, list[int]]] = []
    run: list[int] = []
    units = 0
    for index in _candidates(texts, led):
        text = texts[index]
        is_ingredient, has_unit = ingredient(text) if text else (False, False)
        if not is_ingredient:
            continue
        if run and index - run[-1] > _MAX_GAP:
            if len(run) >= _MIN_INGREDIENTS and units >= _MIN_UNITS:
                found.append((run[0], run[-1], run))
            run, units = [], 0
        run.append(index)
        units += has_unit
    if len(run) >= _MIN_INGREDIENTS and units >= _MIN_UNITS:
        found.append((run[0], run[-1], run))
    return found


def ingredient_lines(
    kept: Sequence[bool],
    texts: Sequence[str],
    rules: Sequence[str | None],
    led: Sequence[int] | None = None,
) -> list[tuple[int, bool]]:
    """The dropped lines of the story's ingredient lists, each with whether it is a heading.

    A recipe prints its ingredients as a list of short lines opening with a quantity ("200 g Zucker", "1 TL
    Zimt"), above the method or inside it; the region starts at the method's prose and the line model drops
    short lines. A list of ``_MIN_INGREDIENTS`` or more, ``_MIN_UNITS`` with a unit, that ends at most
    ``_REACH_LINES`` above the story's first kept line or stands among its kept lines is the story's: its
    ingredient lines, its parts' colon headings and short lines between them come back, and so do the recipe's
    time and yield lines from ``_FACTS_ABOVE`` lines above the list down to the next kept line;
    never a line a comment or link-list rule dropped. ``led`` is ``gallery.digit_led(texts)`` where the caller
    has it: most pages' other lines need no reading.
    """
    kept_lines = list(compress(range(len(kept)), kept))
    if not kept_lines:
        return []
    first_kept, last_kept = kept_lines[0], kept_lines[-1]
    found: dict[int, bool] = {}
    for first, last, run in _lists(texts, led):
        above = last < first_kept and first_kept - last <= _REACH_LINES
        if not (above or (first_kept < last and first < last_kept)):
            continue
        for index in range(first, last + 1):
            text = texts[index]
            if index in run or (len(text.split()) <= 3 and not text.strip().endswith(":")):
                found[index] = False
            elif _heading(text):
                found[index] = True
        if first > 0 and _heading(texts[first - 1]):
            found[first - 1] = True
        # The facts stand between the list's heading and the method: down to the next kept line.
        stop = next((index for index in kept_lines if index > last), last + 1)
        for index in range(max(0, first - _FACTS_ABOVE), stop):
            if index not in found and _fact(texts[index]):
                found[index] = False
    return [
        (index, heading)
        for index, heading in sorted(found.items())
        if not kept[index] and rules[index] not in _NEVER
    ]
