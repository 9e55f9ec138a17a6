"""What HTML extraction left out becomes removed lines (rule "extraction") among the cleaned ones, bounded."""

from __future__ import annotations

import dataclasses

import pytest

from newsdrop.articles import heavy_fields, source_lines
from newsdrop.models import CleanArticle, LineDecision, Member
from newsdrop.text import extraction
from newsdrop.text.extraction import EXTRACTION_RULE, merge_order, with_extraction_drops
from newsdrop.text.html import clean_html
from newsdrop.text.members import clean_member

P1 = "The council approved the budget on Tuesday after a long debate about schools and roads."
P2 = "Opponents said the plan raised taxes too far, while supporters pointed to repairs long delayed."
P3 = "The new budget takes effect in January and will be reviewed again in the spring."


def _shape(order: list) -> list[str]:
    """An order as readable tokens: "e0" for extracted line 0, "-text" for a dropped page line."""
    return [f"e{item}" if isinstance(item, int) else f"-{item.text}" for item in order]


@pytest.mark.parametrize(
    ("page", "extracted", "expected"),
    [
        pytest.param(
            ["Home", P1, P2, "Footer"], [P1, P2], ["-Home", "e0", "e1", "-Footer"], id="menu-and-footer"
        ),
        pytest.param([P1, P2], [P1, P2], ["e0", "e1"], id="nothing-dropped"),
        pytest.param(["Menu"], [P1], ["-Menu", "e0"], id="extracted-line-the-page-lacks-comes-last"),
        pytest.param(
            [P2, "Home", P1, P2, P3],
            [P1, P2, P3],
            ["-" + P2, "-Home", "e0", "e1", "e2"],
            id="teaser-repeats-later-paragraph",
        ),
        pytest.param(
            ["Nav", *P1.split(" on ", 1), "Share"],
            [P1],
            ["-Nav", "e0", "-Share"],
            id="paragraph-split-on-the-page",
        ),
        pytest.param(
            ["Share", P1 + " Share"],
            [P1 + " Share"],
            ["-Share", "e0"],
            id="short-word-not-matched-inside-paragraph",
        ),
        pytest.param(
            ["«" + P1 + "»", P2], [P1, P2], ["e0", "e1"], id="punctuation-and-case-differences-ignored"
        ),
        pytest.param(["A", "B"], [], ["-A", "-B"], id="nothing-extracted"),
        # The page prints soft hyphens the extractor drops: the same paragraph.
        pytest.param(
            ["Nav", P1.replace("budget", "bud\u00adget"), P2],
            [P1, P2],
            ["-Nav", "e0", "e1"],
            id="soft-hyphens-ignored",
        ),
    ],
)
def test_merge_order(page: list[str], extracted: list[str], expected: list[str]) -> None:
    order = merge_order(page, extracted)
    assert _shape(order) == expected
    assert [item for item in order if isinstance(item, int)] == list(range(len(extracted)))


def _article(
    lines: list[tuple[str, str, str]], title: str | None = None, byline: str | None = None
) -> CleanArticle:
    decisions = tuple(
        LineDecision(n, text, role, rule) for n, (text, role, rule) in enumerate(lines, start=1)
    )
    body = "\n\n".join(text for text, role, _ in lines if role in ("body", "subheading"))
    return CleanArticle(title=title, body=body, byline=byline, lines=decisions)


