"""The rules inside whole articles: chrome around the story goes, the story's lines that resemble chrome stay."""

from __future__ import annotations

import pytest

from newsdrop.models import Hints
from newsdrop.text.cleaner import clean_article, normalize_line_key
from newsdrop.text.line_keys import count_words
from newsdrop.text.prompt_rules import opens_link_list
from tests.unit.cleaner_prose import PARAGRAPH, SECOND
from tests.unit.cleaner_prose import article_text as _article


@pytest.mark.parametrize(
    "chrome",
    ["Add comment", "Rate this item", "› Subscribe", "Advertisement", "More Articles", "Read 428 times"],
)
def test_chrome_in_trailing_block_is_not_body(chrome: str) -> None:
    article = clean_article(_article("A headline about talks", PARAGRAPH, SECOND, chrome))
    assert chrome not in article.body
    assert article.body == f"{PARAGRAPH}\n\n{SECOND}"


def test_crosshead_in_the_middle_is_kept_as_subheading() -> None:
    article = clean_article(_article("Talks resume", PARAGRAPH, "Economic Pressure", SECOND, PARAGRAPH))
    assert article.subheadings == ("Economic Pressure",)
    assert "Economic Pressure" in article.body.split("\n\n")


@pytest.mark.parametrize(
    "repeat",
    [
        "Talks resume after long pause",
        "Talks resume after long pause\u00a0",
        "Talks  resume after long pause",
        "Talks resume after long pause\u00a0Talks resume after long pause\u00a0",
    ],
)
def test_headline_repeated_in_text_is_title_repeat(repeat: str) -> None:
    article = clean_article(_article("Talks resume after long pause", repeat, PARAGRAPH, SECOND))
    roles = [line.role for line in article.lines]
    assert roles[:2] == ["title", "title_repeat"]
    assert article.title == "Talks resume after long pause"
    assert repeat.strip() not in article.body


def test_bundle_chrome_lines_are_boilerplate() -> None:
    chrome = "Breaking: markets open lower"
    article = clean_article(
        _article("Talks resume", chrome, PARAGRAPH, SECOND),
        bundle_chrome=frozenset({normalize_line_key(chrome)}),
    )
    decision = next(line for line in article.lines if line.text == chrome)
    assert (decision.role, decision.rule) == ("boilerplate", "bundle_chrome")


def test_link_list_after_related_heading_is_removed() -> None:
    article = clean_article(
        _article(
            "Talks resume",
            PARAGRAPH,
            "Related stories",
            "Minister resigns over budget row",
            "Markets fall on trade fears",
            SECOND,
        )
    )
    assert "Minister resigns over budget row" not in article.body
    assert SECOND in article.body


def test_reader_comments_after_the_article_are_removed() -> None:
    comment = "I completely disagree with this analysis, the minister has been wrong for years."
    article = clean_article(_article("Talks resume", PARAGRAPH, SECOND, "Leave a Reply", comment, comment))
    assert comment not in article.body


def test_rules_alone_keep_a_standfirst_before_the_byline() -> None:
    # Most gold bodies of cleaning-train include the standfirst (rule ``standfirst``, docs/eval.md).
    standfirst = "The deal ends a year of uncertainty for exporters on both sides of the border."
    article = clean_article(
        _article("Talks resume", standfirst, "By Jane Doe", PARAGRAPH, SECOND), model=None
    )
    assert article.byline == "By Jane Doe"
    assert article.body.startswith(standfirst + "\n")
    assert PARAGRAPH in article.body
    assert {line.text: line.rule for line in article.lines}[standfirst] == "standfirst"


def test_every_non_empty_line_gets_a_decision() -> None:
    text = _article("Talks resume", "Advertisement", PARAGRAPH, "   ", SECOND, "Share this")
    article = clean_article(text)
    assert [line.n for line in article.lines] == [1, 3, 5, 9, 11]
    assert {line.role for line in article.lines} <= {
        "title", "title_repeat", "body", "subheading", "boilerplate", "date", "news_id",
        "kicker", "caption", "byline", "source",
    }  # fmt: skip


