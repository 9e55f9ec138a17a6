"""The HTML headline read against the page's printed lines: the headline shown under an <h1>, a title's opening."""

from __future__ import annotations

import pytest

from newsdrop.text.html_printed import (
    displayed_headline,
    printed_opening,
    unstated_printed_part,
    without_stated_headlines,
)

_MAYA = [
    "Home",
    "Science",
    "Sensation: Ancient Maya cities found",
    "Sensation",
    "Unknown Maya cities shed new light",
]
_SHOWN = "Unknown Maya cities shed new light"
_FIRST = "Three ancient cities emerged from the rainforest, and what they reveal changes the picture we had."
_MENU = ["Live", "Results", "Medals", "Schedule"]


@pytest.mark.parametrize(
    ("chosen", "page_lines", "witnesses", "expected"),
    [
        # The og:title printed under the <h1> (a kicker between): the headline the page shows.
        ("Sensation: Ancient Maya cities found", [*_MAYA, _FIRST], (_SHOWN, None), _SHOWN),
        # The JSON-LD headline does as well, printed with other punctuation: the metadata's spelling.
        ("Sensation: Ancient Maya cities found", [*_MAYA[:4], "Unknown Maya cities - shed new light", _FIRST],
         (None, "Unknown Maya cities: shed new light"), "Unknown Maya cities: shed new light"),
        # Under a section's menu, still above the story's first paragraph: the same.
        ("Sensation: Ancient Maya cities found", [*_MAYA[:3], *_MENU, _SHOWN, _FIRST], (_SHOWN, None), _SHOWN),
        # Printed above the <h1> (a teaser, a menu): no.
        ("Sensation: Ancient Maya cities found", [_SHOWN, *_MAYA[:3], _FIRST], (_SHOWN, None), None),
        # Printed below the story's first paragraph (a related story): no.
        ("Sensation: Ancient Maya cities found", [*_MAYA[:3], "Sensation", _FIRST, "More", _SHOWN],
         (_SHOWN, None), None),
        ("Sensation: Ancient Maya cities found", [*_MAYA[:3], *_MENU, _FIRST, _SHOWN], (_SHOWN, None), None),
        # The witness is the <h1> itself, or the <h1> is not printed: no.
        ("Sensation: Ancient Maya cities found", [*_MAYA, _FIRST], ("Sensation - Ancient Maya cities found", None),
         None),
        ("Maya cities found at last", [*_MAYA, _FIRST], (_SHOWN, None), None),
        (None, [*_MAYA, _FIRST], (_SHOWN, None), None),
    ],
)  # fmt: skip
def test_the_metadata_headline_printed_under_the_h1_is_the_displayed_one(
    chosen: str | None, page_lines: list[str], witnesses: tuple[str | None, ...], expected: str | None
) -> None:
    # The extractor's main content holds the story's first paragraph (and the displayed headline, at times).
    assert displayed_headline(chosen, page_lines, witnesses, f"{_SHOWN}\n{_FIRST}\nMore text.") == expected


@pytest.mark.parametrize(
    ("chosen", "page_lines", "expected"),
    [
        # Section and site glued on with underscores, the headline printed alone: the headline.
        ("这个约会软件，想用你的好恶来帮你找对象_智能_好奇心日报", ["好奇心日报", "这个约会软件，想用你的好恶来帮你找对象"],
         "这个约会软件，想用你的好恶来帮你找对象"),
        # A site's name glued on with a full-width colon or bar.
        ("ツリーを描画できる「Treeviz」：開発日誌", ["ツリーを描画できる「Treeviz」", "本文"], "ツリーを描画できる「Treeviz」"),
        ("ツリーを描画できる「Treeviz」｜開発日誌", ["ツリーを描画できる「Treeviz」", "本文"], "ツリーを描画できる「Treeviz」"),
        # An ASCII colon glued to both sides is as often an <h1>'s spans that lost their space: kept.
        ("Harbour wall finished early:Coast Diary", ["Harbour wall finished early"], None),
        # A kicker's colon has a space after it: the headline's own, kept.
        ("Stuttgart has it all: city of records", ["Stuttgart has it all", "Text"], None),
        # A line broken inside the title (a space, no mark): kept.
        ("People call out this edited picture of a singer", ["People call out this edited picture of"], None),
        # The whole title printed too: it is the headline as printed.
        ("Harbour wall finished_News_Coast", ["Harbour wall finished_News_Coast", "Harbour wall finished"], None),
        # An opening too short to be a headline, or a long second half: kept.
        ("Port news_Coast", ["Port news"], None),
        ("Harbour wall finished:and the council votes on the next works in the spring session",
         ["Harbour wall finished"], None),
    ],
)  # fmt: skip
def test_a_titles_opening_printed_alone_before_a_glued_name_is_the_headline(
    chosen: str, page_lines: list[str], expected: str | None
) -> None:
    assert printed_opening(chosen, page_lines) == expected


def test_extract_takes_the_displayed_headline_and_drops_the_h1_from_the_story() -> None:
    from newsdrop.text.html import extract

    story = "".join(
        f"<p>Paragraph {n} of the story tells how the cities were found under the canopy of the forest.</p>"
        for n in range(1, 7)
    )
    shown = "Unknown Maya cities shed new light on early times"
    page = (
        "<html><head><title>Sensation: Ancient Maya cities found in Guatemala</title>"
        f'<meta property="og:title" content="{shown}"></head><body><nav><a href="/">Home</a></nav><article>'
        "<h1>Sensation: Ancient Maya cities found in Guatemala</h1><div>Sensation</div>"
        f"<h2>{shown}</h2>{story}</article></body></html>"
    )
    found = extract(page)
    assert found.hints.title == shown
    assert "Ancient Maya cities found" not in found.text
    assert "Paragraph 1 of the story" in found.text


