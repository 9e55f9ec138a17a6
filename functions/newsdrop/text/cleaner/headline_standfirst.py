"""Headline stage, a headline over its standfirst: the ranker's pick, a long line printed right under a run of long
lines (a headline block's standfirst or bullet points), gives way to the run's best-scored line above it."""

from __future__ import annotations

import re
from collections.abc import Callable

from newsdrop.text.cleaner.headline_caption import same_headline
from newsdrop.text.cleaner.lines import _Line

# The pick reads as a standfirst or a bullet point: this many words at least (a short headline stays) ...
_STANDFIRST_MIN_WORDS = 10
# ... and every line of the run over it holds this many words (a kicker or a section label is shorter: a kicker's
# headline under it stays the pick).
_RUN_MIN_WORDS = 8
# A line this short right over the pick (a kicker, a picture's credit) is read past to the run above it.
_BETWEEN_MAX_WORDS = 3
# The run's best line: the ranker reads it as a headline (a raw score from this on) ...
_HEADLINE_MIN_SCORE = 0.5
# ... and scores it within this much of the pick (the trees tell a headline from its standfirst poorly: both
# share the lead's words and sit where a headline sits).
_BLOCK_TIE = 2.0
# A breadcrumb trail's steps ("Site > Section > Story"): no headline.
_TRAIL_STEP = re.compile(r"\s[>›»]\s")


def headline_over_block(
    lines: list[_Line], chosen: int, scores: dict[int, float], barred: Callable[[int], bool]
) -> int | None:
    """The best-scored line of the run of long lines printed right over the ranker's pick, when the pick reads as
    the standfirst or a bullet point under that headline (``scores``: the ranked candidates' raw scores). A
    headline block prints the headline and then one or more long lines that tell the story again (a standfirst,
    bullet points), each a candidate the trees score like a headline. The run holds ranked candidates only, no
    line a rule claimed and none ``barred`` (a caption, a menu row, a form's text); its best line must read as
    a headline to the ranker and nearly tie the pick, must not print the pick's own words again (a trail over its
    headline) and must hold no breadcrumb step. One short line right over the pick (a kicker, a picture's credit
    printed between the headline and its standfirst) is read past. None when no such line stands over the pick."""
    if chosen not in scores or lines[chosen].words < _STANDFIRST_MIN_WORDS:
        return None
    run: list[int] = []
    index = chosen
    skipped = False
    while True:
        index = next((at for at in range(index - 1, -1, -1) if lines[at].key), -1)
        if index >= 0 and not run and not skipped and lines[index].words <= _BETWEEN_MAX_WORDS:
            # One short line right over the pick (a kicker, a picture's credit) stands between a headline and its
            # standfirst; above the run it would open another block (a teaser's, a trail's).
            skipped = True
            continue
        if index < 0 or index not in scores or lines[index].words < _RUN_MIN_WORDS:
            break
        if lines[index].role is not None or barred(index):
            break
        run.append(index)
    if not run:
        return None
    best = max(run, key=lambda at: scores[at])
    if scores[best] < _HEADLINE_MIN_SCORE or scores[chosen] - scores[best] > _BLOCK_TIE:
        return None
    if _TRAIL_STEP.search(lines[best].text) is not None:
        return None
    return None if same_headline(lines[chosen], lines[best]) else best
