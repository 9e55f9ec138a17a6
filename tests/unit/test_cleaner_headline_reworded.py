"""A reworded <title>: the page's opening line, printed nowhere else, gives way to the headline the page prints."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.headline_reworded import printed_for_title
from tests.unit.cleaner_fixtures import printed_lines

TITLE = "Harbour wall finished after storm damage | Coast Herald"
PRINTED = "Storm could not stop the harbour wall"
MENU = ["Home", "News", "Sport"]


@pytest.mark.parametrize(
    ("texts", "scores", "expected"),
    [
        # The <title> picked, printed nowhere else; the page's headline says the story in other words.
        ([TITLE, *MENU, PRINTED], {0: 2.0, 4: 1.0}, 4),
        # The site's name printed alone (a logo) does not print the headline again.
        ([TITLE, "Coast Herald", *MENU, PRINTED], {0: 2.0, 5: 1.0}, 5),
        # The best-scored of two such lines.
        ([TITLE, *MENU, "Harbour wall storm gallery", PRINTED], {0: 2.0, 4: 0.5, 5: 1.0}, 5),
        # A line right under the opening line, or two lines under it, is the opening's own block (an article view
        # opens with its headline, then its standfirst): the opening stays.
        ([TITLE, PRINTED], {0: 2.0, 1: 1.0}, None),
        ([TITLE, "By Ann Lee", "Friday", PRINTED], {0: 2.0, 3: 1.0}, None),
        # The page prints the title's headline again: the <title> is its headline, whatever else shares words.
        ([TITLE, *MENU, "Harbour wall finished after storm damage", PRINTED], {0: 2.0, 5: 1.0}, None),
        # ... or behind a label, a little longer.
        (
            [TITLE, *MENU, "Harbour desk: Harbour wall finished after storm damage", PRINTED],
            {0: 2.0, 5: 1.0},
            None,
        ),
        # A paragraph quoting the title's headline is no printing of it.
        (
            [
                TITLE,
                *MENU,
                "We asked readers whether the harbour wall finished after storm damage was worth what it cost",
                PRINTED,
            ],
            {0: 2.0, 5: 1.0},
            5,
        ),
        # ... or the whole <title> line again.
        ([TITLE, *MENU, TITLE, PRINTED], {0: 2.0, 5: 1.0}, None),
        # The pick is not the page's opening line.
        (["Coast Herald", TITLE, PRINTED], {1: 2.0, 2: 1.0}, None),
        ([TITLE, *MENU, PRINTED], {0: 1.0, 4: 2.0}, None),
        # One shared word is a chance match, not the story.
        ([TITLE, *MENU, "Harbour festival this weekend"], {0: 2.0, 4: 1.0}, None),
        # A sentence (the standfirst or the lead) is no headline.
        ([TITLE, *MENU, "The storm could not stop the harbour wall."], {0: 2.0, 4: 1.0}, None),
        # A line holding the site's name is the site's link, not the headline.
        ([TITLE, *MENU, "Coast Herald storm harbour wall archive"], {0: 2.0, 4: 1.0}, None),
        # ... glued to CJK words too.
        (
            ["NEWS WEB EASY|港の壁が嵐の後にようやく完成した", "NEWS WEB EASYについて"],
            {0: 2.0, 1: 1.0},
            None,
        ),
        # A kicker the title's headline keeps ("Kicker: Headline - Site", the site's name cut) is no site's name:
        # the printed headline may hold it.
        (
            [
                "Harbour: Wall finished after storm damage - Coast Herald",
                "About Coast Herald",
                "Coast Herald archive",
                *MENU,
                "Harbour: Wall finished early after storm",
            ],
            {0: 2.0, 6: 1.0},
            6,
        ),
        # A barred line (here a trail) stays out.
        ([TITLE, *MENU, "Home › Harbour wall storm"], {0: 2.0, 4: 1.0}, None),
        # A caption over or under its picture's credit names the story in other words: no headline. A credit of
        # the listed words counts once; a labelled one in any language counts when the page prints it again (one
        # credit per picture)...
        ([TITLE, *MENU, PRINTED, "Photo: Ann Lee"], {0: 2.0, 4: 1.0}, None),
        (
            [TITLE, *MENU, "Фото: Анна Ли", PRINTED, "Фото: Анна Ли", "Harbour gallery"],
            {0: 2.0, 5: 1.0},
            None,
        ),
        # ... so a byline or a kicker opening so, printed once, is no credit.
        ([TITLE, *MENU, PRINTED, "Von: Anna Lee"], {0: 2.0, 4: 1.0}, 4),
        ([TITLE, *MENU, "Фото: Анна Ли", PRINTED, "Harbour gallery"], {0: 2.0, 5: 1.0}, 5),
        # ... and a long labelled line is a paragraph, printed twice or not.
        (
            [TITLE, *MENU, PRINTED, *["Note: the wall took nine months and four crews to finish"] * 2],
            {0: 2.0, 4: 1.0},
            4,
        ),
        # A line no ranked candidate is not read.
        ([TITLE, *MENU, PRINTED], {0: 2.0}, None),
    ],
)
def test_the_printed_headline_for_a_reworded_title(
    texts: list[str], scores: dict[int, float], expected: int | None
) -> None:
    lines = printed_lines(texts)
    chosen = max(scores, key=lambda index: scores[index])
    assert printed_for_title(lines, chosen, scores, lambda index: "›" in lines[index].text) == expected