def test_empty_text_gives_empty_article() -> None:
    article = clean_article("")
    assert (article.title, article.body, article.lines, article.word_count) == (None, "", (), 0)


def test_line_printed_three_times_is_a_template_not_prose() -> None:
    caption = "2018 Theater Series Performance at the Welcome Festival in the park"
    article = clean_article(
        _article("Talks resume", PARAGRAPH, caption, SECOND, caption, PARAGRAPH, caption, SECOND)
    )
    assert caption not in article.body
    assert {line.rule for line in article.lines if line.text == caption} == {"repeated_line"}


FEATURE_ITEM = "- Easy setup for all your devices at home and at work"
TABLE_HEADER = "| Pos | Player | Plays | Share of snaps | Stats |"


@pytest.mark.parametrize(
    ("repeated", "main_content", "kept"),
    [
        # In an extractor's main content a list item printed under each listed product is the products' feature.
        (FEATURE_ITEM, True, True),
        # On a page's whole text the same item is a template like any other repeated line.
        (FEATURE_ITEM, False, False),
        # A repeated line that is no list item is a template in the main content too (a gallery caption).
        (FEATURE_ITEM[2:], True, False),
        # A table row printed again in the main content is the header row of each of the story's tables.
        (TABLE_HEADER, True, True),
        (TABLE_HEADER, False, False),
    ],
)
def test_a_list_item_repeated_in_the_main_content_is_no_template(
    repeated: str, main_content: bool, kept: bool
) -> None:
    text = _article(
        "Best deals", PARAGRAPH, "Headphones", repeated, SECOND, "Speakers", repeated, PARAGRAPH, "Watch",
        repeated, SECOND,
    )  # fmt: skip
    article = clean_article(text, Hints(title="Best deals"), main_content=main_content)
    assert (repeated in article.body.split("\n")) is kept
    rules = {line.rule for line in article.lines if line.text == repeated}
    assert ("repeated_line" in rules) is not kept


_COMMENTS_SENTENCE = (
    "As she tried to stop the comments from taking over her pages, many readers told her they did not find"
    " the picture offensive."
)
_PRIVACY_SENTENCE = (
    "We use cookies and similar technologies to improve your experience; by continuing you consent to our"
    " privacy policy."
)


@pytest.mark.parametrize(
    ("lines", "main_content", "kept"),
    [
        # Between two of the story's paragraphs in an extractor's main content: the story's own sentence.
        ([PARAGRAPH, _COMMENTS_SENTENCE, SECOND], True, True),
        ([PARAGRAPH, _PRIVACY_SENTENCE, SECOND], True, True),
        # Under the story's last paragraph, it is the site's policy or notice.
        ([PARAGRAPH, SECOND, _COMMENTS_SENTENCE], True, False),
        # A label on one side is no paragraph of the story.
        ([PARAGRAPH, _COMMENTS_SENTENCE, "Comments", SECOND], True, False),
        # On a page's whole text the rule's verdict stands (the region and the line model judge the page).
        ([PARAGRAPH, _COMMENTS_SENTENCE, SECOND], False, False),
    ],
)
def test_a_vocabulary_rules_line_between_the_storys_paragraphs_in_the_main_content_is_the_story(
    lines: list[str], main_content: bool, kept: bool
) -> None:
    article = clean_article(
        "\n".join(["Talks resume", *lines]), Hints(title="Talks resume"), main_content=main_content
    )
    sentence = next(line for line in lines if line in (_COMMENTS_SENTENCE, _PRIVACY_SENTENCE))
    assert (sentence in article.body.split("\n")) is kept


