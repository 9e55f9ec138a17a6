"""Cleaner stage after the line model: a numbered list the story prints (a catalogue's entries, a paper's references)
stays whole."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress

# An entry's running number opening its line, a variant's letter after it ("53 STELLA ...", "53A STELLA ..."),
# then its text.
_ENTRY = re.compile(r"(\d{1,4})[A-Z]?\s+\S")


# A list runs this many entries at least, one line under the other ...
MIN_ENTRIES = 5


# ... numbered with this many numbers at least (variants share their entry's number).
MIN_NUMBERS = 3


# The rules that drop a line for where it stands, not for what it says: the model, its smoothing, the island
# stages below the story.
_SOFT_RULES = ("line_model", "trailing_island", "far_island")


# The island stages: an island they dropped under the list was measured past the gap the list's dropped
# entries made.
_ISLAND_RULES = ("trailing_island", "far_island")


def _number(text: str) -> int | None:
    # ``_ENTRY`` opens on a decimal digit (``\d`` is category Nd, as ``str.isdecimal``): most lines stop here,
    # before the regex (numbered_runs asks every line of every page).
    if not text[:1].isdecimal():
        return None
    found = _ENTRY.match(text)
    return int(found.group(1)) if found else None


def numbered_runs(
    texts: Sequence[str],
    kept: Sequence[bool],
    rules: Sequence[str | None],
    led: Sequence[int] | None = None,
) -> list[int]:
    """Indices of a numbered list's dropped entries where the page keeps most of the list, else [].

    A list's entries each open with their running number (``_ENTRY``) on consecutive lines, each number the
    one above or the next ("52", "53", "53A", "54"): at least ``MIN_ENTRIES`` entries of ``MIN_NUMBERS``
    numbers. Where the page keeps half of them or more, the list is the story's, and the entries the line
    model read as short rows or the island stages cut below (``_SOFT_RULES``) are its too, as is the line right
    under the list that an island stage dropped (its gap was the list's dropped entries). ``led`` (the lines
    that open with a number, ``gallery.digit_led``, in page order) holds every line an entry can open, where the
    caller has it: the others are not read.
    """
    # Each numbered line's number, in page order.
    numbers: dict[int, int] = {}
    for index in range(len(texts)) if led is None else led:
        if (number := _number(texts[index])) is not None:
            numbers[index] = number
    found: list[int] = []
    end = 0
    for index, first in numbers.items():
        if index < end:
            # Inside the run read last.
            continue
        end, last = index + 1, first
        while (number := numbers.get(end)) is not None and 0 <= number - last <= 1:
            end, last = end + 1, number
        run = range(index, end)
        if (
            len(run) >= MIN_ENTRIES
            and last - first + 1 >= MIN_NUMBERS
            and 2 * sum(1 for at in run if kept[at]) >= len(run)
        ):
            found += [at for at in run if not kept[at] and (rules[at] or "").startswith(_SOFT_RULES)]
            if end < len(texts) and not kept[end] and rules[end] in _ISLAND_RULES:
                found.append(end)
    return found


# A list's number alone on its line over its entry: "86.", "[87]", "12)".
_ALONE = re.compile(r"\[?(\d{1,4})[.)\]]?")


# The entries of one list stand at most this many lines apart (an entry, its links' row, the next number).
MAX_ENTRY_SPAN = 4


def numbered_blocks(
    texts: Sequence[str],
    kept: Sequence[bool],
    rules: Sequence[str | None],
    sizes: Sequence[int] | None = None,
) -> list[int]:
    """Indices of a list's dropped entries under their numbers where the page keeps most of the list, else [].

    A paper's references or a ranking print each entry's number alone on its line (``_ALONE``) over the entry;
    the numbers run up one by one, at most ``MAX_ENTRY_SPAN`` lines apart, ``MIN_ENTRIES`` of them at least.
    Where the page keeps half of the entries (the lines under the numbers) or more, the list is the story's and
    the entries the model or the island stages dropped (``_SOFT_RULES``, its last ones at the page's bottom
    read as an island) are its too. ``sizes`` holds the lines' characters, where the caller has them.
    """
    runs: list[list[int]] = []
    last_number = last_index = -1
    # A number alone is a short line: only those are read (``compress`` picks them in C).
    short = [size <= 7 for size in (map(len, texts) if sizes is None else sizes)]
    for index in compress(range(len(texts)), short):
        if (found := _ALONE.fullmatch(texts[index].strip())) is None:
            continue
        number = int(found.group(1))
        if runs and number == last_number + 1 and index - last_index <= MAX_ENTRY_SPAN:
            runs[-1].append(index)
        else:
            runs.append([index])
        last_number, last_index = number, index
    found_entries: list[int] = []
    for run in runs:
        entries = [index + 1 for index in run if index + 1 < len(texts)]
        if len(entries) < MIN_ENTRIES or 2 * sum(1 for at in entries if kept[at]) < len(entries):
            continue
        found_entries += [at for at in entries if not kept[at] and (rules[at] or "").startswith(_SOFT_RULES)]
    return found_entries
