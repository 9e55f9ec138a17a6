"""main_tail.without_witness_tail: the readers' comments and teaser cards the extractor read on into under the story."""

from __future__ import annotations

import pytest

from newsdrop.text.main_edits import bare_key
from newsdrop.text.main_tail import without_witness_tail

_STORY = [
    "The council approved the harbour plan on Monday after a long debate.",
    "Work on the new wall is to start in the spring and last two years.",
]
_COMMENT = "The council promised the same plan two years ago and nothing happened then either."
_PITCH = "Sign up for our free weekly newsletter to get the latest stories, every Friday morning."
_HEADLINE = "Bridge repairs will close the river road until May"
_SUMMARY = "Drivers face a long detour while the old bridge gets new steel beams."
_HEADLINE2 = "School board picks a new head teacher for the town"
_SUMMARY2 = "The board chose a teacher from the next county after a month of interviews."


@pytest.mark.parametrize(
    ("main_lines", "comments", "expected"),
    [
        # the witness read the line under the story as a reader's comment: it and what follows go
        ([*_STORY, _COMMENT, "Sam says:"], {_COMMENT, "Sam says:"}, _STORY),
        # ... before a newsletter box above them, which is then the last lines and goes as a notice box (with the
        # long comment under it, the box would be no box: too long a line)
        ([*_STORY, _PITCH, _COMMENT * 4], {_COMMENT * 4}, _STORY),
        # a line the witness kept is the story's, whatever else it says: nothing above it goes
        ([_STORY[0], _COMMENT, _STORY[1]], {_COMMENT}, [_STORY[0], _COMMENT, _STORY[1]]),
        # no comments read by the witness: the tail stays (a paragraph among the lines under the story)
        ([*_STORY, _COMMENT], set(), [*_STORY, _COMMENT]),
    ],
)  # fmt: skip
def test_comments_under_the_story(main_lines: list[str], comments: set[str], expected: list[str]) -> None:
    kept = frozenset(_STORY)
    assert without_witness_tail(main_lines, kept, frozenset(), True, frozenset(comments)) == expected


def test_comments_stay_on_named_markup() -> None:
    # Markup that names its elements: the witness's section may open at a "Comments" button between paragraphs.
    lines = [*_STORY, _COMMENT, "Sam says:"]
    found = without_witness_tail(
        lines, frozenset(_STORY), frozenset(), False, frozenset({_COMMENT, "Sam says:"})
    )
    assert found == lines


_PAGE = [*_STORY, _HEADLINE, _SUMMARY, _HEADLINE2, _SUMMARY2]
_LINKS = {_HEADLINE, _HEADLINE2}


@pytest.mark.parametrize(
    ("main_lines", "page_lines", "link_texts", "expected"),
    [
        # a list of teaser cards under the story, their headline links dropped by the extractor: they go
        ([*_STORY, _SUMMARY, _SUMMARY2], _PAGE, _LINKS, _STORY),
        # ... and with the first headline when the extractor kept the cards whole
        ([*_STORY, _HEADLINE, _SUMMARY, _HEADLINE2, _SUMMARY2], _PAGE, _LINKS, _STORY),
        # one card is no list: a line under a related story's link is as often the story's last paragraph
        ([*_STORY, _SUMMARY], [*_STORY, _HEADLINE, _SUMMARY], {_HEADLINE}, [*_STORY, _SUMMARY]),
        # summaries under half the lines from the first on: the story's own paragraphs under a related link
        (
            [*_STORY, _SUMMARY, _SUMMARY2, _COMMENT, _PITCH, _STORY[0]],
            _PAGE,
            _LINKS,
            [*_STORY, _SUMMARY, _SUMMARY2, _COMMENT, _PITCH, _STORY[0]],
        ),
        # a line the page also prints under no link is no teaser's summary (one printing is the story's)
        (
            [*_STORY, _SUMMARY, _SUMMARY2],
            [*_PAGE, "Read more", _SUMMARY],
            _LINKS,
            [*_STORY, _SUMMARY, _SUMMARY2],
        ),
        # links of two words over them are a section's or an author's name, no headlines
        (
            [*_STORY, _SUMMARY, _SUMMARY2],
            [*_STORY, "Local news", _SUMMARY, "Town hall", _SUMMARY2],
            {"Local news", "Town hall"},
            [*_STORY, _SUMMARY, _SUMMARY2],
        ),
    ],
)  # fmt: skip
def test_teaser_cards_under_the_story(
    main_lines: list[str], page_lines: list[str], link_texts: set[str], expected: list[str]
) -> None:
    kept = frozenset(_STORY)
    links = frozenset(bare_key(text) for text in link_texts)
    found = without_witness_tail(main_lines, kept, frozenset(), True, frozenset(), page_lines, links)
    assert found == expected
    # Markup that names its elements: the extractor's cues already dropped the cards.
    assert (
        without_witness_tail(main_lines, kept, frozenset(), False, frozenset(), page_lines, links)
        == main_lines
    )


