"""Cleaner stage after the line model: a picture gallery's numbered slides ("1/50 ...", "Image 2 of 8") are not the story."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from itertools import compress, pairwise

# A slide's counter opens its line: "12/50", "3 of 8", "Bild 2 von 5" (a label word, the number, a short
# separator word or a slash, the count). Not a date or a time ("11/20/2019", "20/1/2026 18:30", "3/4/25"): no
# slash or digit follows the count, nor a colon, point or comma before a digit.
_COUNTER = re.compile(r"^(?:\w{1,12}\s+)?(\d{1,3})\s*(?:/|\s[^\W\d]{1,3}\s)\s*(\d{1,3})(?![/\d]|[:.,]\d)")


# A gallery numbers at least this many slides of one count, one after another.
_MIN_SLIDES = 3


# What opens every line a slide counter or a section's number (``numbered_sections``) can open: a number, or a
# word and a number, after any whitespace. A tenth of a page's lines pass; the others need neither test.
# Possessive (``*+``, ``{1,12}+``, ``++``): no run it takes can be given back to a match, since what would follow
# a shorter run is one more of its own characters (whitespace or a word's), which the next item never matches;
# the same lines for a third less time, with no backtracking through each prose line's first word.
_DIGIT_LED = re.compile(r"\s*+(?:\w{1,12}+\s++)?\d")


def digit_led(texts: Sequence[str]) -> list[int]:
    """Indices of the lines that open with a number, or with a word and a number (``_DIGIT_LED``): a necessary
    condition of ``slide_counter`` and of ``numbered_sections.section_number``, tested once for both."""
    # ``map`` and ``compress`` run the loop in C: a match object is always true, None false.
    return list(compress(range(len(texts)), map(_DIGIT_LED.match, texts)))


def slide_counter(text: str) -> tuple[int, int] | None:
    """The (number, count) of a slide counter opening the line, or None; the number is at most the count."""
    found = _COUNTER.match(text.strip())
    if found is None:
        return None
    number, count = int(found.group(1)), int(found.group(2))
    if not 1 <= number <= count or count < _MIN_SLIDES:
        return None
    return number, count


def gallery_lines(texts: Sequence[str], led: Sequence[int] | None = None) -> list[int]:
    """Indices of the lines of picture galleries: from a gallery's first slide counter to the end of its last
    slide.

    A gallery prints each slide's counter ("12/50 Title", "3 of 8 A shopper looks ...") over its caption and
    credit; the counters share one count and run up one by one. At least ``_MIN_SLIDES`` such counters are a
    gallery, and every line from the first to the last slide's end is its (the last slide runs as many lines as
    the slides before it do, at most): captions of other pictures, not the story's paragraphs. ``led`` is
    ``digit_led(texts)`` where the caller has it: only those lines can hold a counter.
    """
    by_count: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for index in digit_led(texts) if led is None else led:
        if (counter := slide_counter(texts[index])) is not None:
            by_count[counter[1]].append((index, counter[0]))
    found: set[int] = set()
    for counters in by_count.values():
        # The longest run of counters numbered one after another, in page order.
        run: list[int] = []
        best: list[int] = []
        previous = 0
        for index, number in counters:
            run = [*run, index] if run and number == previous + 1 else [index]
            previous = number
            if len(run) > len(best):
                best = run
        if len(best) < _MIN_SLIDES:
            continue
        gaps = sorted(later - earlier for earlier, later in pairwise(best))
        slide = gaps[len(gaps) // 2]
        last = min(best[-1] + slide - 1, len(texts) - 1)
        found.update(range(best[0], last + 1))
    return sorted(found)
