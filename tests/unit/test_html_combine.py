"""The HTML path's combination of trafilatura's readings with the line cleaner's reading of the page text."""

from __future__ import annotations

import re

import pytest

from newsdrop.models import Hints
from newsdrop.text import html as html_module
from newsdrop.text.combine import about_the_article, agreement, choose_reading, combine, extend_at_edges
from newsdrop.text.html_reading import Readings
from newsdrop.text.main_edits import bare_key

STORY = [
    "The council voted on Tuesday to rebuild the harbour wall after the winter storms damaged it.",
    "Engineers said the work would take two years and cost more than the town had set aside for it.",
    "Residents who spoke at the meeting asked for the promenade to stay open while the crews work.",
    "The mayor said a second vote on the budget would follow in the spring, once the bids are in.",
]
TEASERS = [
    "Local team wins the regional cup after a late goal in extra time at the stadium on Sunday.",
    "Bakery on the high street closes after forty years as the owners retire to the countryside.",
    "New bus timetable starts next month with more evening services to the villages in the valley.",
]


@pytest.mark.parametrize(
    ("text", "other", "expected"),
    [
        ("one two three four five", "one two three four five", 1.0),
        ("one two three four five", "six seven eight nine ten", 0.0),
        # 2 shared shingles of 2 + 5: 2 * 2 / 7.
        ("a b c d e", "a b c d e f g h", 2 * 2 / 7),
        ("", "", 0.0),
        ("short", "short", 1.0),
    ],
)
def test_agreement_is_the_f1_of_the_two_readings_shingles(text: str, other: str, expected: float) -> None:
    assert agreement(text, other) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("readings", "reference", "expected"),
    [
        # The reading that took the teaser list for the story agrees less with the page's reading.
        (["\n".join(TEASERS + STORY[:1]), "\n".join(STORY)], "\n".join(STORY), 1),
        (["\n".join(STORY), "\n".join(STORY + TEASERS)], "\n".join(STORY), 0),
        # Equal agreement: the first reading (trafilatura's default) stays.
        (["\n".join(STORY), "\n".join(STORY)], "\n".join(STORY), 0),
    ],
)
def test_the_reading_closest_to_the_page_cleaners_reading_is_chosen(
    readings: list[str], reference: str, expected: int
) -> None:
    assert choose_reading(readings, reference) == expected


MENU = "Home"
SHARE = "Share this"
# A long feature: trafilatura can stop at a markup boundary after its first paragraphs.
FEATURE = [
    *STORY,
    "Divers inspected the foundations last week and found the old stone in better shape than feared.",
    "The harbour master said fishing boats would moor at the north quay until the work is finished.",
]
# What a page prints right below a story: an author's note and a pitch, prose the page cleaner may keep.
AFTER_STORY = [
    "Jane Doe is a reporter for the Coast News and has covered the town council since the year 2015.",
    "Support local journalism today: become a member and read every story on the site without limits.",
]


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


HEADLINES = ["Local team wins the regional cup", "Bakery closes after forty years", "New bus timetable"]
PAGE_TEXT = "\n".join(["Harbour wall to be rebuilt", MENU, *STORY, "Related", *HEADLINES])
HINTS = Hints(title="Harbour wall to be rebuilt")


def test_combine_prefers_the_reading_that_agrees_with_the_page_text_and_extends_it() -> None:
    teaser_reading = "\n".join([STORY[0], *HEADLINES])
    text = combine(teaser_reading, lambda: "\n".join(STORY[1:]), PAGE_TEXT, HINTS).text
    assert text.split("\n") == STORY


def test_combine_reads_the_second_reading_only_when_it_doubts_the_first() -> None:
    asked: list[bool] = []

    def recall() -> str:
        asked.append(True)
        return "\n".join(STORY)

    assert combine("\n".join(STORY), recall, PAGE_TEXT, HINTS).text.split("\n") == STORY
    assert not asked
    combine("\n".join([STORY[0], *HEADLINES]), recall, PAGE_TEXT, HINTS)
    assert asked


def test_combine_keeps_the_default_reading_when_the_second_is_empty() -> None:
    teaser_reading = [STORY[0], *HEADLINES]
    # The story's other paragraphs lie inside the reading's span on the page, not at its edges: not added.
    assert combine("\n".join(teaser_reading), lambda: "", PAGE_TEXT, HINTS).text.split("\n") == teaser_reading


ARTICLE_PAGE = (
    "<!doctype html><html><head><title>Harbour wall to be rebuilt | Coast News</title></head><body>"
    '<nav><a href="/">Home</a></nav><main><article><h1>Harbour wall to be rebuilt</h1>'
    + "".join(f"<p>{paragraph}</p>" for paragraph in STORY)
    + "</article></main><footer><p>Contact us</p></footer></body></html>"
)


def test_extract_reuses_given_readings_and_keeps_trafilaturas_own_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = html_module.extract(ARTICLE_PAGE)
    assert first.main_content
    assert first.readings is not None
    assert first.extractor_text == first.readings.text

    def refuse(html: str) -> Readings:
        raise AssertionError("trafilatura read the page again")

    monkeypatch.setattr(html_module, "read_with_trafilatura", refuse)
    again = html_module.extract(ARTICLE_PAGE, model=None, readings=first.readings)
    assert again.text == first.text
    assert [line for line in again.text.split("\n") if line][-len(STORY) :] == STORY


