"""html_page.unnamed_markup: a page whose markup names (class or id) almost none of its shown elements."""

from __future__ import annotations

import pytest

from newsdrop.text.html_page import collect, unnamed_markup

_PARAGRAPHS = "".join(f"<p>Paragraph {n} of the story.</p>" for n in range(12))


@pytest.mark.parametrize(
    ("html", "unnamed"),
    [
        # hand-written or table-era markup: no class or id at all
        (f"<html><body><table><tr><td>{_PARAGRAPHS}</td></tr></table></body></html>", True),
        # one named element among many is still unnamed markup
        (f"<html><body><div id='page'>{_PARAGRAPHS}</div></body></html>", True),
        # a CMS's markup names its containers and paragraphs
        (
            "<html><body><div class='article'>"
            + "".join(f"<p class='para'>Paragraph {n}.</p>" for n in range(12))
            + "</div></body></html>",
            False,
        ),
        # the head's and the scripts' elements are not counted: the shown body is unnamed
        (
            "<html><head><link class='a' rel='x'><meta class='b'></head><body>"
            f"<script class='c'></script>{_PARAGRAPHS}</body></html>",
            True,
        ),
        # an empty page has nothing to name
        ("", False),
    ],
)
def test_unnamed_markup(html: str, unnamed: bool) -> None:
    assert unnamed_markup(collect(html)) is unnamed
