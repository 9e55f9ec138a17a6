"""HTML path: runs of other stories' summaries in the main content, above the story's headline or closing it."""

from __future__ import annotations

from newsdrop.text.cleaner.lines import _reads_as_prose
from newsdrop.text.extraction import _Dropped, _key, merge_order
from newsdrop.text.line_keys import count_words
from newsdrop.text.main_edits import bare_key

# A list of other stories is this many summaries at least: one or two paragraphs under a link are the story's
# own (a linked kicker or section over its standfirst).
_MIN_SUMMARIES = 3
# A teaser's headline link: this many words at least (a section's or an author's link is shorter) ...
_HEADLINE_MIN_WORDS = 3
# ... and at most this many.
_HEADLINE_MAX_WORDS = 20


def _headline_link(item: int | _Dropped, links: frozenset[str]) -> bool:
    """A page line the main content left out that is a link's whole text and reads as a headline: a few words,
    no full stop or colon at its end."""
    if not isinstance(item, _Dropped):
        return False
    text = item.text.strip()
    return (
        _HEADLINE_MIN_WORDS <= count_words(text) <= _HEADLINE_MAX_WORDS
        and text[-1:] not in ".:;,"
        and bare_key(text) in links
    )


def _opens_under_link(main_lines: list[str], page_lines: list[str], links: frozenset[str]) -> bool:
    """Whether the page prints the main content's first line (its first printing) right under a headline link: a
    test that spares most pages the alignment of the page's lines with the main content's."""
    first = _key(main_lines[0])
    at = next((index for index, line in enumerate(page_lines) if _key(line) == first), None)
    return at is not None and at > 0 and _headline_link(_Dropped(page_lines[at - 1]), links)


def without_opening_summaries(
    main_lines: list[str], page_lines: list[str], links: frozenset[str], title: str
) -> list[str]:
    """The main content without the run of other stories' summaries it opens with: from its first line,
    ``_MIN_SUMMARIES`` paragraphs or more that the page prints each right under a headline link the main
    content left out (a teaser: the linked headline, then its summary), where the page prints the story's own
    headline (``title``) after the run's last summary and before the main content's next line. trafilatura keeps
    such a list when the site sets it above the story in the same container; it keeps the summaries, not the
    links. A story whose paragraphs sit under links of their own, or a run with no headline under it, is left
    alone (``links``: ``bare_key`` keys of the page's link texts)."""
    headline = bare_key(title)
    if (
        not headline
        or len(main_lines) <= _MIN_SUMMARIES
        or not _opens_under_link(main_lines, page_lines, links)
    ):
        return main_lines
    order = merge_order(page_lines, main_lines)
    run = 0
    for position, item in enumerate(order):
        if not isinstance(item, int):
            continue
        line = main_lines[item]
        if (
            item != run
            or position == 0
            or not _headline_link(order[position - 1], links)
            or not _reads_as_prose(line, count_words(line))
        ):
            break
        run += 1
    if run < _MIN_SUMMARIES or run >= len(main_lines):
        return main_lines
    # The story's own headline printed between the run and the main content's next line: the story starts there.
    last = order.index(run - 1)
    following = order.index(run)
    if not any(
        isinstance(item, _Dropped) and bare_key(item.text) == headline for item in order[last + 1 : following]
    ):
        return main_lines
    return main_lines[run:]


# A summary's opening this many key characters long at most is looked for in the page's links (its start names
# it; a card's link may end where the site cut the summary short).
_OPENING_CHARS = 60


def _card_link(line: str, links: frozenset[str]) -> str | None:
    """The link a paragraph is printed inside after a headline (a teaser card whose whole box is the link:
    headline, date, summary), else None: a link's text holding the paragraph's opening past its own start."""
    if not _reads_as_prose(line, count_words(line)):
        return None
    opening = bare_key(line)[:_OPENING_CHARS]
    if not opening:
        return None
    # The least of the links holding it, not the first a set yields: string hashes differ between processes, and
    # a redelivered bundle must clean the same.
    return min((link for link in links if link.find(opening) > 0), default=None)


def without_closing_summaries(main_lines: list[str], links: frozenset[str]) -> list[str]:
    """The main content without the run of other stories' summaries it closes with: ``_MIN_SUMMARIES``
    paragraphs or more at its end, each printed inside a link of its own after that link's headline (a box of
    teaser cards under the story, each card one link: "Taiwan on alert ... 2024-10-14 RISK REMAINS: An
    official said ..."). trafilatura keeps the cards' paragraphs, not their headlines. A story's paragraph
    is no link's text; the story keeps ``_MIN_SUMMARIES`` lines above the run (``links``: ``bare_key`` keys of
    the page's link texts)."""
    found: list[str] = []
    for line in reversed(main_lines):
        link = _card_link(line, links)
        if link is None or link in found:
            break
        found.append(link)
    if len(found) < _MIN_SUMMARIES or len(main_lines) - len(found) < _MIN_SUMMARIES:
        return main_lines
    return main_lines[: -len(found)]