_NOTICE = "Newsletter | Three times a week."
_FOOTER = [
    f"Our company has offices in {city} and sells its data to banks there." for city in ("Paris", "Oslo")
]


@pytest.mark.parametrize(
    ("main_lines", "expected"),
    [
        # a notice over more than a box's lines is no box, but a link list's heading under it still cuts the rest
        ([*_STORY, _NOTICE, *_FOOTER * 6, "More from the Herald", _SUMMARY], [*_STORY, _NOTICE, *_FOOTER * 6]),
        # ... and without one the tail stays
        ([*_STORY, _NOTICE, *_FOOTER * 6], [*_STORY, _NOTICE, *_FOOTER * 6]),
        # a notice's short box goes as before
        ([*_STORY, _NOTICE, "Sign up"], _STORY),
    ],
)  # fmt: skip
def test_a_notice_over_no_box_leaves_the_walk_going(main_lines: list[str], expected: list[str]) -> None:
    assert without_witness_tail(main_lines, frozenset(_STORY), frozenset()) == expected


_LABELS = ["About the author", "Contact us", "Toronto, ON", "Privacy"]


@pytest.mark.parametrize(
    ("main_lines", "after", "unnamed", "expected"),
    [
        # markup naming nothing: four lines under the witness's last kept one, half of them labels, go
        ([*_STORY, _LABELS[0], _FOOTER[0], _LABELS[1], _FOOTER[1]], set(), True, _STORY),
        # ... not on named markup
        ([*_STORY, _LABELS[0], _FOOTER[0], _LABELS[1], _FOOTER[1]], set(), False,
         [*_STORY, _LABELS[0], _FOOTER[0], _LABELS[1], _FOOTER[1]]),
        # three lines are too few to be the layout cell's rest (a crosshead over the story's last paragraphs)
        ([*_STORY, _LABELS[0], _FOOTER[0], _FOOTER[1]], set(), True, [*_STORY, _LABELS[0], _FOOTER[0], _FOOTER[1]]),
        # one label in four lines: paragraphs the witness dropped, not the cell's rest
        ([*_STORY, _LABELS[0], _FOOTER[0], _FOOTER[1], _SUMMARY], set(), True,
         [*_STORY, _LABELS[0], _FOOTER[0], _FOOTER[1], _SUMMARY]),
        # from a line the witness put past the story's end, two labels in five lines suffice
        ([*_STORY, _SUMMARY, _FOOTER[0], _LABELS[1], _LABELS[2], _FOOTER[1]], {_SUMMARY}, True, _STORY),
        # ... but not without that line (two labels in five under the last kept line)
        ([*_STORY, _SUMMARY, _FOOTER[0], _LABELS[1], _LABELS[2], _FOOTER[1]], set(), True,
         [*_STORY, _SUMMARY, _FOOTER[0], _LABELS[1], _LABELS[2], _FOOTER[1]]),
    ],
)  # fmt: skip
def test_the_rest_of_the_layout_cell(
    main_lines: list[str], after: set[str], unnamed: bool, expected: list[str]
) -> None:
    assert without_witness_tail(main_lines, frozenset(_STORY), frozenset(after), unnamed) == expected
