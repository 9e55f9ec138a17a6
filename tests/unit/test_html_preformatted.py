"""Code blocks on the HTML path: lines the markup prints in <pre> are code, never judged as web chrome."""

from __future__ import annotations

import pytest

from newsdrop.models import KEPT_ROLES, Hints
from newsdrop.text.cleaner import clean_article
from newsdrop.text.html import clean_html
from newsdrop.text.html_page import collect

PROSE = (
    "The function below reads the file once and returns the parsed rows, which keeps the memory use flat.",
    "Run it twice and the second call returns at once, because the rows are cached by the file's name.",
)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A <pre> block, with or without a <code> inside: every line of it, whitespace collapsed.
        ("<pre>rows = read(\n    path,\n)\n4.333</pre>", {"rows = read(", "path,", ")", "4.333"}),
        ("<pre><code>x = 1\n}</code></pre>", {"x = 1", "}"}),
        ("<pre>a<br>b</pre>", {"a", "b"}),
        # A <code> spanning lines outside any <pre> is a code block too.
        ("<div><code>if x:\n    return</code></div>", {"if x:", "return"}),
        # A one-line <code> is an inline name inside its sentence, not a block.
        ("<p>Call <code>len</code> on it.</p>", set()),
        ("<p>Plain text\nover two lines.</p>", set()),
        # Script text is never page text.
        ("<script>var a = '<pre>x</pre>';</script>", set()),
    ],
)
def test_the_page_text_records_the_lines_of_its_code_blocks(body: str, expected: set[str]) -> None:
    assert collect(f"<html><body>{body}</body></html>").preformatted == expected


CODE = [")", "4.333", "Share", "return rows"]


@pytest.mark.parametrize(
    ("preformatted", "main_content", "kept"),
    [
        # The web-chrome rules drop ")" (a share prompt's icon), "4.333" (a bare number), "Share": in a
        # code block of the main content they are code and stay.
        (frozenset(CODE), True, set(CODE)),
        (None, True, {"return rows"}),
        # Only in the extractor's main content: on the page's whole text the rules decide as without the hint.
        (frozenset(CODE), False, None),
    ],
)
def test_preformatted_lines_escape_the_line_rules_inside_main_content(
    preformatted: frozenset[str] | None, main_content: bool, kept: set[str] | None
) -> None:
    text = "\n".join([PROSE[0], *CODE, PROSE[1]])
    article = clean_article(text, Hints(preformatted=preformatted), main_content=main_content, model=None)
    kept_lines = {line.text for line in article.lines if line.role in KEPT_ROLES}
    if kept is None:
        assert article == clean_article(text, Hints(), main_content=main_content, model=None)
    else:
        assert kept_lines & set(CODE) == kept
        assert set(PROSE) <= kept_lines
    hinted = preformatted is not None and main_content
    assert all((line.rule == "preformatted") == hinted for line in article.lines if line.text in CODE)


def test_clean_html_keeps_a_code_block_the_extractor_holds() -> None:
    page = f"""<!doctype html><html><head><title>Reading rows once | Dev Notes</title></head><body>
<article><h1>Reading rows once</h1><p>{PROSE[0]}</p>
<pre><code>rows = read(
    path,
)
4.333</code></pre><p>{PROSE[1]}</p></article></body></html>"""
    article = clean_html(page)
    kept = {line.text: line.rule for line in article.lines if line.role in KEPT_ROLES}
    assert kept[")"] == "preformatted"
    assert kept["4.333"] == "preformatted"
    assert article.body.index(PROSE[0]) < article.body.index("4.333") < article.body.index(PROSE[1])
