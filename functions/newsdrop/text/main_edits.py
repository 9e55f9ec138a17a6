"""HTML path: edits of the chosen main content by page-internal evidence (stated summary, slides, headline, lists)."""

from __future__ import annotations

import re

from newsdrop.text.cleaner.lines import _ends_sentence, _reads_as_prose
from newsdrop.text.extraction import _Dropped, merge_order
from newsdrop.text.line_keys import count_words

_NON_WORD = re.compile(r"[\W_]+")
# A described line this many words long at least comes back without reading as prose (a standfirst
# without a closing full stop); a shorter one is a label that may happen to be the description.
_DESCRIBED_MIN_WORDS = 6


def bare_key(text: str) -> str:
    """Only the word characters, case-folded: the same words whatever the spaces and punctuation."""
    return _NON_WORD.sub("", text.casefold())


def described_lines(page_lines: list[str], main_lines: list[str], descriptions: frozenset[str]) -> list[str]:
    """The main content's lines with the page lines above its end that are the page's own meta description.

    An extractor starts the main content at the story's body container, or at a dateline or caption
    above the standfirst, and skips the standfirst's own block. The page states its standfirst as its
    description: a page line above the main content's last line that is that description (printed once,
    not already held, a sentence or at least ``_DESCRIBED_MIN_WORDS`` words) comes back in its place. A
    teaser, a caption or a prompt in the same place is not the page's description.
    """
    if not descriptions or not main_lines:
        return main_lines
    keys = [bare_key(line) for line in page_lines]
    held = bare_key("".join(main_lines))
    # Most pages print no line that is their description, or the main content holds it: no alignment needed.
    if not any(key in descriptions and key not in held for key in keys):
        return main_lines
    order = merge_order(page_lines, main_lines)
    last = max(position for position, item in enumerate(order) if isinstance(item, int))
    out: list[str] = []
    for position, item in enumerate(order):
        if isinstance(item, int):
            out.append(main_lines[item])
            continue
        if position > last or not isinstance(item, _Dropped):
            continue
        line = item.text.strip()
        key = bare_key(line)
        if (
            key in descriptions
            and key not in held
            and keys.count(key) == 1
            and (count_words(line) >= _DESCRIBED_MIN_WORDS or _reads_as_prose(line, count_words(line)))
        ):
            out.append(line)
    return out


# A slide's counter opening its caption: "1/50 Title ...", "- 2 / 50 ...", "3 of 12 ...".
_SLIDE_COUNTER = re.compile(r"^\W*(\d{1,3})\s*(?:/|of)\s*(\d{1,3})(?!\d)(?![/.,:]?\d)")
# This many captions in a row, counted 1, 2, 3 ... of one total, make a gallery (a recipe's "1/3 teaspoon"
# lines do not count up).
_SLIDE_RUN = 3


def without_slides(main_lines: list[str]) -> list[str]:
    """The main content without a gallery's slide captions: runs of lines that open with counters of one
    total counting up ("1/50 ...", "2/50 ...") are a slideshow of other stories or pictures beside the
    article, which extractors take in when it sits in the article's container."""
    counters = [_SLIDE_COUNTER.match(line) for line in main_lines]
    dropped: set[int] = set()
    start = 0
    while start < len(main_lines):
        end = start
        while (
            end + 1 < len(main_lines)
            and (here := counters[end]) is not None
            and (after := counters[end + 1]) is not None
            and after[2] == here[2]
            and int(after[1]) == int(here[1]) + 1
        ):
            end += 1
        if end - start + 1 >= _SLIDE_RUN:
            dropped.update(range(start, end + 1))
        start = end + 1
    kept = [line for index, line in enumerate(main_lines) if index not in dropped]
    # A page that is only the gallery (a slideshow page) has no other story: its captions are the content.
    return kept if kept else main_lines


# The printed headline sits among the main content's first lines; a kicker glued in front of it is a few words.
_HEADLINE_SCAN_LINES = 6
_KICKER_MAX_WORDS = 6


def without_kicked_headline(main_lines: list[str], title: str) -> list[str]:
    """The main content without the headline printed with a kicker glued in front ("Kollaps der Silicon Valley
    BankUS-Notenbank räumt ...") or with other punctuation ("Ausschuss zur Ahrtal-Flut Zwei Rücktritte" for
    "...-Flut: Zwei ..."): the line cleaner finds the headline line by its exact text, so that line stays text.

    Only where no line prints the headline exactly (then the cleaner marks that one, and a longer line holding
    it is another line, a dateline repeating it), and only among the first ``_HEADLINE_SCAN_LINES`` lines.
    """
    key = bare_key(title)
    plain = " ".join(title.split())
    if not key or any(" ".join(line.split()) == plain for line in main_lines):
        return main_lines
    for index, line in enumerate(main_lines[:_HEADLINE_SCAN_LINES]):
        own = bare_key(line)
        if own == key or (own.endswith(key) and count_words(line) - count_words(title) <= _KICKER_MAX_WORDS):
            return main_lines[:index] + main_lines[index + 1 :]
    return main_lines


def without_split_kicker(main_lines: list[str], title: str) -> list[str]:
    """The main content without the headline's kicker printed as a line of its own above the headline's rest
    ("Open Journalism Project:" over "Better Student Journalism" for "The Open Journalism Project: Better Student
    Journalism"): a line of at most ``_KICKER_MAX_WORDS`` words closing on a colon, among the first
    ``_HEADLINE_SCAN_LINES``, that the headline holds right before the next line's words, with which it ends.
    The text views read such a line as the story's kicker, no line of its text; the rest stays a heading."""
    key = bare_key(title)
    if not key:
        return main_lines
    # Each line with the one under it (a last line closing on a colon has none).
    for index, line in enumerate(main_lines[: min(_HEADLINE_SCAN_LINES, len(main_lines)) - 1]):
        stripped = line.strip()
        if not stripped.endswith((":", "\uff1a")) or count_words(stripped) > _KICKER_MAX_WORDS:
            continue
        own, rest = bare_key(stripped), bare_key(main_lines[index + 1])
        if own and rest and key.endswith(own + rest):
            return main_lines[:index] + main_lines[index + 1 :]
    return main_lines


