"""Story lines the region's edge skipped: paragraphs above a closing share row, crossheads between the header's paragraphs."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from newsdrop.text.cleaner import clean_article
from newsdrop.text.cleaner.lead_under import header_holes, skipped_story
from tests.unit.cleaner_fixtures import HEADLINE, LEAD, SECOND, STANDFIRST


@dataclass
class Skipped:
    """The fields ``skipped_story`` reads of a cleaner line."""

    text: str
    role: str | None = "boilerplate"
    rule: str | None = "header_chrome"
    prose: bool = True


SHARE = Skipped("Share this:", rule="share_prompt", prose=False)
FILED = Skipped("Filed under harbour, storms and coastal towns.", rule="line_model:prose_above")


@pytest.mark.parametrize(
    ("lines", "region_start", "start", "expected"),
    [
        # The story's paragraphs above a share row, "Filed under" below it: the skipped prose goes back
        # (the lines the model already kept stay as they are).
        (
            [Skipped(LEAD, role="body", rule="line_model:ends_sentence"), Skipped(SECOND), SHARE, FILED],
            0,
            3,
            [1],
        ),
        # A standfirst above the byline and a longer story below it: the skip stands.
        (
            [
                Skipped(STANDFIRST),
                Skipped("By Jane Doe", role="byline", rule="byline", prose=False),
                Skipped(LEAD, role="body", rule="article_region"),
                Skipped(SECOND, role="body", rule="article_region"),
            ],
            0,
            2,
            [],
        ),
        # Nothing skipped, or a skipped line another rule claimed.
        ([Skipped(LEAD), Skipped(SECOND), SHARE, FILED], -1, 3, []),
        ([Skipped(LEAD, rule="newsletter_form"), SHARE, FILED], 0, 2, []),
    ],
)
def test_skipped_story(lines: list[Skipped], region_start: int, start: int, expected: list[int]) -> None:
    assert skipped_story(lines, region_start, start) == expected


def test_clean_article_keeps_a_story_above_its_closing_share_row() -> None:
    # The rules alone (the shipped model happens to keep these paragraphs itself): the region's start skips
    # the two paragraphs above the share row as a standfirst, and the stage gives them back.
    closing = "Filed under harbour, storms and coastal towns, and the rest of the news today."
    text = "\n\n".join(["Home | World | Sport", HEADLINE, LEAD, SECOND, "Share this:", "Facebook", closing])
    decided = {line.text: line.rule for line in clean_article(text, model=None).lines}
    assert decided[LEAD] == decided[SECOND] == "skipped_story"


# Header lines: T the model took a paragraph back from the header, h a header_chrome line, K a region line,
# s a share row.
_HEADER_KINDS = {
    "T": Skipped(LEAD, role="body", rule="line_model:ends_sentence"),
    "h": Skipped("Further cell plants in the works", prose=False),
    "K": Skipped(SECOND, role="body", rule="article_region"),
    "s": Skipped("Share on Twitter", rule="share_prompt", prose=False),
}


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # Crossheads between the opening paragraphs the model took back from the header.
        ("ThThTK", [1, 3]),
        # Two header lines in a row are a widget; a share row is no crosshead.
        ("ThhT", []),
        ("TsT", []),
        # Next to a line the region kept, not the model: the region's own edge, left to the rules.
        ("ThK", []),
        ("hT", []),
    ],
)
def test_header_holes(page: str, expected: list[int]) -> None:
    assert header_holes([_HEADER_KINDS[kind] for kind in page], len(page)) == expected


def test_header_holes_stand_above_the_region() -> None:
    # Both paragraphs around the hole are header lines, above the region's start.
    lines = [_HEADER_KINDS[kind] for kind in "ThThT"]
    assert header_holes(lines, 4) == [1]
    assert header_holes(lines, 2) == []
