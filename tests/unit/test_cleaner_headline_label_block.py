"""A menu's short label (or a lower-case button) over the story heads no headline block: the ranker's pick stands."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsdrop.text.cleaner import clean_article
from newsdrop.text.cleaner.headline import _heads_a_block
from newsdrop.text.cleaner.model import HEADLINE_FEATURES, HeadlineModel, LineModel, load_model
from tests.unit.cleaner_fixtures import HEADLINE, LEAD, SECOND, printed_lines

QUESTION = "What is the new harbour wall for, and who will pay for it?"
# A ranker that prefers the longest candidate: the question headline over a label or a short line above it.
LONGEST = tuple(5.0 if name == "log_words" else 0.0 for name in HEADLINE_FEATURES)


def _with_longest() -> LineModel:
    shipped = load_model()
    assert shipped is not None
    return replace(shipped, headline=HeadlineModel(LONGEST))


@pytest.mark.parametrize(
    ("texts", "heads"),
    [
        # A label of one or two words under another: a menu's run of items, a section's name.
        (["Weather", "Newsletters"], False),
        (["Ukraine", "Klimawandel", "Wissenschaft Global"], False),
        # A short line opening the page, or under a longer line, may be a short headline.
        (["Purple Rain"], True),
        (["Prince and the Revolution", "Purple Rain"], True),
        # Three words or more can be a headline a standfirst or a byline follows, under a label or not.
        (["Weather", "Coast desk news"], True),
        (["Weather", HEADLINE], True),
        # A line opening in lower case is a button's or a caption's text, however long.
        (["Weather", "take the tour"], False),
        (["über die Netzwelt und ihre Menschen"], False),
        # A CJK headline has no spaces: a phrase of eight characters or more counts, a short label does not.
        (["政治", "港湾の新しい防波堤が完成"], True),
        (["政治", "経済"], False),
    ],
)
def test_a_menu_label_or_a_lower_case_line_heads_no_headline_block(texts: list[str], heads: bool) -> None:
    assert _heads_a_block(printed_lines(texts), len(texts) - 1) is heads


@pytest.mark.parametrize(
    ("above", "title"),
    [
        # The rules' choice is a menu's label right above the question headline: the ranker's pick stands.
        (["Home", "Newsletters"], QUESTION),
        (["Video", "Weather"], QUESTION),
        (["Home", "take the tour"], QUESTION),
        # A line of three words, or a short line opening the page, may be a headline with its standfirst under
        # it: the rules' choice stays.
        (["Home", "Coast desk news"], "Coast desk news"),
        (["Harbour wall"], "Harbour wall"),
    ],
)
def test_a_question_headline_under_a_menu_label_is_no_standfirst(above: list[str], title: str) -> None:
    page = [*above, QUESTION, LEAD, SECOND]
    assert clean_article("\n\n".join(page) + "\n", model=_with_longest()).title == title
