"""A post's meta row after the line model: a line opening with two dates in a row that ends no sentence."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.post_meta_row import post_meta_row


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Published and updated dates, then the author and the tags.
        ("20. April 2017 13. Juni 2017 Matthias Weber Amazon, Big Data, Chatbots, Digitalisierung", True),
        ("November 26, 2017 November 26, 2017 tlow btw17, Bundestagswahl", True),
        ("17/11/2019 17/11/2019 ~ Cem Basman", True),
        # An archive's range.
        ("14 Oct 2014 - 10 Aug 2017", True),
        # One date opening a feed's entry: the dated runs' business.
        ("01.01.2022 - Harbour news: the wall is finished", False),
        # Two dates in the story's sentence, or a pair that ends as one.
        ("On 12 March 2020 and 14 March 2020 the council met again.", False),
        ("12 March 2020 – 14 March 2020 the council met every day.", False),
        # A date and words before the next one: a feed's entry with its date printed twice.
        ("Jan 30, 2020 100 Ways to Say I Love You Jan 30, 2020", False),
        ("The council met again to discuss the harbour wall", False),
    ],
)
def test_post_meta_row(text: str, expected: bool) -> None:
    assert post_meta_row(text) is expected
