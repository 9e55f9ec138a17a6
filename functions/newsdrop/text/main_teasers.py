"""HTML path: other stories' teasers set inside the main content: behind an upper-case label and a bar, or as
upper-case links."""

from __future__ import annotations

import re

from newsdrop.text.line_keys import count_words
from newsdrop.text.main_edits import bare_key

# An upper-case label of two to six words, a bar and another story's headline: "LEE MÁS | ...", "READ MORE |
# ...", "FUNDA OLUNYE UDABA LAPHA | ...". A one-word label ("LIVE | ...", "VIDEO | ...") also heads a story's own
# section, so it takes two words at least.
_LABELLED_TEASER = re.compile(r"^[^\W\d_a-z]{2,}(?: [^\W\d_a-z]{2,}){1,5} ?\| ?(?P<headline>\S.*)$")
# The headline after the bar: this many words at least, and no sentence end (a paragraph reads on).
_TEASER_MIN_WORDS = 3


def _labelled_teaser(line: str) -> bool:
    """A line that is an upper-case label, a bar and a headline (``_LABELLED_TEASER``)."""
    found = _LABELLED_TEASER.match(line.strip())
    if found is None or any(letter.islower() for letter in line.split("|", 1)[0]):
        return False
    headline = found["headline"].rstrip()
    return count_words(headline) >= _TEASER_MIN_WORDS and headline[-1:] not in ".!?:;,"


def without_labelled_teasers(main_lines: list[str]) -> list[str]:
    """The main content without teaser lines for other stories that a site sets between the story's paragraphs
    behind an upper-case label and a bar ("LEE MÁS | Headline of another story"); the extractor keeps them
    where they sit in the story's container. Nothing is dropped when every line is one."""
    kept = [line for line in main_lines if not _labelled_teaser(line)]
    return kept if kept else main_lines


# An upper-case link is another story's headline of this many words at least ("MIDDLE EAST CRISIS", "2 NY RESIDENTS
# ALLEGEDLY RAN ..."); a shorter one is a label.
_CAPITAL_LINK_MIN_WORDS = 3


def _capital_link(line: str, links: frozenset[str]) -> bool:
    """A line whose letters are all capitals, ``_CAPITAL_LINK_MIN_WORDS`` words at least, that is a
    link's whole text on the page (``links``: ``bare_key`` keys)."""
    text = line.strip()
    return (
        any(char.isalpha() for char in text)
        # Every letter a capital: a letter without case (kana, han) is no capital either.
        and all(char.isupper() for char in text if char.isalpha())
        and count_words(text) >= _CAPITAL_LINK_MIN_WORDS
        and bare_key(text) in links
    )


def without_capital_links(main_lines: list[str], links: frozenset[str]) -> list[str]:
    """The main content without the other stories' headlines a site sets in upper case as links between or around
    the story's paragraphs (a "read this too" line, the section's kicker, the site's app call): a line in a cased
    script with no lower-case letter that is a link's whole text on the page (``_capital_link``). A story's own
    upper-case crosshead is no link, and scripts without case (Japanese, Chinese) have no such lines. Nothing is
    dropped when every line is one."""
    kept = [line for line in main_lines if not _capital_link(line, links)]
    return kept if kept else main_lines
