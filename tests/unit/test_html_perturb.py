"""tools.html_perturb: each kind strips its markup signal, keeps every visible text node, and is seeded."""

from __future__ import annotations

from collections import Counter

import lxml.html
import pytest

from tools.cleaning_corpus import Corpus
from tools.eval_perturbed import rewritten
from tools.html_perturb import KINDS, perturb, visible_texts

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Storm hits coast | Daily</title>
<meta property="og:title" content="Storm hits coast">
<meta name="twitter:title" content="Storm hits coast">
<meta name="description" content="A storm hit the coast.">
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Storm hits coast"}</script>
<script>var x = 1;</script></head>
<body class="page">Skip to content
<header id="top"><nav class="menu"><a href="/">Home</a> <a href="/world">World</a></nav> masthead</header>
<main><article itemscope itemtype="https://schema.org/NewsArticle">
<h1 class="headline" itemprop="headline">Storm <em>hits</em> coast</h1>
<time datetime="2024-01-02T03:04">2 January 2024</time>
<section><h2>What happened</h2><p class="lead">A storm hit the coast on <b>Monday</b>.</p>
<figure><img src="a.jpg" alt="Waves"><figcaption>Waves on the pier</figcaption></figure>
<p>Residents were told to stay inside.</p></section>
<aside role="complementary">Read more: other story</aside>
</article></main>
<template><nav>Hidden menu</nav></template>
<footer><nav role="navigation">About | Contact</nav> Copyright 2024</footer>
</body></html>"""


def _tags(html: str) -> Counter[str]:
    root = lxml.html.fromstring(html.encode("utf-8"))
    return Counter(element.tag for element in root.iter() if isinstance(element.tag, str))


def _attributes(html: str) -> set[str]:
    root = lxml.html.fromstring(html.encode("utf-8"))
    return {name for element in root.iter() if isinstance(element.tag, str) for name in element.attrib}


@pytest.mark.parametrize("kinds", [(), *[(kind,) for kind in KINDS if kind != "table"]])
def test_every_kind_but_the_table_keeps_the_visible_text_in_order(kinds: tuple[str, ...]) -> None:
    assert visible_texts(perturb(PAGE, kinds, seed="p")) == visible_texts(PAGE)


@pytest.mark.parametrize("kinds", [("table",), KINDS])
def test_the_table_keeps_every_visible_text_and_the_story_in_order(kinds: tuple[str, ...]) -> None:
    before, after = visible_texts(PAGE), visible_texts(perturb(PAGE, kinds, seed="p"))
    assert Counter(after) == Counter(before)
    story = ["Storm", "hits", "coast", "What happened", "A storm hit the coast on", "Monday", "."]
    assert [text for text in after if text in story] == story


@pytest.mark.parametrize(
    ("kind", "gone_tags", "gone_attributes"),
    [
        ("classes", set(), {"class", "id"}),
        ("meta", set(), {"itemprop", "itemscope", "itemtype", "role"}),
        (
            "semantic",
            {"article", "main", "header", "footer", "nav", "aside", "section", "figure", "time"},
            {"datetime"},
        ),
        ("headlines", {"h1", "h2"}, set()),
    ],
)
def test_each_kind_removes_its_signal(kind: str, gone_tags: set[str], gone_attributes: set[str]) -> None:
    before, after = perturb(PAGE, (), seed="p"), perturb(PAGE, (kind,), seed="p")
    assert gone_tags <= set(_tags(before))
    assert not gone_tags & set(_tags(after))
    assert gone_attributes <= _attributes(before)
    assert not gone_attributes & _attributes(after)


def test_meta_keeps_only_the_title_and_the_encoding() -> None:
    after = perturb(PAGE, ("meta",), seed="p")
    assert "og:title" not in after and "twitter:title" not in after and "ld+json" not in after
    assert "A storm hit the coast." not in after
    assert "<title>Storm hits coast | Daily</title>" in after
    assert '<meta charset="utf-8">' in after
    assert "var x = 1;" in after


def test_table_puts_the_navigation_in_a_side_cell_and_the_rest_in_the_wide_cell() -> None:
    root = lxml.html.fromstring(perturb(PAGE, ("table",), seed="p").encode("utf-8"))
    body = root.find("body")
    assert [child.tag for child in body] == ["table"]
    cells = body.findall("table/tr/td")
    assert len(cells) == 2
    side = next(cell for cell in cells if cell.get("width") == "160")
    main = next(cell for cell in cells if cell is not side)
    assert [element.tag for element in side] == ["nav", "nav"]
    assert "Home" in side.text_content() and "About | Contact" in side.text_content()
    assert "Residents were told" in main.text_content() and "Copyright 2024" in main.text_content()
    # The navigation's tail ("masthead") stays where the navigation stood; the hidden <template> keeps its <nav>.
    assert "masthead" in main.text_content()
    assert "Hidden menu" not in side.text_content()


def test_the_table_side_is_seeded_by_the_page() -> None:
    def sides(seed: str) -> str:
        root = lxml.html.fromstring(perturb(PAGE, ("table",), seed=seed).encode("utf-8"))
        return "".join(
            "s" if cell.get("width") == "160" else "m" for cell in root.findall("body/table/tr/td")
        )

    found = {seed: sides(seed) for seed in (f"page-{n}" for n in range(12))}
    assert set(found.values()) == {"sm", "ms"}
    assert all(sides(seed) == side for seed, side in found.items())


def test_headlines_become_styled_text_without_heading_tags() -> None:
    forms = set()
    for n in range(20):
        after = perturb(PAGE, ("headlines",), seed=f"s{n}")
        assert "<h1" not in after and "<h2" not in after
        forms |= {form for form in ("font-size: 24px", "<p><font", "<br><font") if form in after}
        assert perturb(PAGE, ("headlines",), seed=f"s{n}") == after
    assert forms == {"font-size: 24px", "<p><font", "<br><font"}


def test_runs_none_is_the_stored_page_and_unknown_kinds_fail() -> None:
    assert rewritten(PAGE, "none", "p") == PAGE
    assert rewritten(PAGE, "lxml", "p") == perturb(PAGE, (), seed="p")
    assert rewritten(PAGE, "all", "p") == perturb(PAGE, KINDS, seed="p")
    with pytest.raises(ValueError, match="unknown"):
        perturb(PAGE, ("colours",), seed="p")


@pytest.mark.parametrize("kind", [*KINDS, "all"])
def test_corpus_pages_keep_their_visible_text_under_every_kind(kind: str) -> None:
    # Every 40th page of the corpora: the gold is the page's text, so a perturbation that lost or added a text
    # node would score the cleaner against a gold the page no longer holds.
    kinds = KINDS if kind == "all" else (kind,)
    for page in Corpus().pages[::40]:
        html = page.read("html")
        before, after = visible_texts(html), visible_texts(perturb(html, kinds, seed=page.id))
        if kind in ("table", "all"):
            assert Counter(after) == Counter(before), page.id
        else:
            assert after == before, page.id
