"""Headline type in markup without <h1>: html_page's large-type texts and html_headline.titled_large_type."""

from __future__ import annotations

import pytest

from newsdrop.text.html_page import collect
from newsdrop.text.html_unstated import titled_large_type

_HEADLINE = "Storm floods the harbour town"


@pytest.mark.parametrize(
    ("markup", "found"),
    [
        # table-era headline type: <font size="5"> and larger, absolute or relative to the default 3
        (f'<p><font size="5" face="Arial"><b>{_HEADLINE}</b></font></p>', [_HEADLINE]),
        (f'<br><font size="+2"><b>{_HEADLINE}</b></font><br>', [_HEADLINE]),
        (f'<font size="7">{_HEADLINE}</font>', [_HEADLINE]),
        # a bold inline style of 24px, 18pt or 1.5em and up
        (f'<div style="font-size: 24px; font-weight: bold">{_HEADLINE}</div>', [_HEADLINE]),
        (f'<span style="font-weight:700;font-size:20pt">{_HEADLINE}</span>', [_HEADLINE]),
        (f'<div style="font-size: 1.6em; font-weight: bold">{_HEADLINE}</div>', [_HEADLINE]),
        # body and crosshead type, or large type that is not bold (a drop cap), is no headline type
        (f'<font size="4"><b>{_HEADLINE}</b></font>', []),
        (f'<font size="+1">{_HEADLINE}</font>', []),
        (f'<font size="big">{_HEADLINE}</font>', []),
        (f'<div style="font-size: 16px; font-weight: bold">{_HEADLINE}</div>', []),
        (f'<span style="font-size: 48px">{_HEADLINE}</span>', []),
        # nested large type is one text; hidden (script) text none
        ('<font size="5"><font size="5">Storm</font> floods the harbour town</font>', [_HEADLINE]),
        (f'<script><font size="5">{_HEADLINE}</font></script>', []),
    ],
)
def test_large_type(markup: str, found: list[str]) -> None:
    assert collect(f"<html><body>{markup}<p>The story.</p></body></html>").large_type == found


@pytest.mark.parametrize(
    ("texts", "titles", "expected"),
    [
        # the printed headline shares the metadata title's words (a reworded og:title too)
        ([_HEADLINE, "Latest news"], ("Harbour town flooded by storm | Herald", None), [_HEADLINE]),
        # a crosshead set in large type names none of the page's titles: not the headline
        (["High-res accumulators"], ("Factorio", "Factorio blog"), []),
        # short words ("the", "and") do not count; no titles, no witness
        (["The end and more"], ("The end", None), []),
        ([_HEADLINE], (None, None), []),
    ],
)
def test_titled_large_type(texts: list[str], titles: tuple[str | None, ...], expected: list[str]) -> None:
    assert titled_large_type(texts, titles) == expected
