"""HTML members: headline choice, main-content extraction with metadata, and the stdlib fallback."""

from __future__ import annotations

import pytest

from newsdrop.models import Hints
from newsdrop.text import html_reading
from newsdrop.text.html import clean_html, extract, extract_html, html_to_text, merge_hints
from newsdrop.text.html_headline import headline_choice
from newsdrop.text.html_page import looks_like_html

PARAGRAPHS = [
    "The minister said on Tuesday that the new agreement would take effect next month, after weeks of talks "
    "between the two governments over trade and security.",
    "Officials from both countries described the negotiations as difficult but constructive, and said further "
    "meetings were planned before the end of the year.",
    "Exporters welcomed the news, saying the uncertainty of the past year had cost them orders and made "
    "planning for the coming season almost impossible.",
]
PAGE = f"""<!doctype html><html><head><title>Talks resume after long pause | Daily Courier</title>
<meta property="og:site_name" content="Daily Courier">
<meta property="article:published_time" content="2019-11-19T08:03:00Z"></head>
<body><header><h1 class="logo">Daily Courier</h1><nav><ul><li><a href="/">Home</a></li>
<li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article><h1>Talks resume after long pause</h1><p class="byline">By Jane Doe</p>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}
<p>Share on Facebook</p></article></main>
<footer><p>Copyright 2019 Daily Courier. All rights reserved.</p></footer></body></html>"""


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("plain words", "story.html", True),
        ("plain words", "story.HTM", True),
        ("<!DOCTYPE html><html>", "x.txt", True),
        ("  <div class='a'>x</div>", "", True),
        ("<p>para</p>", "", True),
        ("Prices rose <5% this year", "a.txt", False),
        ("plain words", "story.txt", False),
    ],
)
def test_looks_like_html(text: str, name: str, expected: bool) -> None:
    assert looks_like_html(text, name) is expected


@pytest.mark.parametrize(
    ("h1s", "meta", "expected"),
    [
        (["Daily Courier", "Talks resume after long pause"], "Talks resume after long pause | Daily Courier",
         "Talks resume after long pause"),  # the <h1> the <title> names, not the logo
        (["Talks resume after long pause"], None, "Talks resume after long pause"),
        ([], "Opinion | Talks resume after long pause - Daily Courier", "Talks resume after long pause"),
        (["Courier"], "Talks resume after long pause", "Talks resume after long pause"),  # a one-word logo
        ([], None, None),
        (["x" * 400], None, None),  # a paragraph-long <h1> is not a headline
        (["Atkins diet: lose up to 10 kilograms in 14 days", "Second phase of the diet", "Drawbacks"],
         "Atkins diet (14 days) - lose up to 10 kg", "Atkins diet: lose up to 10 kilograms in 14 days"),
        # several <h1>s, none named verbatim: the one sharing most words with the metadata title
        (["Site news", "Section pages"], "Talks resume after long pause", "Talks resume after long pause"),
        # an <h1> of two spans that lost the separator between them: the metadata's spelling of the same words
        (["Trade talksResume after long pause"], "Trade talks: Resume after long pause",
         "Trade talks: Resume after long pause"),
        (["Trade talks Resume after long pause"], "Trade talks: Resume after long pause",
         "Trade talks: Resume after long pause"),
        (["Talks resume after long pause¶"], "Talks resume after long pause", "Talks resume after long pause"),
        # quote style alone is no lost separator: the printed form stays
        (["Talks ‘resume’ after long pause"], "Talks 'resume' after long pause", "Talks ‘resume’ after long pause"),
        # other words (a site suffix, a rewording) are no spelling of the <h1>
        (["Talks resume after long pause"], "Talks resume after long pause - Daily Courier",
         "Talks resume after long pause"),
    ],
)  # fmt: skip
def test_choose_headline(h1s: list[str], meta: str | None, expected: str | None) -> None:
    assert headline_choice(h1s, meta)[0] == expected


