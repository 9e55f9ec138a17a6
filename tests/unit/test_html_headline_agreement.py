"""The HTML headline's witnesses: when the page's other titles overrule or confirm the printed <h1>."""

from __future__ import annotations

import pytest

from newsdrop.text.html_headline import headline_choice


@pytest.mark.parametrize(
    ("h1s", "meta", "page_title", "site", "witnesses", "expected"),
    [
        # The metadata title spells the <h1>'s words with the separator its spans lost: taken.
        (["Nationale DemoDer 9. Juli naht"], "Nationale Demo / Der 9. Juli naht", None, None, {},
         "Nationale Demo / Der 9. Juli naht"),
        (["Harbour wall finished¶"], "Harbour wall finished", None, None, {}, "Harbour wall finished"),
        # ... not when it only adds a mark at an end (a site part cut away behind a dash)...
        (["Horse riding stays an Olympic sport"], "Horse riding stays an Olympic sport -", None, None, {},
         "Horse riding stays an Olympic sport"),
        (["Horse riding stays an Olympic sport"], "- Horse riding stays an Olympic sport", None, None, {},
         "Horse riding stays an Olympic sport"),
        # ... nor when the JSON-LD headline prints the <h1> as it is...
        (["Sazerac - all about the New Orleans classic"], "Sazerac! All about the New Orleans classic", None,
         None, {"ld_headline": "Sazerac - all about the New Orleans classic"},
         "Sazerac - all about the New Orleans classic"),
        # ... nor when the <title> without its site part does.
        (["Hope – Iceland frees itself – the film"], "Hope - Iceland frees itself - the film",
         "Hope – Iceland frees itself – the film | tv-orange", "tv-orange", {},
         "Hope – Iceland frees itself – the film"),
    ],
)  # fmt: skip
def test_the_metadata_spelling_of_the_h1_only_where_no_other_title_prints_the_h1(
    h1s: list[str],
    meta: str | None,
    page_title: str | None,
    site: str | None,
    witnesses: dict[str, str],
    expected: str,
) -> None:
    assert headline_choice(h1s, meta, page_title, site, **witnesses)[0] == expected


@pytest.mark.parametrize(
    ("h1s", "page_title", "site", "expected"),
    [
        # A label sharing only a function word with the <title>: the <title>.
        (["Information and Resources"], "Superbugs: What They Are and How You Get Them", None,
         "Superbugs: What They Are and How You Get Them"),
        # A label sharing only the site's name with the <title>: the <title> without its site part.
        (["O Opinion", "Opinion"], "Pensions are an archaism | AOC media - Analyse Opinion Critique",
         "AOC media - Analyse Opinion Critique", "Pensions are an archaism"),
        # A <title> as long as the label will do.
        (["About This Site"], "Daring Fireball: Colophon", None, "Daring Fireball: Colophon"),
        # A short headline sharing a content word with the <title> stays ...
        (["Orden fürs Morden"], "Veteranentag: Orden fürs Morden", None, "Orden fürs Morden"),
        # ... and so does one whose <title> is shorter (the site's name alone).
        (["Breaking news today"], "Coast", None, "Breaking news today"),
    ],
)  # fmt: skip
def test_a_short_h1_sharing_no_content_word_with_the_pages_titles_is_a_label(
    h1s: list[str], page_title: str, site: str | None, expected: str
) -> None:
    assert headline_choice(h1s, h1s[-1], page_title, site)[0] == expected


@pytest.mark.parametrize(
    ("h1s", "page_title", "site", "witnesses", "expected"),
    [
        # The JSON-LD headline and the <title> (site part cut) state another headline than the <h1>: theirs.
        (["Slaughterhouses: why ever fewer animals are killed here"],
         "Is the sausage an illusion? The hard trade in death | MDR.DE", "MDR",
         {"og_title": "Is the sausage an illusion? The hard trade in death | MDR.DE",
          "ld_headline": "Is the sausage an illusion? The hard trade in death"},
         "Is the sausage an illusion? The hard trade in death"),
        # The JSON-LD headline and the og:title agree, the <title> is the site's: theirs, not a section's <h1>.
        (["When, if not now", '"Downtown" Montauk', "Where to stay:"], "BeFifty - the blog for women over 50",
         "BeFifty", {"og_title": "Perhaps the finest end of the world: Montauk",
                     "ld_headline": "Perhaps the finest end of the world: Montauk"},
         "Perhaps the finest end of the world: Montauk"),
        # The JSON-LD headline alone is no majority: the <h1> stays.
        (["Harbour wall finished early"], "Harbour wall finished early | Coast", "Coast",
         {"ld_headline": "Harbour works end ahead of plan"}, "Harbour wall finished early"),
        # A respelling (most words shared) is no other headline: the printed one stays.
        (["Joburg has failed its informal traders: here is what the City needs to do"],
         "Johannesburg has failed its informal traders: here is what the City needs to do", None,
         {"ld_headline": "Johannesburg has failed its informal traders: here is what the City needs to do"},
         "Joburg has failed its informal traders: here is what the City needs to do"),
        # A witness that holds the <h1>'s words (a kicker added) backs the <h1>: it stays.
        (["Orders for murder"], "Veterans' day: Orders for murder", None,
         {"og_title": "Veterans' day: Orders for murder", "ld_headline": "Veterans' day: Orders for murder"},
         "Orders for murder"),
    ],
)  # fmt: skip
def test_the_json_ld_headline_with_a_second_title_overrules_an_h1_in_other_words(
    h1s: list[str], page_title: str, site: str | None, witnesses: dict[str, str], expected: str
) -> None:
    # The extractor's title is the og:title where the page has one (trafilatura reads it first).
    meta = witnesses.get("og_title", h1s[0])
    assert headline_choice(h1s, meta, page_title, site, **witnesses)[0] == expected


