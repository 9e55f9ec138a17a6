"""HTML path: the boxes blocked embeds leave in the story go; chart titles and the story's own lines stay."""

from __future__ import annotations

import pytest

from newsdrop.text.main_placeholders import without_blocked_embeds

_P1 = "The company owned more than 1,300 property projects in 280 cities across the country."
_P2 = "It owed more than 300 billion dollars, more than any other developer in the world."
_P3 = "The court in Hong Kong ordered the company to be wound up on Monday."
_HEADING = "Externer Inhalt nicht verfügbar"
_NOTICE = "Deine Privatsphäre-Einstellungen verhindern das Laden und Anzeigen aller externen Inhalte."


@pytest.mark.parametrize(
    ("main_lines", "kept", "expected"),
    [
        # the same box over each blocked embed, the witness dropped it: out, notice and all
        ([_P1, _HEADING, _NOTICE, _P2, _HEADING, _NOTICE, _P3], {_P1, _P2, _P3}, [_P1, _P2, _P3]),
        # one box alone: the story's chart title over its consent line (the golds keep it)
        ([_P1, _HEADING, _NOTICE, _P2], {_P1, _P2}, [_P1, _HEADING, _NOTICE, _P2]),
        # the witness kept the heading: a section of the story
        (
            [_P1, _HEADING, _NOTICE, _P2, _HEADING, _NOTICE, _P3],
            {_P1, _P2, _P3, _HEADING},
            [_P1, _HEADING, _NOTICE, _P2, _HEADING, _NOTICE, _P3],
        ),
        # the line under the heading speaks of no consent or advertising: the story's own
        ([_P1, _HEADING, _P2, _HEADING, _P3], {_P1, _P3}, [_P1, _HEADING, _P2, _HEADING, _P3]),
    ],
)
def test_without_blocked_embeds(main_lines: list[str], kept: set[str], expected: list[str]) -> None:
    assert without_blocked_embeds(main_lines, frozenset(kept)) == expected
