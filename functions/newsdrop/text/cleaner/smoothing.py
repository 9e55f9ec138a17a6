"""Smoothing of the line model's verdicts along a page: the most likely keep-or-drop sequence."""

from __future__ import annotations

from collections.abc import Sequence


def smooth_verdicts(margins: Sequence[float], switch_cost: float, edge: bool | None = None) -> list[bool]:
    """Keep (True) or drop each line of a page, in order, by the most likely sequence (Viterbi).

    A line's margin (its logit minus the threshold's) is what keeping it gains; every change between
    kept and dropped from one line to the next costs ``switch_cost``. A line whose margin exceeds twice
    the cost either way keeps its own verdict: restoring it can cost at most the two changes around it.
    ``edge`` is the verdict assumed before the first line and after the last (None: either, for free).
    A margin of exactly 0 keeps the line, as a score at its threshold does.
    """
    count = len(margins)
    if count == 0:
        return []
    if switch_cost <= 0.0:
        return [margin >= 0.0 for margin in margins]
    drop_score = -switch_cost if edge is True else 0.0
    keep_score = margins[0] - (switch_cost if edge is False else 0.0)
    # came_from[i] = (state before a dropped line i, state before a kept line i), True for kept.
    came_from: list[tuple[bool, bool]] = [(False, False)]
    for margin in margins[1:]:
        drop_from_keep = keep_score - switch_cost > drop_score
        keep_from_keep = keep_score >= drop_score - switch_cost
        next_drop = keep_score - switch_cost if drop_from_keep else drop_score
        next_keep = (keep_score if keep_from_keep else drop_score - switch_cost) + margin
        came_from.append((drop_from_keep, keep_from_keep))
        drop_score, keep_score = next_drop, next_keep
    if edge is not None:
        drop_score -= switch_cost if edge else 0.0
        keep_score -= 0.0 if edge else switch_cost
    state = keep_score >= drop_score
    verdicts = [False] * count
    for index in range(count - 1, -1, -1):
        verdicts[index] = state
        state = came_from[index][1 if state else 0]
    return verdicts