_PARAGRAPH = "The central bank said on Friday that its supervisors had missed the warning signs for months."
_LD = "Kollaps der Silicon Valley Bank: US-Notenbank räumt Versäumnisse ein"
_H1 = "Silicon Valley Bank: Federal Reserve räumt Versäumnisse ein"


@pytest.mark.parametrize(
    ("main_lines", "witnesses", "expected"),
    [
        # the JSON-LD headline printed over the story with its colon lost: the headline, not a crosshead
        (["Kollaps der Silicon Valley Bank US-Notenbank räumt Versäumnisse ein", _PARAGRAPH], (_H1, None, None, _LD),
         [_PARAGRAPH]),
        # the og:title, under a short label
        (["Wirtschaft", "Kollaps der Silicon Valley Bank: US-Notenbank räumt Versäumnisse ein", _PARAGRAPH],
         (_H1, None, _LD, None), ["Wirtschaft", _PARAGRAPH]),
        # the chosen headline without the kicker its colon sets off
        (["Federal Reserve räumt Versäumnisse ein", _PARAGRAPH], (_H1, None, None, None), [_PARAGRAPH]),
        # a kicker's rest of fewer than four words is no headline
        (["Versäumnisse ein", _PARAGRAPH], ("Bank: Versäumnisse ein", None, None, None),
         ["Versäumnisse ein", _PARAGRAPH]),
        # the chosen headline printed as it is: the cleaner finds it and drops the labels above it
        (["Wirtschaft", _H1, _PARAGRAPH], (_H1, None, None, _LD), ["Wirtschaft", _H1, _PARAGRAPH]),
        # below the first paragraph: the story's own line
        ([_PARAGRAPH, "Federal Reserve räumt Versäumnisse ein"], (_H1, None, None, None),
         [_PARAGRAPH, "Federal Reserve räumt Versäumnisse ein"]),
        # past the headline area's first lines: the same
        (["A", "B", "C", "D", "Federal Reserve räumt Versäumnisse ein", _PARAGRAPH], (_H1, None, None, None),
         ["A", "B", "C", "D", "Federal Reserve räumt Versäumnisse ein", _PARAGRAPH]),
        # a crosshead in other words: stays
        (["Was die Aufsicht übersah", _PARAGRAPH], (_H1, None, None, _LD), ["Was die Aufsicht übersah", _PARAGRAPH]),
        # no headline stated at all
        (["Federal Reserve räumt Versäumnisse ein", _PARAGRAPH], (None, None, None, None),
         ["Federal Reserve räumt Versäumnisse ein", _PARAGRAPH]),
    ],
)  # fmt: skip
def test_a_stated_headline_printed_over_the_story_is_no_crosshead(
    main_lines: list[str], witnesses: tuple[str | None, ...], expected: list[str]
) -> None:
    assert without_stated_headlines(main_lines, witnesses) == expected


@pytest.mark.parametrize(
    ("chosen", "page_lines", "expected"),
    [
        # A site's or a section's name after a spaced mark, before a mark and a space, or glued in a CJK title.
        ("Marathon: Hendel im Porträt - Sport", ["Sport", "Marathon: Hendel im Porträt"], "Marathon: Hendel im Porträt"),
        ("Local News | Brothel busted in the city", ["Brothel busted in the city"], "Brothel busted in the city"),
        ("Inside the Deep Web Drug Lab — Backchannel", ["Inside the Deep Web Drug Lab"], "Inside the Deep Web Drug Lab"),
        ("민주당 선호투표제 도입 또다시 불발-정치ㅣ한국일보", ["민주당 선호투표제 도입 또다시 불발"], "민주당 선호투표제 도입 또다시 불발"),
        # The longest printed part wins.
        ("Harbour wall finished early - News - Coast", ["Harbour wall finished early", "Harbour wall finished early - News"],
         "Harbour wall finished early - News"),
        # An ASCII colon glued to both sides (an <h1>'s spans that lost their space as often): kept.
        ("マインドマップ風のツリーを描画「Treeviz」:phpspot開発日誌", ["マインドマップ風のツリーを描画「Treeviz」"], None),
        ("Reparaturcafé am 31. Januar: Stadt Ahlen", ["Reparaturcafé am 31. Januar"], "Reparaturcafé am 31. Januar"),
        # A hyphen glued to the headline's first word is a compound's: kept.
        ("MSV-Interimstrainer Schubert: nicht mehr viel", ["Interimstrainer Schubert: nicht mehr viel"], None),
        # A space and no mark (a line broken inside the title), a long other part, a short printed part: kept.
        ("People call out this edited picture of a singer", ["People call out this edited picture of"], None),
        ("Harbour wall finished - and the council votes on more works", ["Harbour wall finished"], None),
        ("Port news - Coast", ["Port news"], None),
        # The whole title printed: it is the headline as printed.
        ("Harbour wall finished - Coast", ["Harbour wall finished - Coast", "Harbour wall finished"], None),
    ],
)  # fmt: skip
def test_a_title_without_metadata_is_cut_to_the_part_the_page_prints(
    chosen: str, page_lines: list[str], expected: str | None
) -> None:
    assert unstated_printed_part(chosen, page_lines) == expected


@pytest.mark.parametrize(
    "page_lines",
    [
        ["Harbour wall finished", "Council has voted now"],
        ["Council has voted now", "Harbour wall finished"],
    ],
)
def test_of_two_printed_parts_of_one_length_the_first_printed_wins(page_lines: list[str]) -> None:
    # Both halves are printed and as long as each other; without the page's order the pick followed the hash seed.
    assert unstated_printed_part("Harbour wall finished | Council has voted now", page_lines) == page_lines[0]
