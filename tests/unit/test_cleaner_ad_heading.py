"""The ad-heading stage after the line model: a heading-like line set right over the site's advertisement slot."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.ad_heading import ad_headings

PARA = ("body", True, "The story's paragraph.")
HEAD = ("heading", True, "The latest news about the outbreak (paywall-free)")
LEAD_IN = ("heading", True, "The system requires only five folders:")
AD = ("ad", False, "Advertisement")
DROPPED = ("other", False, "Share this")


@pytest.mark.parametrize(
    ("rows", "found"),
    [
        # A crosshead with the ad's label right under it: the site's insert.
        ([PARA, HEAD, AD, PARA], [1]),
        # Something between: the crosshead opens its prose, the slot follows later.
        ([PARA, HEAD, PARA, AD, PARA], []),
        ([PARA, HEAD, DROPPED, AD, PARA], []),
        # A lead-in closing on a colon introduces what the slot interrupts.
        ([PARA, LEAD_IN, AD, PARA], []),
        # A paragraph over the slot, a dropped heading, or an ad label kept.
        ([PARA, AD, PARA], []),
        ([PARA, ("heading", False, HEAD[2]), AD, PARA], []),
        ([PARA, HEAD, ("ad", True, "Advertisement"), PARA], []),
    ],
)
def test_ad_headings(rows: list[tuple[str, bool, str]], found: list[int]) -> None:
    kept = [row[1] for row in rows]
    headings = [row[0] == "heading" for row in rows]
    ads = [row[0] == "ad" for row in rows]
    texts = [row[2] for row in rows]
    assert ad_headings(kept, headings, ads, texts) == found
