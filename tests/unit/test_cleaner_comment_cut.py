"""A comment section the rules opened at a table's "Comment" column or a teaser box's comment counters gives
the story's rest back; a real comment thread stays dropped."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.comment_cut import comment_column, counted_teasers, section_opener
from newsdrop.text.line_keys import normalize_line_key

PARAGRAPH = "The worker polls the queue for new tasks and claims each one before it runs, so no task is lost or run twice."
OTHER = "Once a task is claimed the executor sends heartbeats until it finishes, and the status is written back at the end."
STORY = (
    "Every state update moves the task's next trigger timestamp forward in the store.",
    True,
    "article_region",
)


def _run(stage, rows: list[tuple[str, bool, str | None]]) -> list[int]:
    texts = [text for text, _, _ in rows]
    kept = [keep for _, keep, _ in rows]
    rules = [rule for _, _, rule in rows]
    return stage(texts, [normalize_line_key(text) for text in texts], rules, kept)


def _section(*texts: str) -> list[tuple[str, bool, str | None]]:
    return [(text, False, "comment_section") for text in texts]


LEAD = ("Following are the task states and their timestamp updates:", False, "trailing_chrome")
CELLS = [("Entity status", False, "trailing_chrome"), ("Next trigger timestamp", False, "trailing_chrome")]
COLUMN = ("Comment", False, "comment_form")


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # A table introduced with a colon, its header row ending in a "Comment" column, the story's paragraphs
        # under it: the lead-in, the cells, the column and the lines down to the last paragraph come back.
        (
            [
                STORY,
                LEAD,
                *CELLS,
                COLUMN,
                *_section("new", "Pick up new tasks.", PARAGRAPH, OTHER, "Link copied"),
            ],
            [1, 2, 3, 4, 5, 6, 7, 8],
        ),
        # A line another rule named inside stays as it is.
        (
            [STORY, LEAD, *CELLS, COLUMN, ("Copy", False, "share_prompt"), *_section(PARAGRAPH, OTHER)],
            [1, 2, 3, 4, 6, 7],
        ),
        # No colon over the cells: a comment section's heading under the story's share row.
        (
            [STORY, ("Share this story", False, "share_prompt"), COLUMN, *_section(PARAGRAPH, OTHER)],
            [],
        ),
        # The colon line right over the field, no header cell between: a form the story's last line introduces.
        ([STORY, LEAD, COLUMN, *_section(PARAGRAPH, OTHER)], []),
        # A thread's timestamp under the column: the comments.
        ([STORY, LEAD, *CELLS, COLUMN, *_section("March 3, 2020 at 5:01 pm", PARAGRAPH, OTHER)], []),
        # A reply button: the same.
        ([STORY, LEAD, *CELLS, COLUMN, *_section(PARAGRAPH, "Reply", OTHER)], []),
        # One paragraph only under the column: too little story to read it as the story's rest.
        ([STORY, LEAD, *CELLS, COLUMN, *_section(PARAGRAPH, "Link copied")], []),
        # A form field that names no comment ("Website") in the same place: a sign-in form.
        ([STORY, LEAD, *CELLS, ("Website", False, "comment_form"), *_section(PARAGRAPH, OTHER)], []),
        # No comment section at all.
        ([STORY, LEAD, *CELLS, ("Comment", True, "article_region"), (PARAGRAPH, True, None)], []),
    ],
)
def test_comment_column(rows: list[tuple[str, bool, str | None]], expected: list[int]) -> None:
    assert _run(comment_column, rows) == expected


ITEM = ("Fares rise in the city : Occasional riders are angry", False, "comment_section")
STAMP = ("Published/updated:", False, "comment_section")


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # A teaser box whose items each carry a comment counter, the story's paragraphs right under its last.
        (
            [
                STORY,
                ("Kommentare: ,", False, "comment_form"),
                ITEM,
                STAMP,
                *_section("Kommentare: 49, Empfehlungen: 24", PARAGRAPH, OTHER, "Quelle: dpa"),
            ],
            [5, 6],
        ),
        # "Comments: 3" in English, counters beside other counters.
        (
            [
                STORY,
                ("Comments: 12", False, "comment_form"),
                ITEM,
                *_section("Likes: 4 | Comments: 3", PARAGRAPH),
            ],
            [4],
        ),
        # One counter only: a comment section's own counter over its thread.
        ([STORY, ("Comments: 12", False, "comment_form"), ITEM, *_section(PARAGRAPH, OTHER)], []),
        # A timestamp between the counters: a thread's rows.
        (
            [
                STORY,
                ("Comments: 12", False, "comment_form"),
                *_section("May 3, 2023 10:12", "Comments: 3", PARAGRAPH),
            ],
            [],
        ),
        # A line between the last counter and the paragraphs: the box goes on.
        (
            [
                STORY,
                ("Comments: 12", False, "comment_form"),
                *_section("Comments: 3", "Most read", PARAGRAPH),
            ],
            [],
        ),
        # The opener is no counter: a form's field.
        ([STORY, ("Comments", False, "comment_form"), *_section("Comments: 3", PARAGRAPH)], []),
    ],
)
def test_counted_teasers(rows: list[tuple[str, bool, str | None]], expected: list[int]) -> None:
    assert _run(counted_teasers, rows) == expected


@pytest.mark.parametrize(
    ("rules", "expected"),
    [
        (["article_region", "comment_form", "comment_section"], 1),
        # A line another rule named between the opener and the section's first line.
        (["article_region", "comment_policy", "share_prompt", "comment_section"], 1),
        (["article_region", "comment_form"], None),
        (["comment_section"], None),
    ],
)
def test_section_opener(rules: list[str | None], expected: int | None) -> None:
    assert section_opener(rules) == expected
