"""Cleaner stage after the line model: a standfirst the header kept from the story, over its byline or its own line."""

from __future__ import annotations

from collections.abc import Sequence

from newsdrop.models import KEPT_ROLES
from newsdrop.text.cleaner.cues_notice import notice_stems
from newsdrop.text.cleaner.features import ModelLine
from newsdrop.text.cleaner.lines import _ends_sentence
from newsdrop.text.cleaner.standfirst import CLOCK, MIN_WORDS

# A standfirst found without the headline (the page view may choose another line as headline) is a long
# sentence: a teaser's headline, a menu entry or a label of a few words is not taken.
MIN_LEAD_WORDS = 12


# The byline under the standfirst, or the standfirst's last line, stands at most this many lines above the
# story's text (its credit, a picture's caption, a loading label between them).
STORY_REACH = 6


# What the standfirst tests read of one cleaner line: the fields the line model reads too.
StandfirstLine = ModelLine


def _dropped_by_header(line: StandfirstLine) -> bool:
    """Whether the header rules or the line model dropped the line (not a named line rule: a notice, a credit)."""
    rule = line.rule or ""
    return line.role not in KEPT_ROLES and (rule == "header_chrome" or rule.startswith("line_model"))


def _long_sentence(line: StandfirstLine, lines: Sequence[StandfirstLine]) -> bool:
    """A standfirst's shape: ``MIN_LEAD_WORDS`` words or more ending as a sentence, printed once on the page
    (``lines``), no clock time, no pipe (a header row, "Place | Teaser"), fewer than two notice stems (cookies,
    consent, the browser: the site's notice)."""
    # (The printings are counted for the few lines that get this far, not for every line of every page.)
    return (
        line.words >= MIN_LEAD_WORDS
        and "|" not in line.text
        and _ends_sentence(line.text)
        and sum(1 for other in lines if other.key == line.key) == 1
        and CLOCK.search(line.text) is None
        and len(set(notice_stems(line.key))) < 2
    )


def lead_over_byline(lines: Sequence[StandfirstLine], start: int) -> list[int]:
    """Indices of standfirsts the header rules dropped right over the story's byline.

    A long sentence (``_long_sentence``) the header rules or the model dropped, on the line right above a
    byline (no blank line between), the byline at most ``STORY_REACH`` lines above the region's ``start``:
    the story's standfirst, above its byline as many sites print it. ``lead_under_headline`` finds it under
    the headline; this finds it where the page view chose another line as the headline.
    """
    found: list[int] = []
    for index in range(max(0, start - STORY_REACH - 1), min(start, len(lines)) - 1):
        line, byline = lines[index], lines[index + 1]
        if byline.role != "byline" or byline.n != line.n + 1:
            continue
        if _dropped_by_header(line) and _long_sentence(line, lines):
            found.append(index)
    return found


def paragraph_heads(lines: Sequence[StandfirstLine], start: int) -> list[int]:
    """Indices of a paragraph's first line the header dropped where the model kept its second.

    At most ``STORY_REACH`` lines above the region's ``start`` (in the header), a long sentence (``_long_sentence``) the header rules or the
    model dropped, right above (no blank line between) a sentence of ``MIN_WORDS`` words or more the line model
    took back as body: one paragraph split over two lines, the standfirst the model read half of. Below the
    story, or far above it, such a pair is as often a reader's comment the model kept.
    """
    found: list[int] = []
    for index in range(max(0, start - STORY_REACH - 1), min(start, len(lines)) - 1):
        line, below = lines[index], lines[index + 1]
        if below.n != line.n + 1 or below.role != "body" or not (below.rule or "").startswith("line_model"):
            continue
        if below.words < MIN_WORDS or not _ends_sentence(below.text):
            continue
        if _dropped_by_header(line) and _long_sentence(line, lines):
            found.append(index)
    return found
