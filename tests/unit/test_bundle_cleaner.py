"""From members to clean articles: HTML members through the extractor, bundle chrome learned and applied."""

from __future__ import annotations

import json

import pytest

from newsdrop.models import Hints, Member, MemberProblem
from newsdrop.text.chrome import BundleChrome
from newsdrop.text.members import BundleCleaner, CleanedMember, clean_member, prepare_member
from tests.unit.test_cleaner_html import PAGE, PARAGRAPHS

CHROME = ["Home", "World news", "Subscribe to our daily digest", "Follow us on the network"]


def story(number: int, *, headline: str | None = None, chrome: list[str] = CHROME) -> str:
    """A scraped article of one outlet: the site's chrome lines around its own headline and prose."""
    lines = [
        *chrome[:2],
        headline or f"Council number {number} approves a budget for the harbour",
        f"The council of district {number} voted on Monday to approve a spending plan for the harbour, "
        "after months of debate about dredging, moorings and the cost of repairs to the old sea wall.",
        f"Members said the plan for district {number} would be reviewed every year, and that residents "
        "would be asked for their views on the works before any contract is signed this spring.",
        *chrome[2:],
    ]
    return "\n\n".join(lines)


def members(texts: list[str]) -> list[Member]:
    return [Member(name=f"m{i}.txt", content=text.encode()) for i, text in enumerate(texts)]


def run(cleaner: BundleCleaner, items: list[Member]) -> list[CleanedMember | MemberProblem]:
    results: list[CleanedMember | MemberProblem] = []
    for member in items:
        results += cleaner.add(member)
    return results + cleaner.finish()


def test_html_member_goes_through_the_extractor_with_the_page_metadata() -> None:
    article = clean_member(Member(name="page.html", content=PAGE.encode()))
    assert article.title == "Talks resume after long pause"
    assert article.source == "Daily Courier"
    assert article.published is not None and article.published.startswith("2019-11-19")
    assert all(paragraph in article.body for paragraph in PARAGRAPHS)
    assert "Home" not in article.body.split("\n\n")


def test_html_in_a_json_text_field_is_extracted_and_the_bundle_hints_win() -> None:
    member = Member(name="bundle.jsonl#3", content=PAGE, hints=Hints(title="Talks resume", source="Wire"))
    prepared = prepare_member(member)
    assert prepared.main_content is True
    assert "<p>" not in prepared.text
    article = clean_member(member)
    assert (article.title, article.source) == ("Talks resume", "Wire")


def test_plain_text_is_not_treated_as_html() -> None:
    prepared = prepare_member(Member(name="a.txt", content=b"Prices rose <5% this year.\n"))
    assert (prepared.main_content, prepared.text.strip()) == (False, "Prices rose <5% this year.")


def test_chrome_learned_from_the_bundle_is_removed_from_every_member_in_order() -> None:
    results = run(BundleCleaner(), members([story(n) for n in range(6)]))
    assert [r.name for r in results] == [f"m{n}.txt" for n in range(6)]
    for number, result in enumerate(results):
        assert isinstance(result, CleanedMember)
        assert "Subscribe to our daily digest" not in result.article.body
        assert result.article.title == f"Council number {number} approves a budget for the harbour"
        rules = {line.text: line.rule for line in result.article.lines}
        assert rules["World news"] == "bundle_chrome"


def test_a_member_alone_keeps_lines_that_only_the_bundle_shows_to_be_chrome() -> None:
    alone = clean_member(Member(name="x.txt", content=story(0, chrome=["Home", "Our city pages"]).encode()))
    assert all(line.rule != "bundle_chrome" for line in alone.lines)


def test_one_wire_story_in_three_members_keeps_its_headline() -> None:
    headline = "Storm closes the coastal road for a second day"
    results = run(BundleCleaner(), members([story(n, headline=headline) for n in range(3)]))
    assert [r.article.title for r in results if isinstance(r, CleanedMember)] == [headline] * 3


def test_one_days_stories_keep_their_shared_dateline_and_byline() -> None:
    def dated(number: int) -> str:
        own = story(number).split("\n\n")
        return "\n\n".join([*own[:3], "By Staff Reporter", "18 December 2016 - 15:21", *own[3:]])

    results = run(BundleCleaner(), members([dated(n) for n in range(6)]))
    for result in results:
        assert isinstance(result, CleanedMember)
        assert result.article.published == "2016-12-18T15:21"
        assert result.article.byline == "By Staff Reporter"
        assert "World news" not in result.article.body


def test_the_same_file_three_times_is_not_chrome_to_itself() -> None:
    results = run(BundleCleaner(), members([story(1)] * 3))
    alone = clean_member(members([story(1)])[0])
    assert all(isinstance(r, CleanedMember) and r.article == alone for r in results)
    assert all(line.rule != "bundle_chrome" for line in alone.lines)


def test_members_are_held_only_while_the_sample_fills() -> None:
    cleaner = BundleCleaner(chrome=BundleChrome(sample_members=3))
    items = members([story(n) for n in range(5)])
    assert cleaner.add(items[0]) == [] and cleaner.add(items[1]) == []
    assert [r.name for r in cleaner.add(items[2])] == ["m0.txt", "m1.txt", "m2.txt"]
    assert [r.name for r in cleaner.add(items[3])] == ["m3.txt"]
    assert "world news" in cleaner.chrome_lines


def test_the_sample_is_bounded_by_text_size() -> None:
    cleaner = BundleCleaner(max_sample_chars=10)
    assert [r.name for r in cleaner.add(members([story(1)])[0])] == ["m0.txt"]


def test_known_chrome_from_an_earlier_invocation_skips_sampling() -> None:
    cleaner = BundleCleaner(known_chrome=["world news"])
    (result,) = cleaner.add(members([story(1)])[0])
    assert isinstance(result, CleanedMember)
    assert "World news" not in result.article.body
    assert cleaner.chrome_for_record() == ["world news"]


def test_chrome_for_the_record_is_none_until_learned_and_bounded_after() -> None:
    cleaner = BundleCleaner()
    assert cleaner.chrome_for_record() is None
    many = BundleCleaner(known_chrome=[f"line {n}" for n in range(2000)] + ["x" * 500])
    stored = many.chrome_for_record()
    assert stored is not None and len(stored) == 500 and all(len(key) <= 200 for key in stored)
    assert len(json.dumps(stored)) < 100_000


@pytest.mark.parametrize(
    ("content", "code"),
    [(bytes(range(256)) * 4, "undecodable"), (b"Home\n\nWorld news\n", "empty_after_cleaning")],
)
def test_members_that_yield_no_article_come_back_as_problems_in_order(content: bytes, code: str) -> None:
    items = [*members([story(1)]), Member(name="bad", content=content), *members([story(2)])]
    items[2] = Member(name="m2.txt", content=items[2].content)
    results = run(BundleCleaner(), items)
    assert [r.name for r in results] == ["m0.txt", "bad", "m2.txt"]
    assert isinstance(results[1], MemberProblem) and results[1].code == code
