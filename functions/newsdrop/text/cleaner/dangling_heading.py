"""Cleaner stage after the line model: a box's heading left as the story's last line, the box's text dropped."""

from __future__ import annotations

from collections.abc import Callable, Sequence

# A heading is short in words and in characters (a line of Japanese or Chinese prints no spaces between words).
MAX_HEADING_WORDS = 8
MAX_HEADING_CHARS = 60

# The dropped line under it is a box's text: a sentence's worth of words, not a label or a button.
MIN_TEXT_WORDS = 8

# The story stays: this many kept lines above the heading at least.
MIN_STORY_LINES = 3

# The post's own byline or date this few lines under the heading: the dropped text is still the post's (its
# acknowledgements over "Posted by X on May 3"), the heading its sign-off.
FOOTER_REACH = 4

# A line ending in these closes a sentence or opens what follows: the story's own last line.
_CLOSING = frozenset(".?:;,…。？")
_QUOTES = "\"'”’»)]"


def dangling_heading(kept: Sequence[bool], texts: Sequence[str], meta: Callable[[int], bool]) -> int | None:
    """The index of the page's last kept line when it is a heading over a dropped box's text, else None.

    The model keeps a box's heading ("2023 nichts mehr versäumen!", "Ontdek je voordeel ›", "Pour ne rien
    manquer de l'actualité") and drops the box's text right under it (a pitch, the next story's opening, a
    bio): a heading closes no story. The last kept line, at most ``MAX_HEADING_WORDS`` words and
    ``MAX_HEADING_CHARS`` characters, not ending a sentence or opening a list (``_CLOSING``), with a dropped
    line of ``MIN_TEXT_WORDS`` or more words right under it and ``MIN_STORY_LINES`` kept lines above it; not
    when the post's byline or date (``meta(index)``) stands within ``FOOTER_REACH`` lines under it (asked of those
    lines alone: the page's other lines are never read).
    """
    last = next((index for index in range(len(kept) - 1, -1, -1) if kept[index]), None)
    if last is None or last + 1 >= len(kept):
        return None
    text = texts[last].strip()
    if not text or len(text) > MAX_HEADING_CHARS or len(text.split()) > MAX_HEADING_WORDS:
        return None
    if text.rstrip(_QUOTES).rstrip()[-1:] in _CLOSING:
        return None
    if len(texts[last + 1].split()) < MIN_TEXT_WORDS:
        return None
    if sum(kept[:last]) < MIN_STORY_LINES or any(
        map(meta, range(last + 1, min(last + 1 + FOOTER_REACH, len(kept))))
    ):
        return None
    return last
