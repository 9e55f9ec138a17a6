"""The footer-line stage after the line model: a lone paragraph the model kept far down in the page's footer."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.footer_line import FOOTER_GAP_LINES, footer_lines

# A row: (kept, flipped by the model, characters). The story: three kept paragraphs of 1000 characters.
STORY = [(True, False, 1000)] * 3
DROPPED = (False, False, 40)
GAP = [DROPPED] * FOOTER_GAP_LINES
BLURB = (True, True, 300)


@pytest.mark.parametrize(
    ("rows", "end", "found"),
    [
        # A blurb the model kept alone past the region and a footer's worth of dropped lines.
        ([*STORY, *GAP, BLURB, DROPPED, DROPPED, DROPPED], 2, [3 + FOOTER_GAP_LINES]),
        # The page's last line.
        ([*STORY, *GAP, BLURB], 2, [3 + FOOTER_GAP_LINES]),
        # Inside the rules' region: the model's verdict stands.
        ([*STORY, *GAP, BLURB], 3 + FOOTER_GAP_LINES, []),
        # Kept by the rules, not taken back by the model.
        ([*STORY, *GAP, (True, False, 300)], 2, []),
        # One dropped line short of the gap.
        ([*STORY, *GAP[1:], BLURB], 2, []),
        # Not alone: a block of paragraphs (the story's close past a widget; far_islands reads blocks).
        ([*STORY, *GAP, BLURB, DROPPED, BLURB], 2, []),
        ([*STORY, *GAP, BLURB, BLURB], 2, []),
        # As long as a fifth of the rest: an abstract printed under the page's menus.
        ([*STORY, *GAP, (True, True, 600)], 2, []),
        # Nothing kept above it.
        ([*GAP, BLURB], -1, []),
    ],
)
def test_footer_lines(rows: list[tuple[bool, bool, int]], end: int, found: list[int]) -> None:
    kept = [row[0] for row in rows]
    flipped = [row[1] for row in rows]
    sizes = [row[2] for row in rows]
    assert footer_lines(kept, flipped, sizes, end) == found
