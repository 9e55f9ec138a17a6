"""Cleaner stage after the line model: other pages' cards under a "Related" label, each kept line alone in its card."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import compress

# The cards leave at least this many kept lines under the label: one lone line is the story's last paragraph
# past an inline "Read more" link as often.
MIN_CARD_LINES = 2


def related_cards(kept: Sequence[bool], labels: Sequence[bool], keys: Sequence[str]) -> list[int]:
    """Indices of the kept lines under a related-links label when each stands alone among dropped lines.

    A page closes on a "Related" box of other pages' cards (a title, its tags, a blurb, a date and byline, a
    "Read more" link): the rules and the model drop most of each card and keep its title or blurb, one line
    here and there. Under the first line ``labels`` marks where every kept line down to the page's end
    has a dropped line right below it (or the page's end; the label or a dropped line stands above the first),
    there are ``MIN_CARD_LINES`` or more of them and more of the kept lines stand above the label (the story),
    they are the cards' lines. A story that resumes under the label keeps two paragraphs in a row somewhere,
    and is left alone; so is one whose paragraphs stand apart both above and below the label by the same
    dropped line (``keys``: an ad slot's "Article content" between every two paragraphs).
    """
    kept_at = list(compress(range(len(kept)), kept))
    size = len(kept)
    # A kept line with another kept right under it: the story's text, never a card's lone line.
    paired = [index + 1 < size and kept[index + 1] for index in kept_at]
    # The cards are read under the first label that closes the page that way (each card's own "Read more"
    # is a label too, further down).
    for label in (index for index, is_label in enumerate(labels) if is_label):
        first = bisect_right(kept_at, label)
        below = len(kept_at) - first
        if below < MIN_CARD_LINES:
            break
        if first <= below or any(paired[first:]):
            continue
        story = {
            keys[index + 1]
            for index in kept_at[:first]
            if index + 1 < size and not kept[index + 1] and not labels[index]
        }
        if any(index + 1 < size and keys[index + 1] in story for index in kept_at[first:]):
            continue
        return kept_at[first:]
    return []
