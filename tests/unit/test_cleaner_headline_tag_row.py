"""A headline the tag rule claimed for the row under a bare label ("Tags", "Terms") is still a candidate."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner import clean_article, rule_pass
from newsdrop.text.cleaner.headline import _tag_row_headline
from newsdrop.text.cleaner.lines import _Line
from newsdrop.text.line_keys import count_words, normalize_line_key
from tests.unit.cleaner_fixtures import LEAD, SECOND

HEADLINE = "Harbour Master Is No Longer In The Running To Lead The Port Board"


def _line(text: str, rule: str | None) -> _Line:
    line = _Line(0, text, normalize_line_key(text), count_words(text))
    line.rule = rule
    return line


@pytest.mark.parametrize(
    ("text", "rule", "expected"),
    [
        (HEADLINE, "tag_list", True),
        ("These Weeks in Harbour News: Issue 85", "tag_list", True),
        # A row of tags: commas, bullets or bars between them, or a few words.
        ("harbour, breakwater, storms, fishing, council", "tag_list", False),
        ("Harbour • Breakwater • Storms • Fishing", "tag_list", False),
        ("#harbour #breakwater #storms #fishing #council", "tag_list", False),
        ("Harbour Breakwater", "tag_list", False),
        # Only the tag rule's lines: another rule's claim stands.
        (HEADLINE, "copyright_footer", False),
    ],
)
def test_a_tag_row_that_reads_as_a_headline(text: str, rule: str, expected: bool) -> None:
    assert _tag_row_headline(_line(text, rule)) is expected


def test_the_headline_under_a_bare_label_is_named() -> None:
    page = "\n\n".join(["Home", "About", "Privacy", "Terms", HEADLINE, "By Eva Example", LEAD, SECOND]) + "\n"
    found = rule_pass(page)
    # The tag rule takes the line under the bare label ...
    assert any(line.text == HEADLINE and line.rule == "tag_list" for line in found.lines)
    # ... and the ranker still names it the headline.
    assert clean_article(page).title == HEADLINE
