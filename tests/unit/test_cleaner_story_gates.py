"""The page pre-tests after the model read in one pass give each stage's own verdict."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from newsdrop.text.cleaner.asides import NOTIFICATION_STEMS, asides
from newsdrop.text.cleaner.closing_credits import _CREDIT_MARKS_BYTES, closing_credit_captions
from newsdrop.text.cleaner.placed_caption import _PLACED_PAGE_HINT, placed_captions
from newsdrop.text.cleaner.player_notice import _WORDS_OR_DIGIT_P, player_notices
from newsdrop.text.cleaner.story_gates import story_gates
from tests.unit.cleaner_fixtures import LEAD, SECOND

_CAPTION = "Fishermen mend their nets on the quay. Foto: Jane Doe/dpa"
_PLACED = "Jane Doe (left) and John Roe at the opening of the wall."
_PLAYER = "Your browser does not support the video tag. Turn on JavaScript to play it."
_PUSH = "Benachrichtigungen aktivieren: Dürfen wir Sie in Ihrem Browser informieren?"


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        (f"{LEAD}\n{SECOND}", (False, False, False, False)),
        (f"{LEAD}\n{_CAPTION}\n{SECOND}", (True, False, False, False)),
        (f"{LEAD}\n{_PLACED}", (False, True, False, False)),
        (f"{_PLAYER}\n{LEAD}", (False, False, True, False)),
        (f"{LEAD}\n360p 720p\n{_CAPTION}\n{_PLACED}", (True, True, True, False)),
        # The placed form's "^pictured" opens a line of the story, not only its first.
        (f"{LEAD}\npictured: the new wall", (False, True, False, False)),
        (f"{LEAD} pictured here", (False, False, False, False)),
        (f"{LEAD}\n{_PUSH}", (False, False, False, True)),
        # The stems are read case-sensitive, as ``in`` reads them.
        (f"{LEAD}\nTURN ON NOTIFICATIONS", (False, False, False, False)),
        (f"{LEAD}\nturn on notifications", (False, False, False, True)),
        ("", (False, False, False, False)),
    ],
)
def test_story_gates_read_each_stage_pretest(story: str, expected: tuple[bool, bool, bool, bool]) -> None:
    encoded = story.encode()
    own = (
        bool(_CREDIT_MARKS_BYTES(encoded)),
        bool(_PLACED_PAGE_HINT(encoded)),
        bool(_WORDS_OR_DIGIT_P(encoded)),
        any(stem in story for stem in NOTIFICATION_STEMS),
    )
    assert story_gates(story) == own == expected


@pytest.mark.parametrize("stage", [closing_credit_captions, placed_captions, player_notices])
def test_a_stage_given_its_gate_reads_as_with_the_story_alone(stage) -> None:
    texts = [LEAD, _CAPTION, _PLACED, SECOND, _PLAYER, LEAD + " Again.", SECOND + " Again."]
    kept = [True] * len(texts)
    story = "\n".join(texts)
    marked = dict(
        zip((closing_credit_captions, placed_captions, player_notices), story_gates(story)[:3], strict=True)
    )
    assert stage(texts, kept, story, marked[stage]) == stage(texts, kept, story) != []
    # A gate that found nothing reads no line.
    assert stage(texts, kept, story, False) == []


@dataclass
class _Line:
    text: str
    role: str | None = "body"
    rule: str | None = "article_region"
    prose_text: bool = True


def test_asides_given_the_push_gate_read_as_with_the_story_alone() -> None:
    lines = [_Line(LEAD), _Line(_PUSH, prose_text=False), _Line(SECOND)]
    kept = [True] * 3
    story = "\n".join(line.text for line in lines)
    pushed = story_gates(story)[3]
    assert asides(lines, story, kept, pushed) == asides(lines, story, kept) == [1]
    # A gate that found no stem reads no line for a prompt.
    assert asides(lines, story, kept, False) == []
