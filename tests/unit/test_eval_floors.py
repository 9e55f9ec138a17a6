"""The cleaner's quality figures on cleaning-dev and the seeds stay at or above eval/floors.json.

`make eval` checks every row (cleaning-train too, cross-validated) and the throughput; this test keeps
`make test` quick with the dev rows, and a test must not depend on how busy the machine is.
"""

from __future__ import annotations

from tools.eval_cleaner import FLOORS, below_floors, load_floors, run


def test_dev_quality_figures_meet_the_committed_floors() -> None:
    rows = run(sources=("dev",))
    floors = {
        row: {figure: floor for figure, floor in figures.items() if figure != "mb_per_s"}
        for row, figures in load_floors(FLOORS).items()
        if row in rows and row != "throughput"
    }
    assert {"seeds", "dev_article", "dev_page", "dev_html", "html_bundle"} <= set(floors)
    assert below_floors(rows, floors) == []
