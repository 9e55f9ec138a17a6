"""The page pre-tests of three stages after the model (closing credits, placed captions, player notices) in one pass."""

from __future__ import annotations

from newsdrop.text.cleaner.closing_credits import CREDIT_MARK_PATTERNS
from newsdrop.text.cleaner.placed_caption import PLACED_PAGE_PATTERN
from newsdrop.text.cleaner.player_notice import PAGE_PATTERNS
from newsdrop.text.re2_sets import native_match, search_set

# The three stages' page patterns as one RE2 set over the kept lines joined, in this order: each stage's own set
# read the whole story (encoded anew) in a pass of its own (RE2 reads every byte of it for a set's matches: two
# passes and two encodings were about 0.8 % of the cleaner).
_CREDITS_END = len(CREDIT_MARK_PATTERNS)
_PLACED_AT = _CREDITS_END
_GATES = native_match(search_set([*CREDIT_MARK_PATTERNS, PLACED_PAGE_PATTERN, *PAGE_PATTERNS]))


def story_gates(story: str) -> tuple[bool, bool, bool]:
    """Whether ``story`` holds one of ``closing_credits.CREDIT_MARK_PATTERNS``, ``placed_caption.PLACED_PAGE_PATTERN``
    and ``player_notice.PAGE_PATTERNS``: each stage's ``marked``."""
    found = _GATES(story.encode())
    if not found:
        return False, False, False
    return (
        any(at < _CREDITS_END for at in found),
        _PLACED_AT in found,
        any(at > _PLACED_AT for at in found),
    )