# A list of other stories' headlines inside the story: this many items in a row at least ...
_HEADLINE_LIST_MIN_ITEMS = 2
# ... each a headline of this many words at least (shorter items are a fact list's "- Ruler", "- 10 GB").
_HEADLINE_ITEM_MIN_WORDS = 4


def _headline_item(line: str) -> bool:
    """A list item ("- ", as the extractor marks them) that reads as a headline: several words, no sentence
    or clause end (a list of the story's own points ends its items with a full stop, a colon or a comma)."""
    item = line[2:].strip()
    return (
        line.startswith("- ") and count_words(item) >= _HEADLINE_ITEM_MIN_WORDS and item[-1:] not in ".!?:;,"
    )


def _paragraph(line: str) -> bool:
    """A line of the story's prose: no list item, reads as prose and ends a sentence."""
    # German and Polish quotes close with the opening mark of English ("„...“"): a closer here too.
    text = line.rstrip("“‘")
    return not line.startswith("- ") and _reads_as_prose(text, count_words(text)) and _ends_sentence(text)


# A section's heading under a list: this many words at most, no sentence end; a label over it ("Mehr zum
# Thema", "Read more:") is shorter (a longer line there leads into the story's own list: "Your options are: either").
_LIST_LABEL_MAX_WORDS = 8
_LIST_LABEL_ABOVE_MAX_WORDS = 4


def _label(line: str, max_words: int = _LIST_LABEL_MAX_WORDS) -> bool:
    """A short line that is no list item and ends no sentence: a list's label or a section's heading."""
    return not line.startswith("- ") and count_words(line) <= max_words and line.rstrip()[-1:] not in ".!?"


def without_headline_lists(main_lines: list[str]) -> list[str]:
    """The main content without the lists of other stories' headlines set between its paragraphs ("Read more"
    teasers, a live blog's latest entries, a sign-up's feature list): ``_HEADLINE_LIST_MIN_ITEMS`` list items
    or more in a row, each a headline (``_headline_item``), with a paragraph of the story right above and right
    below. trafilatura keeps them where they sit in the story's container.

    A table of contents is no such list: where an item's words come back as a line of the main content (the
    section's heading), the list names the story's own parts and stays. Lists at the story's edges are left to
    the edge and tail edits.
    """
    keys = [bare_key(line) for line in main_lines]
    dropped: set[int] = set()
    start = 0
    while start < len(main_lines):
        if not _headline_item(main_lines[start]):
            start += 1
            continue
        end = start
        while end + 1 < len(main_lines) and _headline_item(main_lines[end + 1]):
            end += 1
        items = range(start, end + 1)
        # A label over the list ("Mehr zum Thema") goes with it; a section's heading under it stays.
        label = (
            start > 1
            and _label(main_lines[start - 1], _LIST_LABEL_ABOVE_MAX_WORDS)
            and _paragraph(main_lines[start - 2])
        )
        above = start - 1 - int(label)
        below = end + 1 + int(end + 2 < len(main_lines) and _label(main_lines[end + 1]))
        if (
            len(items) >= _HEADLINE_LIST_MIN_ITEMS
            and above >= 0
            and below < len(main_lines)
            and _paragraph(main_lines[above])
            and _paragraph(main_lines[below])
            and not any(keys.count(keys[index]) > 1 for index in items)
        ):
            dropped.update(range(above + 1, end + 1))
        start = end + 1
    return [line for index, line in enumerate(main_lines) if index not in dropped]


# A paragraph about a party of the story opening with its name and what it is: "Ascom is a global solutions
# provider ...", "Ascom is headquartered in Baar ...".
_ABOUT_OPENING = re.compile(
    r"^(\w[\w&.'’-]*(?: \w[\w&.'’-]*){0,3}) (?:is|are) (?:a|an|the|headquartered|based)\b"
)
# The boilerplate is two such paragraphs at least, about a party the story names this often above them.
_ABOUT_MIN_LINES = 2
_ABOUT_MIN_MENTIONS = 2


def without_about_boilerplate(main_lines: list[str]) -> list[str]:
    """The main content without a press release's closing boilerplate about a company of the story: under the
    story, ``_ABOUT_MIN_LINES`` paragraphs or more that each open with the same name and what it is ("X is a
    global provider of ...", "X is headquartered in ..."), where the story above names it
    ``_ABOUT_MIN_MENTIONS`` times or more, with an "About X" label above them. An author's note opens with a
    name the story does not use, and a story's closing sentence about its subject is one line."""
    run: list[int] = []
    name: str | None = None
    for index in range(len(main_lines) - 1, -1, -1):
        found = _ABOUT_OPENING.match(main_lines[index])
        if found is None or (name is not None and found[1] != name):
            break
        name = found[1]
        run.append(index)
    if name is None or len(run) < _ABOUT_MIN_LINES:
        return main_lines
    start = min(run)
    above = " ".join(main_lines[:start])
    if len(re.findall(r"(?<!\w)" + re.escape(name) + r"(?!\w)", above)) < _ABOUT_MIN_MENTIONS:
        return main_lines
    if start > 0 and main_lines[start - 1].strip().casefold() == f"about {name}".casefold():
        start -= 1
    return main_lines[:start] if start > 0 else main_lines
