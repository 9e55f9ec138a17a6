"""The site's notice of a machine-made summary, translation or audio, and the summary's points beside it."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.machine_summary import MAX_SUMMARY_LINES, machine_notice, machine_summaries
from newsdrop.text.line_keys import normalize_line_key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Diese Zusammenfassung wurde künstlich erzeugt. Wir entwickeln dieses Angebot weiter.", True),
        ("Sammendraget er laget av ChatGPT og godkjent av redaksjonen.", True),
        ("Ljuduppspelningen är AI-genererad. Felaktigheter kan förekomma.", True),
        ("Dies ist eine maschinelle Übersetzung eines Artikels unserer US-Kollegen.", True),
        ("AI 요약은 OpenAI의 최신 기술을 활용해 핵심 내용을 제공합니다.", True),
        # a teaser's headline ends in no sentence; a machine word without a summary word; a story's sentence
        ("Literarische Übersetzungen: Was der Mensch der KI voraus hat", False),
        ("Die KI erkennt Unkraut auf dem Feld zuverlässig.", False),
        ("The committee published a summary of its findings on Tuesday.", False),
    ],
)
def test_machine_notice(text: str, expected: bool) -> None:
    assert machine_notice(text, normalize_line_key(text)) is expected


@pytest.mark.parametrize(
    ("numbers", "kept", "notice", "expected"),
    [
        # notice, a blank line, a block of three points, a blank line, the story
        ([1, 3, 4, 5, 7, 9], [True] * 6, [True, False, False, False, False, False], [0, 1, 2, 3]),
        # the points over the notice (none under it)
        ([1, 2, 3, 5, 7, 9], [True] * 6, [False, False, False, True, False, False], [0, 1, 2, 3]),
        # the story's paragraphs a blank line apart under the notice: the notice alone
        ([1, 3, 5, 7], [True] * 4, [True, False, False, False], [0]),
        # a block longer than a summary: the story printed without blank lines
        (
            [1, *range(3, 4 + MAX_SUMMARY_LINES)],
            [True] * (MAX_SUMMARY_LINES + 2),
            [True, *[False] * (MAX_SUMMARY_LINES + 1)],
            [0],
        ),
        # a dropped notice is not this stage's
        ([1, 3, 4], [False, True, True], [True, False, False], []),
    ],
)
def test_machine_summaries(
    numbers: list[int], kept: list[bool], notice: list[bool], expected: list[int]
) -> None:
    assert machine_summaries(numbers, kept, notice) == expected
