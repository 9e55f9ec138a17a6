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
    # Whether the best path into a dropped (``from_drop``) or a kept (``from_keep``) line ``i`` comes from a kept
    # line (True) or a dropped one: two lists of flags, not a tuple a line. The scores' sums are the same
    # float operations in the same order.
    from_drop = [False] * count
    from_keep = [False] * count
    for index in range(1, count):
        leave = keep_score - switch_cost
        enter = drop_score - switch_cost
        drop_from_keep = leave > drop_score
        keep_from_keep = keep_score >= enter
        from_drop[index] = drop_from_keep
        from_keep[index] = keep_from_keep
        drop_score, keep_score = (
            leave if drop_from_keep else drop_score,
            (keep_score if keep_from_keep else enter) + margins[index],
        )
    if edge is not None:
        drop_score -= switch_cost if edge else 0.0
        keep_score -= 0.0 if edge else switch_cost
    state = keep_score >= drop_score
    verdicts = [False] * count
    for index in range(count - 1, -1, -1):
        verdicts[index] = state
        state = from_keep[index] if state else from_drop[index]
    return verdicts
