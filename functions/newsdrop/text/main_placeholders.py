"""HTML path: the box an embed (a chart, a post, a video) leaves in the story when the reader's consent blocks it."""

from __future__ import annotations

from newsdrop.text.cleaner.cues_notice import notice_stems
from newsdrop.text.line_keys import count_words, normalize_line_key

# The box's heading: this many words at most, no sentence end ("Externer Inhalt nicht verfügbar", "ZDFheute
# Infografik"), and this many such lines over its notice at most.
_HEADING_MAX_WORDS = 6
_HEADING_MAX_LINES = 2
# The same box stands in for each blocked embed: its heading comes back this often at least. A single short line
# over a notice is as often the story's own chart title over its consent line, which the golds keep.
_HEADING_MIN_REPEATS = 2


def _heading(line: str, counts: dict[str, int]) -> bool:
    """A box's heading: short, no sentence end, no list item, printed over each of the story's blocked embeds."""
    return (
        counts.get(line, 0) >= _HEADING_MIN_REPEATS
        and not line.startswith("- ")
        and count_words(line) <= _HEADING_MAX_WORDS
        and line.rstrip()[-1:] not in ".!?:"
    )


def without_blocked_embeds(main_lines: list[str], witness_kept: frozenset[str]) -> list[str]:
    """The main content without the boxes blocked embeds leave: a short line or two without a sentence end,
    printed over each of them (``_HEADING_MIN_REPEATS``), right above a notice (``cues_notice.notice_stems``:
    consent, privacy, advertising words, "Deine Privatsphäre-Einstellungen verhindern das Laden ...") where the
    line cleaner dropped both on the page's own text (``witness_kept``). The notice itself goes too. A section
    heading over a paragraph about privacy stays: the witness keeps the story's paragraph."""
    counts: dict[str, int] = {}
    for line in main_lines:
        counts[line] = counts.get(line, 0) + 1
    dropped: set[int] = set()
    for index, line in enumerate(main_lines):
        if line in witness_kept or not notice_stems(normalize_line_key(line)):
            continue
        above = index
        while (
            above > 0
            and index - above < _HEADING_MAX_LINES
            and main_lines[above - 1] not in witness_kept
            and _heading(main_lines[above - 1], counts)
        ):
            above -= 1
        if above < index:
            dropped.update(range(above, index + 1))
    kept = [line for index, line in enumerate(main_lines) if index not in dropped]
    return kept if kept else main_lines
