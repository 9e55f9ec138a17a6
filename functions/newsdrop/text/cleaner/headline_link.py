"""Cleaner stage after the line model: another page's headline the story links over its next crosshead."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress

# A news headline's "Subject: statement" form ("Former US commander in Europe: Russia is dangerous"): the part
# before the colon, then a space.
_SUBJECT = re.compile(r"([^:]*\w):\s")


# The subject holds this many words at least: a label before a colon ("Proof:", "Cover image:", "Foto:") is
# one or two.
MIN_SUBJECT_WORDS = 3


_TERMINALS = frozenset(".!?。！？…")
_CLOSERS = "\"'”’»)]"


def subject_headline(text: str) -> bool:
    """Whether a line opens with a headline's subject of ``MIN_SUBJECT_WORDS`` words or more (words holding a
    letter: a "»" or a dash is none) closed by a colon and a space."""
    found = _SUBJECT.match(text)
    if found is None:
        return False
    return (
        sum(1 for word in found.group(1).split() if any(char.isalpha() for char in word)) >= MIN_SUBJECT_WORDS
    )


def _ends_sentence(text: str) -> bool:
    return text.rstrip(_CLOSERS).rstrip()[-1:] in _TERMINALS


def headline_links(
    kept: Sequence[bool],
    texts: Sequence[str],
    paragraphs: Sequence[bool],
    headings: Sequence[bool],
    headlines: Sequence[bool],
) -> list[int]:
    """Indices of the kept headline-like paragraph lines between the story's paragraph and its next crosshead.

    A site links one other page in the story's flow by printing its headline, with no "Read more" label
    (``related_link`` reads a labelled one), and the model keeps it as a short paragraph. A kept ``paragraphs``
    line (the body's role) that reads as a headline (``headlines``: short, no sentence end) in the headline's
    "Subject: statement" form (``subject_headline``), with a paragraph ending its sentence as the kept line
    above and a crosshead (``headings``) as the kept line below, is that link: the story's own lines there are
    a paragraph's last sentence and the crosshead over the next section, and a crosshead is no
    headline-like paragraph over another crosshead.
    """
    order = list(compress(range(len(kept)), kept))
    found: list[int] = []
    for position in range(1, len(order) - 1):
        index = order[position]
        if not (paragraphs[index] and headlines[index] and subject_headline(texts[index])):
            continue
        above, below = order[position - 1], order[position + 1]
        if headings[below] and paragraphs[above] and _ends_sentence(texts[above]):
            found.append(index)
    return found
