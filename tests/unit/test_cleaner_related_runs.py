"""After the line model: headlines of other pages listed under a "Related" label go."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.related_runs import (
    headline_like,
    kept_labels,
    related_label,
    related_labels,
    related_runs,
)
from newsdrop.text.line_keys import count_words, normalize_line_key


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Mehr zum Thema:", True),
        ("Related articles", True),
        ("You may also like", True),
        ("Te puede interesar", True),
        ("Czytaj także:", True),
        ("Weitere Beiträge zu diesem Artikel", True),
        # The blog engine's related box: "Ähnliche Beiträge", "Similar posts".
        ("Ähnliche Beiträge", True),
        ("Similar posts", True),
        ("Ähnliche Beiträge von anderen Autoren aus der ganzen Region", False),
        # An icon font's ligature name printed before the label.
        ("filter_none WEITERE BEITRÄGE ZU DIESEM ARTIKEL", True),
        ("keyboard_arrow_right Related articles", True),
        # A crosshead of the story, a sentence, or a label with a link glued on are no list's title.
        ("Mehr zum Thema Klimaschutz in der Stadtverwaltung und im Landkreis", False),
        ("The minister said more on the topic would follow.", False),
        ("Datenschutz", False),
        ("filter_none The minister said more would follow.", False),
    ],
)
def test_related_label(text: str, label: bool) -> None:
    assert related_label(normalize_line_key(text), count_words(text)) is label


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        ("MEHRERE SCHÜSSE IN WOHNUNG: MANN UND ZWEI KINDER TOT", True),
        ("Wetter in Köln: So regnerisch zeigt sich der Herbst", True),
        ("The council approved the budget on Tuesday.", False),
        # A line that opens what follows (a live blog's timeline heading) is the story's.
        ("» Le fil des événements de jeudi :", False),
        ("word " * 20, False),
    ],
)
def test_headline_like(text: str, headline: bool) -> None:
    assert headline_like(text, count_words(text)) is headline


# Lines: L a label, H a headline-like kept line, P kept prose, - a dropped line.
@pytest.mark.parametrize(
    ("lines", "dropped"),
    [
        # Three headlines under the label: the list goes; the story's prose above it stays.
        ("PPLHHH", [3, 4, 5]),
        # Dropped lines between the headlines (pictures, counters) do not end the list.
        ("PL-H-H-H", [3, 5, 7]),
        # The list ends at the first kept prose line; what follows it stays.
        ("LHHHPH", [1, 2, 3]),
        # One or two headline-like lines under the label are as often the story's crossheads.
        ("LHHP", []),
        ("LHPHHH", []),
        # No label, no list.
        ("PHHHH", []),
        # The list is read within 12 lines of its label only.
        ("L" + "-" * 12 + "HHH", []),
    ],
)
def test_related_runs(lines: str, dropped: list[int]) -> None:
    kept = [mark in "HP" for mark in lines]
    labels = [mark == "L" for mark in lines]
    headlines = [mark == "H" for mark in lines]
    assert related_runs(kept, labels, headlines) == dropped


@pytest.mark.parametrize(
    ("kept", "labels", "dropped"),
    [
        # A kept label goes, whatever stands under it; a dropped one, or a kept line that is none, stays.
        ((True, True, True), (False, True, False), [1]),
        ((True, False, True), (False, True, False), []),
        ((True, True), (False, False), []),
    ],
)
def test_kept_labels(kept: tuple[bool, ...], labels: tuple[bool, ...], dropped: list[int]) -> None:
    assert kept_labels(kept, labels) == dropped


@pytest.mark.parametrize(
    "texts",
    [
        ["Mehr zum Thema:", "The minister said more on the topic would follow.", "Datenschutz"],
        # Longer than a label only with its icon font's names, which the label test strips.
        [
            "keyboard_arrow_right filter_none Weitere Beiträge zu diesem Artikel",
            "filter_none Related articles",
        ],
        ["Mehr zum Thema Klimaschutz in der Stadtverwaltung und im Landkreis", "Related articles"],
        # ASCII keys, read by one RE2 set: a link list's heading, a single link (no list's title), a related
        # label with and without its colon and decoration, and short lines that are none of them.
        [
            "Most Popular",
            "Next",
            "Next article",
            "Back to top",
            "More stories",
            "« Previous post Next post »",
        ],
        ["Read more:", "-- Related --", "Recommended for you", "See also", "Lire aussi", "Keep reading"],
        ["More", "More:", "Related", "Skip to content now", "You might like this", "Go to home page today"],
        ["Read more of it", "related.", "Reading", "Moreover", "nextdoor", "The council", "2024", ""],
    ],
)
def test_related_labels_reads_each_line_as_related_label_does(texts: list[str]) -> None:
    keys = [normalize_line_key(text) for text in texts]
    words = [count_words(text) for text in texts]
    expected = [related_label(key, count) for key, count in zip(keys, words, strict=True)]
    assert related_labels(keys, words) == expected
