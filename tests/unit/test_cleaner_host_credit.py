"""The blog host's footer credit the line model kept ("Create a free website or blog at X"): dropped."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.host_credit import host_credit, host_credits


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Erstelle eine kostenlose Website oder Blog – auf WordPress.com.", True),
        ("Erstelle kostenlos eine Website oder ein Blog auf WordPress.com.", True),
        ("Create a free website or blog at WordPress.com.", True),
        ("Blog at WordPress.com.", True),
        ("Bloggen auf WordPress.com.", True),
        ("Proudly powered by WordPress", True),
        ("Propulsé par WordPress", True),
        # a story's sentence about free sites or a host, a long paragraph, a line with no credit
        ("The city will create a free public wifi network, the mayor said on Tuesday.", False),
        ("The startup's app is powered by a small team of volunteers in Berlin.", False),
        (
            "Wer einen Blog startet, kann eine kostenlose Website bei einem der großen Anbieter anlegen und"
            " sie später an eine eigene Adresse umziehen, wie viele Leser es tun.",
            False,
        ),
        ("Der Bartgeier Bavaria im Flug.", False),
    ],
)
def test_a_host_credit_offers_a_free_site_or_names_the_host_in_a_few_words(text: str, credit: bool) -> None:
    assert host_credit(text) is credit


def test_only_kept_host_credits_are_taken() -> None:
    texts = ["A paragraph of the story.", "Blog at WordPress.com.", "Powered by WordPress"]
    assert host_credits(texts, [True, True, False]) == [1]
