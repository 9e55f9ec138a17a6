"""Cleaner stage after the line model: story lines the smoothing dropped between the story's kept lines."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsdrop.text.cleaner.lines import _ends_sentence

# The smoothing (``smooth_verdicts``) drops a line the model scored as a keep when dropped lines stand around
# it: a paragraph between two picture credits ("Quelle: THW"), a sentence after a code block. Within this many
# lines of a kept line above and of one below, the line is inside the story: it comes back.
_REACH_LINES = 3


SMOOTHED = "line_model:smoothed"


# Reference marks after a sentence's end ("... terrible things. [M2]", "... website. [71] [72]").
_REFERENCES = re.compile(r"(?:\s*\[\w{1,4}\])+\s*$")


def smoothed_sentence(text: str) -> bool:
    """Whether a line reads as the story's sentence: it ends in a sentence end (reference marks after it
    aside) or a colon (a list's lead-in); a caption, a player's label or an app's pitch ends in neither."""
    stripped = _REFERENCES.sub("", text.strip())
    return _ends_sentence(stripped) or stripped.endswith(":")


def smoothed_holes(kept: Sequence[bool], rules: Sequence[str | None]) -> list[int]:
    """Indices of the dropped lines the smoothing flipped (rule ``SMOOTHED``) that have a kept line at most
    ``_REACH_LINES`` above and one at most ``_REACH_LINES`` below."""
    found: list[int] = []
    count = len(kept)
    for index in range(1, count - 1):
        if kept[index] or rules[index] != SMOOTHED:
            continue
        above = any(kept[max(0, index - _REACH_LINES) : index])
        if above and any(kept[index + 1 : index + 1 + _REACH_LINES]):
            found.append(index)
    return found
