"""Cleaner stage after the line model: other pages' teasers (a headline over one short paragraph) closing the kept text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress, pairwise

# A line that ends a sentence or a clause (closing quotes and brackets read past): a teaser's paragraph ends so,
# its headline does not.
_CLOSED = re.compile(r"[.!?…:;]['\"”“»«’)\]]*$")
# A sentence end inside or at the end of a line: the teaser's paragraph is a sentence or a few.
_SENTENCE_END = re.compile(r"[.!?…]['\"”“»«’)\]]*(?:\s|$)")
# A list item's or numbered section's opening ("3. ", "2) ", "- ", "• "): a story's list, not a teaser.
_LIST_ITEM = re.compile(r"\s*(?:\d+[.)]|[-•*–])\s")

# A teaser's headline: a phrase of this many words, with no sentence end ("Step 4" and a section's name are
# shorter).
MIN_HEADLINE_WORDS = 4
MAX_HEADLINE_WORDS = 22

# A teaser's paragraph: one to a few short sentences.
MIN_TEASER_WORDS = 6
MAX_TEASER_WORDS = 50
MAX_TEASER_SENTENCES = 4

# Two or more teasers make a list of other pages; one is a story's closing section as often.
MIN_TEASERS = 2

# The list stands past a widget: somewhere between the story's last line and the list's last teaser this many
# dropped lines stand in a row (a story's crossheads over short paragraphs have at most an advert between).
MIN_GAP = 4

# The story above keeps at least this many kept lines and 1.5 times the list's text.
MIN_STORY_LINES = 3
MIN_STORY_SHARE = 1.5


def headline_line(text: str) -> bool:
    """Whether a line reads as a teaser's headline: 4-22 words, no sentence end, no list item's number."""
    # (Counted up to one word past the most: a paragraph is not cut whole into words.)
    words = len(text.split(None, MAX_HEADLINE_WORDS))
    return (
        MIN_HEADLINE_WORDS <= words <= MAX_HEADLINE_WORDS
        and _CLOSED.search(text.rstrip()) is None
        and _LIST_ITEM.match(text) is None
    )


def teaser_line(text: str) -> bool:
    """Whether a line reads as a teaser's paragraph: 6-50 words in at most 4 sentences, closed, no list item."""
    # (Counted up to one word past the most, as ``headline_line``.)
    words = len(text.split(None, MAX_TEASER_WORDS))
    return (
        MIN_TEASER_WORDS <= words <= MAX_TEASER_WORDS
        and _CLOSED.search(text.rstrip()) is not None
        and len(_SENTENCE_END.findall(text)) <= MAX_TEASER_SENTENCES
        and _LIST_ITEM.match(text) is None
    )


def _closing_teasers(texts: Sequence[str], kept: Sequence[bool]) -> list[int]:
    """The kept lines of the teasers closing the kept text (paragraphs and their kept headlines), if they are a
    list of other pages by ``teaser_tail``'s tests, else []."""
    order = list(compress(range(len(kept)), kept))
    run: list[int] = []
    teasers = 0
    position = len(order) - 1
    while position >= 0:
        index = order[position]
        if index == 0 or not teaser_line(texts[index]) or not headline_line(texts[index - 1]):
            break
        run.append(index)
        teasers += 1
        if kept[index - 1]:
            # The headline is kept too (read as a crosshead): it goes with its paragraph.
            run.append(index - 1)
            position -= 2
        else:
            position -= 1
    if teasers < MIN_TEASERS:
        return []
    taken = set(run)
    story = [index for index in order if index not in taken]
    if len(story) < MIN_STORY_LINES:
        return []
    if sum(len(texts[index]) for index in story) < MIN_STORY_SHARE * sum(len(texts[index]) for index in run):
        return []
    # The dropped lines in a row between the story's last kept line and each kept line of the list.
    edges = [story[-1], *sorted(run)]
    if max(lower - upper - 1 for upper, lower in pairwise(edges)) < MIN_GAP:
        return []
    return sorted(run)


def teaser_tail(texts: Sequence[str], kept: Sequence[bool]) -> list[int]:
    """Indices of the kept lines that are other pages' teasers closing the kept text.

    From the last kept line up: each kept line that is a teaser's paragraph (``teaser_line``) right under a
    headline (``headline_line``, kept or dropped) is a teaser; ``MIN_TEASERS`` or more in a row, past a gap of
    ``MIN_GAP`` dropped lines in a row somewhere below the story's last kept line, with the story above holding
    ``MIN_STORY_LINES`` kept lines and ``MIN_STORY_SHARE`` times the list's text, are a list of other pages the
    region ran into. Read again above a list taken: a page may print two such lists.
    """
    remaining = list(kept)
    found: list[int] = []
    while run := _closing_teasers(texts, remaining):
        for index in run:
            remaining[index] = False
        found += run
    return sorted(found)
