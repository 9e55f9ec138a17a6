"""Bundle chrome: lines repeated across a bundle's members are dropped; repeated text is not."""

from __future__ import annotations

import pytest

from newsdrop.text.chrome import BundleChrome
from newsdrop.text.cleaner import clean_article

NAV = ["World", "Business", "Opinion pieces from our writers", "Sign up for the morning briefing"]


def _member(number: int, *extra: str) -> str:
    paragraph = (
        f"Story {number} opens with a long sentence about events in city number {number}, "
        "told in enough words to be a paragraph of prose."
    )
    second = f"A second paragraph of story {number} adds detail, quotes and context for the reader here."
    return "\n\n".join([*NAV, f"Headline number {number} for the day", paragraph, second, *extra])


def test_lines_in_enough_members_are_chrome_and_their_own_text_is_not() -> None:
    chrome = BundleChrome(sample_members=5)
    for number in range(5):
        chrome.observe(_member(number))
    learned = chrome.lines()
    assert {"world", "business", "opinion pieces from our writers"} <= learned
    assert not any(key.startswith("headline number") for key in learned)
    article = clean_article(_member(7), bundle_chrome=learned)
    assert "Opinion pieces from our writers" not in article.body
    assert article.body.startswith("Story 7 opens")
    assert any(line.rule == "bundle_chrome" for line in article.lines)


def test_a_sentence_repeated_in_every_member_stays_text() -> None:
    quote = "The minister said the agreement would take effect next month after long talks."
    chrome = BundleChrome(sample_members=4)
    for number in range(4):
        chrome.observe(_member(number, quote))
    assert (
        "the minister said the agreement would take effect next month after long talks." not in chrome.lines()
    )


@pytest.mark.parametrize(("members", "expected"), [(2, False), (3, True)])
def test_a_line_needs_min_members(members: int, expected: bool) -> None:
    chrome = BundleChrome(sample_members=10, min_members=3, min_share=0.1)
    for number in range(members):
        chrome.observe(_member(number))
    assert ("world" in chrome.lines()) is expected


def test_the_sample_is_bounded() -> None:
    chrome = BundleChrome(sample_members=2)
    for number in range(5):
        chrome.observe(_member(number))
    assert chrome.observed == 2
    assert not chrome.sampling


@pytest.mark.parametrize("kwargs", [{"sample_members": 0}, {"min_members": 1}, {"min_share": 0.0}])
def test_bad_arguments_say_what_to_fix(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="fix the arguments"):
        BundleChrome(**kwargs)  # type: ignore[arg-type]
