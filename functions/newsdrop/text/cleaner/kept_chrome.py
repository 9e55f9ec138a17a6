"""Cleaner stage after the line model: the site's own lines the model kept (notices, pleas, menus, copies, teasers)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import compress

import re2

from newsdrop.text.cleaner import (
    affiliate_notice,
    comment_notice,
    donation_pitch,
    host_credit,
    legal_notice,
    series_note,
    share_row,
)
from newsdrop.text.cleaner.affiliate_notice import affiliate_notices
from newsdrop.text.cleaner.comment_notice import comment_notices
from newsdrop.text.cleaner.donation_pitch import donation_pitches
from newsdrop.text.cleaner.host_credit import host_credits
from newsdrop.text.cleaner.legal_notice import legal_notices
from newsdrop.text.cleaner.near_repeat import near_repeats
from newsdrop.text.cleaner.run_on_menu import run_on_menus
from newsdrop.text.cleaner.series_note import series_notes
from newsdrop.text.cleaner.share_row import share_rows
from newsdrop.text.cleaner.teaser_tail import teaser_tail
from newsdrop.text.re2_sets import native_match, search_set

# A stage's call: the lines' texts, the ones still kept and, for a stage with stems, the lines that may hold one.
_Stage = Callable[..., list[int]]

# Each kind's stage, the rule it records and its stems (lower-case; every line it takes holds one), in order:
# each reads the kept lines the ones before it left, so the teasers are read last, under a story whose closing
# notices are gone.
_STAGES: tuple[tuple[_Stage, str, tuple[str, ...] | None], ...] = (
    (affiliate_notices, "affiliate_notice", affiliate_notice.STEMS),
    (legal_notices, "legal_notice", legal_notice.STEMS),
    (comment_notices, "comment_notice", comment_notice.STEMS),
    (donation_pitches, "donation_pitch", donation_pitch.STEMS),
    (host_credits, "host_credit", host_credit.STEMS),
    (series_notes, "series_note", series_note.STEMS),
    (run_on_menus, "run_on_menu", None),
    (share_rows, "share_row", share_row.STEMS),
    (near_repeats, "near_repeat", None),
    (teaser_tail, "teaser_tail", None),
)

# The stems, a case-blind pattern per stage, as one RE2 set over a line's UTF-8 bytes: which stages' stems a
# line may hold, in one DFA pass (each stage lowered the line and looked for each stem in turn, on every kept
# line; a few in a hundred hold one). RE2's ``(?i)`` pairs each stem letter with every character whose
# ``str.lower`` gives it, but for ``_FOLDED_APART`` (a unit test reads every code point): a superset.
_STEM_PATTERNS = tuple(
    "(?i)" + "|".join(re2.escape(stem) for stem in stems) for _, _, stems in _STAGES if stems is not None
)
_STEMS_OF = native_match(search_set(_STEM_PATTERNS))

# The dotted capital I lowers to "i" and a combining dot, where Unicode's simple case folding keeps it apart
# from "i": a line holding one may hold any stage's stems.
_FOLDED_APART = ("İ",)


def stem_stages(texts: Sequence[str], kept: Sequence[bool]) -> list[list[bool] | None]:
    """For each stage with stems (in ``_STAGES``' order), which lines may hold one of them: every kept line that
    ``_STEMS_OF`` finds one in (or that holds a character of ``_FOLDED_APART``), a superset of the kept lines
    whose lower-case text holds one. None for a stage no line may hold a stem of."""
    # A stage's list is made when a line first marks it: most pages mark few of the seven, and a list a page
    # line for each was a third of this pass.
    maybe: list[list[bool] | None] = [None] * len(_STEM_PATTERNS)
    count = len(texts)
    # Only the kept lines are read (``compress`` picks them in C): most of a page's lines are dropped.
    for index in compress(range(count), kept):
        text = texts[index]
        # ``map`` in C over the characters (a generator's frame per non-ASCII line was a sixth of this pass).
        if not text.isascii() and any(map(text.__contains__, _FOLDED_APART)):
            stages: Iterable[int] = range(len(maybe))
        else:
            stages = _STEMS_OF(text.encode())
        for stage in stages:
            lines = maybe[stage]
            if lines is None:
                lines = maybe[stage] = [False] * count
            lines[index] = True
    return maybe


def kept_chrome(texts: Sequence[str], kept: Sequence[bool]) -> list[tuple[int, str]]:
    """``(index, rule)`` for every kept line one of the stages in ``_STAGES`` takes as the site's, in their
    order; a line taken is no longer kept for the stages after it."""
    remaining = list(kept)
    # Read once for the lines kept now: a stage's kept lines are a subset of them.
    maybe = iter(stem_stages(texts, kept))
    found: list[tuple[int, str]] = []
    for stage, rule, stems in _STAGES:
        if stems is None:
            taken = stage(texts, remaining)
        else:
            # A stage with stems takes only lines that may hold one: where no line of the page may, it has
            # nothing to read (its loop over every line of the page is skipped).
            lines = next(maybe)
            taken = stage(texts, remaining, lines) if lines is not None else []
        for index in taken:
            remaining[index] = False
            found.append((index, rule))
    return found
