"""Reader comments kept below the story, each between its dated header and its reply button, go."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.thread_posts import dated_header, thread_posts
from newsdrop.text.line_keys import normalize_line_key

STORY = [
    (f"Paragraph {number} of the story goes on at some length about the matter at hand." * 3, True, None)
    for number in range(4)
]
POST = (
    "Why is there no certification for the people who build these sites? It would help buyers a lot.",
    True,
    None,
)
HEADER = ("djsteveb · March 10, 2017 at 3:19 AM", False, "line_model:prose_above")
REPLY = ("Reply", False, "line_model:log_repeats")
FORM = ("Cancel reply", False, "comment_form")


def _run(rows: list[tuple[str, bool, str | None]]) -> list[int]:
    texts = [text for text, _, _ in rows]
    kept = [keep for _, keep, _ in rows]
    rules = [rule for _, _, rule in rows]
    keys = [normalize_line_key(text) for text in texts]
    found = thread_posts(kept, texts, keys, rules)
    # With the lines' sizes given (after_model has them): the same lines.
    assert thread_posts(kept, texts, keys, rules, [len(text) for text in texts]) == found
    return found


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # Two comments below the story, each under its dated header and over its reply button.
        ([*STORY, REPLY, HEADER, POST, POST, REPLY, HEADER, POST, REPLY], [6, 7, 10]),
        # The last comment closed by the comment form's first line.
        ([*STORY, REPLY, HEADER, POST, REPLY, HEADER, POST, POST, FORM], [6, 9, 10]),
        # German: "Antworten".
        (
            [
                *STORY,
                REPLY,
                HEADER,
                POST,
                ("Antworten", False, None),
                HEADER,
                POST,
                ("Antworten", False, None),
            ],
            [6, 9],
        ),
        # One comment only: too little to call it a thread.
        ([*STORY, REPLY, HEADER, POST, REPLY], []),
        # No reply button under the runs: a story's dated sections resuming past a widget.
        (
            [
                *STORY,
                REPLY,
                HEADER,
                POST,
                ("Advertisement", False, None),
                HEADER,
                POST,
                ("Advertisement", False, None),
            ],
            [],
        ),
        # No dated header over the runs: the story's paragraphs between two share rows that say "Reply".
        (
            [*STORY, REPLY, ("Most read", False, None), POST, REPLY, ("Most read", False, None), POST, REPLY],
            [],
        ),
        # Above the story (the largest island), left alone.
        ([REPLY, HEADER, POST, REPLY, HEADER, POST, REPLY, REPLY, *STORY], []),
    ],
)
def test_thread_posts(rows: list[tuple[str, bool, str | None]], expected: list[int]) -> None:
    assert _run(rows) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("djsteveb · March 10, 2017 at 3:19 AM", True),
        ("Karsten Dörre / 22.04.2020", True),
        ("Reply", False),
        # A long sentence naming a date is no header.
        (
            "On March 10, 2017 the council met again and voted to postpone the decision on the new bridge once more.",
            False,
        ),
    ],
)
def test_dated_header(text: str, expected: bool) -> None:
    assert dated_header(text) is expected