@pytest.mark.parametrize(
    ("h1s", "meta", "page_title", "expected"),
    [
        # The metadata title is merely a widget's <h1>: the <title> tag names the headline <h1>.
        (["Grim global outlook for bank meetings", "Follow us on Twitter"], "Follow us on Twitter",
         "Grim global outlook for bank meetings - Politico", "Grim global outlook for bank meetings"),
        # The metadata title names no <h1> and shares none of their words: the <title> tag's <h1>.
        (["The Deck of Cards That Made Tarot Famous", "See Fewer Ads"], "Take your next trip with us!",
         "The Deck of Cards That Made Tarot Famous - Atlas", "The Deck of Cards That Made Tarot Famous"),
        # A logo <h1> is a small part of the <title>: the metadata title's <h1> stays.
        (["Rolling Stone", "How a Filmmaker Resurrected the Musical"], "How a Filmmaker Resurrected the Musical",
         "How 'La La Land' Resurrected the Hollywood Musical - Rolling Stone",
         "How a Filmmaker Resurrected the Musical"),
        # One short <h1> (the blog's name): the metadata title, as without a <title> witness.
        (["Literaturgefluester"], "Ins neue Jahr", "Ins neue Jahr | Literaturgefluester", "Ins neue Jahr"),
        # The <h1> glues a section label to the headline the metadata title prints alone: the headline.
        (["Local News | Brothel busted in downtown raid"], "Brothel busted in downtown raid", None,
         "Brothel busted in downtown raid"),
        (["Open ProgressWhy collaborative thinking wins"], "Why collaborative thinking wins", None,
         "Why collaborative thinking wins"),
        # A lone CJK <h1> has no spaces between its words: it is still the headline.
        (["", "ファインの新聞ストッカーは引越しにも使える！ 家具の固定も簡単"],
         "ファインの新聞ストッカーは引越しにも使える！ 新聞も家具も簡単に固定", None,
         "ファインの新聞ストッカーは引越しにも使える！ 家具の固定も簡単"),
        # The metadata title shortens the first <h1>: all its words are that <h1>'s.
        (["Atkins diet - lose up to ten kilos in fourteen days", "Second phase of the diet", "Drawbacks"],
         "Atkins diet (fourteen days)", None, "Atkins diet - lose up to ten kilos in fourteen days"),
        # A metadata title that adds a kicker to the <h1> does not replace it.
        (["Lotte Tobisch ist tot"], "Chronik: Lotte Tobisch ist tot", None, "Lotte Tobisch ist tot"),
        # The <title> agrees with the metadata title: nothing changes.
        (["Talks resume after long pause", "Most read"], "Talks resume after long pause",
         "Talks resume after long pause | Daily Courier", "Talks resume after long pause"),
    ],
)  # fmt: skip
def test_choose_headline_with_the_title_tag_as_witness(
    h1s: list[str], meta: str, page_title: str | None, expected: str
) -> None:
    assert headline_choice(h1s, meta, page_title)[0] == expected


@pytest.mark.parametrize(
    ("h1s", "meta", "site", "expected"),
    [
        # The only <h1> is the blog's name: the metadata title is the headline, whole.
        (["Damian Duchamps' Blog"], "Office 365 – HBDI – die Dritte", "Damian Duchamps' Blog",
         "Office 365 – HBDI – die Dritte"),
        # The same name spelled with another dash is still the site's name.
        (["DaF Blog – MMF3 Frühling 08"], "Ratschläge geben", "DaF Blog - MMF3 Frühling 08", "Ratschläge geben"),
        # The site's name beside the headline <h1>: the headline.
        (["Coast News", "Harbour wall finished early"], "Harbour wall finished early | Coast News", "Coast News",
         "Harbour wall finished early"),
        # The site's name beside a chrome <h1> ("Article detail"): the metadata title without the name.
        (["Daily News", "Daily News", "Article detail"], "Harbour wall finished early - DailyNews", "DailyNews",
         "Harbour wall finished early"),
        # An <h1> that only mentions the site is a headline like any other.
        (["Coast News wins regional press award"], "Coast News wins regional press award", "Coast News",
         "Coast News wins regional press award"),
    ],
)  # fmt: skip
def test_choose_headline_never_takes_the_sites_name(
    h1s: list[str], meta: str, site: str, expected: str
) -> None:
    assert headline_choice(h1s, meta, None, site)[0] == expected


def test_extract_html_gives_main_text_and_page_metadata() -> None:
    text, hints = extract_html(PAGE)
    for paragraph in PARAGRAPHS:
        assert paragraph in text
    assert "Home" not in text.split("\n")
    assert hints.title == "Talks resume after long pause"
    assert hints.published is not None and hints.published.startswith("2019-11-19")
    assert hints.source == "Daily Courier"


