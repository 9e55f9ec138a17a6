"""The line model's page counts in numpy: runs of flagged lines, and a table of ``math.log1p`` of small counts."""

from __future__ import annotations

import math
from typing import Any

# ``math.log1p(n)`` at every ``n`` up to the longest page yet, as a numpy array (grown on demand, never rebuilt
# for a shorter page): a page's counts index it, where a table per page cost a ``log1p`` call for each line.
_LOG1P: list[Any] = []


def _log1p_table(count: int) -> Any:
    """A numpy array holding ``math.log1p(n)`` at index ``n`` for every ``n`` from 0 to ``count`` (at least)."""
    if not _LOG1P or len(_LOG1P[0]) <= count:
        import numpy as np

        # Doubling: a longer page regrows it a few times at most.
        size = max(count + 1, 2 * len(_LOG1P[0]) if _LOG1P else 256)
        _LOG1P[:] = [np.array([math.log1p(n) for n in range(size)])]
    return _LOG1P[0]


def _runs(mask: Any) -> tuple[Any, Any]:
    """The maximal runs of True in a boolean array: their starts and stops (exclusive)."""
    import numpy as np

    # The edges where a padded copy changes, by C-level operations only (``np.diff`` and ``np.flatnonzero``
    # are Python wrappers: a few microseconds a page, twice a page).
    padded = np.zeros(len(mask) + 2, dtype=bool)
    padded[1:-1] = mask
    edges = (padded[1:] != padded[:-1]).nonzero()[0]
    return edges[::2], edges[1::2]


def _run_sizes(mask: Any) -> Any:
    """The sizes of the maximal runs of True in a boolean array, in order."""
    starts, stops = _runs(mask)
    return stops - starts
