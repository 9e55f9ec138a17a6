"""An extractor's reading that holds the story several times (copies of the article block) keeps its first copy."""

from __future__ import annotations

from collections import Counter

from newsdrop.text.line_keys import count_words

# A paragraph of the story: a line this many words long at least (labels and headings repeat on many pages).
_PARAGRAPH_MIN_WORDS = 12
# The reading is copies of the story when at least this share of its paragraphs occur more than once...
_COPIED_SHARE = 0.5
# ... and it has this many paragraphs at least (two repeated quotes in a short story are no copies).
_COPIED_MIN_PARAGRAPHS = 4


def without_story_copies(text: str) -> str:
    """``text`` with every line after its first occurrence left out, where most of its paragraphs occur more than
    once: the line cleaner drops a line the page repeats as chrome (``repeated_line``), every copy of the story
    with it. Unchanged otherwise."""
    lines = text.split("\n")
    counts = Counter(" ".join(line.split()) for line in lines)
    paragraphs = [key for key in counts if count_words(key) >= _PARAGRAPH_MIN_WORDS]
    copied = sum(1 for key in paragraphs if counts[key] > 1)
    if len(paragraphs) < _COPIED_MIN_PARAGRAPHS or copied < _COPIED_SHARE * len(paragraphs):
        return text
    seen: set[str] = set()
    kept: list[str] = []
    for line in lines:
        key = " ".join(line.split())
        if key and key in seen:
            continue
        seen.add(key)
        kept.append(line)
    return "\n".join(kept)
