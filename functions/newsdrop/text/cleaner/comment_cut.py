"""Cleaner stage after the line model: a comment section the rules opened at a table's column or a teaser list's
counters, where the story goes on under it, gives the story's rest back."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsdrop.text.cleaner.lines import _THREAD_ROW, _ends_sentence
from newsdrop.text.dates import find_date
from newsdrop.text.line_keys import words_at_least, words_at_most

# The rules that open a comment section (``lines._mark_comment_section``) and the rule of the lines under one.
OPENERS = frozenset({"comment_policy", "captcha_notice", "comment_form"})
SECTION = "comment_section"

# The lines between the story and the section that the region left out ("trailing_chrome"): a table's
# lead-in and header cells the region's end cut off with the section.
_REGION_CUT = "trailing_chrome"

# One word naming the reader comments, in the corpus's languages: a bare field or a table column's heading.
_COMMENT_WORD = re.compile(
    r"^[\W_]*(?:comments?|kommentare?|commentaires?|comentarios?|commenti|komentarze?|reacties?)[\W_]*$",
    re.IGNORECASE,
)

# A counter of the comments with its number (or a blank where the page's script fills it in), alone or beside
# other counters ("Kommentare: 49, Empfehlungen: 24", "Comments: 3 | Likes: 12").
_COUNTER = re.compile(
    r"^(?:[\w ]{1,24}:\s*\d*\s*[,;|·]\s*)*"
    r"(?:comments?|kommentare?|commentaires?|comentarios?|commenti|komentarze?|reacties?)\s*:\s*\d*"
    r"(?:\s*[,;|·]\s*[\w ]{1,24}:\s*\d*)*[\s,;|·]*$",
    re.IGNORECASE,
)

# A table's header row: at most this many cells over the column ...
MAX_HEADER_CELLS = 8
# ... each of at most this many words and no sentence.
MAX_CELL_WORDS = 6

# A paragraph of the story: a sentence this many words or longer.
PARAGRAPH_WORDS = 20

# The table's rows and the story's rest under the column hold at least this many paragraphs.
MIN_PARAGRAPHS_BELOW = 2

# A line this short that prints a date is a thread's timestamp, not the story.
_STAMP_MAX_WORDS = 14

# The teaser list opened by its first counter holds at least this many counters (each item's own) ...
MIN_COUNTERS = 2
# ... and no line of this many words or more between them (an item is a headline, names, a stamp, a counter).
MAX_ITEM_WORDS = 20


def section_opener(rules: Sequence[str | None]) -> int | None:
    """The index of the line that opened the page's comment section (the opener rule right over its first
    line, a line another rule named may stand between), else None."""
    first = next((index for index, rule in enumerate(rules) if rule == SECTION), None)
    if first is None:
        return None
    return next((index for index in range(first - 1, -1, -1) if rules[index] in OPENERS), None)


def _paragraph(text: str) -> bool:
    return words_at_least(text, PARAGRAPH_WORDS) and _ends_sentence(text)


def _thread_row(text: str, key: str) -> bool:
    """A comment thread's row: a reply button, "Name says:", or a short line that prints a date."""
    if _THREAD_ROW.search(key):
        return True
    return words_at_most(text, _STAMP_MAX_WORDS) and find_date(text) is not None


def _header_lead(texts: Sequence[str], rules: Sequence[str | None], opener: int) -> int | None:
    """The index of the story's line (ending in a colon) that introduces a table whose header row holds the
    opener as one of its cells: one to ``MAX_HEADER_CELLS`` short cells right above it, else None."""
    index = opener - 1
    while (
        index >= 0
        and opener - index <= MAX_HEADER_CELLS
        and rules[index] not in OPENERS
        and words_at_most(texts[index], MAX_CELL_WORDS)
        and not _ends_sentence(texts[index])
    ):
        index -= 1
    if index < 0 or index == opener - 1 or not texts[index].rstrip().endswith(":"):
        return None
    return index


def _story_rest(
    texts: Sequence[str], keys: Sequence[str], rules: Sequence[str | None], start: int
) -> int | None:
    """The index of the last paragraph from ``start`` down before the first thread row or comment opener,
    when at least ``MIN_PARAGRAPHS_BELOW`` paragraphs stand there, else None."""
    last: int | None = None
    paragraphs = 0
    for index in range(start, len(texts)):
        if rules[index] in OPENERS or _thread_row(texts[index], keys[index]):
            break
        if _paragraph(texts[index]):
            last, paragraphs = index, paragraphs + 1
    return last if paragraphs >= MIN_PARAGRAPHS_BELOW else None


def comment_column(
    texts: Sequence[str], keys: Sequence[str], rules: Sequence[str | None], kept: Sequence[bool]
) -> list[int]:
    """Indices of the dropped lines of a table (and the story under it) that the rules read as a comment section.

    A table the story introduces with a colon ("... their corresponding timestamp updates:") whose header row
    holds a bare "Comment" column prints that column's name as one short line among the header's cells: the
    rules take it for a comment form's field and drop everything under it. Where the lines under it hold the
    story's paragraphs and no thread row (a reply button, "Name says:", a timestamp) down to the last of them,
    the table and the story's rest are the story's: the lead-in, the header's cells, the column and the lines
    down to that last paragraph that the section or the region's end dropped come back.
    """
    opener = section_opener(rules)
    if opener is None or _COMMENT_WORD.match(texts[opener]) is None:
        return []
    lead = _header_lead(texts, rules, opener)
    if lead is None:
        return []
    end = _story_rest(texts, keys, rules, opener + 1)
    if end is None:
        return []
    back = {SECTION, _REGION_CUT, rules[opener]}
    return [index for index in range(lead, end + 1) if not kept[index] and rules[index] in back]


def counted_teasers(
    texts: Sequence[str], keys: Sequence[str], rules: Sequence[str | None], kept: Sequence[bool]
) -> list[int]:
    """Indices of the story's paragraphs under a list of teasers whose counters opened a comment section.

    A box of other pages' teasers set into the story prints each item's comment counter ("Kommentare: 49,
    Empfehlungen: 24", "Comments: 3"); the rules take the first counter for a comment section's and drop the
    story's paragraphs that resume under the box. A list whose items carry ``MIN_COUNTERS`` or more such
    counters, with no line of ``MAX_ITEM_WORDS`` words or more and no thread row (a reply button, a
    timestamp) between the first and the last, is the teasers' (a comment carries no comment counter): the
    paragraphs right under its last counter, down to the first line that is none, are the story's.
    """
    opener = section_opener(rules)
    if opener is None or _COUNTER.match(texts[opener]) is None:
        return []
    counters = 1
    index = opener + 1
    last_counter = opener
    while index < len(texts) and len(texts[index].split()) < MAX_ITEM_WORDS:
        if _thread_row(texts[index], keys[index]):
            return []
        if _COUNTER.match(texts[index]) is not None:
            counters, last_counter = counters + 1, index
        index += 1
    if counters < MIN_COUNTERS or index != last_counter + 1:
        return []
    found: list[int] = []
    while index < len(texts) and _paragraph(texts[index]):
        if not kept[index] and rules[index] == SECTION:
            found.append(index)
        index += 1
    return found
