"""The page's text reads a newline in a paragraph's source as the browser does: a space, unless the text is verbatim."""

from __future__ import annotations

import pytest

from newsdrop.text.html_page import collect, stdlib_text


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A paragraph whose source is wrapped at a fixed width is one line, as the browser shows it.
        (
            "<p>The minister said on Monday\nthat the talks would\r\ngo on.</p>",
            "The minister said on Monday that the talks would go on.",
        ),
        ("<p>Prices rose <a href='/x'>sharply\nin</a> May.</p>", "Prices rose sharply in May."),
        # A newline beside a tag stays a break: a byline's parts a style sheet sets as blocks.
        (
            "<p>Von\n<a href='/a'>Lisa Petrich</a>\n<span>Mi, 18. Oktober</span></p>",
            "Von\nLisa Petrich\nMi, 18. Oktober",
        ),
        # Block tags and <br> still break the line.
        ("<p>One.</p>\n<p>Two.</p>", "One.\nTwo."),
        ("<p>First line<br>\nsecond line</p>", "First line\nsecond line"),
        ("<div>Home</div>\n<div>News</div>", "Home\nNews"),
        # Verbatim contexts keep the source's line breaks.
        ("<pre>a = 1\nb = 2</pre><p>after\nit</p>", "a = 1\nb = 2\nafter it"),
        ("<pre><b>x</b>\ny</pre>", "x\ny"),
        ("<textarea>one\ntwo</textarea>", "one\ntwo"),
        ("<p style='white-space: pre-wrap'>one\n<span>two</span></p>", "one\ntwo"),
        ("<p style='white-space: nowrap'>one\ntwo</p>", "one two"),
        # Outside a <p> the source's newline stays a break: there it often stands for one a style sheet makes.
        ("<h1><span>Kicker</span>\n<span>The headline</span></h1>", "Kicker\nThe headline"),
        ("<div><a>Home</a>\n<a>News</a></div>", "Home\nNews"),
        # A block tag closes the paragraph, as in a browser (an unclosed <p> in older markup).
        ("<p>Wrapped\ntext<div>a\nb</div>", "Wrapped text\na\nb"),
        ("<p>One\ntwo<p>three\nfour", "One two\nthree four"),
        # A bare <code> spanning lines is a code block (``preformatted``), so its lines stay lines.
        ("<div><code>if x:\n    return</code></div>", "if x:\nreturn"),
        # Newlines inside a formula or a hidden element (a formula's copy for screen readers) stay breaks.
        ("<p>If <math><mtext>A\nB</mtext></math> holds</p>", "If A\nB holds"),
        ("<p>matrix <span style='display: none'>A\n{A}</span> is</p>", "matrix A\n{A} is"),
        # After a verbatim element closes, newlines are spaces again.
        ("<div style='white-space:pre'><p>a\nb</p></div><p>c\nd</p>", "a\nb\nc d"),
    ],
)
def test_source_newlines_read_as_the_browser_shows_them(body: str, expected: str) -> None:
    assert stdlib_text(f"<html><body>{body}</body></html>") == expected


def test_a_wrapped_caption_is_one_caption() -> None:
    page = (
        "<figure><img src='a.jpg'><figcaption><p>Crowds gather outside\nthe court.</p></figcaption></figure>"
    )
    assert collect(f"<html><body>{page}</body></html>").captions == {"Crowds gather outside the court."}
