"""A short section label (or a lower-case button) over the story heads no headline block: the ranker's pick stands."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsdrop.text.cleaner import clean_article
from newsdrop.text.cleaner.headline import _heads_a_block
from newsdrop.text.cleaner.lines import _Line
from newsdrop.text.cleaner.model import HEADLINE_FEATURES, HeadlineModel, LineModel, load_model
from newsdrop.text.rules import count_words, normalize_line_key
from tests.unit.cleaner_fixtures import HEADLINE, LEAD, SECOND

QUESTION = "What is the new harbour wall for, and who will pay for it?"
# A ranker that prefers the longest candidate: the question headline over a label or a short line above it.
LONGEST = tuple(5.0 if name == "log_words" else 0.0 for name in HEADLINE_FEATURES)


def _line(text: str) -> _Line:
    return _Line(0, text, normalize_line_key(text), count_words(text))


def _with_longest() -> LineModel:
    shipped = load_model()
    assert shipped is not None
    return replace(shipped, headline=HeadlineModel(LONGEST))


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        # A section's name or a menu item of one or two words.
        ("Newsletters", False),
        ("Blog", False),
        ("Wissenschaft Global", False),
        # Three words or more can be a headline a standfirst or a byline follows.
        ("Coast desk news", True),
        (HEADLINE, True),
        # A line opening in lower case is a button's or a caption's text, however long.
        ("take the tour", False),
        ("über die Netzwelt und ihre Menschen", False),
        # A CJK headline has no spaces: a phrase of eight characters or more counts, a short label does not.
        ("港湾の新しい防波堤が完成", True),
        ("政治", False),
    ],
)
def test_a_line_of_one_or_two_words_heads_no_headline_block(text: str, heads: bool) -> None:
    assert _heads_a_block(_line(text)) is heads


@pytest.mark.parametrize(
    ("above", "title"),
    [
        # The rules' choice is a label right above the question headline: the ranker's pick stands.
        ("Newsletters", QUESTION),
        ("Weather", QUESTION),
        ("take the tour", QUESTION),
        # A line of three words may be a headline with its standfirst under it: the rules' choice stays.
        ("Coast desk news", "Coast desk news"),
    ],
)
def test_a_question_headline_under_a_label_is_no_standfirst(above: str, title: str) -> None:
    for page in ([above, QUESTION, LEAD, SECOND], ["Home", above, QUESTION, LEAD, SECOND]):
        assert clean_article("\n\n".join(page) + "\n", model=_with_longest()).title == title
