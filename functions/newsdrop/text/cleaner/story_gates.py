"""Page pre-tests of stages after the model (asides, closing credits, placed captions, player notices) in one pass."""

from __future__ import annotations

import re

from newsdrop.text.cleaner.asides import NOTIFICATION_STEMS
from newsdrop.text.cleaner.closing_credits import CREDIT_MARK_PATTERNS
from newsdrop.text.cleaner.placed_caption import PLACED_PAGE_PATTERN
from newsdrop.text.cleaner.player_notice import PAGE_PATTERNS
from newsdrop.text.re2_sets import native_match, search_set

# The stages' page patterns as one RE2 set over the kept lines joined, in this order: each stage's own set read the
# whole story (encoded anew) in a pass of its own (RE2 reads every byte of it for a set's matches: two passes and
# two encodings were about 0.8 % of the cleaner), and the asides' three stems were three ``in`` scans of it. (The
# stems are literals, case-sensitive as ``in``.)
_CREDITS_END = len(CREDIT_MARK_PATTERNS)
_PLACED_AT = _CREDITS_END
_PLAYER_END = _PLACED_AT + 1 + len(PAGE_PATTERNS)
_GATES = native_match(
    search_set(
        [*CREDIT_MARK_PATTERNS, PLACED_PAGE_PATTERN, *PAGE_PATTERNS, *map(re.escape, NOTIFICATION_STEMS)]
    )
)


def story_gates(story: str) -> tuple[bool, bool, bool, bool]:
    """Whether ``story`` holds one of ``closing_credits.CREDIT_MARK_PATTERNS``, ``placed_caption.PLACED_PAGE_PATTERN``,
    ``player_notice.PAGE_PATTERNS`` and ``asides.NOTIFICATION_STEMS``: each stage's ``marked`` (the asides'
    ``pushed``)."""
    found = _GATES(story.encode())
    if not found:
        return False, False, False, False
    return (
        any(at < _CREDITS_END for at in found),
        _PLACED_AT in found,
        any(_PLACED_AT < at < _PLAYER_END for at in found),
        any(at >= _PLAYER_END for at in found),
    )
