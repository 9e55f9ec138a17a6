"""A kept heading the page prints again further down, dropped there, is the site's label."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.echoed_heading import echoed_headings

# (key, kept, heading)
PARAGRAPH = ("a paragraph of the story.", True, False)
LABEL = ("advertisement · scroll to continue", True, True)
LABEL_DROPPED = ("advertisement · scroll to continue", False, False)
HEADING = ("what the ministry said", True, True)
TOC_ENTRY = ("what the ministry said", False, False)
LONG = ("a heading of the story that runs to more than eight words", True, True)
LONG_DROPPED = ("a heading of the story that runs to more than eight words", False, False)
KEPT_AGAIN = ("advertisement · scroll to continue", True, True)


def _run(rows: list[tuple[str, bool, bool]]) -> list[int]:
    return echoed_headings([row[1] for row in rows], [row[2] for row in rows], [row[0] for row in rows])


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # Kept as a crosshead, dropped further down: the site's label.
        ([PARAGRAPH, LABEL, PARAGRAPH, LABEL_DROPPED, PARAGRAPH], [1]),
        # Dropped above it only (a table of contents): the story's crosshead.
        ([TOC_ENTRY, PARAGRAPH, HEADING, PARAGRAPH], []),
        # Printed once.
        ([PARAGRAPH, HEADING, PARAGRAPH], []),
        # Printed again further down but kept there too: not read.
        ([PARAGRAPH, LABEL, PARAGRAPH, KEPT_AGAIN, PARAGRAPH], []),
        # A body line printed again is a paragraph (``kept_repeats``' own), not a heading.
        ([PARAGRAPH, ("advertisement · scroll to continue", True, False), LABEL_DROPPED], []),
        # Longer than a label.
        ([PARAGRAPH, LONG, PARAGRAPH, LONG_DROPPED], []),
        # Kept again, then dropped further down: both kept printings are the label's.
        ([PARAGRAPH, LABEL, PARAGRAPH, KEPT_AGAIN, PARAGRAPH, LABEL_DROPPED], [1, 3]),
        # A dropped printing and another heading between: each heading read on its own key.
        ([HEADING, LABEL, TOC_ENTRY, LABEL_DROPPED], [0, 1]),
    ],
)
def test_echoed_headings(rows: list[tuple[str, bool, bool]], expected: list[int]) -> None:
    assert _run(rows) == expected
