"""The cleaner's catastrophe guards: a comment opener above the story, a story of text lines without full stops."""

from __future__ import annotations

from newsdrop.text.cleaner import clean_article
from tests.unit.cleaner_fixtures import STORY

WIDGET = [
    "Members get weekly newsletters with the best stories, deals and expert advice from our editors every week.",
    "Earn badges as you explore news, reviews and guides, and save on gadgets with handpicked member discounts.",
    "Join thousands of readers who share their thoughts and get answers from our community of experts today.",
    "Your membership journey starts here, so keep exploring and earning more rewards as a member of the club.",
    "Unlock instant access to exclusive member features, premium articles and a growing list of member rewards.",
    "Sign up with your email below to instantly access member features, newsletters and exclusive content now.",
]


# A long story: each paragraph again with its part number, so that no line repeats.
LONG_STORY = [
    f"{paragraph[:-1]}, part {part} of the report said." for part in range(3) for paragraph in STORY
]


def _page(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def test_a_story_under_a_sign_up_forms_terms_is_not_taken_for_reader_comments() -> None:
    text = _page(
        "Harbour wall finished two years early | Coast News",
        "Home",
        "News",
        *WIDGET,
        "By submitting your information you agree to the Terms & Conditions and Privacy Policy.",
        "Harbour wall finished two years early",
        "By Jane Reporter",
        *LONG_STORY,
    )
    article = clean_article(text)
    assert all(paragraph in article.body for paragraph in LONG_STORY)
    rules = {line.text: line.rule for line in article.lines}
    assert rules[LONG_STORY[0]] != "comment_section"


def test_real_reader_comments_after_a_short_story_stay_dropped() -> None:
    comments = [
        f"I have sailed out of this harbour for {years} years and the old wall never once kept the swell out, "
        "so this is welcome news for everyone who works on the water here, and about time too."
        for years in range(10, 18)
    ]
    text = _page(
        "Harbour wall finished two years early | Coast News",
        "Harbour wall finished two years early",
        *STORY[:2],
        "Leave a comment",
        *(line for comment in comments for line in ("Reader", comment)),
    )
    article = clean_article(text)
    assert all(paragraph in article.body for paragraph in STORY[:2])
    assert not any(comment in article.body for comment in comments)


def test_a_story_of_list_lines_without_full_stops_is_kept_over_a_stray_sentence() -> None:
    changes = [f"+ Added block number {n} with a smooth and a polished version" for n in range(1, 15)]
    text = _page(
        "Update notes",
        "Home",
        "Archive",
        "Update 1.8: everything new",
        *changes,
        "Posted by the team",
        "Some readers asked when the next update is out, and we will tell you as soon as we know.",
    )
    article = clean_article(text)
    assert sum(change in article.body for change in changes) >= len(changes) - 1
