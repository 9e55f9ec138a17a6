"""HTML path: other stories' teasers set inside the main content behind an upper-case label and a bar."""

from __future__ import annotations

import re

from newsdrop.text.line_keys import count_words

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
