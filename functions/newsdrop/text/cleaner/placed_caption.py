"""Cleaner stage after the line model: picture captions kept in the story, told by the places they name people at."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress

from newsdrop.text.re2_sets import FOLDED_APART, native_match, search_set

# A caption names the people in its picture by their place in it ("Murder victims from left: ...", "Major-General
# Arturo Roja, second left, ...", "Pictured at the back, from left, are ...", "Vorstandsmitglieder (von li nach
# re): ...", "Kerstin Wahala, Judy Lybke und Elke Hannemann (v.l.)", "de izquierda a derecha", "de gauche à
# droite"); a story's sentence rarely does. A lone letter ("Bethany Funke (R)") is a party's as often.
_PLACED = re.compile(
    r"\b(?:from (?:left|right)|second (?:left|right)|(?:left|right) to (?:right|left))\b"
    r"|\((?:left|right|centre|center|far (?:left|right))\)|^pictured\b"
    r"|\b(?:von )?li\.? nach re\b|\bv\. ?l\. ?n\. ?r\.|\(v\. ?l\.\)|\bvon links\b"
    r"|\bde izquierda a derecha\b|\bde gauche à droite\b|\bda sinistra\b",
    re.IGNORECASE,
)

# Each form of ``_PLACED`` holds one of these (in any case): a line without any (most of a story's sentences)
# places nobody, and the pattern is not run on it (an RE2 set of literals: one pass in C).
_PLACE_WORDS = search_set(
    [
        "(?i)" + re.escape(word)
        for word in (
            "left",
            "right",
            "centre",
            "center",
            "pictured",
            "nach re",
            "v.",
            "links",
            "izquierda",
            "gauche",
            "sinistra",
        )
    ]
)
# ``_PLACE_WORDS`` over UTF-8 bytes (``native_match``): read on every kept line.
_PLACE_WORDS_BYTES = native_match(_PLACE_WORDS)

# ``_PLACED`` without its word bounds, as one RE2 set: a superset pre-test for one line (most lines that hold a
# word of ``_PLACE_WORDS``, "right" or "left" in a sentence, place nobody, and ``re``'s case-blind search tried the
# alternation at every position). RE2's ``(?i)`` folds by Unicode's simple case folding, which pairs each letter
# here with every character ``re``'s IGNORECASE does but for ``FOLDED_APART`` (a unit test reads every code
# point). With ``(?m)`` (``^`` at each line's start) it reads the page's kept lines joined by line breaks (no form
# holds one): on a page where it finds none (most) no line needs reading.
_PLACED_HINT_SOURCE = (
    r"(?i)from (?:left|right)|second (?:left|right)|(?:left|right) to (?:right|left)"
    r"|\((?:left|right|centre|center|far (?:left|right))\)|^pictured"
    r"|li\.? nach re|v\. ?l\. ?n\. ?r\.|\(v\. ?l\.\)|von links"
    r"|de izquierda a derecha|de gauche à droite|da sinistra"
)
_PLACED_HINT = native_match(search_set([_PLACED_HINT_SOURCE]))
PLACED_PAGE_PATTERN = "(?m)" + _PLACED_HINT_SOURCE
_PLACED_PAGE_HINT = native_match(search_set([PLACED_PAGE_PATTERN]))


# A caption is a sentence or two; a longer line naming places is a story's or a document's header.
MAX_CAPTION_CHARS = 450


def placed_caption(text: str) -> bool:
    """Whether a line is a picture's caption that places its people (``_PLACED``), at most
    ``MAX_CAPTION_CHARS`` characters long."""
    return (
        len(text) <= MAX_CAPTION_CHARS
        and _PLACE_WORDS_BYTES(encoded := text.encode()) != []
        and (_PLACED_HINT(encoded) != [] or any(char in text for char in FOLDED_APART))
        and _PLACED.search(text) is not None
    )


def placed_captions(
    texts: Sequence[str], kept: Sequence[bool], story: str | None = None, marked: bool | None = None
) -> list[int]:
    """The indexes of the kept lines below the first kept line that are captions placing their people
    (``placed_caption``); none when they are every other kept line.

    The first kept line stays, as ``closing_credits`` leaves it: the lead picture's caption over the story is
    its opening on some sites. ``story`` (if given) is a superset of the kept lines joined by line breaks, read
    for the page's pre-test instead of joining them again; ``marked`` (if given) ``_PLACED_PAGE_HINT``'s verdict
    on it, read by the caller (``story_gates``).
    """
    # The hint read once over the kept lines joined (``_PLACED_PAGE_HINT``): on a page where it finds no form (and
    # no character of ``FOLDED_APART`` stands) no line needs reading.
    if story is None:
        story = "\n".join(compress(texts, kept))
    if marked is None:
        marked = bool(_PLACED_PAGE_HINT(story.encode()))
    if not marked and not any(char in story for char in FOLDED_APART):
        return []
    # The kept lines below the first.
    order = list(compress(range(len(kept)), kept))
    found = [index for index in order[1:] if placed_caption(texts[index])]
    if len(found) >= len(order) - 1:
        return []
    return found


# A caption also places a person between commas, after the name ("Party President X, center, poses ..."): a
# headline names people without pointing at them. (Headline stage only: the body stage's ``_PLACED`` stays.)
_PLACED_BETWEEN_COMMAS = re.compile(
    r", (?:left|right|cent(?:er|re)|second from (?:left|right)),", re.IGNORECASE
)


def places_people(text: str) -> bool:
    """A picture's caption placing its people (``placed_caption``, or a place between commas after a name): never
    the headline, however the ranker scores it."""
    return placed_caption(text) or _PLACED_BETWEEN_COMMAS.search(text) is not None
