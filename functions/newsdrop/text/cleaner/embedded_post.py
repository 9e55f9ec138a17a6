"""Cleaner stage after the line model: a social post the story embeds (its text over its attribution line) is the story's."""

from __future__ import annotations

import re
from collections.abc import Sequence

# The attribution an embedded post prints under its text: "— Name (@handle) July 3, 2019", "— Anja (@x) 10.
# September 2018": a dash, the author, the handle in brackets, a date that ends on its year.
_ATTRIBUTION = re.compile(r"[—–-]\s*[^()]{1,80}\(@\w{1,30}\)\s+\S.{0,30}\b\d{4}")


# The story's kept lines stand at most this far (one blank line) above the post and below its attribution.
STORY_REACH = 2


def attribution(text: str) -> bool:
    """Whether a line is an embedded post's attribution (``_ATTRIBUTION``, the whole line)."""
    # The handle's "(@" first: most lines the model drops hold none, and the test costs no regex there.
    return "(@" in text and _ATTRIBUTION.fullmatch(text.strip()) is not None


def embedded_posts(
    numbers: Sequence[int], texts: Sequence[str], kept: Sequence[bool], dropped: Sequence[bool]
) -> list[int]:
    """Indices of the embedded posts' texts the line model dropped inside the story.

    A line the line model dropped (``dropped``; a named rule's verdict stands) right above an attribution
    line (``attribution``, no blank line or one between), with a kept line at most ``STORY_REACH`` lines above
    the text and below the attribution: the story quotes the post it embeds, and the line model read its
    short text, its hashtags and links as chrome. The attribution line stays dropped (a credit, no prose).
    """
    found: list[int] = []
    for index in range(1, len(texts) - 2):
        if not dropped[index] or numbers[index + 1] - numbers[index] > STORY_REACH:
            continue
        if not attribution(texts[index + 1]):
            continue
        above = kept[index - 1] and numbers[index] - numbers[index - 1] <= STORY_REACH
        below = kept[index + 2] and numbers[index + 2] - numbers[index + 1] <= STORY_REACH
        if above and below:
            found.append(index)
    return found
