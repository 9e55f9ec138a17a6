"""Cleaner stage after the line model: a stream of other pages' teasers whose items each print a comment counter."""

from __future__ import annotations

import re
from collections.abc import Sequence

# A comment counter alone on its line: a number and the comments named ("200 Comments. Click to view comments",
# "12 Kommentare") or the comments named and their number ("Comments: 3", "Kommentare (12)").
_COMMENTS = r"(?:comments?|kommentare?|commentaires?|comentarios?|commenti|komentarz\w*|reacties)"
_COUNTER = re.compile(rf"^\W*\d[\d,.]*\s*{_COMMENTS}\b|^\W*{_COMMENTS}\s*[:(]\s*\d", re.IGNORECASE)

# A counter line is short: this many characters at most.
COUNTER_MAX_CHARS = 60

# Two counters at most this many lines apart belong to neighbouring items of one stream ...
MAX_ITEM_LINES = 12

# ... and a stream holds at least this many counters: a story's header and its comment link print one or two.
MIN_COUNTERS = 3


# Every word of ``_COMMENTS`` lower-cased holds one of these stems (letters ``re``'s IGNORECASE pairs with no other
# character than ``str.lower`` does: a unit test reads every code point), so a counter line's lower case holds one.
COUNTER_STEMS = ("omment", "omentar", "eact")
_STEM_BYTES = tuple(stem.encode() for stem in COUNTER_STEMS)


def stem_count(texts: Sequence[str]) -> int:
    """How many times the lower case of the lines of at most ``COUNTER_MAX_CHARS`` characters holds a
    ``COUNTER_STEMS`` stem: at least the number of counter lines."""
    # Only the lines short enough for a counter are lowered (a page's paragraphs are most of its characters).
    # Lowered as UTF-8 bytes (ASCII letters only, in C's table, where ``str.lower`` looks every character up): the
    # stems' letters come from no other character's lower case (a unit test reads every code point), so the
    # counts are ``str.lower``'s.
    page = "\n".join([text for text in texts if len(text) <= COUNTER_MAX_CHARS]).encode(
        "utf-8", "surrogatepass"
    )
    return sum(page.lower().count(stem) for stem in _STEM_BYTES)


def counter_line(text: str) -> bool:
    """A short line that counts an item's comments."""
    return len(text) <= COUNTER_MAX_CHARS and _COUNTER.match(text) is not None


def counted_items(kept: Sequence[bool], texts: Sequence[str]) -> list[int]:
    """Indices of the kept lines between the comment counters of a stream of other pages' teasers.

    A site's stream of its other pages prints each item as a headline, a blurb, a section or source and a
    comment counter; the model keeps the headline and the blurb as prose. ``MIN_COUNTERS`` or more counter
    lines (``counter_line``), each at most ``MAX_ITEM_LINES`` lines below the previous, mark such a stream: the
    kept lines from its first counter to its last are the items (a story's paragraphs carry no comment
    counter between them; the comment link under a story is one line).
    """
    if stem_count(texts) < MIN_COUNTERS:
        # Fewer stems on the page than a stream's counters (most pages): no line is read.
        return []
    match = _COUNTER.match
    counters = [
        index
        for index, text in enumerate(texts)
        if len(text) <= COUNTER_MAX_CHARS and match(text) is not None
    ]
    if len(counters) < MIN_COUNTERS:
        return []
    found: list[int] = []
    chain: list[int] = []
    for index in [*counters, len(texts) + MAX_ITEM_LINES + 1]:
        if chain and index - chain[-1] > MAX_ITEM_LINES:
            if len(chain) >= MIN_COUNTERS:
                found += [line for line in range(chain[0], chain[-1] + 1) if kept[line]]
            chain = []
        chain.append(index)
    return found
