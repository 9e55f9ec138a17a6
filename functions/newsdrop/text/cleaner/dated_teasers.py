"""Cleaner stage after the line model: other pages' teaser blurbs below the story, each under its dropped date line."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress, pairwise

from newsdrop.text.cleaner.story_end import Spans, islands
from newsdrop.text.dates import find_date
from newsdrop.text.line_keys import words_at_most

# A line of at most this many words that prints a date is a teaser's date line ("2024-10-14", "12. März 2024").
DATE_MAX_WORDS = 5

# A clock time alone on its line ("14:10", "9.45 Uhr", "10:32 AM"): a ticker's or a feed's entry stamp.
_TIME = re.compile(
    r"^\W*(?:[01]?\d|2[0-3])[:.h][0-5]\d(?:\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.))?\W*$", re.IGNORECASE
)

# A teaser's blurb is an island of at most this many kept lines (the blurb, a credit or a second sentence) ...
MAX_TEASER_LINES = 2

# ... and a list holds at least this many such islands: one is a story's closing paragraph under its own date.
MIN_TEASERS = 2


def date_only(text: str) -> bool:
    """A short line that prints a date and little else, or a clock time alone: a teaser's date line or a
    feed's entry stamp."""
    # A clock time opens on a digit or a mark, never on a letter (no letter is a decimal digit): a line opening
    # with a letter (most) skips the regex's call.
    if not text[:1].isalpha() and _TIME.match(text) is not None:
        return True
    # ``find_date``'s own year test first: most lines print none, and the word count splits the line.
    return (
        ("19" in text or "20" in text) and words_at_most(text, DATE_MAX_WORDS) and find_date(text) is not None
    )


def dated_teasers(
    kept: Sequence[bool], texts: Sequence[str], sizes: Sequence[int] | None = None, spans: Spans | None = None
) -> list[int]:
    """Indices of the kept lines in a list of teasers below the story whose blurbs each stand under a date.

    A list of other pages' teasers (or a news ticker's entries) prints each item as a headline, a date or time
    line and a blurb; the model drops the headline and the stamp and keeps the blurb, a paragraph long enough
    that ``story_end.trailing_islands`` reads it as the story's. Below the story's island (the largest by
    characters), a run of at most ``MAX_TEASER_LINES`` kept lines (no dropped line between them) right under
    a dropped stamp line (``date_only``) is an item's blurb; ``MIN_TEASERS`` or more of them are the list's.
    A story's own paragraphs past a widget carry no stamp each.
    """
    # ``sizes``: the lines' characters, where the caller has them; ``spans``: their islands, where it has them.
    found = (
        islands(kept, [len(text) for text in texts] if sizes is None else sizes) if spans is None else spans
    )
    if len(found) < 2:
        return []
    story = max(range(len(found)), key=lambda number: found[number][2])
    blurbs: list[list[int]] = []
    for index in range(found[story][1] + 2, len(kept)):
        if not kept[index] or kept[index - 1] or not date_only(texts[index - 1]):
            continue
        run = [index]
        while run[-1] + 1 < len(kept) and kept[run[-1] + 1]:
            run.append(run[-1] + 1)
        if len(run) <= MAX_TEASER_LINES:
            blurbs.append(run)
    if len(blurbs) < MIN_TEASERS:
        return []
    return [index for run in blurbs for index in run]


# A card is its date line over at most this many kept lines (a title, a blurb).
MAX_CARD_LINES = 2


def dated_cards(kept: Sequence[bool], texts: Sequence[str]) -> list[int]:
    """Indices of the kept lines of two or more dated cards printed one right under the other, wherever they stand.

    A box of other pages' teasers set between the story's sections prints each as a date line ("04.11.2021
    Artikel"), a title and a blurb; the model drops the date lines (or keeps one) and keeps the rest. A card is a
    ``date_only`` line over one to ``MAX_CARD_LINES`` kept lines (down to the next dropped or date line); where
    the next card's date line comes right under a card's last line, both are the box's, their kept date lines
    too (a story's dated entries run a paragraph or more each).
    """
    cards: list[tuple[int, list[int]]] = []
    # Only a line right over a kept one can be a card's date line: those lines alone are read (``compress`` picks
    # them in C), past the card read last.
    end = 0
    for index in compress(range(len(kept) - 1), kept[1:]):
        if index < end or not date_only(texts[index]):
            continue
        below = index + 1
        while below < len(kept) and kept[below] and not date_only(texts[below]):
            below += 1
        if 1 <= below - index - 1 <= MAX_CARD_LINES:
            cards.append((index, list(range(index + 1, below))))
        end = max(below, index + 1)
    found: set[int] = set()
    for (first, lines), (date, others) in pairwise(cards):
        if date == lines[-1] + 1:
            found.update([*lines, *others, *(line for line in (first, date) if kept[line])])
    return sorted(found)
