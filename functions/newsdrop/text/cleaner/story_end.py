"""Cleaner stage after the line model: islands below the story, a closing notice and repeats go; one-line holes are filled."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import compress

# Two or more dropped lines (a share row, a "related" heading, teaser titles the model dropped) part an island.
_ISLAND_GAP_LINES = 2


# An island after the story holding less than this share of the story's characters is not the story ...
_ISLAND_SHARE = 0.12


# ... unless it holds more kept lines than this: the story's closing section after a widget runs longer,
# a teaser's blurb, an author box, a pitch or a comment is a line or three.
_ISLAND_MAX_LINES = 3


# Each island of kept lines: (first index, last index, characters kept, lines kept).
Spans = list[tuple[int, int, int, int]]


def islands(kept: Sequence[bool], sizes: Sequence[int]) -> Spans:
    """The page's runs of kept lines parted by at least ``_ISLAND_GAP_LINES`` dropped lines.

    Each island is (first index, last index, characters kept, lines kept); ``sizes`` are the lines'
    characters.
    """
    found: list[tuple[int, int, int, int]] = []
    first = last = -1
    chars = count = 0
    # Only the kept lines are visited (``compress`` picks them in C); an island's tuple is built once, at its end.
    for index in compress(range(len(kept)), kept):
        if last < 0 or index - last > _ISLAND_GAP_LINES:
            if last >= 0:
                found.append((first, last, chars, count))
            first, chars, count = index, 0, 0
        chars += sizes[index]
        count += 1
        last = index
    if last >= 0:
        found.append((first, last, chars, count))
    return found


def trailing_islands(kept: Sequence[bool], sizes: Sequence[int], found: Spans | None = None) -> list[int]:
    """Indices of the kept lines in small islands below the story's island (the largest by characters).

    After the line model the story is one large island of kept lines; what the rules' region held below
    it and the model still keeps past a gap of dropped lines (a teaser's blurb under its dropped title,
    an author box or a pitch under a share row, a comment under its dropped header) is a line or three
    with a small share of the story's text. Islands above the story are left alone: a standfirst or
    the lead printed above a picture credit looks the same there. ``found`` (if given) is ``islands(kept, sizes)``.
    """
    found = islands(kept, sizes) if found is None else found
    if len(found) < 2:
        return []
    story = _story(found)
    story_chars = found[story][2]
    dropped: list[int] = []
    for first, last, chars, count in found[story + 1 :]:
        if chars < _ISLAND_SHARE * story_chars and count <= _ISLAND_MAX_LINES:
            dropped += [index for index in range(first, last + 1) if kept[index]]
    return dropped


# A gap of this many dropped lines below the story, ...
_FAR_GAP_LINES = 18


# ... at least this share of them lines the rules kept and the line model (or the step above) dropped, ...
_FAR_REJECTED_SHARE = 0.5


# ... parts the story from what follows: an island past it under this share of the story's characters is dropped.
_FAR_ISLAND_SHARE = 0.6


# A closing line of the story this long or shorter that speaks of the site (``cues_notice``) is no part of it.
_CLOSING_NOTICE_CHARS = 300


def _story(found: list[tuple[int, int, int, int]]) -> int:
    """The story's island: the largest by characters (the first of the largest)."""
    return max(range(len(found)), key=lambda number: found[number][2])


def far_islands(
    kept: Sequence[bool], sizes: Sequence[int], rejected: Sequence[bool], found: Spans | None = None
) -> list[int]:
    """Indices of the kept lines in islands past a long stretch of the rules' region the line model rejected.

    ``rejected`` marks the dropped lines the rules had kept (the region's lines the model or
    ``trailing_islands`` dropped). Where the rules' region ran on below the story through a teaser feed,
    a comment thread, a second story's header or a site footer, the model drops that stretch line by line
    but keeps the odd prose line or paragraph past it: an island after a gap of ``_FAR_GAP_LINES`` or
    more dropped lines, most of them rejected region lines, holding under ``_FAR_ISLAND_SHARE`` of the
    story's characters, is not the story. A story's own closing section past a long widget is rarer and
    the model keeps that widget's lines in the rules' region less often than a feed's. ``found`` (if given) is
    ``islands(kept, sizes)``.
    """
    found = islands(kept, sizes) if found is None else found
    if len(found) < 2:
        return []
    story = _story(found)
    story_chars = found[story][2]
    dropped: list[int] = []
    for number in range(story + 1, len(found)):
        first, last, chars, _ = found[number]
        gap = range(found[number - 1][1] + 1, first)
        if len(gap) < _FAR_GAP_LINES or chars >= _FAR_ISLAND_SHARE * story_chars:
            continue
        if sum(1 for index in gap if rejected[index]) >= _FAR_REJECTED_SHARE * len(gap):
            dropped += [index for index in range(first, last + 1) if kept[index]]
    return dropped


def closing_notice(kept: Sequence[bool], sizes: Sequence[int], notices: Sequence[bool]) -> int | None:
    """The index of the story's closing line when it is a short notice of the site, else None.

    The story's island's last kept line, at most ``_CLOSING_NOTICE_CHARS`` long and under
    ``_ISLAND_SHARE`` of the story, that ``notices`` marks (a newsletter, subscription, paywall or
    advertising note printed right under the last paragraph, with no dropped line between) is the
    site's, not the story's. The island's only line never is.
    """
    last = closing_line(kept, sizes)
    return last if last is not None and notices[last] else None


