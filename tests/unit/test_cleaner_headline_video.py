"""A line printed right over a video player's label is the video's title, never the headline (``over_video_label``)."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.headline_video import over_video_label
from tests.unit.cleaner_fixtures import printed_lines

CLIP = "Live: the harbour wall as the last concrete is poured"
HEADLINE = "Harbour wall finished two years early"
BYLINE = "By Jane Doe"


@pytest.mark.parametrize(
    ("texts", "index", "expected"),
    [
        # A clip's title over the player's bare label, with or without a blank line between.
        ([HEADLINE, CLIP, "Video", BYLINE], 1, True),
        ([HEADLINE, CLIP, "", "Play video", BYLINE], 1, True),
        ([HEADLINE, CLIP, "", "WATCH VIDEO", BYLINE], 1, True),
        # The headline over the byline, or over a label that names more than the player.
        ([HEADLINE, CLIP, "Video", BYLINE], 0, False),
        ([HEADLINE, "Video highlights of the day", BYLINE], 0, False),
        # The label too far below (another line between), or nothing below at all.
        ([CLIP, BYLINE, "Video"], 0, False),
        ([CLIP, "", "", "", "Video"], 0, False),
        ([CLIP], 0, False),
    ],
)
def test_a_line_over_a_video_label(texts: list[str], index: int, expected: bool) -> None:
    assert over_video_label(printed_lines(texts), index) is expected
