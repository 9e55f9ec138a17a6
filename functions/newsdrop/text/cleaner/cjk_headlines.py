"""Text-view stage after the model: islands of short CJK headlines kept below the story (other pages' teasers)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsdrop.text.cleaner.story_end import Spans, _story, islands

# Kana and Han only: Korean prints Latin full stops and spaces, which the Latin-script stages already read.
_CJK_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


# A CJK headline is this long or shorter; a story's paragraph in CJK runs longer (or ends in a full stop).
_HEADLINE_MAX_CHARS = 60


# At least this share of a headline's characters (spaces aside) are kana or Han: the line is CJK text.
_MIN_CJK_SHARE = 0.5


# An island of this many kept lines or more, every one a CJK headline, is a list of other pages' headlines.
_MIN_HEADLINES = 3


# Closing quotes and brackets a sentence's full stop may stand inside or before.
_CLOSERS = "\"'”’»)]）」』】〕"


# A sentence's stop at a line's end: a CJK headline may end in ！ or ？ (a teaser's hook), never in 。.
_FULL_STOPS = frozenset("。.")


def cjk_headline(text: str) -> bool:
    """A short line of kana or Han that does not end a sentence: another page's headline in a teaser list.

    Latin-script headline tests count a CJK line's characters as words and read its length as prose's; a
    Japanese or Chinese headline is 20 to 60 characters with no closing 。 (its ！ or ？ is a hook).
    """
    stripped = text.strip()
    if not stripped or len(stripped) > _HEADLINE_MAX_CHARS:
        return False
    if stripped.rstrip(_CLOSERS).rstrip()[-1:] in _FULL_STOPS:
        return False
    letters = len(stripped) - stripped.count(" ")
    return len(_CJK_SCRIPT.findall(stripped)) >= _MIN_CJK_SHARE * letters


def cjk_headline_islands(
    kept: Sequence[bool], texts: Sequence[str], sizes: Sequence[int] | None = None, spans: Spans | None = None
) -> list[int]:
    """Indices of the kept lines in islands below the story made only of CJK headlines, ``_MIN_HEADLINES`` or more.

    The rules' region runs on past a Japanese or Chinese story into the site's lists of other stories' headlines
    and the line model keeps some of them (``far_islands`` and ``related_runs`` test Latin-script headlines). An
    island past the story's island (the largest by characters, ``story_end.islands``) whose every kept line
    is a ``cjk_headline`` is such a list; a story's own section past a picture holds paragraphs ending in 。.
    """
    # ``sizes``: the lines' characters, where the caller has them; ``spans``: their islands, where it has them.
    found = (
        islands(kept, [len(text) for text in texts] if sizes is None else sizes) if spans is None else spans
    )
    if len(found) < 2:
        return []
    dropped: list[int] = []
    for first, last, _, count in found[_story(found) + 1 :]:
        if count < _MIN_HEADLINES:
            continue
        members = [index for index in range(first, last + 1) if kept[index]]
        if all(cjk_headline(texts[index]) for index in members):
            dropped += members
    return dropped
