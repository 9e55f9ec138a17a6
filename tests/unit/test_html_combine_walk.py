"""The HTML path's walk from trafilatura's reading out to the page lines around it, and where the walk stops."""

from __future__ import annotations

import pytest

from newsdrop.text.combine import about_the_article, extend_at_edges
from newsdrop.text.main_edits import bare_key
from tests.unit.combine_fixtures import AFTER_STORY, FEATURE, MENU, SHARE, STORY, TEASERS


@pytest.mark.parametrize(
    ("extracted", "page", "kept", "expected"),
    [
        # A feature cut after its second paragraph: the page's next four kept paragraphs continue it.
        (FEATURE[:2], [MENU, *FEATURE, SHARE], FEATURE, FEATURE),
        # Fewer than four kept lines below the reading are the boxes after a story: they stay out.
        (STORY, [MENU, *STORY, *AFTER_STORY, SHARE], [*STORY, *AFTER_STORY], STORY),
        (STORY[:2], [MENU, *STORY, SHARE], STORY, STORY[:2]),
        # Four of them below are the story's second half, even when a box follows them.
        (FEATURE[:2], [*FEATURE, *AFTER_STORY[:1]], [*FEATURE, *AFTER_STORY[:1]], [*FEATURE, AFTER_STORY[0]]),
        # The opening paragraph above the extracted span joins it, however short the run above.
        (STORY[1:], [MENU, *STORY, SHARE], STORY, STORY),
        # A line the page cleaner dropped stops the walk: what lies beyond it stays out.
        (STORY[:2], [*STORY[:2], TEASERS[0], *STORY[2:]], STORY, STORY[:2]),
        # Kept by the page cleaner but not prose (a menu item): not added.
        (STORY[:2], [MENU, *STORY[:2]], [MENU, *STORY[:2]], STORY[:2]),
        # The page prints the story again in one block below it: that second printing is not added.
        (STORY[:2], [*STORY[:2], " ".join(STORY[:2])], [*STORY[:2], " ".join(STORY[:2])], STORY[:2]),
        # A paragraph quoting a few words of the story is still added.
        (
            STORY[1:],
            [f"{STORY[0]} {STORY[1][:20]}", *STORY[1:]],
            [f"{STORY[0]} {STORY[1][:20]}", *STORY[1:]],
            [f"{STORY[0]} {STORY[1][:20]}", *STORY[1:]],
        ),
        # A gap inside the span is not filled: only the edges grow.
        ([STORY[0], STORY[3]], STORY, STORY, [STORY[0], STORY[3]]),
        # Nothing of the extracted text on the page: unchanged.
        (
            ["Only in the markup, never printed as a line of its own here."],
            STORY,
            STORY,
            ["Only in the markup, never printed as a line of its own here."],
        ),
    ],
)
def test_page_lines_right_above_and_below_the_extracted_span_join_it(
    extracted: list[str], page: list[str], kept: list[str], expected: list[str]
) -> None:
    assert extend_at_edges(extracted, page, frozenset(kept)) == expected


CAPTION = (
    "The harbour wall after the January storm, seen from the promenade on Monday morning by our photographer."
)


@pytest.mark.parametrize(
    ("extracted", "page", "captions", "expected"),
    [
        # The lead picture's caption right above the story: the walk stops at it.
        (STORY, [MENU, CAPTION, *STORY], [CAPTION], STORY),
        (STORY[1:], [MENU, CAPTION, *STORY], [CAPTION], STORY),
        # ... and the opening paragraph beyond it stays out too.
        (STORY[1:], [STORY[0], CAPTION, *STORY[1:]], [CAPTION], STORY[1:]),
        # Caption keys match whatever the case and punctuation (``bare_key``).
        (STORY, [MENU, CAPTION, *STORY], [CAPTION.upper().replace(",", "")], STORY),
        # Not marked as a caption, the same prose line joins the story.
        (STORY, [MENU, CAPTION, *STORY], [], [CAPTION, *STORY]),
        (STORY[1:], [STORY[0], CAPTION, *STORY[1:]], [], [STORY[0], CAPTION, *STORY[1:]]),
    ],
)  # fmt: skip
def test_a_caption_the_markup_marks_stops_the_walk_above_the_story(
    extracted: list[str], page: list[str], captions: list[str], expected: list[str]
) -> None:
    kept = frozenset([CAPTION, *STORY])
    keys = frozenset(bare_key(caption) for caption in captions)
    assert extend_at_edges(extracted, page, kept, keys) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # A <figcaption>'s lines (a block inside it starts another) and an <img>'s alt text, spaces collapsed.
        ("<figure><img src='a.jpg' alt=' The  wall '><figcaption>Storm damage <p>Photo: Herald</p></figcaption>"
         "</figure><p>Story text.</p>", {"The wall", "Storm damage", "Photo: Herald"}),
        # An empty alt text and the story's paragraphs are no captions.
        ("<img src='a.jpg' alt=''><p>Story text.</p>", set()),
        # Nor is an image inside a skipped element (a <noscript> copy of it).
        ("<noscript><img src='a.jpg' alt='Copy'></noscript><p>Story text.</p>", set()),
    ],
)  # fmt: skip
def test_the_page_collector_reads_the_captions_the_markup_marks(html: str, expected: set[str]) -> None:
    from newsdrop.text.html_page import collect

    assert collect(html).captions == expected