def closing_line(kept: Sequence[bool], sizes: Sequence[int], found: Spans | None = None) -> int | None:
    """The one line ``closing_notice`` may name, whatever the notices (the story's island's last kept line, short
    and a small share of it, not its only line), else None: a caller tests only it for a notice. ``found`` (if
    given) is ``islands(kept, sizes)``."""
    found = islands(kept, sizes) if found is None else found
    if not found:
        return None
    _, last, chars, count = found[_story(found)]
    if count < 2:
        return None
    if sizes[last] > _CLOSING_NOTICE_CHARS or sizes[last] >= _ISLAND_SHARE * chars:
        return None
    return last


# A line with this many digits is a dateline, a timestamp, a phone number or a score line, not a crosshead.
_HOLE_MAX_DIGITS = 3


_DIGIT = re.compile(r"\d")


# A first word and a slash: a picture credit ("PAP/ Rafał Guz", "AFP/Getty Images") or a prompt's two choices
# ("REGISTER / SIGN IN TO UNLOCK MORE ARTICLES"), not a crosshead.
_SLASHED_OPENING = re.compile(r"\S{2,12}\s?/\s?\S")


# A picture's caption naming a person by what they do in it: a name, a comma and a participle with its
# preposition or "here", no sentence end ("Jill Binder, speaking at a WordCamp", "Jane Doe, pictured in 2019").
# A crosshead names a topic, not a person at an act ("Words, meaning and use").
_PERSON_CAPTION = re.compile(
    r"(?:[A-Z][\w.'’-]+ ){0,3}[A-Z][\w.'’-]+, (?:[a-z]+ing|pictured|seen|shown)"
    r" (?:at|in|on|with|during|after|before|here|to|from|for|outside|inside|near|as)\b[^.!?]*"
)


def hole_kind(text: str, printings: int, notice: bool) -> bool:
    """Whether a line the model dropped may be the story's own line when it stands between two kept lines.

    A crosshead, a short list item or a one-line quote inside the story is printed once on the page; a
    line the page prints twice (a teaser title, a menu entry), one with a notice stem (``notice``: a
    subscription or consent prompt), a pipe (a "Name | Role" credit, a breadcrumb) or a date's digits
    is the site's, and so is a line whose first word a slash closes (``_SLASHED_OPENING``: a picture credit)
    or a person's caption (``_PERSON_CAPTION``: a name, a comma, a participle).
    """
    return (
        printings <= 1
        and not notice
        and "|" not in text
        and len(_DIGIT.findall(text)) <= _HOLE_MAX_DIGITS
        and _SLASHED_OPENING.match(text) is None
        and _PERSON_CAPTION.fullmatch(text) is None
    )


def story_holes(
    kept: Sequence[bool], model_dropped: Sequence[bool], kind: Callable[[int], bool]
) -> list[int]:
    """Indices of single dropped lines between two kept lines that the line model dropped and ``kind`` admits
    (asked last, of such a line alone: its tests cost more than the others).

    The line model judges a short line mostly by its shape, and a crosshead or a list item of a few words
    looks like a menu entry or a teaser title; between two lines the page keeps it is a line of the
    story. Only a hole of one line is filled (two or more dropped lines are a widget, and part islands),
    and only where the model, not a named rule, dropped the line the rules had kept.
    """
    # Only the lines the model dropped are visited (``compress`` picks them in C): a few a page.
    return [
        index
        for index in compress(range(len(kept)), model_dropped)
        if 0 < index < len(kept) - 1
        and not kept[index]
        and kept[index - 1]
        and kept[index + 1]
        and kind(index)
    ]


# A kept line this many words or longer that a kept line above already printed is a repeat; a shorter one
# can be the story's own refrain ("No answer.", a chorus, a quoted reply).
_REPEAT_MIN_WORDS = 6


def kept_repeats(
    kept: Sequence[bool], keys: Sequence[str], words: Sequence[int], paragraph: Callable[[int], bool]
) -> list[int]:
    """Indices of kept paragraph lines (``paragraph``) whose text (``keys``) a kept line above already printed.

    A page prints a paragraph twice when a teaser, a summary box or a photo caption repeats it, and a
    site's subscription pitch or embed notice comes back under each widget: the gold holds such text once,
    so the second printing the page keeps is no part of the story. ``words`` are the lines' word counts; ``paragraph``
    says whether the line at an index may go (body text, not a crosshead or a caption the rules named): asked only of
    the few long kept lines printed before, not made into a list over every line.
    """
    seen: set[str] = set()
    repeats: list[int] = []
    # Only the kept lines are visited (``compress`` picks them in C).
    for index in compress(range(len(kept)), kept):
        if not keys[index]:
            continue
        if keys[index] in seen and words[index] >= _REPEAT_MIN_WORDS and paragraph(index):
            repeats.append(index)
        seen.add(keys[index])
    return repeats
