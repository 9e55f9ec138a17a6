"""An extractor's main content: the after-model stages that name a kind of line run on it too (``main_after``)."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner import clean_article
from tests.unit.cleaner_fixtures import LEAD, SECOND

THIRD = "The harbour board said the new wall would protect the old town from the winter storms for decades."
PAYWALL = "Il vous reste 57% de cet article à lire. La suite est réservée aux abonnés."
PITCH = ["If you value our journalism, support us with a subscription today.", "You can cancel at any time."]
BIO = "Jane Doe is a reporter at the paper. She covers the coast and sails in her spare time."


@pytest.mark.parametrize(
    ("lines", "dropped"),
    [
        # a media player's dialog between two paragraphs
        ([LEAD, SECOND, "This is a modal window.", THIRD], {"This is a modal window.": "player_notice"}),
        # a reading time, the site's widget
        ([LEAD, "4 min read", SECOND, THIRD], {"4 min read": "aside"}),
        # a picture's caption closed by its credit, in the story's flow
        (
            [LEAD, SECOND, "Children of parents who are in the US illegally. AP Photo/Eric Gay, File", THIRD],
            {"Children of parents who are in the US illegally. AP Photo/Eric Gay, File": "closing_credit"},
        ),
        # the paywall's notice closing the text
        ([LEAD, SECOND, THIRD, PAYWALL], {PAYWALL: "paywall_cut"}),
        # the writer's bio closing the story
        ([LEAD, SECOND, THIRD, BIO], {BIO: "author_bio"}),
        # a "Related" label set between the paragraphs
        ([LEAD, SECOND, "Mehr zum Thema", "Neue Mauer für den Hafen von Kiel", THIRD], {"Mehr zum Thema": "related_label", "Neue Mauer für den Hafen von Kiel": "related_link"}),
        # the site's pitch to the reader closing the story
        ([LEAD, SECOND, THIRD, *PITCH], dict.fromkeys(PITCH, "pitch_tail")),
        # a sentence the copyright-footer rule takes, inside the story: the story's (its footer closes the text)
        ([LEAD, "This was choice, powered by digital advertising, and premised on user experience.", SECOND], {}),
        ([LEAD, SECOND, "Powered by WordPress. All rights reserved."], {"Powered by WordPress. All rights reserved.": "copyright_footer"}),
        # a lead-in that says "powered by" over the story's code: the story's; a short one closing the text is the footer
        ([LEAD, SECOND, "And its test suite, powered by Mocha and Chai:", "- var expect = chai.expect;", THIRD], {}),
        ([LEAD, SECOND, THIRD, "Powered by WordPress:"], {"Powered by WordPress:": "copyright_footer"}),
        # a list of contributors with their handles in brackets: the story's; a caption's credit in brackets is not
        ([LEAD, SECOND, "- Jane Doe [:jdoe]", "- John Roe [@jroe]", THIRD], {}),
        ([LEAD, SECOND, "The harbour wall at dawn [Photo: Jane Doe]", THIRD], {"The harbour wall at dawn [Photo: Jane Doe]": "photo_caption"}),
        ([LEAD, SECOND, "- The harbour wall at dawn [Jane Doe]", THIRD], {"- The harbour wall at dawn [Jane Doe]": "photo_caption"}),
        # a player's text-track menu in the story's flow
        ([LEAD, SECOND, "- subtitles off, selected", THIRD], {"- subtitles off, selected": "player_notice"}),
        # the site's trademark footer closing the text; its rights notice in the main content is left (a story's own)
        ([LEAD, SECOND, THIRD, "Linux is a registered trademark of Linus Torvalds"], {"Linux is a registered trademark of Linus Torvalds": "legal_notice"}),
        ([LEAD, SECOND, THIRD, "This material may not be published or redistributed."], {}),
        # the comment area's log-in prompt closing the text
        ([LEAD, SECOND, THIRD, "Du musst dich EINLOGGEN um einen Kommentar abzugeben."], {"Du musst dich EINLOGGEN um einen Kommentar abzugeben.": "comment_notice"}),
        # the site's notice on an outdated browser above the story
        (["Your browser is out of date. Please update your browser.", LEAD, SECOND, THIRD], {"Your browser is out of date. Please update your browser.": "browser_notice"}),
        # a story without any of them keeps every line
        ([LEAD, SECOND, THIRD], {}),
    ],
)  # fmt: skip
def test_main_content_lines_of_a_kind_are_dropped_wherever_they_stand(
    lines: list[str], dropped: dict[str, str]
) -> None:
    article = clean_article("\n".join(lines), main_content=True, model=None)
    found = {
        line.text: line.rule for line in article.lines if line.role not in ("body", "subheading", "title")
    }
    assert found == dropped
    for text in lines:
        assert (text in article.body) is (text not in dropped)


_LEAD_IN = "With the new module you can do much more than profiling, here is a short list:"
_ITEMS = ["- memory dumps and sampling", "- code coverage"]
_TEASERS = ["Harbour wall to be raised next year", "Storm floods the old town again"]


@pytest.mark.parametrize(
    ("section", "kept"),
    [
        # a section heading that opens with a link-list word, over a lead-in sentence and its list: the story's
        (["More than just profiling", _LEAD_IN, *_ITEMS], True),
        # a link list's heading over other stories' headlines: dropped
        (["More from the coast", *_TEASERS], False),
        # a short line ending in a colon is no lead-in sentence
        (["More stories", "Read these:", *_TEASERS], False),
    ],
)
def test_a_list_under_a_lead_in_sentence_is_the_storys(section: list[str], kept: bool) -> None:
    article = clean_article("\n".join([LEAD, SECOND, *section, THIRD]), main_content=True, model=None)
    body = article.body.split("\n\n")
    assert all((line in body) is kept for line in section[1:])
    assert THIRD in body


@pytest.mark.parametrize(
    "heading", ["More than just profiling", "More than just CPU profiling", "Mehr als nur Profiling"]
)
def test_the_heading_over_a_lead_in_list_is_read_as_no_related_label(heading: str) -> None:
    """The section's heading opens with a link-list word: the related-label stage leaves it to the story."""
    article = clean_article(
        "\n".join([LEAD, SECOND, heading, _LEAD_IN, *_ITEMS, THIRD]), main_content=True, model=None
    )
    assert heading in article.body.split("\n\n")
