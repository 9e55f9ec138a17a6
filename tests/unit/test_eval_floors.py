"""The cleaner's quality figures on the repository's data stay at or above eval/floors.json.

Throughput is left to `make eval`: a test must not depend on how busy the machine is.
"""

from __future__ import annotations

from tools.eval_cleaner import FLOORS, below_floors, load_floors, run


def test_quality_figures_meet_the_committed_floors() -> None:
    floors = {
        row: {figure: floor for figure, floor in figures.items() if figure != "mb_per_s"}
        for row, figures in load_floors(FLOORS).items()
    }
    assert below_floors(run(), floors) == []
