"""Headline stage: a line printed right over a video player's label is the video's title, never the headline."""

from __future__ import annotations

import re

from newsdrop.text.cleaner.lines import _Line

# A player's bare label (a line key): "Video", "Play video", "Watch video".
_VIDEO_LABEL = re.compile(r"^(?:play |watch )?video$")
# The label follows the video's title within this many lines (blank lines between).
_VIDEO_LABEL_REACH = 3


def over_video_label(lines: list[_Line], index: int) -> bool:
    """The next printed line, within ``_VIDEO_LABEL_REACH`` lines, is a video player's bare label: the line is the
    title of an embedded video (a related clip between the standfirst and the byline), not the story's headline."""
    below = next((line for line in lines[index + 1 : index + 1 + _VIDEO_LABEL_REACH] if line.key), None)
    return below is not None and _VIDEO_LABEL.match(below.key) is not None
