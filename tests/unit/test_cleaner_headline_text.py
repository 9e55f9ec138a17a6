"""The headline a title line gives: Markdown marks and site or section names printed elsewhere are cut off."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner import clean_article
from newsdrop.text.cleaner.headline_names import (
    _dateline,
    _doubled_labels,
    _menu_row,
    _navigation_link,
    headline_text,
    named_title,
    without_heading_marks,
    without_quoted_lead,
)
from newsdrop.text.cleaner.lines import _read_lines
from tests.unit.test_cleaner_headline_ranker import LEAD, SECOND


def _headline_of(page: list[str], index: int) -> str:
    lines = _read_lines("\n".join(page) + "\n", frozenset())
    return headline_text(lines, index)


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # The opening part printed alone, after a bar: whatever follows it is the site's.
        (["What is next for the harbour? | Coast Herald Loaded", "Menu", "What is next for the harbour?", LEAD],
         "What is next for the harbour?"),
        # ... after a dash too, with a tagline after the name.
        (["Three ways to be the thermostat — Postlight — Strategy, Design and Engineering",
          "Three ways to be the thermostat", LEAD], "Three ways to be the thermostat"),
        # ... and after a colon set without spaces, as a CJK title sets it.
        (["マインドマップ風のツリーを描画できる「Treeviz」:phpspot開発日誌", "マインドマップ風のツリーを描画できる「Treeviz」", LEAD],
         "マインドマップ風のツリーを描画できる「Treeviz」"),
        # A site's name before a bar: the closing part printed alone is the headline.
        (["Coast Herald | Harbour wall finished two years early", "Harbour wall finished two years early", LEAD],
         "Harbour wall finished two years early"),
        # A kicker printed alone (a teaser list) is the shorter side: the line stays whole.
        (["Mother's Day - Stars of the soap celebrate with their mothers at the studio", "Mother's Day", LEAD],
         "Mother's Day - Stars of the soap celebrate with their mothers at the studio"),
        # The headline's second half printed alone after a dash or a spaced colon: no cut there.
        (["ElixirConf 2016 - Keynote by José Valim", "Keynote by José Valim", LEAD],
         "ElixirConf 2016 - Keynote by José Valim"),
        (["LTE patent: Samsung told to destroy phones", "Samsung told to destroy phones", LEAD],
         "LTE patent: Samsung told to destroy phones"),
        # A breadcrumb trail that ends in the headline: its last step (the first step may carry a label).
        (["You are here: Home » Society » „Tireless work“", LEAD], "„Tireless work“"),
        (["Mac & i > News > 2015 > KW 15 > Password manager makes one-time passwords", LEAD],
         "Password manager makes one-time passwords"),
        # A trail to a section (a short last step) or of two steps only stays whole.
        (["首页 > 科技频道 > 探索者 > 正文", LEAD], "首页 > 科技频道 > 探索者 > 正文"),
        (["Fairy tales > Aesop's fable of the day", LEAD], "Fairy tales > Aesop's fable of the day"),
        # An opening part of two words is printed alone by chance (a section's name): no cut.
        (["Harbour news - the wall is finished", "Harbour news", LEAD], "Harbour news - the wall is finished"),
    ],
)  # fmt: skip
def test_headline_text_keeps_the_part_the_page_prints_alone(page: list[str], expected: str) -> None:
    assert _headline_of(page, 0) == expected


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # A site name the page prints again on a line of its own (its logo) is cut off.
        (
            ["Harbour wall finished two years early | Coast Herald", "Coast Herald", LEAD],
            "Harbour wall finished two years early",
        ),
        # A section name before the headline, printed in the menu.
        (
            ["Opinion | Harbour wall finished two years early", "Opinion", LEAD],
            "Harbour wall finished two years early",
        ),
        # A name at the end of other teasers' title lines, beside different headlines.
        (
            [
                "Harbour wall finished two years early :: Daily Tide",
                "Storm closes ferry route :: Daily Tide",
                "Council votes on parking :: Daily Tide",
                LEAD,
            ],
            "Harbour wall finished two years early",
        ),
        # A web address is a site name wherever it stands.
        (
            ["Harbour wall finished two years early · coastherald.com", LEAD],
            "Harbour wall finished two years early",
        ),
        # A part the page prints nowhere else stays: it may be half of the headline.
        (
            ["Harbour wall finished | a mild winter helped", LEAD],
            "Harbour wall finished | a mild winter helped",
        ),
        # Dashes join a kicker and a headline far more often than a headline and a site: never cut there.
        (
            ["Breakwater - Harbour wall finished two years early", "Breakwater", LEAD],
            "Breakwater - Harbour wall finished two years early",
        ),
        # The headline printed alone is no name, but it is the headline: the rest of the line goes.
        (
            ["Storm closes the ferry route | Coast Herald", "Storm closes the ferry route", LEAD],
            "Storm closes the ferry route",
        ),
        # The same half repeated beside the same other half is the headline printed twice, not a name.
        (
            [
                "Harbour wall finished two years early | after a mild winter",
                "Harbour wall finished two years early | after a mild winter",
                LEAD,
            ],
            "Harbour wall finished two years early | after a mild winter",
        ),
        # Markdown heading marks go; the text stays.
        (["# Harbour wall finished two years early", LEAD], "Harbour wall finished two years early"),
    ],
)
def test_headline_text_cuts_names_the_page_prints_elsewhere(page: list[str], expected: str) -> None:
    assert _headline_of(page, 0) == expected


NOTICES = ["More from Coast Herald", "Working at Coast Herald", "Subscribe to Coast Herald Premium"]


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # A site's name after a bar that the page's notices and menus print among other words.
        (["Harbour wall finished two years early | Coast Herald", *NOTICES, LEAD],
         "Harbour wall finished two years early"),
        # ... after a dash or an en dash: only the closing part, the place of a site's name.
        (["Harbour wall finished two years early - Coast Herald", *NOTICES, LEAD],
         "Harbour wall finished two years early"),
        (["Harbour wall finished two years early \u2013 Coast Herald", *NOTICES, LEAD],
         "Harbour wall finished two years early"),
        # Printed inside one other line only: a chance match, no cut.
        (["Harbour wall finished two years early | Coast Herald", NOTICES[0], LEAD],
         "Harbour wall finished two years early | Coast Herald"),
        # Printed only as part of a longer word ("Coast Heraldry"): no cut.
        (["Harbour wall finished two years early - Coast Herald", "Coast Heraldry", "Coast Heraldry club", LEAD],
         "Harbour wall finished two years early - Coast Herald"),
        # A kicker before a dash is never cut, however often the page prints it.
        (["Coast Herald - Harbour wall finished two years early", *NOTICES, LEAD],
         "Coast Herald - Harbour wall finished two years early"),
        # The headline's own printings ("... | Coast Herald" again) do not count as naming the site.
        (["Harbour wall finished early | Coast Herald", "Harbour wall finished early | Coast Herald",
          "Harbour wall finished early | Coast Herald", LEAD],
         "Harbour wall finished early | Coast Herald"),
        # What is left must still read as a headline: three words or more, longer than the name.
        (["Wall done - Coast Herald", *NOTICES, LEAD], "Wall done - Coast Herald"),
        # A headline's second half after a dash holds lower-case words: no name, though teasers print it.
        (["Harbour wall setback - storm floods the quay", "Live: storm floods the quay",
          "Photos: storm floods the quay", LEAD],
         "Harbour wall setback - storm floods the quay"),
    ],
)  # fmt: skip
def test_headline_text_cuts_a_name_the_page_prints_inside_other_lines(page: list[str], expected: str) -> None:
    assert _headline_of(page, 0) == expected


@pytest.mark.parametrize(
    "opening",
    [
        "Harbour wall finished two years early | Coast Herald",
        "Harbour wall finished two years early - Coast Herald",
    ],
)
def test_a_name_printed_inside_other_lines_stays_in_the_ranker_s_labels(opening: str) -> None:
    lines = _read_lines("\n".join([opening, *NOTICES, LEAD]) + "\n", frozenset())
    assert headline_text(lines, 0) == "Harbour wall finished two years early"
    assert headline_text(lines, 0, cut_parts=False) == opening


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Title", "Title"),
        ("### Title ###", "Title"),
        ("#hashtag", "#hashtag"),
        ("Plain title", "Plain title"),
    ],
)
def test_without_heading_marks(text: str, expected: str) -> None:
    assert without_heading_marks(text) == expected


def test_the_cleaned_title_loses_the_site_name_the_page_prints() -> None:
    text = (
        "\n\n".join(["Coast Herald", "Harbour wall finished two years early | Coast Herald", LEAD, SECOND])
        + "\n"
    )
    article = clean_article(text)
    assert article.title == "Harbour wall finished two years early"
    assert LEAD in article.body


def test_headline_text_without_cut_parts_keeps_the_line_the_ranker_learns_from() -> None:
    lines = _read_lines(
        "\n".join(
            ["What is next for the harbour? | Coast Herald Loaded", "What is next for the harbour?", LEAD]
        )
        + "\n",
        frozenset(),
    )
    assert headline_text(lines, 0) == "What is next for the harbour?"
    assert headline_text(lines, 0, cut_parts=False) == "What is next for the harbour? | Coast Herald Loaded"
    crumbs = _read_lines("Home » Society » Tireless work on the harbour\n" + LEAD + "\n", frozenset())
    assert headline_text(crumbs, 0, cut_parts=False) == "Home » Society » Tireless work on the harbour"


@pytest.mark.parametrize(
    ("text", "menu"),
    [
        ("US · UK · Australia · France · Deutschland · Middle East", True),
        ("News | Sport | Weather | Business", True),
        ("Home • Politics • World • Local news", True),
        # Three parts are a title with its section and site, not a menu.
        ("Harbour wall finished | Coast News | Example", False),
        # One long item is a headline among the parts.
        ("News | Sport | Harbour authority confirms the breakwater is done | Weather", False),
        # Bullets without spaces are inside words or numbers, not between items.
        ("A·B·C·D", False),
    ],
)
def test_a_row_of_short_items_between_bullets_is_a_menu(text: str, menu: bool) -> None:
    assert _menu_row(text) is menu


@pytest.mark.parametrize(
    ("text", "navigation"),
    [
        ("Go to About the ACLU", True),
        ("Skip to main content", True),
        ("» Jump to comments", True),
        ("Zurück zur Startseite", True),
        ("Weiter zum Artikel", True),
        ("Aller au contenu", True),
        # A headline that opens with the same words says more than a label can.
        ("Go to the harbour at dawn and you will see the fleet come home", False),
        # "Back to" opens headlines ("Back to school ...") as often as links: not a cue.
        ("Back to school in the harbour town", False),
        ("Harbour wall finished after ten years", False),
        # The verb inside a word or later in the line is no cue.
        ("Gone to sea", False),
        ("Why the fleet will go to sea again", False),
    ],
)
def test_a_short_label_that_moves_the_reader_is_a_navigation_link(text: str, navigation: bool) -> None:
    assert _navigation_link(text) is navigation


@pytest.mark.parametrize(
    ("key", "doubled"),
    [
        ("für schulen für schulen für kursleiter für kursleiter", True),
        ("news news sport sport", True),
        # A headline repeats a word or two, never every one.
        ("bye bye, berlin: the wall comes down", False),
        ("the harbour and the town and the sea", False),
        # Too short to tell a doubled menu from a chant ("Go go").
        ("go go go", False),
        ("", False),
    ],
)
def test_a_row_that_prints_every_label_twice_is_a_menu(key: str, doubled: bool) -> None:
    assert _doubled_labels(key) is doubled


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Why do they fight"... Lee calls for unity in DJ\'s home town',
         "Why do they fight... Lee calls for unity in DJ's home town"),
        ("\u201cPink hair sparks ridicule\u201d\u2026 the riddle of a colour",
         "Pink hair sparks ridicule\u2026 the riddle of a colour"),
        ("\u00abNo way back\u00bb ... the minister resigns", "No way back ... the minister resigns"),
        # A quoted phrase followed by a colon or by words keeps its quotes (the title prints them too).
        ('"It will begin soon": Trump on the ground war', '"It will begin soon": Trump on the ground war'),
        ('"Neutral" fact-checker asks a question', '"Neutral" fact-checker asks a question'),
        # Quotes inside the headline, or a quote that is the whole line, are left alone.
        ('Minister: "No way back"... for now', 'Minister: "No way back"... for now'),
        ('"The fact that nobody explored the hill is a mystery"', '"The fact that nobody explored the hill is a mystery"'),
    ],
)  # fmt: skip
def test_without_quoted_lead_drops_the_quotes_an_ellipsis_follows(text: str, expected: str) -> None:
    assert without_quoted_lead(text) == expected


def test_the_cleaned_title_drops_the_quoted_lead_but_the_line_keeps_it() -> None:
    printed = '"Why do they fight"... Lee calls for unity in the home town'
    article = clean_article("\n\n".join([printed, LEAD, SECOND]) + "\n")
    assert article.title == "Why do they fight... Lee calls for unity in the home town"
    # The rule pass still reads the printed line: it is the headline, not a line of the body.
    assert printed not in article.body
    lines = _read_lines("\n".join([printed, LEAD]) + "\n", frozenset())
    assert headline_text(lines, 0) == printed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A slash trail of three steps leading to the headline: its last step.
        ("home / InfoStream / Retention of title: what buyers and sellers should know",
         "Retention of title: what buyers and sellers should know"),
        ('"Why do they fight"... / News / Lee calls for unity in the home town', "Lee calls for unity in the home town"),
        # Two steps are a headline joining two names or a kicker ("Nationale Demo / Der 9. Juli naht").
        ("National demo / The ninth of July draws near", "National demo / The ninth of July draws near"),
        # A trail to a section (a short last step), or a last step shorter than a step before it, stays whole.
        ("Home / News / Politics", "Home / News / Politics"),
        ("Ukraine war live / Day 412 / Kyiv", "Ukraine war live / Day 412 / Kyiv"),
        # Slashes without spaces are inside words or dates.
        ("Live/Replay/Harbour wall finished two years early", "Live/Replay/Harbour wall finished two years early"),
        # The quoted lead goes too.
        ('"Why do they fight"... Lee calls for unity', "Why do they fight... Lee calls for unity"),
    ],
)  # fmt: skip
def test_named_title_takes_a_slash_trail_s_last_step(text: str, expected: str) -> None:
    assert named_title(text) == expected


def test_the_cleaned_title_is_the_slash_trail_s_last_step() -> None:
    printed = "home / InfoStream / Retention of title: what buyers and sellers should know"
    article = clean_article("\n\n".join([printed, LEAD, SECOND]) + "\n")
    assert article.title == "Retention of title: what buyers and sellers should know"


@pytest.mark.parametrize(
    ("title", "printed", "expected"),
    [
        # A two-word headline printed alone loses the site's name after a dash or a bar.
        ("Performant Python - Strangemachines", "Performant Python", "Performant Python"),
        ("Monstergespräche #1 | Weselpower's Blog", "Monstergespräche #1", "Monstergespräche #1"),
        # A bullet sets off the site's name too.
        ("Vintage-Flair mit viel Grün • COUCH", "Vintage-Flair mit viel Grün", "Vintage-Flair mit viel Grün"),
        # A kicker printed alone is shorter than the headline after it: the line stays whole.
        ("Harbour wall - Breakwater finished at last", "Harbour wall", "Harbour wall - Breakwater finished at last"),
        # One word printed alone (a section, a tag) is no headline.
        ("Python - Strangemachines", "Python", "Python - Strangemachines"),
        # Nothing printed alone: nothing cut.
        ("Performant Python - Strangemachines", "Menu", "Performant Python - Strangemachines"),
    ],
)  # fmt: skip
def test_named_title_takes_a_short_headline_the_page_prints_alone(
    title: str, printed: str, expected: str
) -> None:
    lines = _read_lines("\n".join([title, "Menu", printed, LEAD]) + "\n", frozenset())
    assert named_title(title, lines) == expected
    # Without the page's lines the title is taken as given.
    assert named_title(title) == title


@pytest.mark.parametrize(
    ("title", "page", "expected"),
    [
        # A comment section's heading quotes the post's title, printed as a line of its own: that is the title.
        ("5 Kommentare on “Scherenschnitt (3)”", ["Scherenschnitt (3)", "5 Kommentare on “Scherenschnitt (3)”"],
         "Scherenschnitt (3)"),
        ("Blog of a gardener", ["Need for Speed", "3 Gedanken zu „ Need for Speed “"], "Need for Speed"),
        # The quoted title printed nowhere else: the heading proves nothing.
        ("Blog of a gardener", ["Menu", "5 thoughts on “Need for Speed”"], "Blog of a gardener"),
        # A count before three words and a quote is a listicle's headline, not a comment heading.
        ("Blog of a gardener", ["I Know You Love Pizza", '19 Gifts That Say "I Know You Love Pizza"'],
         "Blog of a gardener"),
        # A headline quoting someone is no comment heading: no count opens it.
        ("Er sagt: „Die Pflege ist kein Hotspot“", ["Die Pflege ist kein Hotspot", "Menu"],
         "Er sagt: „Die Pflege ist kein Hotspot“"),
    ],
)  # fmt: skip
def test_named_title_takes_the_title_a_comment_heading_quotes(
    title: str, page: list[str], expected: str
) -> None:
    lines = _read_lines("\n".join([title, *page, LEAD]) + "\n", frozenset())
    assert named_title(title, lines) == expected


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("Do 25.04.24 | 14:07 Uhr | Von Eva Kirchner", True),
        ("12.12.2022 | 06:46 | Energieversorgung", True),
        # A date alone, a time alone or a bare year: headlines print those.
        ("Blogposting 01/23/2020", False),
        ("Countdown to 12:00: the harbour opens", False),
        ("AMP Conf 2019 in Tokyo, 10:30 keynote", False),
    ],
)  # fmt: skip
def test_a_line_with_a_numeric_date_and_a_clock_time_is_a_dateline(text: str, dateline: bool) -> None:
    assert _dateline(text) is dateline
