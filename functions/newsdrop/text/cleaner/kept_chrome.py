"""Cleaner stage after the line model: the site's own lines the model kept (notices, pleas, menus, copies, teasers)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newsdrop.text.cleaner.affiliate_notice import affiliate_notices
from newsdrop.text.cleaner.comment_notice import comment_notices
from newsdrop.text.cleaner.donation_pitch import donation_pitches
from newsdrop.text.cleaner.legal_notice import legal_notices
from newsdrop.text.cleaner.near_repeat import near_repeats
from newsdrop.text.cleaner.run_on_menu import run_on_menus
from newsdrop.text.cleaner.share_row import share_rows
from newsdrop.text.cleaner.teaser_tail import teaser_tail

# Each kind's stage and the rule it records, in order: each reads the kept lines the ones before it left, so
# the teasers are read last, under a story whose closing notices are gone.
_STAGES: tuple[tuple[Callable[[Sequence[str], Sequence[bool]], list[int]], str], ...] = (
    (affiliate_notices, "affiliate_notice"),
    (legal_notices, "legal_notice"),
    (comment_notices, "comment_notice"),
    (donation_pitches, "donation_pitch"),
    (run_on_menus, "run_on_menu"),
    (share_rows, "share_row"),
    (near_repeats, "near_repeat"),
    (teaser_tail, "teaser_tail"),
)


def kept_chrome(texts: Sequence[str], kept: Sequence[bool]) -> list[tuple[int, str]]:
    """``(index, rule)`` for every kept line one of the stages in ``_STAGES`` takes as the site's, in their
    order; a line taken is no longer kept for the stages after it."""
    remaining = list(kept)
    found: list[tuple[int, str]] = []
    for stage, rule in _STAGES:
        for index in stage(texts, remaining):
            remaining[index] = False
            found.append((index, rule))
    return found
