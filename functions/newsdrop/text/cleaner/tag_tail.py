"""HTML main content: the story's topic tags printed as a list under its last paragraph ("- Politics & Government")."""

from __future__ import annotations

from collections.abc import Sequence

from newsdrop.text.cleaner.lines import _ends_sentence

# A tag is a topic's name: a word or three.
TAG_MAX_WORDS = 3
# A tag list names a few topics; one or two short items under a paragraph are as often the story's own.
MIN_TAGS = 3


def _tag(text: str) -> bool:
    """A list item ("- ") of at most ``TAG_MAX_WORDS`` words without a sentence end or a colon."""
    stripped = text.strip()
    return (
        stripped.startswith("- ")
        and len(stripped[2:].split()) <= TAG_MAX_WORDS
        and not _ends_sentence(stripped)
        and not stripped.endswith(":")
    )


def tag_tail(texts: Sequence[str], kept: Sequence[bool]) -> list[int]:
    """The indexes of the kept list items that close the kept text as its topic tags: ``MIN_TAGS`` or more short
    items (``_tag``) right under a kept paragraph that ends a sentence.

    The story's own list has its lead-in above it (a line closing on a colon, a heading); a run of topic names
    straight under the last sentence is the page's tag box that the extractor took in with the story."""
    rows = [index for index, keep in enumerate(kept) if keep]
    run: list[int] = []
    for index in reversed(rows):
        if not _tag(texts[index]):
            break
        run.append(index)
    above = len(rows) - len(run) - 1
    if len(run) < MIN_TAGS or above < 0:
        return []
    paragraph = texts[rows[above]].strip()
    if not _ends_sentence(paragraph) or paragraph.startswith("- "):
        return []
    return sorted(run)
