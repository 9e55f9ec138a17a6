"""The HTML headline on pages stating none in metadata: the first printed headline, site-name and blog-name titles."""

from __future__ import annotations

import pytest

from newsdrop.text.html_headline import headline_choice
from newsdrop.text.html_unstated import (
    dashes_respelled,
    first_headline,
    first_sharing,
    rest_of_title,
    site_only,
    titled_large_type,
)

_STORM = "Strong tornadoes possible in severe storm outbreak in central states"
_DEK = "Strong tornadoes are possible across the central states both Friday and Saturday"
_SEO = "A few strong tornadoes could strike central U.S. Friday and Saturday - The Post"


@pytest.mark.parametrize(
    ("h1s", "meta", "page_title", "site", "witnesses", "expected"),
    [
        # The <title> rewords the headline for search engines and shares more words with the standfirst printed
        # under it: the first printed headline that shares a word with it.
        ([_STORM, _DEK], _SEO, _SEO, "The Post", {}, _STORM),
        # ... not where an og:title states the headline (the word-share choice stays).
        ([_STORM, _DEK], _SEO, _SEO, "The Post", {"og_title": _SEO}, _DEK),
        # The extractor's title is the <title>, which respells the printed dash as a hyphen: the printed form.
        (["Jedi review – shoots for the moon"], "Jedi review - shoots for the moon",
         "Jedi review - shoots for the moon - Games", "Games", {}, "Jedi review – shoots for the moon"),
        # ... where an og:title states it so, the stated form (the og:title is a witness of its own).
        (["Jedi review – shoots for the moon"], "Jedi review - shoots for the moon",
         "Jedi review - shoots for the moon - Games", "Games", {"og_title": "Jedi review - shoots for the moon"},
         "Jedi review - shoots for the moon"),
        # A <title> that is only the site's name: the first printed headline of three words or more.
        (["Search", "The Hidden Heroines of Chaos", "Next article"], "Quanta Magazine", "Quanta Magazine",
         "quantamagazine.org", {}, "The Hidden Heroines of Chaos"),
        # A blog's name as the <h1>, the <title>'s last part: the rest of the <title>.
        (["Damian's Blog"], "Damian's Blog", "Office 365 – HBDI – the third | Damian's Blog", "damian.example", {},
         "Office 365 – HBDI – the third"),
        # ... not where the rest is shorter than the <h1> (a kicker or a site's name before the headline).
        (["Nordmann dømt til livstid"], "Nordmann dømt til livstid", "«Evnukkmakeren»: - Nordmann dømt til livstid",
         None, {}, "Nordmann dømt til livstid"),
        # ... nor where an og:title states the headline.
        (["Damian's Blog"], "Damian's Blog", "Office 365 – HBDI – the third | Damian's Blog", "damian.example",
         {"og_title": "Damian's Blog"}, "Damian's Blog"),
    ],
)  # fmt: skip
def test_headline_where_no_metadata_states_one(
    h1s: list[str],
    meta: str | None,
    page_title: str | None,
    site: str | None,
    witnesses: dict[str, str],
    expected: str,
) -> None:
    assert headline_choice(h1s, meta, page_title, site, **witnesses)[0] == expected


@pytest.mark.parametrize(
    ("candidates", "title", "page_title", "expected"),
    [
        (["Niemcy. Stałe zamknięcie granic", "Niemcy zamykają granice dla przybyszów"],
         "Niemcy zamykają granice? Kwestia czasu", None, "Niemcy. Stałe zamknięcie granic"),
        # Not a label of two words, nor a banner that is the <title>'s last part (its rest as long or longer).
        (["Storm news", "evolve extension for storms", "Evolve: shared storm history¶"],
         "Evolve and the long history of weather in the north",
         "Evolve: shared storm history — evolve extension for storms", "Evolve: shared storm history¶"),
        # A headline cut with an ellipsis that the page prints whole further down.
        (["Local News | Brothel catering to politicians,…", "Local News | Brothel catering to politicians, busted"],
         "Brothel for politicians raided in Boston", None, "Local News | Brothel catering to politicians, busted"),
        # No printed headline shares a content word (four letters or more) with the title.
        (["The end of the day", "Ask the experts"], "Budget vote: the city says no", None, None),
    ],
)  # fmt: skip
def test_first_sharing(
    candidates: list[str], title: str, page_title: str | None, expected: str | None
) -> None:
    assert first_sharing(candidates, title, page_title) == expected


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Quanta Magazine", "quantamagazine.org", True),
        ("kath.net", None, True),
        ("Evolve: Shared Mutable History", None, False),
        ("The Hidden Heroines of Chaos | Quanta Magazine", "quantamagazine.org", False),
        (None, "quantamagazine.org", False),
    ],
)
def test_site_only(title: str | None, site: str | None, expected: bool) -> None:
    assert site_only(title, site) is expected


def test_large_type_under_a_site_name_title_is_every_text() -> None:
    texts = ["Search", "The Hidden Heroines of Chaos"]
    assert titled_large_type(texts, ("Quanta Magazine", "Quanta Magazine"), "quantamagazine.org") == texts
    assert titled_large_type(texts, ("Chaos theory's heroines", None), "quantamagazine.org") == texts[1:]
    assert first_headline(["Top-15", "Suche", "Der Tag, an dem sich der Menschensohn offenbart"]) == (
        "Der Tag, an dem sich der Menschensohn offenbart"
    )


@pytest.mark.parametrize(
    ("heading", "page_title", "expected"),
    [
        (
            "Der Nesselsetzer",
            "Rebloggt von gnaddrig: Antipoden | Der Nesselsetzer",
            "Rebloggt von gnaddrig: Antipoden",
        ),
        ("Head First はじめてのプログラミング", "O'Reilly Japan - Head First はじめてのプログラミング", None),
        ("Der Nesselsetzer", "Der Nesselsetzer", None),
    ],
)
def test_rest_of_title(heading: str, page_title: str, expected: str | None) -> None:
    assert rest_of_title(heading, page_title) == expected


def test_first_sharing_not_where_the_title_is_printed_or_nearly() -> None:
    teasers = ["First in the Playbook: Mark Meadows to leave", "Follow us"]
    title = "Mark Meadows accused of timing retirement"
    assert (
        first_sharing(teasers, title, None, "Menu\nFirst in the Playbook: Mark Meadows to leave")
        == teasers[0]
    )
    assert first_sharing(teasers, title, None, f"Menu\n{title}\nThe story starts here.") is None
    # A later printing sharing three quarters of the words is the <title>'s headline respelled.
    printings = ["Special: Football live on TV", "Bundesliga: Dortmund - Gladbach live sehen!"]
    assert first_sharing(printings, "Bundesliga: Dortmund - Mönchengladbach live sehen!", None) is None


@pytest.mark.parametrize(
    ("printed", "stated", "expected"),
    [
        ("Review – shoots for the moon", "Review - shoots for the moon", True),
        ("Review — shoots for the moon", "Review - shoots for the moon", True),
        ("Review – shoots for the moon", "Review – shoots for the moon", False),
        ("Review: shoots for the moon", "Review - shoots for the moon", False),
    ],
)
def test_dashes_respelled(printed: str, stated: str, expected: bool) -> None:
    assert dashes_respelled(printed, stated) is expected
