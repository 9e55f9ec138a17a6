"""HTML main content: the text views' after-model stages that read a kind of line, run on the extractor's lines."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import compress

from newsdrop.models import KEPT_ROLES
from newsdrop.text.cleaner.asides import asides
from newsdrop.text.cleaner.author_bio import author_bio
from newsdrop.text.cleaner.browser_notice import browser_notices
from newsdrop.text.cleaner.closing_credits import closing_credit_captions
from newsdrop.text.cleaner.comment_notice import comment_notices
from newsdrop.text.cleaner.legal_notice import mark_notices
from newsdrop.text.cleaner.lines import _Line
from newsdrop.text.cleaner.menu_rows import menu_rows
from newsdrop.text.cleaner.numbered_heads import numbered_heads
from newsdrop.text.cleaner.paywall_cut import paywall_cut, paywall_notice
from newsdrop.text.cleaner.pitch_tail import (
    addresses_reader,
    pitch_cues,
    pitch_insets,
    pitch_tail,
    signup_heading,
)
from newsdrop.text.cleaner.player_notice import player_notices
from newsdrop.text.cleaner.related_link import related_links
from newsdrop.text.cleaner.related_runs import headline_like, kept_labels, line_labels, related_runs
from newsdrop.text.cleaner.repeated_label import repeated_labels
from newsdrop.text.cleaner.stamp_line import stamp_lines
from newsdrop.text.cleaner.tag_tail import tag_tail
from newsdrop.text.cleaner.teaser_block import teaser_blocks

# A stage's call: the lines' texts and the ones still kept; the indices of the lines it takes.
_Stage = Callable[..., list[int]]

# Stages that name a kind of kept line wherever it stands, each reading the lines the ones before it left, in
# this order: (stage, the rule it records). Of the legal notices only the trademark and copyright footer: the
# rights notices cost a Chinese story's closing lines and an RFC's copyright block on make eval's HTML sample.
_NOTICE_STAGES: tuple[tuple[_Stage, str], ...] = (
    (player_notices, "player_notice"),
    (author_bio, "author_bio"),
    (mark_notices, "legal_notice"),
    (comment_notices, "comment_notice"),
    (browser_notices, "browser_notice"),
)
# The site's menu printed as table rows at the main content's edges, then topic tags closing the story.
_EDGE_STAGES: tuple[tuple[_Stage, str], ...] = (
    (menu_rows, "menu_row"),
    (tag_tail, "tag_tail"),
)


def _kept(lines: list[_Line]) -> list[bool]:
    return [line.role in KEPT_ROLES for line in lines]


def _footers_in_story(lines: list[_Line]) -> list[int]:
    """The lines the copyright-footer rule dropped between two of the story's kept lines: a sentence that says
    "powered by" or "all rights" ("This was choice, powered by digital advertising, and premised on user
    experience.") beside a prose line, or a lead-in ending in a colon (``_lead_in``) over a list or a code block.
    A site's footer closes the text; between two of the lines of an extractor's main content the line is the
    story's own."""
    return [
        index
        for index in range(1, len(lines) - 1)
        if lines[index].rule == "copyright_footer"
        and all(other.role in KEPT_ROLES for other in (lines[index - 1], lines[index + 1]))
        and (
            (
                lines[index].prose_text
                and any(other.prose_text for other in (lines[index - 1], lines[index + 1]))
            )
            or _lead_in(lines[index].text)
        )
    ]


# A lead-in of at least this many words, ending in a colon, introduces what follows it.
_LEAD_IN_WORDS = 5


def _lead_in(text: str) -> bool:
    """A line that ends in a colon after ``_LEAD_IN_WORDS`` words ("And its test suite, powered by Mocha and
    Chai:"): it introduces the kept line under it (a list, a code block). A footer closes the text and introduces
    nothing."""
    return text.rstrip().endswith(":") and len(text.split()) >= _LEAD_IN_WORDS


# A list item that closes with a user's handle in brackets ("- Jane Doe [:jdoe]", "- Jane Doe [@jdoe]"): a bug
# tracker's or a chat's nick notation, one token after a colon or an at sign.
_HANDLE_ITEM = re.compile(r"^[-*•]\s+\S.*\s\[[:@][\w.-]+\]$")


def _handle_items(lines: list[_Line]) -> list[int]:
    """The list items the caption rule dropped for their closing bracket when the bracket holds a user's handle
    (``_HANDLE_ITEM``): a list of the people the story names (its contributors), not a picture's credit (a
    caption is no list item, and a credit names a person or an agency, not a nick)."""
    return [
        index
        for index, line in enumerate(lines)
        if line.rule == "photo_caption" and _HANDLE_ITEM.match(line.text.rstrip()) is not None
    ]


# A lead-in sentence of at least this many words, ending in a colon, opens the story's own list.
_LEAD_IN_MIN_WORDS = 8


def _lists_under_lead_in(lines: list[_Line]) -> list[int]:
    """A "link list" whose first line under its heading is a lead-in sentence ending in a colon ("With the
    inspector module, you can do much more ..., here is a non-exhaustive list:"): the heading ("More than just
    CPU profiling") is a section of the story that opens with a link-list word, and the list is the story's.
    Returns the heading's index and the run of link-list lines under it."""
    found: list[int] = []
    for index in range(len(lines) - 1):
        heading, lead = lines[index], lines[index + 1]
        if not (
            heading.rule == "navigation"
            and lead.rule == "link_list"
            and lead.text.rstrip().endswith(":")
            and lead.words >= _LEAD_IN_MIN_WORDS
        ):
            continue
        found.append(index)
        under = index + 1
        while under < len(lines) and lines[under].rule == "link_list":
            found.append(under)
            under += 1
    return found


def main_after(lines: list[_Line]) -> None:
    """Re-decide, in place, the lines of an extractor's main content that the text views' after-model stages
    name by what they are, wherever they stand (and a sentence the copyright-footer rule took inside the story
    comes back, ``_footers_in_story``): an aside (an author box under its heading, a picture credit),
    a caption closed by its credit, a paywall's notice and the rows under it, a media player's own text, the
    writer's closing bio, the site's trademark and copyright footer, its notice on the reader comments
    (how they are run, that the reader must log in to write one), its notice that the reader's browser is out
    of date, other stories' headlines under a "Related"
    label, and the site's pitch to the reader.

    trafilatura keeps them where the site sets them in the story's container. The stages that re-read the
    region's edges or take lines back from the header (a standfirst, a crosshead) are the text views' own:
    an extractor cut the text at the markup. Measured one by one on make eval's HTML sample, each of these
    gained and none lost a page; the machine-translation notice's stage lost half a story (a translated
    story's notice opens it: the stage takes the lines under it for the machine's summary) and stays out.
    """
    texts = [line.text for line in lines]
    lead_in_lists = _lists_under_lead_in(lines)
    for index in lead_in_lists:
        line = lines[index]
        # The reason is the main content's own, as the rules give it to the story's lines and headings.
        heading = line.rule == "navigation" or not (
            line.text.rstrip()[-1:] in ".:!?" or line.text.startswith("- ")
        )
        line.assign("subheading" if heading else "body", "crosshead" if heading else "article_region")
    for index in _footers_in_story(lines):
        # Its reason is the main content's own: a line of the extractor's text inside the story.
        lines[index].assign("body", "article_region")
    for index in _handle_items(lines):
        # A contributor's name over the handle the story's list prints with it: the main content's own line.
        lines[index].assign("body", "article_region")
    for index in asides(lines):
        lines[index].assign("boilerplate", "aside")
    for index in closing_credit_captions(texts, _kept(lines)):
        lines[index].assign("caption", "closing_credit")
    kept = _kept(lines)
    notices = [keep and paywall_notice(line.text, line.key) for keep, line in zip(kept, lines, strict=True)]
    if any(notices):
        for index in paywall_cut(kept, notices):
            lines[index].assign("boilerplate", "paywall_cut")
    for stage, rule in _NOTICE_STAGES:
        for index in stage(texts, _kept(lines)):
            lines[index].assign("boilerplate", rule)
    # A heading over a list its lead-in introduces is the story's section, whatever word it opens with.
    _related(lines, frozenset(lead_in_lists))
    _pitch(lines)
    code = [line.rule == "preformatted" for line in lines]
    for index in repeated_labels(texts, _kept(lines), code):
        lines[index].assign("boilerplate", "repeated_label")
    for stage, rule in _EDGE_STAGES:
        for index in stage(texts, _kept(lines)):
            lines[index].assign("boilerplate", rule)
    for index in stamp_lines(texts, _kept(lines)):
        lines[index].assign("date", "stamp_line")
    headings = [line.role == "subheading" for line in lines]
    for index in numbered_heads(texts, _kept(lines), headings):
        # A heading of the story's numbered list, its reason the main content's own (``_lists_under_lead_in``).
        lines[index].assign("subheading", "crosshead")


def _related(lines: list[_Line], story_lists: frozenset[int] = frozenset()) -> None:
    """Other pages' headlines under a "Related" / "Mehr zum Thema" label inside the story (``related_runs``); no
    line of ``story_lists`` (a list under the story's lead-in, ``_lists_under_lead_in``) is read as a label."""
    labels = line_labels(lines)
    labels = [label and index not in story_lists for index, label in enumerate(labels)]
    # Only the lines under a label are read as headlines: most pages have none.
    if not any(labels):
        return
    kept = _kept(lines)
    headlines = [headline_like(line.text, line.words) for line in lines]
    for index in related_runs(kept, labels, headlines):
        lines[index].assign("boilerplate", "related_run")
    for index in related_links(kept, labels, headlines):
        lines[index].assign("boilerplate", "related_link")
    kept = _kept(lines)
    for index in teaser_blocks([line.n for line in lines], kept, labels):
        lines[index].assign("boilerplate", "teaser_block")
    for index in kept_labels(kept, labels):
        lines[index].assign("boilerplate", "related_label")


def _pitch(lines: list[_Line]) -> None:
    """The site's pitch that addresses the reader, closing the story or set into it (``pitch_tail``)."""
    kept = _kept(lines)
    address = [False] * len(lines)
    for index in compress(range(len(lines)), kept):
        address[index] = addresses_reader(lines[index].text)
    if not any(address):
        return
    cue = pitch_cues([line.text for line in lines], [line.key for line in lines], kept, address)
    for index in pitch_tail(kept, [len(line.text) for line in lines], address, cue):
        lines[index].assign("boilerplate", "pitch_tail")
    # Only a dropped line right above a kept one can head a box: the sign-up heading is read there.
    heading = [False] * len(lines)
    for index in range(len(lines) - 1):
        if kept[index + 1] and not kept[index]:
            heading[index] = signup_heading(lines[index].key, lines[index].words)
    for index in pitch_insets(kept, address, cue, heading):
        lines[index].assign("boilerplate", "pitch_inset")