def test_list_introduced_by_a_colon_after_the_last_paragraph_is_kept() -> None:
    dates = ["June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL", "June 10 -- Arena, Tampa, FL"]
    text = _article(
        "Tour announced", PARAGRAPH, SECOND, "The tour dates:\n" + "\n".join(dates), "Most Popular"
    )
    article = clean_article(text)
    assert article.body.endswith("The tour dates:\n\n" + "\n\n".join(dates))
    assert "Most Popular" not in article.body


def test_short_lines_after_the_article_without_colon_are_chrome() -> None:
    article = clean_article(_article("Tour announced", PARAGRAPH, SECOND, "Music\nTours\nNews"))
    assert article.body == f"{PARAGRAPH}\n\n{SECOND}"


def test_article_split_by_a_long_widget_is_joined() -> None:
    widget = "\n".join(f"Product feature number {i}" for i in range(12))
    text = _article(
        "Deals of the week", PARAGRAPH, SECOND, widget, PARAGRAPH.replace("minister", "envoy"), SECOND
    )
    article = clean_article(text)
    assert PARAGRAPH.replace("minister", "envoy") in article.body
    assert article.body.startswith(PARAGRAPH)


def test_far_away_teaser_is_not_joined_to_the_article() -> None:
    teaser = "Readers also liked this other story about a completely different topic, the editors said."
    widget = "\n".join(f"Link number {i}" for i in range(12))
    text = _article("Talks resume", PARAGRAPH, SECOND, PARAGRAPH, SECOND, widget, teaser)
    article = clean_article(text)
    assert teaser not in article.body


def test_tags_printed_under_a_bare_tags_heading_are_chrome() -> None:
    tags = "calendario stock car 2018, stock car brasil, stock car cascavel"
    article = clean_article(_article("Talks resume", PARAGRAPH, SECOND, "Tags", tags, PARAGRAPH))
    assert tags not in article.body


@pytest.mark.parametrize(
    ("field", "paragraphs", "cuts"),
    [
        ("Email", 2, False),  # a share row or newsletter field under a short standfirst
        ("New, 6 comments", 2, False),  # a header counter next to the byline
        ("Name (required)", 2, False),
        # After a full article, a bare form field is the comment form when a thread follows: its rows part
        # the comments (followed by the story's next paragraphs it opens nothing: test_cleaner_comment_openers).
        ("Email", 8, True),
        ("Leave a Reply", 2, True),  # an explicit opener needs no more than two prose lines
    ],
)
def test_weak_comment_fields_open_comments_only_after_much_prose(
    field: str, paragraphs: int, cuts: bool
) -> None:
    comment = "I completely disagree with this analysis, the minister has been wrong for years."
    lead = [PARAGRAPH, SECOND] + [PARAGRAPH.replace("The", f"Then {i}") for i in range(paragraphs - 2)]
    below = [comment, "Reply", comment] if paragraphs > 2 else [comment, comment]
    article = clean_article(_article("Talks resume", *lead, field, *below))
    assert (comment not in article.body) is cuts


def test_main_content_keeps_short_lines_an_extractor_kept() -> None:
    schedule = [
        "Round 1: 10 March - Interlagos",
        "Round 2: 8 April - Curitiba",
        "Round 3: 22 April - Velopark",
    ]
    text = "\n".join(["Season calendar", "22 January 2018 10:13", *schedule, "Share on Facebook"])
    extracted = clean_article(text, Hints(title="Season calendar"), main_content=True)
    assert extracted.body.split("\n\n") == schedule
    assert extracted.published is not None and extracted.published.startswith("2018-01-22")
    assert "Share on Facebook" not in extracted.body


def test_a_headline_printed_twice_in_other_words_beats_score_lines_near_the_article() -> None:
    text = _article(
        "Prep Roundup: Eagles edge Hawks to stay unbeaten",
        "Menu",
        "High School Prep Roundup: Eagles edge Hawks to stay unbeaten",
        "Sam Writer Daily Courier",
        "Published 2:16 AM EST Nov 20, 2019",
        "GIRLS BASKETBALL",
        "Eagles d. Hawks 70-44",
        "Hawks 14 11 6 15 — 44",
        "Eagles 18 22 13 17 — 70",
        PARAGRAPH,
        SECOND,
    )
    article = clean_article(text)
    assert article.title is not None and article.title.endswith("Eagles edge Hawks to stay unbeaten")


