"""HTML path: what a site prints above the story inside its container: article tools, a reprint notice, teasers."""

from __future__ import annotations

import re

from newsdrop.text.cleaner.lines import _ends_sentence, _reads_as_prose
from newsdrop.text.line_keys import count_words, normalize_line_key
from newsdrop.text.main_edits import bare_key

# The reprint-rights notice: "This copy is for your personal, non-commercial use only. To order presentation-ready
# copies ...", "Reprints & Permissions", "Nur zum privaten Gebrauch".
_REPRINT_NOTICE = re.compile(
    r"\bfor (?:your )?personal,? non-?commercial use\b|\border (?:presentation-ready )?(?:copies|reprints)\b"
    r"|\breprints? (?:and|&) permissions\b|\b(?:nur )?(?:zum|für den) privaten gebrauch\b"
    r"|\busage (?:strictement )?personnel\b"
)
# The notice is a line or two of the site's; a story's paragraph about reprints is longer.
_NOTICE_MAX_WORDS = 45
# The notice sits among the main content's first lines (the headline, the tools row, a dateline above it).
_SCAN_LINES = 6
# An article tool is a short list item without a sentence end: "- Order Reprints", "- Print Article", "- Share".
_TOOL_MAX_WORDS = 3


def _reprint_notice(line: str) -> bool:
    """A line of at most ``_NOTICE_MAX_WORDS`` words that states the reader's reprint rights (``_REPRINT_NOTICE``)."""
    return (
        count_words(line) <= _NOTICE_MAX_WORDS
        and _REPRINT_NOTICE.search(normalize_line_key(line)) is not None
    )


def _tool(line: str) -> bool:
    """An article tool as the extractor prints it: a list item of a few words, no sentence end."""
    item = line[2:].strip()
    return line.startswith("- ") and 0 < count_words(item) <= _TOOL_MAX_WORDS and item[-1:] not in ".!?:;,"


def _dropped_tool_or_notice(line: str, witness_kept: frozenset[str]) -> bool:
    """An article tool or a reprint notice that the witness dropped."""
    if _tool(line):
        return line[2:].strip() not in witness_kept
    return line not in witness_kept and _reprint_notice(line)


def without_opening_tools(main_lines: list[str], witness_kept: frozenset[str]) -> list[str]:
    """The main content without the reprint-rights notice among its first ``_SCAN_LINES`` lines ("This copy is
    for your personal, non-commercial use only ...") and the row of article tools right above and below it
    ("- Order Reprints", "- Print Article"), where the line cleaner dropped each of them on the page's own text
    (``witness_kept``). trafilatura keeps them when the site sets them in the story's container. A notice the
    witness kept, or one further down, is the story's."""
    for index, line in enumerate(main_lines[:_SCAN_LINES]):
        if line in witness_kept or not _reprint_notice(line):
            continue
        start, end = index, index + 1
        while (
            start > 0
            and _tool(main_lines[start - 1])
            and main_lines[start - 1][2:].strip() not in witness_kept
        ):
            start -= 1
        # Below it: more tools, or the notice itself under a tool that names reprints ("- Order Reprints").
        while end < len(main_lines) and _dropped_tool_or_notice(main_lines[end], witness_kept):
            end += 1
        kept = main_lines[:start] + main_lines[end:]
        return kept if kept else main_lines
    return main_lines


# A block of other stories' headlines above the story: this many lines at least, each a headline of this many
# words (a label over them may be shorter) and no sentence end.
_TEASER_MIN_LINES = 3
_TEASER_MIN_WORDS = 4
_TEASER_MAX_WORDS = 16
_LABEL_MIN_WORDS = 2


def _teaser_line(line: str, min_words: int = _TEASER_MIN_WORDS) -> bool:
    """A line that reads as a headline: no list item, a few words, no sentence or clause end."""
    text = line.rstrip()
    return (
        not text.startswith(("- ", "|"))
        and min_words <= count_words(text) <= _TEASER_MAX_WORDS
        and text[-1:] not in '.!?:;,"”“»'
    )


def without_opening_teasers(
    main_lines: list[str], witness_kept: frozenset[str], links: frozenset[str], title: str
) -> list[str]:
    """The main content without a block of other stories' headlines it opens with: from its first line, a label
    and ``_TEASER_MIN_LINES`` lines or more that are each a headline (``_teaser_line``) and a link's whole text on
    the page (``links``, word keys: teasers link to their stories), all of them witness-dropped, right above a
    paragraph of the story the witness kept; none of them is the page's headline (``title``). trafilatura takes such a block in when the site sets it at the top
    of the story's container. Lines that are no link (a story's summary points, a byline), a main content that
    opens with anything else, or a block without a kept paragraph under it are left alone."""
    headline = bare_key(title)
    end = 0
    while end < len(main_lines):
        line = main_lines[end]
        if line in witness_kept or (headline and bare_key(line) == headline):
            break
        label = end == 0 and _teaser_line(line, _LABEL_MIN_WORDS)
        if not label and not (_teaser_line(line) and bare_key(line) in links):
            break
        end += 1
    teasers = end - int(end > 0 and bare_key(main_lines[0]) not in links)
    if teasers < _TEASER_MIN_LINES or end >= len(main_lines):
        return main_lines
    below = main_lines[end]
    if (
        below not in witness_kept
        or not _ends_sentence(below)
        or not _reads_as_prose(below, count_words(below))
    ):
        return main_lines
    return main_lines[end:]
