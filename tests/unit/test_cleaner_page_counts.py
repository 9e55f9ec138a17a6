"""The page counts' runs of True in a boolean array: their starts, stops and sizes."""

from __future__ import annotations

import numpy as np
import pytest

from newsdrop.text.cleaner.page_counts import _run_sizes, _runs


@pytest.mark.parametrize(
    ("mask", "starts", "stops"),
    [
        ([], [], []),
        ([False], [], []),
        ([True], [0], [1]),
        ([True, True, False], [0], [2]),
        ([False, True, True], [1], [3]),
        ([True, False, True], [0, 2], [1, 3]),
        ([False, True, True, False, True, False, False, True, True, True], [1, 4, 7], [3, 5, 10]),
    ],
)
def test_runs(mask: list[bool], starts: list[int], stops: list[int]) -> None:
    found_starts, found_stops = _runs(np.array(mask, dtype=bool))
    assert found_starts.tolist() == starts
    assert found_stops.tolist() == stops
    assert _run_sizes(np.array(mask, dtype=bool)).tolist() == [
        stop - start for start, stop in zip(starts, stops, strict=True)
    ]
