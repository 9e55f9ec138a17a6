"""tools.eval_perturbed: per-source rows of the HTML path and trafilatura alone, and their margins in the table."""

from __future__ import annotations

from pathlib import Path

from tools.cleaning_corpus import Page
from tools.eval_perturbed import PageRun, score_run, table

BODY = "The storm reached the harbour on Monday morning and flooded the lower streets of the town."


def _page(page_id: str, source: str, gold: dict[str, object]) -> Page:
    return Page(page_id, source, Path("."), gold)


def test_scores_and_margins_per_source() -> None:
    pages = [
        _page("dev-a", "dev", {"body": BODY, "title": "Storm floods town"}),
        _page(
            "traf-b", "traf", {"title": "Harbour closed", "with": ["lower streets"], "without": ["Subscribe"]}
        ),
    ]
    runs = [
        PageRun(
            "dev-a", BODY, "Storm floods town", None, BODY + " Subscribe to our newsletter today", "Daily"
        ),
        PageRun("traf-b", BODY, "Harbour closed", None, BODY + " Subscribe", None),
    ]
    scores = score_run(pages, runs)
    assert set(scores) == {"dev", "traf"}
    assert (
        scores["dev"].ours.f1 == 1.0 and scores["dev"].alone.f1 is not None and scores["dev"].alone.f1 < 1.0
    )
    assert scores["dev"].ours.title == 1.0 and scores["dev"].alone.title == 0.0
    assert scores["traf"].ours.snippets == 1.0 and scores["traf"].alone.snippets == 0.0
    lines = table({"none": scores, "all": scores}).split("\n")
    dev = next(line for line in lines if line.startswith("all ") and " dev " in line)
    # The title margin over trafilatura, and no change against the "none" run.
    assert "+1.000" in dev and dev.rstrip().endswith("+0.000 +0.000 +0.000")
