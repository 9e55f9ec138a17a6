"""The HTML path's combination: a single long paragraph trafilatura skipped between two of its lines joins it."""

from __future__ import annotations

import pytest

from newsdrop.text.combine import extend_at_edges
from newsdrop.text.main_edits import bare_key
from tests.unit.combine_fixtures import STORY

# A paragraph of 31 words: long enough to join on the witness's word alone.
LONG = (
    "The contract for the first phase went to a firm from the next county, which promised to hire local "
    "workers and to keep the quay open for the ferry on weekdays."
)
SECOND = (
    "Fishermen said they would watch the work closely, since the old wall had sheltered their boats for more "
    "than a century and nobody wanted to lose a season of catches."
)
# The same paragraph as the page prints it, with soft hyphens the reading's text dropped.
SHY = LONG.replace("contract", "con\u00adtract").replace("promised", "prom\u00adised")


@pytest.mark.parametrize(
    ("extracted", "page", "kept", "expected"),
    [
        # Skipped between two of the reading's lines, kept by the witness: the paragraph joins in its place.
        (STORY, [*STORY[:2], LONG, *STORY[2:]], [*STORY, LONG], [*STORY[:2], LONG, *STORY[2:]]),
        # The witness dropped it (a teaser's summary, a box): it stays out.
        (STORY, [*STORY[:2], LONG, *STORY[2:]], STORY, STORY),
        # No sentence ends it (a list of links run together): out.
        (STORY, [*STORY[:2], LONG[:-1], *STORY[2:]], [*STORY, LONG[:-1]], STORY),
        # A story-sized line of under 25 words still needs the other reading's word (none here): out.
        (STORY[:2] + STORY[3:], STORY, STORY, STORY[:2] + STORY[3:]),
        # Two page lines in a row skipped: a box, not one lost paragraph; out.
        (STORY, [*STORY[:2], LONG, SECOND, *STORY[2:]], [*STORY, LONG, SECOND], STORY),
        # The reading holds the paragraph already; the page's printing with soft hyphens is not a second one.
        ([STORY[0], LONG, STORY[1]], [STORY[0], SHY, STORY[1]], [STORY[0], SHY, STORY[1]], [STORY[0], LONG, STORY[1]]),
    ],
)  # fmt: skip
def test_a_long_paragraph_the_reading_skipped_between_its_lines_joins_it(
    extracted: list[str], page: list[str], kept: list[str], expected: list[str]
) -> None:
    assert extend_at_edges(extracted, page, frozenset(kept)) == expected


def test_a_marked_caption_between_paragraphs_stays_out() -> None:
    page = [*STORY[:2], LONG, *STORY[2:]]
    captions = frozenset({bare_key(LONG)})
    assert extend_at_edges(STORY, page, frozenset([*STORY, LONG]), captions) == STORY


# Another story's headline the reading kept between the story's paragraphs, a link on the page.
HEADLINE = "Harbour board names a new chief engineer"


@pytest.mark.parametrize(
    ("page", "links", "joins"),
    [
        # The paragraph sits right over a headline link: that teaser's summary, out.
        ([STORY[0], LONG, HEADLINE, *STORY[1:]], [HEADLINE], False),
        # The same line is no link: the paragraph joins.
        ([STORY[0], LONG, HEADLINE, *STORY[1:]], [], True),
        # Right under a headline link the paragraph is the story's (a related link set between two paragraphs).
        ([STORY[0], HEADLINE, LONG, *STORY[1:]], [HEADLINE], True),
        # A link of two words over it is a label, no headline: the paragraph joins.
        ([STORY[0], LONG, "Harbour board", *STORY[1:]], ["Harbour board"], True),
    ],
)
def test_a_lost_paragraph_over_a_headline_link_is_a_teasers_summary(
    page: list[str], links: list[str], joins: bool
) -> None:
    extracted = [line for line in page if line != LONG]
    keys = frozenset(bare_key(link) for link in links)
    got = extend_at_edges(extracted, page, frozenset([*page]), links=keys)
    assert got == (page if joins else extracted)


AD = "Advertisement"


@pytest.mark.parametrize(
    ("page", "ads", "joins"),
    [
        # An ad slot's labels (witness-dropped as advertisement) between the reading's line and the paragraph.
        ([*STORY[:2], AD, AD, LONG, *STORY[2:]], [AD], True),
        # The slot under the paragraph, before the reading's next line: the same.
        ([*STORY[:2], LONG, AD, *STORY[2:]], [AD], True),
        # Slots on both sides.
        ([*STORY[:2], AD, LONG, AD, *STORY[2:]], [AD], True),
        # The same short line is no advertisement label (a picture's credit over a caption): out.
        ([*STORY[:2], AD, AD, LONG, *STORY[2:]], [], False),
        # More than three slot lines: no slot between two paragraphs; out.
        ([*STORY[:2], AD, AD, AD, AD, LONG, *STORY[2:]], [AD], False),
        # A second skipped paragraph beside the slot: a box of its own, out.
        ([*STORY[:2], AD, SECOND, LONG, *STORY[2:]], [AD], False),
    ],
)
def test_a_lost_paragraph_beside_an_ad_slot_joins_it(page: list[str], ads: list[str], joins: bool) -> None:
    extracted = [line for line in page if line not in (AD, LONG, SECOND)]
    got = extend_at_edges(extracted, page, frozenset([*STORY, LONG, SECOND]), ad_labels=frozenset(ads))
    expected = [line for line in page if line != AD] if joins else extracted
    assert got == expected
