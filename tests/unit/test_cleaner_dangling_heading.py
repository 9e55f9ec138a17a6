"""A box's heading left as the story's last kept line, the box's text dropped right under it, goes."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.dangling_heading import dangling_heading

# (text, kept); a third item marks the post's byline or date
PARAGRAPH = ("A paragraph of the story that runs on for a good many words.", True)
HEADING = ("2023 nichts mehr versäumen!", True)
BOX_TEXT = ("Vom richtigen Zeitpunkt, den Resturlaub zu prüfen, bis zu wichtigen Steuerterminen.", False)
LABEL = ("Das könnte Sie auch interessieren", False)
BUTTON = ("Jetzt herunterladen", False)
LAST_SENTENCE = ("The council will vote next week.", True)
LEAD_IN = ("The schedule for the day:", True)
LONG_LINE = ("A last line of the story that runs on to well more than eight words here", True)
CJK = (
    "政府は来週、新しい予算案を国会に提出する方針を固めたと関係者が明らかにした。この予算案には防衛費の増額も含まれる見通しだと報じられた",
    True,
)
SIGN_OFF = ("For a better web!", True)
THANKS = ("The author would like to thank the many people who helped with the specification.", False)
BYLINE = ("Posted by A. Writer on March 10, 2015", False)


def _run(rows: list[tuple[str, bool]]) -> int | None:
    return dangling_heading([row[1] for row in rows], [row[0] for row in rows], lambda at: rows[at] is BYLINE)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # The box's heading kept, its text dropped under it: the heading goes.
        ([PARAGRAPH, PARAGRAPH, PARAGRAPH, HEADING, BOX_TEXT, LABEL], 3),
        # Under it a label or a button, no text: a short closing line of the story as often.
        ([PARAGRAPH, PARAGRAPH, PARAGRAPH, HEADING, BUTTON, BOX_TEXT], None),
        # A heading above kept lines is the story's crosshead.
        ([PARAGRAPH, PARAGRAPH, PARAGRAPH, HEADING, BOX_TEXT, PARAGRAPH], None),
        # A sentence, a lead-in, a long line or a long line without spaces close the story.
        ([PARAGRAPH, PARAGRAPH, PARAGRAPH, LAST_SENTENCE, BOX_TEXT], None),
        ([PARAGRAPH, PARAGRAPH, PARAGRAPH, LEAD_IN, BOX_TEXT], None),
        ([PARAGRAPH, PARAGRAPH, PARAGRAPH, LONG_LINE, BOX_TEXT], None),
        ([PARAGRAPH, PARAGRAPH, PARAGRAPH, CJK, BOX_TEXT], None),
        # Too little story above it.
        ([PARAGRAPH, PARAGRAPH, HEADING, BOX_TEXT], None),
        # The post's byline under the dropped text: the text is the post's, the line its sign-off.
        ([PARAGRAPH, PARAGRAPH, PARAGRAPH, SIGN_OFF, THANKS, BYLINE], None),
        ([PARAGRAPH, PARAGRAPH, PARAGRAPH, SIGN_OFF, THANKS, LABEL], 3),
        # The page's last line: nothing dropped under it.
        ([PARAGRAPH, PARAGRAPH, PARAGRAPH, HEADING], None),
    ],
)
def test_dangling_heading(rows: list[tuple[str, bool]], expected: int | None) -> None:
    assert _run(rows) == expected
