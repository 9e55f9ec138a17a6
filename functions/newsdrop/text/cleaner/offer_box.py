"""Cleaner stage after the line model: the site's offer box kept between two of its subscription notices."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress

from newsdrop.text.cleaner.cues_notice import notice_stems, notice_words

# The notice stems of a subscription or newsletter offer ("SUBSCRIBE FOR MORE ARTICLES", "By signing up you
# consent to receive the above newsletter"); an advertising label ("Advertisement", "Anzeige") stands
# between a story's paragraphs as often, and a consent or browser word names no offer.
_OFFER_STEMS = frozenset(
    ("newsletter", "subscri", "suscri", "abonn", "subskry", "assinatura", "assinante", "会員登録", "購読")
)


# An offer box lists a few short benefits or a form's messages ("Unlimited online access ...", "Thanks for
# signing up!"); a story's paragraphs between two sign-up prompts run longer.
MAX_BOX_LINES = 8
MAX_BOX_LINE_CHARS = 160


# The story keeps at least this many lines besides the boxes.
MIN_STORY_LINES = 3


def offer_notice(key: str) -> bool:
    """Whether a line's case-folded key names a subscription or newsletter offer (``_OFFER_STEMS``)."""
    return notice_words(key) > 0.0 and any(stem in _OFFER_STEMS for stem in notice_stems(key))


def box_edges(kept: Sequence[bool]) -> list[int]:
    """The indexes of the dropped lines right above or below a kept line: where an offer box may open or close."""
    last = len(kept) - 1
    found: list[int] = []
    # From the kept lines (``compress`` picks them in C; a loop visited every line of the page), each dropped
    # neighbour once and in order: a line between two kept ones is the last found when the second reads it.
    for index in compress(range(len(kept)), kept):
        if index > 0 and not kept[index - 1] and (not found or found[-1] != index - 1):
            found.append(index - 1)
        if index < last and not kept[index + 1]:
            found.append(index + 1)
    return found


def offer_boxes(kept: Sequence[bool], sizes: Sequence[int], notice: Sequence[bool]) -> list[int]:
    """The indexes of the kept lines that are the site's offer box.

    A run of adjacent kept lines is the box when the dropped line right above it and the dropped line right
    below it are both offer notices (``notice``: the site's box opens and closes on its pitch), it has at
    most ``MAX_BOX_LINES`` lines, each under ``MAX_BOX_LINE_CHARS`` characters, and ``MIN_STORY_LINES``
    kept lines stay outside the boxes.
    """
    found: list[int] = []
    count = len(kept)
    index = 1
    while index < count:
        if not kept[index] or kept[index - 1]:
            index += 1
            continue
        stop = index
        while stop < count and kept[stop]:
            stop += 1
        if (
            stop < count
            and notice[index - 1]
            and notice[stop]
            and stop - index <= MAX_BOX_LINES
            and all(sizes[at] < MAX_BOX_LINE_CHARS for at in range(index, stop))
        ):
            found += range(index, stop)
        index = stop
    if sum(kept) - len(found) < MIN_STORY_LINES:
        return []
    return found