@pytest.mark.parametrize(
    ("page", "cleaned", "title", "byline", "expected"),
    [
        pytest.param(
            ["Home", "Budget passes", "By Ann Lee", P1, "Share", "Copyright"],
            [
                ("Budget passes", "title", "title_hint"),
                (P1, "body", "article_region"),
                ("Share", "boilerplate", "share_prompt"),
            ],
            "Budget passes",
            "Ann Lee",
            [
                ("Home", "boilerplate", EXTRACTION_RULE),
                ("Budget passes", "title", "title_hint"),
                ("By Ann Lee", "byline", EXTRACTION_RULE),
                (P1, "body", "article_region"),
                ("Share", "boilerplate", "share_prompt"),
                ("Copyright", "boilerplate", EXTRACTION_RULE),
            ],
            id="cleaner-verdicts-kept-extraction-drops-interleaved",
        ),
        pytest.param(
            ["Budget passes", "Menu", P1, "Budget passes"],
            [(P1, "body", "article_region")],
            "Budget passes",
            None,
            [
                ("Budget passes", "title", EXTRACTION_RULE),
                ("Menu", "boilerplate", EXTRACTION_RULE),
                (P1, "body", "article_region"),
                ("Budget passes", "title_repeat", EXTRACTION_RULE),
            ],
            id="headline-left-out-by-extraction-is-the-title",
        ),
    ],
)
def test_with_extraction_drops(
    page: list[str],
    cleaned: list[tuple[str, str, str]],
    title: str | None,
    byline: str | None,
    expected: list,
) -> None:
    article = _article(cleaned, title, byline)
    merged = with_extraction_drops(article, page)
    assert [(line.text, line.role, line.rule) for line in merged.lines] == expected
    assert [line.n for line in merged.lines] == list(range(1, len(expected) + 1))
    assert merged.body == article.body
    # Stored and shown as the API shows it: kept paragraphs and removed lines in one numbered sequence.
    shown = source_lines(heavy_fields(merged))
    assert shown is not None
    assert [(line["text"], line["removed"]) for line in shown] == [
        (text, role not in ("body", "subheading")) for text, role, _ in expected
    ]


def test_no_page_lines_leaves_the_article_as_it_is() -> None:
    article = _article([(P1, "body", "article_region")])
    assert with_extraction_drops(article, []) is article


def test_dropped_lines_are_capped_nearest_to_the_article_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extraction, "MAX_DROPPED_LINES", 3)
    page = [f"menu {i}" for i in range(10)] + [P1] + [f"footer {i}" for i in range(10)]
    merged = with_extraction_drops(_article([(P1, "body", "article_region")]), page)
    assert [line.text for line in merged.lines] == ["menu 8", "menu 9", P1, "footer 0"]


def test_dropped_characters_are_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extraction, "MAX_DROPPED_CHARS", 25)
    page = ["x" * 20, P1, "y" * 20, "z" * 4]
    merged = with_extraction_drops(_article([(P1, "body", "article_region")]), page)
    assert [line.text for line in merged.lines] == ["x" * 20, P1, "z" * 4]


PAGE = f"""<!doctype html><html><head><title>Budget passes | Daily Courier</title></head>
<body><header><a href="/">Home</a><nav><ul><li><a href="/world">World</a></li></ul></nav></header>
<main><article><h1>Budget passes</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article></main>
<footer><p>Copyright 2019 Daily Courier. All rights reserved.</p></footer></body></html>"""


@pytest.mark.parametrize(
    "clean", [clean_html, lambda page: clean_member(Member("story.html", page.encode()))]
)
def test_an_html_member_lists_what_extraction_dropped(clean) -> None:
    article = clean(PAGE)
    dropped = [line.text for line in article.lines if line.rule == EXTRACTION_RULE]
    assert "World" in dropped
    assert "Copyright 2019 Daily Courier. All rights reserved." in dropped
    assert article.body.split("\n\n") == [P1, P2, P3]
    removed = {line.text: line for line in article.removed}
    assert removed["World"].role == "boilerplate"
    texts = [line.text for line in article.lines]
    assert (
        texts.index("World")
        < texts.index(P1)
        < texts.index("Copyright 2019 Daily Courier. All rights reserved.")
    )


def test_a_text_member_has_no_extraction_lines() -> None:
    article = clean_member(Member("story.txt", f"Budget passes\n\n{P1}\n\n{P2}\n".encode()))
    assert not [line for line in article.lines if line.rule == EXTRACTION_RULE]


def test_the_merged_article_is_a_new_value() -> None:
    article = _article([(P1, "body", "article_region")])
    merged = with_extraction_drops(article, ["Menu", P1])
    assert dataclasses.replace(merged, lines=article.lines) == article
