"""A kept heading right under the section's crosshead that retells it in other words is an insert's title."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.retold_heading import retold_headings

# (text, kept, heading)
PARAGRAPH = ("A paragraph of the story, long enough to read as prose.", True, False)
CROSSHEAD = ("There were concerns in the royal family about the baby's skin color", True, True)
RETOLD = ("Meghan reveals concerns within royal family about her baby's skin color", True, True)
RETOLD_DROPPED = ("Meghan reveals concerns within royal family about her baby's skin color", False, True)
NEXT_SECTION = ("What the palace said after the interview was broadcast", True, True)
PARALLEL_A = ("Fast reproducible Docker builds with poetry", True, True)
PARALLEL_B = ("Fast reproducible Docker builds with pipenv", True, True)
LEAD_IN_A = ("Now we can calculate the z-score for every row:", True, True)
LEAD_IN_B = ("We now have z-scores for every row, and we can try to find anomalies:", True, True)
NUMBERED_A = ("7h35 - Renault sales rise in the first half of the year", True, True)
NUMBERED_B = ("7h31 - Europe: sales of new cars rise in the first half of the year", True, True)
FEW_SHARED = ("Royal family members answer about the interview", True, True)


def _run(rows: list[tuple[str, bool, bool]]) -> list[int]:
    return retold_headings([row[1] for row in rows], [row[2] for row in rows], [row[0] for row in rows])


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # Retold three paragraphs under the crosshead: the video's title goes, the crosshead stays.
        ([CROSSHEAD, PARAGRAPH, PARAGRAPH, PARAGRAPH, RETOLD, PARAGRAPH], [4]),
        # Too far under it: the story's later section.
        ([CROSSHEAD, *[PARAGRAPH] * 7, RETOLD, PARAGRAPH], []),
        # Dropped already: nothing to do.
        ([CROSSHEAD, PARAGRAPH, RETOLD_DROPPED, PARAGRAPH], []),
        # Another section's heading shares no sense with it.
        ([CROSSHEAD, PARAGRAPH, NEXT_SECTION, PARAGRAPH], []),
        # Parallel sections open alike.
        ([PARALLEL_A, PARAGRAPH, PARAGRAPH, PARALLEL_B, PARAGRAPH], []),
        # Lead-ins closing on a colon introduce what follows.
        ([LEAD_IN_A, PARAGRAPH, LEAD_IN_B, PARAGRAPH], []),
        # Timed or numbered entries share words by their form.
        ([NUMBERED_A, PARAGRAPH, NUMBERED_B, PARAGRAPH], []),
        # Too few shared words ("royal", "family", "about").
        ([CROSSHEAD, PARAGRAPH, FEW_SHARED, PARAGRAPH], []),
        # A body line is no heading.
        ([CROSSHEAD, PARAGRAPH, (RETOLD[0], True, False), PARAGRAPH], []),
    ],
)
def test_retold_headings(rows: list[tuple[str, bool, bool]], expected: list[int]) -> None:
    assert _run(rows) == expected
