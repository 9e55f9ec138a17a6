"""Headline stage: a long headline the region opens with, printed right under its dateline, is ranked too."""

from __future__ import annotations

from newsdrop.text.cleaner.headline_facts import _TITLE_MAX_WORDS
from newsdrop.text.cleaner.lines import _ends_sentence, _is_date_line, _Line


def dated_long_headline(lines: list[_Line], region_start: int, head_max_words: int) -> int | None:
    """The region's first printed line where it is a long headline: longer than the region's head ranks
    (``head_max_words``: a longer line there is the story's lead) and no longer than a headline (``_TITLE_MAX_WORDS``), not ending like a sentence, and
    printed right under a date line. (The region chooser reads a long headline as the story's first paragraph; a
    blog or a press page prints it under the post's date. A lead or a caption ends like a sentence.)"""
    first = next((index for index in range(max(region_start, 0), len(lines)) if lines[index].key), None)
    if first is None:
        return None
    line = lines[first]
    if not head_max_words < line.words <= _TITLE_MAX_WORDS or _ends_sentence(line.text):
        return None
    above = next((lines[index] for index in range(first - 1, -1, -1) if lines[index].key), None)
    if above is None or not (above.role == "date" or _is_date_line(above)):
        return None
    return first
