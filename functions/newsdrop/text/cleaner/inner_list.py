"""Cleaner stage after the line model: a list a story line introduces with a colon, inside the story, is the story's."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress

from newsdrop.text.cleaner.related_runs import related_label

# The lead-in has at least this many words: a two- or three-word line over a colon ("Mehr zum Facelift:",
# "„Quote“:") is a box's kicker over other pages' headlines as often as the story's own lead-in.
MIN_LEAD_WORDS = 4


# The list runs this many lines at most: a longer run of dropped lines is a box or a page's tail.
MAX_ITEMS = 12


# The lines stand at most this far apart (one blank line between): a list printed in the story's flow.
STORY_REACH = 2


# A lead-in to further reading ("Mehr zum Thema finden Sie ...:", "More from the author:", "Read ...:",
# "Watch:"): the list under it is other pages' headlines, not the story's, in the corpus's main languages.
_FURTHER_READING = re.compile(
    r"[\W_]*(?:mehr (?:zu[mr]?|von|aus|über|nachrichten|news|artikel|beiträge)\b|weitere\b|lesen\b|lies\b"
    r"|siehe\b|more (?:on|from|about|by)\b"
    r"|read\b|see\b|watch\b|listen\b|related\b|also\b|plus\b|más\b|lire\b|czytaj\b|zobacz\b)"
)


# A shop's button among the items ("Jetzt bei X abschließen", "Zum Angebot", "Buy now"): the list is a deal box's
# terms, not the story's.
_SHOP_BUTTON = re.compile(
    r"(?:jetzt|now)\b.*\b(?:abschlie(?:ß|ss)en|kaufen|bestellen|buchen|sichern)\W*"
    r"|.*\b(?:zum angebot|buy now|shop now|order now|book now|get (?:the )?deal)\b.*"
)


def lead_in(text: str, key: str, words: int) -> bool:
    """Whether a line reads as the story's lead-in to a list: ``MIN_LEAD_WORDS`` or more words ending in a
    colon, no kicker's bar ("WATCH | ..."), no related-links label, no lead-in to further reading."""
    if words < MIN_LEAD_WORDS or not text.rstrip().endswith(":") or "|" in text:
        return False
    return not related_label(key, words) and _FURTHER_READING.match(key) is None


def list_item(text: str, key: str, words: int) -> bool:
    """Whether a dropped line under a lead-in can be the list's item: no meta row's bars ("NDR 1 | 17.06.2025 |
    15:00 Uhr"), no related-links label or lead-in to further reading (a box's next heading), no shop's button."""
    if "|" in text or related_label(key, words) or _FURTHER_READING.match(key) is not None:
        return False
    return _SHOP_BUTTON.fullmatch(key.strip()) is None


# A section's heading over the lead-in is at most this many words and ends in no sentence's stop.
HEADING_MAX_WORDS = 8


def section_heading(
    index: int, numbers: Sequence[int], texts: Sequence[str], kept: Sequence[bool], dropped: Sequence[bool]
) -> bool:
    """Whether the dropped line ``index`` is a section's heading between a kept line and the lead-in under it: the
    model dropped it (``dropped``), at most ``HEADING_MAX_WORDS`` words with no stop, colon or bar, right under a kept
    line (within ``STORY_REACH`` lines)."""
    text = texts[index].rstrip()
    return (
        dropped[index]
        and kept[index - 1]
        and numbers[index] - numbers[index - 1] <= STORY_REACH
        and len(text.split()) <= HEADING_MAX_WORDS
        and text[-1:] not in ".:!?;,"
        and "|" not in text
    )


def inner_lists(
    numbers: Sequence[int],
    texts: Sequence[str],
    keys: Sequence[str],
    kept: Sequence[bool],
    dropped: Sequence[bool],
) -> list[int]:
    """Indices of the lead-ins (``lead_in``) and the list items the line model dropped inside the story.

    A lead-in the line model dropped (``dropped``; a named rule's verdict stands) right under a kept line, over
    one to ``MAX_ITEMS`` lines the model dropped too, with a kept line right under them (each within
    ``STORY_REACH`` lines): the story introduces a list (its points, a ranking, a table's rows) and goes on
    below it; the model read the short unpunctuated items as a box's links. The lead-in may stand under its
    section's heading the model dropped too (``section_heading``, right under the kept line): the heading goes
    back with the list (a report's "Project updates" section over "We're running three experiments:").
    """
    found: list[int] = []
    # Only a dropped line can be a lead-in (``compress`` picks them in C), past the list read last.
    after = 1
    for index in compress(range(len(numbers) - 2), dropped[: max(len(numbers) - 2, 0)]):
        # The colon first: most dropped lines end in none, and the lead-in's other tests cost nothing there.
        text = texts[index]
        if index < after or not (
            numbers[index] - numbers[index - 1] <= STORY_REACH and text.rstrip().endswith(":")
        ):
            continue
        # The lead-in stands right under a kept line, or under its section's heading the model dropped too.
        headed = (
            not kept[index - 1] and index >= 2 and section_heading(index - 1, numbers, texts, kept, dropped)
        )
        if not (kept[index - 1] or headed):
            continue
        if not lead_in(text, keys[index], len(text.split())):
            continue
        below = index + 1
        while (
            below < len(numbers)
            and below - index <= MAX_ITEMS
            and dropped[below]
            and numbers[below] - numbers[below - 1] <= STORY_REACH
            and not related_label(keys[below], len(texts[below].split()))
        ):
            below += 1
        items = below - index - 1
        if not all(
            list_item(texts[item], keys[item], len(texts[item].split())) for item in range(index + 1, below)
        ):
            continue
        # The story goes on under the list, or the list closes it right over the page's related box ("Ähnliche
        # Beiträge"): a box's links stand under their own label, never between the story and that label.
        closed = (
            below < len(numbers)
            and numbers[below] - numbers[below - 1] <= STORY_REACH
            and (kept[below] or related_label(keys[below], len(texts[below].split())))
        )
        if 1 <= items <= MAX_ITEMS and closed:
            found.extend(range(index - 1 if headed else index, below))
            after = below
    return found