@pytest.mark.parametrize(
    ("heading", "opens"),
    [
        ("Related articles", True),
        ("Most Popular", True),
        ("More stories", True),
        ("You may also like", True),
        ("Back to Gallery", False),
        ("Next", False),
        ("Previous article", False),
        ("Skip to main content", False),
        ("Load more", False),
        ("JUST WATCHED", True),  # a video playlist
        ("Must watch", True),
    ],
)
def test_only_list_headings_open_a_link_list(heading: str, opens: bool) -> None:
    key = normalize_line_key(heading)
    assert opens_link_list(key, count_words(heading)) is opens


def test_a_headline_after_a_single_navigation_link_is_not_a_related_link() -> None:
    article = clean_article(
        _article("Back to Gallery", "Power cut ordered as fire danger rises", PARAGRAPH, SECOND)
    )
    assert article.title == "Power cut ordered as fire danger rises"


def test_a_sentence_standfirst_under_the_headline_is_not_the_headline() -> None:
    lead = (
        "The minister's picks for events, competitions and fun this month include talks, fairs and the new "
        "agreement festival in the capital."
    )
    text = _article(
        "Four things to do in October",
        "The minister's picks for events, competitions and fun for the month of October.",
        "By Jane Doe",
        "Oct 4, 2018",
        lead,
        PARAGRAPH,
        SECOND,
    )
    assert clean_article(text).title == "Four things to do in October"


def test_a_prose_line_past_a_long_menu_does_not_join_the_article() -> None:
    menu = [f"Desk {n}" for n in range(40)]
    disclaimer = (
        "Market data on this page is delayed by at least fifteen minutes and is provided for information only, "
        "not for trading purposes or advice. Indices are shown in real time except where the exchange requires "
        "a delay, and all times are in the local time of the exchange."
    )
    article = clean_article(
        _article("Talks resume", PARAGRAPH, SECOND, PARAGRAPH + " Again.", *menu, disclaimer)
    )
    assert disclaimer not in article.body
    assert "Desk 1" not in article.body.split("\n\n")


def test_long_title_case_teasers_after_the_article_are_not_prose() -> None:
    teasers = [
        "New Graphics Card With Twenty Four Gigabytes Of Memory Announced For Workstations And Creators Ahead Of "
        "The Big Trade Show In Las Vegas",
        "Next Generation Console Every Official News Leak And Rumor On The Upcoming Machine Collected In One Place "
        "For Fans Who Cannot Wait Any Longer",
    ]
    article = clean_article(_article("Talks resume", PARAGRAPH, SECOND, "Trending Stories", *teasers))
    for teaser in teasers:
        assert teaser not in article.body


def test_a_long_credits_line_with_commas_stays_text() -> None:
    credits = (
        "Choreographer Jane Doe, Director John Roe, Writer Mary Major, Composer Richard Miles, Costume Designer "
        "Anna Smith, Lighting Designer Peter Parker"
    )
    article = clean_article(_article("Talks resume", PARAGRAPH, credits, SECOND))
    assert credits in article.body


def test_a_video_playlist_title_between_headline_and_article_is_not_the_headline() -> None:
    clip = "Minister: talks between the two governments are going well"
    text = _article(
        "Exporters unsure what to make of the new trade agreement",
        "By Jane Doe, Business desk",
        "Updated 0339 GMT November 19, 2019",
        "JUST WATCHED",
        clip,
        "Replay",
        "MUST WATCH",
        clip,
        PARAGRAPH,
        SECOND,
    )
    assert clean_article(text).title == "Exporters unsure what to make of the new trade agreement"
