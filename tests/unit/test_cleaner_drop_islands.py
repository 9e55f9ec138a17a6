"""drop_teasers_and_boxes reads the kept lines' islands again only where the kept lines changed (``_Islands``)."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner import after_model_teasers
from newsdrop.text.cleaner.after_model_teasers import _Islands
from newsdrop.text.cleaner.story_end import islands

SIZES = [1000, 1000, 10, 10, 50, 10, 10, 50]


@pytest.mark.parametrize(
    ("asked", "reads"),
    [
        # The same kept lines asked again (a new list, equal): one reading.
        ([[True, True, False, False, True, False, False, True]] * 3, 1),
        # A line dropped between two stages: read again, and again when it differs once more.
        (
            [
                [True, True, False, False, True, False, False, True],
                [True, True, False, False, False, False, False, True],
                [True, True, False, False, False, False, False, True],
                [True, False, False, False, False, False, False, True],
            ],
            3,
        ),
    ],
)
def test_islands_are_read_again_only_for_other_kept_lines(
    monkeypatch: pytest.MonkeyPatch, asked: list[list[bool]], reads: int
) -> None:
    calls: list[list[bool]] = []

    def counted(kept: list[bool], sizes: list[int]) -> list[tuple[int, int, int, int]]:
        calls.append(kept)
        return islands(kept, sizes)

    monkeypatch.setattr(after_model_teasers, "islands", counted)
    spans = _Islands(SIZES)
    for kept in asked:
        assert spans(list(kept)) == islands(kept, SIZES)
    assert len(calls) == reads


def test_islands_follow_a_list_changed_after_it_was_asked() -> None:
    # The caller's list changed in place after it asked: the same list asked again is read again.
    spans = _Islands(SIZES)
    kept = [True, True, False, False, True, False, False, True]
    assert spans(kept) == islands(kept, SIZES)
    kept[4] = False
    assert spans(kept) == islands(kept, SIZES)