AD = "Advertisement"
BOX = ["Read more", "Harbour town plans a new ferry link to the islands"]


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # An ad's label the page prints over every ad: the walk steps over it and the story's rest joins.
        ([*FEATURE[:2], AD, *FEATURE[2:4], AD, *FEATURE[4:], SHARE], FEATURE),
        # A teaser box of label and headline (3 lines at most, 12 words each), its label printed twice.
        ([*BOX, *FEATURE[:2], *BOX, *FEATURE[2:], SHARE], FEATURE),
        # A label printed once heads a box under the story ("Related coverage"): the walk stops at it.
        ([*FEATURE[:2], "Related coverage", *FEATURE[2:], SHARE], FEATURE[:2]),
        # A slot of more than three lines is no slot.
        ([*FEATURE[:2], AD, AD, AD, MENU, *FEATURE[2:], AD], FEATURE[:2]),
        # Nor a line of more than twelve words the witness dropped (a teaser's summary).
        ([*FEATURE[:2], AD, TEASERS[0], *FEATURE[2:], AD], FEATURE[:2]),
        # The slot's lines stay out; after the story's last paragraph a label joins nothing.
        ([*FEATURE[:2], AD, *FEATURE[2:], AD], FEATURE),
    ],
)
def test_the_walk_below_steps_over_an_ads_or_teasers_slot_between_paragraphs(
    page: list[str], expected: list[str]
) -> None:
    assert extend_at_edges(FEATURE[:2], page, frozenset(FEATURE)) == expected


def test_the_walk_above_steps_over_no_slot() -> None:
    page = [FEATURE[0], AD, *FEATURE[1:], AD]
    assert extend_at_edges(FEATURE[1:], page, frozenset(FEATURE)) == FEATURE[1:]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a label that names the article over its facts, and who may read it
        ("Über dieses Thema berichtet: BR24 im Radio am 26.08.2024 um 06:00 Uhr.", True),
        ("Dieses Thema im Programm: Das Radio | Nachrichten | 28. April 2023 | 10:00 Uhr", True),
        ("You have full access to this article via your institution.", True),
        ("Vous avez accès à cet article grâce à votre abonnement.", True),
        # where the story first appeared credits its source: no notice
        ("This post originally appeared on the Coast News.", False),
        ("This article is a joint publication of the Coast News and the Harbour Times.", False),
        # a story's sentence that names its topic, and a story's opening
        ("Dieses Thema beschäftigt die Politik seit vielen Jahren: der Streit um die Rente.", False),
        (STORY[0], False),
        # longer than a notice
        ("You have full access to this article " + "and more " * 15 + "today.", False),
    ],
)
def test_about_the_article(text: str, expected: bool) -> None:
    assert about_the_article(text) is expected


NOTICE = "Über dieses Thema berichtet: Das Radio am 26.08.2024 um 06:00 Uhr."
CONSENT = "I would like to be emailed about offers, events and updates from the Coast News. Read our privacy notice."


@pytest.mark.parametrize(
    ("extracted", "page", "expected"),
    [
        # the site's notice about the article right above the story: the walk stops at it
        (STORY, [MENU, NOTICE, *STORY], STORY),
        (STORY[1:], [MENU, STORY[0], NOTICE, *STORY[1:]], STORY[1:]),
        # below the opening paragraph the walk added, the story joins as before
        (STORY[1:], [MENU, NOTICE, *STORY], STORY),
        # a newsletter box's consent line in its notice words stops it too
        (STORY, [MENU, CONSENT, *STORY], STORY),
        (STORY[1:], [MENU, CONSENT, *STORY], STORY),
    ],
)
def test_a_notice_about_the_article_stops_the_walk_above_the_story(
    extracted: list[str], page: list[str], expected: list[str]
) -> None:
    assert extend_at_edges(extracted, page, frozenset([NOTICE, CONSENT, *STORY])) == expected


DEK = "The town's top picks for the harbour festival, the regatta and the fish market this month."


@pytest.mark.parametrize(
    ("extracted", "page", "expected"),
    [
        # The summary under the headline, printed once: the walk above takes it in as the opening paragraph.
        (STORY, [MENU, DEK, *STORY], [DEK, *STORY]),
        # Printed again as the lead picture's caption below it: the page's summary, not a paragraph; out.
        (STORY, [MENU, DEK, SHARE, DEK, *STORY], STORY),
        # ... and the walk stops there: the story's opening paragraph above it stays out too.
        (STORY[1:], [STORY[0], DEK, DEK, *STORY[1:]], STORY[1:]),
        # Printed twice but not above the reading: the walk above goes on to the opening paragraph.
        (STORY[1:], [*STORY, DEK, SHARE, DEK], STORY),
    ],
)
def test_the_walk_above_stops_at_a_line_the_page_prints_twice(
    extracted: list[str], page: list[str], expected: list[str]
) -> None:
    assert extend_at_edges(extracted, page, frozenset([DEK, *STORY])) == expected
