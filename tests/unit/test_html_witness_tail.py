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


@pytest.mark.parametrize(
    ("main_lines", "comments", "expected"),
    [
        # the witness read the line under the story as a reader's comment: it and what follows go
        ([*_STORY, _COMMENT, "Sam says:"], {_COMMENT, "Sam says:"}, _STORY),
        # ... before a newsletter box above them, which is then the last lines and goes as a notice box
        ([*_STORY, _PITCH, _COMMENT], {_COMMENT}, _STORY),
        # a line the witness kept is the story's, whatever else it says: nothing above it goes
        ([_STORY[0], _COMMENT, _STORY[1]], {_COMMENT}, [_STORY[0], _COMMENT, _STORY[1]]),
        # no comments read by the witness: the tail stays (a paragraph among the lines under the story)
        ([*_STORY, _COMMENT], set(), [*_STORY, _COMMENT]),
    ],
)  # fmt: skip
def test_comments_under_the_story(main_lines: list[str], comments: set[str], expected: list[str]) -> None:
    kept = frozenset(_STORY)
    assert without_witness_tail(main_lines, kept, frozenset(), False, frozenset(comments)) == expected


@pytest.mark.parametrize(
    ("main_lines", "page_lines", "link_texts", "expected"),
    [
        # a teaser's summary under the story, its headline link dropped by the extractor: it goes
        ([*_STORY, _SUMMARY], [*_STORY, _HEADLINE, _SUMMARY], {_HEADLINE}, _STORY),
        # ... and with its headline when the extractor kept that right above
        ([*_STORY, _HEADLINE, _SUMMARY], [*_STORY, _HEADLINE, _SUMMARY], {_HEADLINE}, _STORY),
        # a line the page also prints under no link is no teaser's summary (one printing is the story's)
        (
            [*_STORY, _SUMMARY],
            [*_STORY, _SUMMARY, "Read more", _HEADLINE, _SUMMARY],
            {_HEADLINE},
            [*_STORY, _SUMMARY],
        ),
        # a link of two words over it is a section's or an author's name, no headline
        ([*_STORY, _SUMMARY], [*_STORY, "Local news", _SUMMARY], {"Local news"}, [*_STORY, _SUMMARY]),
        # a line the witness kept is the story's even under a headline link (a related link between paragraphs)
        (
            [_STORY[0], _SUMMARY, _STORY[1]],
            [_STORY[0], _HEADLINE, _SUMMARY, _STORY[1]],
            {_HEADLINE},
            [_STORY[0], _SUMMARY, _STORY[1]],
        ),
    ],
)  # fmt: skip
def test_teaser_cards_under_the_story(
    main_lines: list[str], page_lines: list[str], link_texts: set[str], expected: list[str]
) -> None:
    kept = frozenset(_STORY)
    links = frozenset(bare_key(text) for text in link_texts)
    found = without_witness_tail(main_lines, kept, frozenset(), False, frozenset(), page_lines, links)
    assert found == expected