def test_clean_html_keeps_the_article_and_drops_widgets() -> None:
    article = clean_html(PAGE)
    assert article.body.split("\n\n") == PARAGRAPHS
    assert article.title == "Talks resume after long pause"
    assert article.published is not None and article.published.startswith("2019-11-19")
    assert article.language == "en"
    assert article.word_count > 60


def test_clean_html_prefers_the_bundles_own_hints() -> None:
    article = clean_html(PAGE, Hints(title="Talks resume", source="Wire"))
    assert article.title == "Talks resume"
    assert article.source == "Wire"


def test_merge_hints_fills_only_missing_fields() -> None:
    merged = merge_hints(Hints(title="A", url=None), Hints(title="B", url="https://x", source="S"))
    assert merged == Hints(title="A", url="https://x", source="S")
    assert merge_hints(None, Hints(title="B")) == Hints(title="B")


def test_a_fragment_without_main_content_falls_back_to_its_visible_text() -> None:
    text, hints = extract_html("<div><p>Short note</p><script>var x = 1;</script></div>")
    assert "Short note" in text
    assert "var x" not in text
    assert hints.title is None


def test_html_to_text_puts_the_headline_first() -> None:
    assert html_to_text(PAGE).split("\n")[0] == "Talks resume after long pause"


def test_a_page_with_too_many_tags_skips_the_extractor_and_the_cleaner_finds_the_article(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(html_reading, "_MAX_EXTRACTOR_TAGS", 10)
    found = extract(PAGE)
    assert not found.main_content
    assert "Home" in found.text.split("\n")  # the whole visible text, navigation included
    assert found.hints.title == "Talks resume after long pause"
    article = clean_html(PAGE)
    assert article.body.split("\n\n") == PARAGRAPHS
    assert article.title == "Talks resume after long pause"


def test_extracted_main_content_is_marked_so() -> None:
    assert extract(PAGE).main_content
    assert not extract("<div><p>Short note</p></div>").main_content


def test_page_metadata_gives_the_full_timestamp_and_byline_from_json_ld_and_meta() -> None:
    from newsdrop.text.html_meta import page_metadata

    page = (
        '<html><head><meta name="author" content="Jane Doe">'
        '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle",'
        ' "datePublished": "2019-11-19T08:03:00-05:00", "author": [{"name": "Jane Doe"}, {"name": "Raj  Patel"}]}]}'
        "</script></head><body><p>Text.</p></body></html>"
    )
    assert page_metadata(page) == ("2019-11-19T08:03:00-05:00", "Jane Doe, Raj Patel")
    # A broken JSON-LD block and an author given as a profile URL are skipped, not guessed from.
    broken = '<script type="application/ld+json">{"datePublished": </script><meta property="article:author" content="https://x.example/jane">'
    assert page_metadata(broken) == (None, None)


def test_html_keeps_the_time_of_day_and_the_byline_the_page_states() -> None:
    from newsdrop.text.html import clean_html

    paragraph = (
        "The council approved the new budget on Tuesday after a long debate about the city's schools and roads. "
        * 3
    )
    page = (
        '<html><head><title>Council passes budget</title><meta property="article:published_time"'
        ' content="2024-05-03T15:47:00+02:00"><meta name="author" content="Anna Fink"></head><body><article>'
        f"<h1>Council passes budget</h1><p>{paragraph}</p><p>{paragraph}</p></article></body></html>"
    )
    article = clean_html(page)
    assert article.published == "2024-05-03T15:47+02:00"
    assert article.byline == "Anna Fink"


_STORY = "".join(
    f"<p>{p}</p>"
    for p in (
        "The harbour council approved the budget on Tuesday after a long debate about schools and roads.",
        "Opponents said the plan raised taxes too far, while supporters pointed to repairs long delayed.",
        "The new budget takes effect in the spring and will be reviewed again by the council next year.",
    )
)


@pytest.mark.parametrize(
    ("above_headline", "footer", "expected"),
    [
        ("", "Copyright 2019 Daily Courier.", None),  # only a year: not a publication date
        ("<p>Published January 1, 2019</p>", "Copyright 2019 Daily Courier.", "2019-01-01"),
        ("<time datetime='2019-01-01'>1 Jan 2019</time>", "", "2019-01-01"),
    ],
)
def test_a_year_alone_is_no_publication_date(above_headline: str, footer: str, expected: str | None) -> None:
    page = (
        "<html><head><title>Harbour budget passes</title></head><body><article>"
        f"{above_headline}<h1>Harbour budget passes</h1>{_STORY}</article><footer><p>{footer}</p></footer>"
        "</body></html>"
    )
    published = extract_html(page)[1].published
    assert (published[:10] if published else None) == expected


def test_page_descriptions_reads_every_summary_meta_tag_as_a_bare_key() -> None:
    from newsdrop.text.html_meta import page_descriptions

    page = (
        '<meta name="description" content="The lead, in &quot;short&quot;.">'
        '<meta property="og:description" content="Another summary">'
        '<meta name="author" content="Jane Doe"><meta name="Description" content="">'
    )
    assert page_descriptions(page) == frozenset({"theleadinshort", "anothersummary"})
    assert page_descriptions("<p>No metadata.</p>") == frozenset()


def test_extract_puts_the_described_standfirst_above_the_main_content() -> None:
    lead = "A standfirst that sums the story up, printed under the headline and above the story body."
    story = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    page = (
        f'<html><head><title>Talks resume after long pause</title><meta name="description" content="{lead}">'
        "</head><body><nav><a href='/'>Home</a></nav><header><h1>Talks resume after long pause</h1>"
        f"<div class='dek'><span>{lead}</span></div></header><article>{story}</article>"
        "<footer><a href='/about'>About us</a></footer></body></html>"
    )
    found = extract(page)
    assert found.main_content
    # trafilatura starts at the <article> and leaves the standfirst out: it comes back above the story, once
    assert lead not in found.extractor_text
    assert found.text.startswith(lead + "\n")
    assert found.text.count(lead) == 1


@pytest.mark.parametrize(
    ("h1s", "meta", "page_title", "site", "witnesses", "expected"),
    [
        # A banner <h1> that names the site with a tagline: the metadata title.
        (["El Diario, el primer diario digital de Chile."], "Las trabas del Congreso: debate de décadas",
         "Las trabas del Congreso: debate de décadas - El Diario", "El Diario", {},
         "Las trabas del Congreso: debate de décadas"),
        # A headline that only mentions the site shares most words with the metadata title: kept.
        (["El Diario gana el premio de prensa regional"], "El Diario gana el premio de prensa regional",
         None, "El Diario", {}, "El Diario gana el premio de prensa regional"),
        # The metadata title cut right before a quote mark: the <title> tag's whole headline.
        ([""], "Senator calls the president", 'Senator calls the president "unfit"', "Daily", {},
         'Senator calls the president "unfit"'),
        # No <h1>: the og:title the <title> tag prints, not an extractor's title from a widget.
        ([], "Aktuelle", "Repair café on 31 January: City of Ahlen", "City of Ahlen",
         {"og_title": "Repair café on 31 January"}, "Repair café on 31 January"),
        # No <h1>: only the parts that name the site are cut; a dash inside the headline stays.
        ([], "Friday Facts #282 - 0.17 in sight | Factorio", None, "Factorio.com", {},
         "Friday Facts #282 - 0.17 in sight"),
        ([], "Minecraft 1.8 - The Bountiful Update", None, "Minecraft Update News", {},
         "Minecraft 1.8 - The Bountiful Update"),
        # The JSON-LD headline is the <h1> with the space its spans lost.
        (["Police catch two:stolen jewels found"], "Police catch two: stolen jewels found - City News", None,
         "City News", {"ld_headline": "Police catch two: stolen jewels found"}, "Police catch two: stolen jewels found"),
        # ... but punctuation the JSON-LD adds is not taken.
        (["Tubeless tyres step by step: how to fit them"], None, None, None,
         {"ld_headline": "Tubeless tyres: step by step: how to fit them"}, "Tubeless tyres step by step: how to fit them"),
        # The <h1> is the metadata title glued to the JSON-LD headline: the headline alone.
        (["AdBlue refill: where to buy; price How to use AdBlue right"], "AdBlue refill: where to buy; price | Cars",
         None, "Cars", {"ld_headline": "How to use AdBlue right"}, "How to use AdBlue right"),
        # No <h1>: a metadata title that is the JSON-LD headline with a "-Section|Site" tail.
        ([], "Party vote on preference ballots fails again-Politics|Daily", None, "Daily Times",
         {"ld_headline": "Party vote on preference ballots fails again"}, "Party vote on preference ballots fails again"),
        # A reworded JSON-LD headline is no witness: the printed headline stays.
        (["Harbour wall finished early"], "Harbour wall finished early", None, None,
         {"ld_headline": "Harbour works end ahead of plan"}, "Harbour wall finished early"),
        # A short section label in the <h1> shares no word with the <title>: the <title> without its site part.
        (["Allergies Health Center"], "Allergies Health Center", "Babies who eat peanuts early may avoid allergy",
         None, {}, "Babies who eat peanuts early may avoid allergy"),
        (["Original text"], "Original text", "Keyboard with a lighter touch goes on sale | Acme News", "Acme News",
         {}, "Keyboard with a lighter touch goes on sale"),
        # ... not when it shares a word with the <title> ("Orden" in both: a short headline)...
        (["Orden fürs Morden"], "Orden fürs Morden", "Veteranentag: Orden fürs Morden", None, {}, "Orden fürs Morden"),
        # ... nor with the og:title, nor when it is longer than a label.
        (["Harbour wall done"], "Harbour wall done", "Coast News front page", None,
         {"og_title": "Harbour wall done early"}, "Harbour wall done"),
        (["For holiday parties, get behind the statement tee"], "For holiday parties, get behind the statement tee",
         "Designer statement shirts", None, {}, "For holiday parties, get behind the statement tee"),
        # ... nor when the <title> is no longer than the label (the site's name alone).
        (["Breaking news today"], "Breaking news today", "Coast", None, {}, "Breaking news today"),
        # No <h1> and no og:title or JSON-LD: an extractor's title the <title> does not print (a logo's alt text)
        # loses to the <title> without its site part.
        ([""], "POLITICO Politico Logo", "Insiders: Trump will sink Pence in VP debate - POLITICO", "politico.com",
         {}, "Insiders: Trump will sink Pence in VP debate"),
        # ... but one the <title> prints stays.
        ([], "Harbour wall finished early", "Harbour wall finished early - Coast News", "Coast News", {},
         "Harbour wall finished early"),
    ],
)  # fmt: skip
def test_choose_headline_with_the_og_title_and_json_ld_as_witnesses(
    h1s: list[str],
    meta: str | None,
    page_title: str | None,
    site: str | None,
    witnesses: dict[str, str],
    expected: str,
) -> None:
    assert headline_choice(h1s, meta, page_title, site, **witnesses)[0] == expected


def test_title_witnesses_reads_the_og_title_and_the_json_ld_headline() -> None:
    from newsdrop.text.html_meta import title_witnesses

    page = (
        '<html><head><meta property="og:title" content="Harbour  wall &amp; pier finished">'
        '<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, {"headline": "Harbour wall finished"}]}'
        "</script></head><body><h1>Harbour wall finished</h1></body></html>"
    )
    assert title_witnesses(page) == ("Harbour wall & pier finished", "Harbour wall finished")
    assert title_witnesses("<p>No metadata</p>") == (None, None)


def test_the_metadata_readers_answer_for_the_page_they_are_given_each_time() -> None:
    from newsdrop.text.html_meta import page_descriptions, page_metadata, title_witnesses

    first = (
        '<html><head><meta property="og:title" content="Harbour wall finished">'
        '<meta name="description" content="The wall is done.">'
        '<meta name="author" content="Ann Lee"><meta property="article:published_time" content="2024-03-05T09:30:00Z">'
        "</head><body><p>x</p></body></html>"
    )
    second = (
        '<html><head><script type="application/ld+json">{"headline": "Pier reopens", "datePublished":'
        ' "2024-04-01T08:00:00Z", "author": {"name": "Bo Chen"}, "description": "ignored"}</script>'
        "</head><body><p>y</p></body></html>"
    )
    for _ in range(2):  # each page twice, alternating: no answer carries over from the page read before
        assert title_witnesses(first) == ("Harbour wall finished", None)
        assert page_metadata(first) == ("2024-03-05T09:30:00Z", "Ann Lee")
        assert page_descriptions(first) == frozenset({"thewallisdone"})
        assert title_witnesses(second) == (None, "Pier reopens")
        assert page_metadata(second) == ("2024-04-01T08:00:00Z", "Bo Chen")
        assert page_descriptions(second) == frozenset()
