"""A comment opener ends the story only when a comment thread, not the story's next paragraphs, follows it."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.lines import _mark_comment_section, _read_lines
from tests.unit.cleaner_fixtures import STORY

# The story's paragraphs above the opener (over 800 characters: a bare "Email" field can open a section).
ABOVE = [f"{paragraph[:-1]}, the first part of the report said." for paragraph in STORY]
COMMENT = (
    "I have sailed out of this harbour for years and the old wall never once kept the swell out, about time."
)
REPLY = (
    "We were told the same thing ten years ago, and the work stopped after the first winter, so let us wait."
)


def _first_in_section(*lines: str) -> str | None:
    """The text of the first line the comment section took, if any."""
    read = _read_lines("\n\n".join(lines), frozenset())
    _mark_comment_section(read)
    return next((line.text for line in read if line.rule == "comment_section"), None)


@pytest.mark.parametrize(
    ("below", "opens"),
    [
        # A thread's rows come before its comments (which read like paragraphs): names, timestamps, the form.
        (["Sailor42 says:", COMMENT, REPLY], True),
        (["March 3, 2024 at 6:34 am", COMMENT, REPLY], True),
        (["Name *", "Website", COMMENT, REPLY], True),
        (["Reply", COMMENT, REPLY], True),
        # Neither a thread nor the story: site chrome under the form stays the comment section.
        (["Most read", "Harbour Tales", "Coast Guide"], True),
        # Teaser headlines (Title Case, cut short) are no story paragraphs.
        (
            ["Storm Hits The Old Harbour Wall Again Tonight!", "Fleet Leaves Port As The Wind Drops Again!"],
            True,
        ),
        (
            ["Storm damage to the old harbour wall is worse than...", "Fleet leaves the port as the wind..."],
            True,
        ),
        # A site notice between the counter and the form is no story: the thread's form comes in the scan.
        (
            [
                "Advertise with the most visited news site in the country, we offer flexible packages.",
                "This article is the copyrighted property of the site and may not be reprinted without leave.",
                "Leave a Reply",
            ],
            True,
        ),
        # The story's next paragraphs: the "opener" was a newsletter box's field or a sentence inside the story.
        (["Sign Up", STORY[4], STORY[5], STORY[6]], False),
        ([STORY[4], STORY[5]], False),
    ],
)
def test_an_opener_ends_the_story_unless_the_storys_paragraphs_come_first(
    below: list[str], opens: bool
) -> None:
    first = _first_in_section(*ABOVE, "Email", *below)
    assert (first is not None) is opens


def test_a_story_sentence_that_matches_the_moderation_rule_opens_no_section() -> None:
    sentence = "She took down the abusive comments from her page, which broke the site's posting guidelines."
    assert _first_in_section(*ABOVE, sentence, *STORY[4:]) is None
    assert _first_in_section(*ABOVE, sentence, "Sailor42 says:", COMMENT) is not None


# A header's prose over the story (a newsletter box's terms): enough that a call to comment under it opens.
HEADER = [
    f"{paragraph[:-1]}, as the newsletter's terms and the site's data notice both say." for paragraph in STORY
]


@pytest.mark.parametrize(
    ("between", "opens_at_second"),
    [
        # The story between the two printings of the call (more prose than above the first): the first was the
        # share row's link over the story; the section opens under the second.
        ([*ABOVE, *STORY], True),
        # A comment or two between them (less prose than above the first): the first opens the section.
        ([COMMENT, REPLY], False),
    ],
)
def test_a_call_to_comment_printed_again_below_the_story_opens_at_its_second_printing(
    between: list[str], opens_at_second: bool
) -> None:
    first = _first_in_section(
        *HEADER,
        "Write a comment",
        "Share this article:",
        *between,
        "Write a comment",
        "Share this article:",
        "Most read",
        "Harbour Tales",
    )
    assert (first == "Harbour Tales") is opens_at_second