@pytest.mark.parametrize(
    ("h1s", "witnesses", "expected"),
    [
        # The og:title or JSON-LD headline states the <h1> without the quote marks around its opening: theirs.
        (['"We will rebuild"... the mayor after the flood'], {"og_title": "We will rebuild... the mayor after the flood"},
         "We will rebuild... the mayor after the flood"),
        (["Mayor: 'We will rebuild' after the flood"], {"ld_headline": "Mayor: We will rebuild after the flood"},
         "Mayor: We will rebuild after the flood"),
        # A witness that respells the marks (straight for curly) keeps as many: the printed <h1> stays.
        (["Mayor: \u2018We will rebuild\u2019 after the flood"], {"og_title": "Mayor: 'We will rebuild' after the flood"},
         "Mayor: \u2018We will rebuild\u2019 after the flood"),
        # Several <h1>s the metadata title names none of: the one the JSON-LD headline states.
        (["Only a third of the children came to school", "Mayor: the fire is not out yet", "Video of the fire"],
         {"og_title": "Emergency plan: a quiet but hot Monday", "ld_headline": "Only a third of the children came to school"},
         "Only a third of the children came to school"),
    ],
)  # fmt: skip
def test_the_metadata_settles_quote_marks_and_which_of_several_h1s(
    h1s: list[str], witnesses: dict[str, str], expected: str
) -> None:
    meta = witnesses.get("og_title", h1s[0])
    assert headline_choice(h1s, meta, None, None, **witnesses)[0] == expected


def test_the_printed_h1_the_metadata_overrules_leaves_the_main_content() -> None:
    from newsdrop.text.html import extract

    story = "".join(
        f"<p>Paragraph {n} of the story tells how the harbour works went on through the winter storms.</p>"
        for n in range(1, 7)
    )
    stated = "Harbour works end ahead of plan after mild winter"
    page = (
        f"<html><head><title>{stated} | Coast News</title>"
        f'<meta property="og:title" content="{stated}">'
        f'<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{stated}"}}</script>'
        "</head><body><nav><a href='/'>Home</a></nav><article><h1>Crews beat the calendar on the sea wall</h1>"
        f"{story}</article><footer><a href='/about'>About us</a></footer></body></html>"
    )
    found = extract(page)
    assert found.hints.title == stated
    assert "Crews beat the calendar on the sea wall" in found.extractor_text
    assert "Crews beat the calendar" not in found.text
    assert "Paragraph 1 of the story" in found.text


@pytest.mark.parametrize(
    ("h1s", "meta", "site", "expected"),
    [
        # Two <h1>s the metadata title names, each a small part of it (the blog's and the network's names):
        # the metadata title is the headline.
        (["PIXNET", "Steven's home"], "Trip to the maples in autumn (2) @ Steven's home :: PIXNET ::",
         "Steven's home", "Trip to the maples in autumn (2) @ Steven's home :: PIXNET ::"),
        (["Custom", "owner/tool", "tool", "Usage"], "owner/tool: Convert an app bundle to another platform's one",
         "GitHub", "owner/tool: Convert an app bundle to another platform's one"),
        # ... without the part that names the site.
        (["Harbour", "Coast"], "The harbour wall is finished after two winters of work | Harbour | Coast",
         "Coast", "The harbour wall is finished after two winters of work | Harbour"),
        # One <h1> the title names as a small part: the <h1> (a short headline beside a long site part).
        (["Unermüdlicher Einsatz"], "Unermüdlicher Einsatz - Die Neue Südtiroler Tageszeitung", None,
         "Unermüdlicher Einsatz"),
        # Two named <h1>s, the longest half the title or more: the headline and a label it carries.
        (["Keine Spiel-Talstraße zur Bunten Republik", "Spiel-Talstraße"],
         "Keine Spiel-Talstraße zur Bunten Republik", None, "Keine Spiel-Talstraße zur Bunten Republik"),
        (["Yellow Vests and I", "Pamela Anderson"], "Yellow Vests and I — Pamela Anderson", None,
         "Yellow Vests and I"),
        # The same <h1> twice is one label, not two.
        (["Coast", "Coast"], "The harbour wall is finished after two winters | Coast", None, "Coast"),
    ],
)  # fmt: skip
def test_a_metadata_title_built_of_several_h1s_is_the_headline(
    h1s: list[str], meta: str, site: str | None, expected: str
) -> None:
    assert headline_choice(h1s, meta, None, site)[0] == expected


@pytest.mark.parametrize(
    ("h1", "og_title", "expected"),
    [
        # The <h1>'s box prints the post's date and categories after the stated headline: the headline.
        ("Fans return to the region's clubs 02.02.2022 • Association, Press, General",
         "Fans return to the region's clubs", "Fans return to the region's clubs"),
        ("Fans return to the region's clubs | 2 February 2022", "Fans return to the region's clubs",
         "Fans return to the region's clubs"),
        # Words after the stated headline, before any date, are the headline's own: the <h1> stays.
        ("Fans return to the region's clubs in Tennessee", "Fans return to the region's clubs",
         "Fans return to the region's clubs in Tennessee"),
        ("Fans return to the region's clubs, updated 02.02.2022", "Fans return to the region's clubs",
         "Fans return to the region's clubs, updated 02.02.2022"),
        # A stated title too short to be the headline (a section's name) is no reason.
        ("Live 02.02.2022", "Live", "Live 02.02.2022"),
    ],
)  # fmt: skip
def test_an_h1_that_is_the_stated_headline_followed_by_a_date_gives_the_headline(
    h1: str, og_title: str, expected: str
) -> None:
    assert headline_choice([h1], h1, None, None, og_title=og_title)[0] == expected