def test_extract_reads_the_recall_reading_only_when_the_default_is_in_doubt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def counting(html: str) -> str:
        asked.append(html)
        return ""

    monkeypatch.setattr(html_module, "read_for_recall", counting)
    # trafilatura's default reading is the whole story, which the page cleaner keeps too: no second pass.
    html_module.extract(ARTICLE_PAGE)
    assert not asked
    # A default reading that is only a teaser list agrees little with the page cleaner: the second pass runs.
    teasers = Readings(text="\n".join([*HEADLINES, STORY[0]]))
    found = html_module.extract(ARTICLE_PAGE, readings=teasers)
    assert asked == [ARTICLE_PAGE]
    assert found.readings is not None and found.readings.recall_text == ""


_BODY = "".join(f"<p>{paragraph}</p>" for paragraph in STORY)


@pytest.mark.parametrize(
    "page",
    [
        # og: tags, JSON-LD and a canonical link.
        "<html><head><title>Harbour wall to be rebuilt | Coast News</title>"
        '<meta property="og:title" content="Harbour  wall to be rebuilt &amp; widened">'
        '<meta property="og:site_name" content="@coastnews">'
        '<link rel="canonical" href="https://news.example.org/harbour-wall">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour wall rebuilt",'
        ' "datePublished": "2024-03-05T09:30:00Z", "publisher": {"name": "Coast News"}}</script>'
        f"</head><body><main><article><h1>Harbour wall to be rebuilt</h1>{_BODY}</article></main></body></html>",
        # No metadata tags: the title from <title> or the <h1>, the day printed in the text, no site name.
        "<html><head><title>Harbour wall to be rebuilt</title></head><body><main><article>"
        f"<h1>Harbour wall to be rebuilt</h1><p>Published 12 May 2023</p>{_BODY}</article></main></body></html>",
        # Only a URL: the site name from it.
        '<html><head><meta property="og:url" content="https://www.coastnews.example/a/1">'
        f"</head><body><article><h2>Works</h2>{_BODY}</article></body></html>",
    ],
)
def test_trafilatura_reading_keeps_extract_metadatas_title_day_site_and_url(page: str) -> None:
    import trafilatura
    from trafilatura.metadata import extract_metadata

    expected = extract_metadata(page)
    read = html_module.read_with_trafilatura(page)
    assert (read.title, read.date, read.sitename, read.url) == (
        expected.title,
        expected.date,
        expected.sitename,
        expected.url,
    )
    whole = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, include_tables=True, deduplicate=False
    )
    assert whole is not None
    assert read.text == whole.text and read.title == whole.title and read.date == whole.date


@pytest.mark.parametrize(
    ("below", "after"),
    [
        # widget labels under the story: past the witness's region, as footer
        (["Videos on this topic", "Posts from the forum"], {"Videos on this topic", "Posts from the forum"}),
        # a "Related" list is dropped by its own rule (navigation), not as what follows the story's end
        (["Related", *HEADLINES], set()),
        # nothing under the story
        ([], set()),
    ],
)
def test_combine_returns_the_lines_the_witness_put_below_the_storys_end(
    below: list[str], after: set[str]
) -> None:
    page = "\n".join(["Harbour wall to be rebuilt", MENU, *STORY, *below])
    combined = combine("\n".join(STORY), lambda: "", page, HINTS)
    assert combined.witness_after == after
    assert combined.witness_kept == set(STORY)


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


def _keys(lines: list[str]) -> frozenset[str]:
    return frozenset(" ".join(re.findall(r"\w+", line.casefold())) for line in lines)


@pytest.mark.parametrize(
    ("page", "kept", "other", "expected"),
    [
        # A paragraph the chosen reading skipped, kept by the witness and held by the other reading: it joins.
        (STORY, STORY, STORY, STORY),
        ([MENU, STORY[0], MENU, STORY[1], STORY[2], SHARE, STORY[3]], STORY, STORY, STORY),
        # Without the other reading (none was read), or when it lacks the line, the hole stays.
        (STORY, STORY, [], [STORY[0], STORY[1], STORY[3]]),
        (STORY, STORY, [STORY[0], STORY[1], STORY[3]], [STORY[0], STORY[1], STORY[3]]),
        # The witness dropped it (a pull quote, a teaser): it stays out.
        (STORY, [STORY[0], STORY[1], STORY[3]], STORY, [STORY[0], STORY[1], STORY[3]]),
        # Kept but no prose (a label both readings hold): out.
        ([STORY[0], STORY[1], MENU, STORY[3]], [*STORY, MENU], [*STORY, MENU], [STORY[0], STORY[1], STORY[3]]),
    ],
)  # fmt: skip
def test_a_hole_inside_the_reading_is_filled_where_the_other_reading_and_the_witness_agree(
    page: list[str], kept: list[str], other: list[str], expected: list[str]
) -> None:
    extracted = [STORY[0], STORY[1], STORY[3]]
    assert extend_at_edges(extracted, page, frozenset(kept), other=_keys(other)) == expected


def test_combine_fills_a_hole_from_the_reading_it_did_not_choose() -> None:
    # The default reading skipped a paragraph and took teasers (so a second reading is read); the second
    # reading, chosen less, holds the skipped paragraph.
    default = [STORY[0], STORY[1], STORY[3], *TEASERS]
    chosen = combine("\n".join(default), lambda: "\n".join([STORY[2], *TEASERS]), PAGE_TEXT, HINTS).text
    assert chosen.split("\n") == [*STORY, *TEASERS]
    assert combine("\n".join(default), lambda: "", PAGE_TEXT, HINTS).text.split("\n") == default


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
