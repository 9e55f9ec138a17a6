"""The title-miss classes and the ranked-candidate record of tools/title_ceiling.py."""

from __future__ import annotations

import pytest

import newsdrop.text.cleaner as cleaner
from newsdrop.text.cleaner import headline
from tools.title_ceiling import (
    classify,
    last_reading,
    loose,
    names_h1,
    naming_lines,
    ranked_candidates,
    summary,
)

GOLD = frozenset({"Ausschuss zur Flut: Zwei Rücktritte"})


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Menu", "Ausschuss zur Flut: Zwei Rücktritte", "Text."], "whole"),
        (["Ausschuss zur Flut: Zwei Rücktritte | Tagesschau"], "inside"),
        (["Ausschuss zur Flut Zwei Rücktritte"], "loose_whole"),
        (["AUSSCHUSS ZUR FLUT – ZWEI RÜCKTRITTE"], "loose_whole"),
        (["Politik Ausschuss zur Flut Zwei Rücktritte | Tagesschau"], "loose_inside"),
        (["Ausschuss zur Flut", "", "Zwei Rücktritte"], "two_lines"),
        (["Ausschuss zur Flut", "Zwei Rücktritte und mehr"], "absent"),
        ([], "absent"),
        # A whole line wins over the same gold inside a longer line printed first.
        (["Ausschuss zur Flut: Zwei Rücktritte | Site", "Ausschuss zur Flut: Zwei Rücktritte"], "whole"),
    ],
)
def test_classify(lines: list[str], expected: str) -> None:
    assert classify(GOLD, lines) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("A: B", "ab"), ("Ａ Ｂ", "ab"), ("„Sie“ – 3", "sie3"), ("...", ""), ("Straße", "strasse")],
)
def test_loose(text: str, expected: str) -> None:
    assert loose(text) == expected


PAGE = "\n\n".join(
    [
        "Home | News | Sport",
        "Council approves the new harbour bridge after long debate",
        "By Jane Doe",
        "The city council voted on Tuesday to approve the new harbour bridge, ending a debate that lasted "
        "for more than four years and divided the town's residents into two camps.",
        "Supporters said the bridge would cut travel times across the bay by half and bring new business to "
        "the old port district, which has struggled since the ferry service closed.",
        "Opponents warned that the cost had doubled since the first plans were drawn and that the money "
        "would be better spent on schools, roads and the hospital's long-delayed new wing.",
    ]
)


def test_ranked_candidates_records_the_search_and_restores_it() -> None:
    original, original_pass = headline._page_columns, cleaner.rule_pass
    with ranked_candidates() as tops, last_reading() as readings:
        article = cleaner.clean_article(PAGE)
        lines = readings[-1].lines
        top = tops[id(lines)]
    assert headline._page_columns is original
    assert cleaner.rule_pass is original_pass
    title = next(index for index, line in enumerate(lines) if line.role == "title")
    assert article.title == lines[title].text
    assert title in top
    assert naming_lines(lines, frozenset({article.title})) == [title]


def test_summary_counts_classes_and_ceilings() -> None:
    records = [
        {"hit": True},
        {"hit": False, "class": "whole", "naming": [3], "ranks": [1]},
        {"hit": False, "class": "whole", "naming": [5], "ranks": []},
        {"hit": False, "class": "absent", "naming": [], "ranks": [], "h1": True},
    ]
    text = summary("article", records)
    assert "1 of 4 titles right, 3 missed" in text
    assert "named by a line 2 (ranked 1, not ranked 1)" in text
    assert "gold printed in the view: 3 (0.750)" in text
    assert "a line names the gold: 3 (0.750)" in text
    assert "the page's <h1> named, the gold unprinted: 1 (with the <h1> accepted: 2, 0.500)" in text


@pytest.mark.parametrize(
    ("title", "gold", "expected"),
    [
        # The page's own headline named, the gold an SEO title the page never prints.
        ("Trump  speaks", {"title": "SEO", "page_h1": "Trump speaks", "title_printed": None}, True),
        # The gold is printed on the page: the <h1> is a miss of the ranker, not of the gold's convention.
        ("Trump speaks", {"title": "SEO", "page_h1": "Trump speaks", "title_printed": "SEO"}, False),
        ("Other line", {"title": "SEO", "page_h1": "Trump speaks", "title_printed": None}, False),
        (None, {"title": "SEO", "page_h1": None, "title_printed": None}, False),
        ("", {"title": "SEO", "page_h1": "", "title_printed": None}, False),
    ],
)
def test_names_h1(title: str | None, gold: dict[str, str | None], expected: bool) -> None:
    assert names_h1(title, gold) is expected
