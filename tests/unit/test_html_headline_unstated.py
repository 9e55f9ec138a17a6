"""The HTML headline on pages whose metadata states no headline (no og:title, no JSON-LD): the <title> as witness."""

from __future__ import annotations

import pytest

from newsdrop.text.html_headline import headline_choice

_FLOOD = "Flood inquiry: Two resign - and many questions stay open"
_SAINTS = "The ice saints 2024: when they come - and what the weather does"


@pytest.mark.parametrize(
    ("h1s", "meta", "page_title", "site", "witnesses", "expected"),
    [
        # The extractor's title is the <h1>, whose spans lost a colon: the <title> without its site part spells it.
        (["Flood inquiry Two resign - and many questions stay open"],
         "Flood inquiry Two resign - and many questions stay open", f"{_FLOOD} | news.example", "news.example", {},
         _FLOOD),
        # ... not where the page states its headline in an og:title (that witness speaks for it).
        (["Flood inquiry Two resign - and many questions stay open"],
         "Flood inquiry Two resign - and many questions stay open", f"{_FLOOD} | news.example", "news.example",
         {"og_title": "Flood inquiry Two resign - and many questions stay open"},
         "Flood inquiry Two resign - and many questions stay open"),
        # ... nor where the <title> only respells the <h1>'s dash as a hyphen.
        (["Jedi review – shoots for the moon"], "Jedi review – shoots for the moon",
         "Jedi review - shoots for the moon - Games", "Games", {}, "Jedi review – shoots for the moon"),
        # The <h1>'s quote marks stay where only the <title> drops them (an og:title would be a witness).
        (["Government Sparks Fury Over 'Graphic' Ad"], "Government Sparks Fury Over Graphic Ad",
         "Government Sparks Fury Over Graphic Ad | news.example", "news.example", {},
         "Government Sparks Fury Over 'Graphic' Ad"),
        # One headline printed three times is one <h1>: the lone headline, not the extractor's <title>.
        (["How to retire early and relax"] * 3, "Retirement, step by step: earn, save, invest", None, None, {},
         "How to retire early and relax"),
        # The extractor's title is the <title> cut at a dash, and the page prints the whole <title>: the whole, over a
        # crosshead that shares as many of its words.
        (["When the ice saints come", _SAINTS], "The ice saints 2024: when they come", _SAINTS, None, {}, _SAINTS),
        # Of several headlines, the one the <title> prints as most of itself, over the extractor's heading.
        (["Morning Money - Archive", "Grim global outlook for bank meetings"], "Morning Money",
         "Grim global outlook for bank meetings - POLITICS", None, {}, "Grim global outlook for bank meetings"),
        # ... while an og:title naming none of them keeps the word-share choice.
        (["Morning Money - Archive", "Grim global outlook for bank meetings"], "Morning Money",
         "Grim global outlook for bank meetings - POLITICS", None, {"og_title": "Morning Money"},
         "Morning Money - Archive"),
    ],
)  # fmt: skip
def test_the_title_tag_witnesses_the_headline_where_no_metadata_states_one(
    h1s: list[str],
    meta: str | None,
    page_title: str | None,
    site: str | None,
    witnesses: dict[str, str],
    expected: str,
) -> None:
    assert headline_choice(h1s, meta, page_title, site, **witnesses)[0] == expected
