"""drop_teasers_and_boxes makes the role lists of the headline links and the ad headings only where a line can need
them (a kept headline-like line holding a colon, an ad's label): the pages that have one still lose the link and the
insert."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from newsdrop.models import KEPT_ROLES
from newsdrop.text.cleaner.after_model_teasers import _headlines, _kept_role, drop_teasers_and_boxes
from newsdrop.text.cleaner.page_roles import PageRoles
from newsdrop.text.cleaner.related_runs import headline_like
from tests.unit.cleaner_fixtures import STORY, printed_lines

LINK = "Former US commander in Europe: Russia is dangerous"
CROSSHEAD = "A year without a port"
INSERT = "The latest news about the outbreak (paywall-free)"

# (role, rule, text) rows around the story's paragraphs.
BODY = ("body", "line_model:body", None)


def _page(rows: list[tuple[str, str, str | None]]) -> list[str | None]:
    """The rules drop_teasers_and_boxes leaves on a page of ``rows`` (a None text takes the story's next paragraph)."""
    story = iter(STORY)
    lines = printed_lines([next(story) if text is None else text for _, _, text in rows])
    for line, (role, rule, _) in zip(lines, rows, strict=True):
        line.assign(role, rule)
    roles = PageRoles(lines)
    texts = [line.text for line in lines]
    page = (texts, [line.key for line in lines], [line.n for line in lines], [len(text) for text in texts])
    by_model = [False] * len(lines)
    drop_teasers_and_boxes(lines, 0, roles, roles.kept(), by_model, page, Counter(page[1]))
    return [line.rule for line in lines]


@pytest.mark.parametrize(
    ("rows", "dropped"),
    [
        # A headline link between a paragraph and a crosshead, and a crosshead over the ad's label.
        (
            [BODY, BODY, ("body", "r", LINK), ("subheading", "r", CROSSHEAD), BODY, BODY],
            {2: "headline_link"},
        ),
        (
            [
                BODY,
                BODY,
                ("subheading", "r", INSERT),
                ("boilerplate", "advertisement", "Advertisement"),
                BODY,
                BODY,
            ],
            {2: "ad_heading"},
        ),
        # The same lines without the link's form or the ad's label: nothing goes.
        ([BODY, BODY, ("subheading", "r", CROSSHEAD), BODY, BODY], {}),
        (
            [BODY, BODY, ("subheading", "r", INSERT), ("boilerplate", "share_row", "Share this"), BODY, BODY],
            {},
        ),
    ],
)
def test_the_link_and_the_insert_go_where_the_page_has_them(
    rows: list[tuple[str, str, str | None]], dropped: dict[int, str]
) -> None:
    rules = _page(rows)
    assert {index: rule for index, rule in enumerate(rules) if rule != rows[index][1]} == dropped


@pytest.mark.parametrize("seed", range(20))
def test_the_headline_verdicts_are_the_kept_lines_headline_like(seed: int) -> None:
    pick = random.Random(seed)
    texts = [*pick.sample(STORY, 4), LINK, CROSSHEAD, INSERT, "Advertisement"]
    pick.shuffle(texts)
    lines = printed_lines(texts)
    # The link's line kept: a headline-like line the verdicts must hold.
    kept = [text == LINK or pick.random() < 0.6 for text in texts]
    expected = [keep and headline_like(line.text, line.words) for keep, line in zip(kept, lines, strict=True)]
    assert _headlines(kept, lines) == expected
    assert any(expected)


@pytest.mark.parametrize("seed", range(20))
@pytest.mark.parametrize("role", ["body", "subheading"])
def test_a_kept_role_list_is_every_line_holding_the_role(seed: int, role: str) -> None:
    pick = random.Random(seed)
    lines = printed_lines(pick.sample(STORY, 6))
    for line in lines:
        line.assign(pick.choice(["body", "subheading", "boilerplate", "caption"]), "r")
    if pick.random() < 0.3:
        lines[0].role = None
    # The kept verdicts as the stages read them: a line holding a kept role is kept.
    kept = [line.role in KEPT_ROLES for line in lines]
    assert _kept_role(kept, lines, role) == [line.role == role for line in lines]
