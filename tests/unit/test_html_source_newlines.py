"""The page's text reads a newline of the HTML source as the browser does: a space, except where text is verbatim."""

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
        ("<p>Prices rose\n<a href='/x'>sharply</a>\nin May.</p>", "Prices rose sharply in May."),
        # Block tags and <br> still break the line.
        ("<p>One.</p>\n<p>Two.</p>", "One.\nTwo."),
        ("<p>First line<br>\nsecond line</p>", "First line\nsecond line"),
        ("<div>Home</div>\n<div>News</div>", "Home\nNews"),
        # Verbatim contexts keep the source's line breaks.
        ("<pre>a = 1\nb = 2</pre><p>after\nit</p>", "a = 1\nb = 2\nafter it"),
        ("<pre><b>x</b>\ny</pre>", "x\ny"),
        ("<textarea>one\ntwo</textarea>", "one\ntwo"),
        ("<div style='white-space: pre-wrap'>one\n<span>two</span></div>", "one\ntwo"),
        ("<div style='white-space: nowrap'>one\ntwo</div>", "one two"),
        # A bare <code> spanning lines is a code block (``preformatted``), so its lines stay lines.
        ("<div><code>if x:\n    return</code></div>", "if x:\nreturn"),
        # After a verbatim element closes, newlines are spaces again.
        ("<div style='white-space:pre'><div>a\nb</div></div><p>c\nd</p>", "a\nb\nc d"),
    ],
)
def test_source_newlines_read_as_the_browser_shows_them(body: str, expected: str) -> None:
    assert stdlib_text(f"<html><body>{body}</body></html>") == expected


def test_a_wrapped_caption_is_one_caption() -> None:
    page = "<figure><img src='a.jpg'><figcaption>Crowds gather outside\nthe court.</figcaption></figure>"
    assert collect(f"<html><body>{page}</body></html>").captions == {"Crowds gather outside the court."}
