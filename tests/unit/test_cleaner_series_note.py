"""The editor's note that the story is one part of a series, kept in the story ("This is part 2 of"): dropped."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.series_note import series_note, series_notes


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ('Dies ist Teil 2 zum Text " Unsichtbare Risiken", der vergangene Woche hier erschienen ist.', True),
        ("Dies ist der zweite Teil unserer Reihe über die Pflege.", True),
        ("Dieser Beitrag ist Teil der Reihe „Wege aus der Krise“.", True),
        ("This is part 2 of a three-part series on the city's water.", True),
        ("This is the final part of our investigation. Read part one here.", True),
        ("This article is part of our series on the energy transition.", True),
        ("* Part 3 of a series on rural schools.", True),
        ("Esta es la segunda parte de la entrevista con la autora.", True),
        ("Este artículo forma parte de la serie Ciudades en crisis.", True),
        ("Cet article fait partie de la série « Les oubliés ».", True),
        ("To jest druga część naszego cyklu o zdrowiu.", True),
        # the story's own sentences on a part of something
        ("This is part of the problem, the mayor said on Tuesday.", False),
        ("Dies ist Teil des Problems, sagte die Ministerin.", False),
        ("Esta es la parte más difícil del trabajo.", False),
        ("The second part of the plan starts next year.", False),
        # a story's paragraph that opens on a note runs longer than one
        (
            "This is part 1 of a 2-part series. Part 2 is here. One of the reasons I have gone a bit dark lately"
            " is that running the course took more of my time than I had planned for, and the rest went to the"
            " lab.",
            False,
        ),
    ],
)
def test_a_series_note_numbers_the_part_or_names_the_series(text: str, note: bool) -> None:
    assert series_note(text) is note


def test_only_kept_series_notes_are_taken() -> None:
    texts = ["A paragraph of the story.", "This is part 2 of a series.", "Dies ist Teil 3 der Serie."]
    assert series_notes(texts, [True, True, False]) == [1]
