"""The related-link stage after the line model: one other page's headline right under a "Read more" label."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.related_link import related_links
from newsdrop.text.cleaner.related_runs import related_label

K, D = True, False
L, H, P = "label", "headline", "prose"


@pytest.mark.parametrize(
    ("rows", "found"),
    [
        # Label, one headline, the story's prose again: the headline goes.
        ([(K, P), (K, L), (K, H), (K, P)], [2]),
        ([(K, P), (D, L), (K, H), (D, H), (K, P)], [2]),
        # The headline closes the kept text.
        ([(K, P), (D, L), (K, H)], [2]),
        # Two headline-like lines: a list (related_runs) or the story's crosshead pair.
        ([(K, P), (D, L), (K, H), (K, H), (K, P)], []),
        # Not right under the label, dropped already, or prose under the label.
        ([(K, P), (D, L), (D, P), (K, H), (K, P)], []),
        ([(K, P), (D, L), (D, H), (K, P)], []),
        ([(K, P), (D, L), (K, P), (K, P)], []),
    ],
)
def test_related_links(rows: list[tuple[bool, str]], found: list[int]) -> None:
    kept = [row[0] for row in rows]
    labels = [row[1] == L for row in rows]
    headlines = [row[1] == H for row in rows]
    assert related_links(kept, labels, headlines) == found


def test_keep_reading_is_a_related_label() -> None:
    assert related_label("keep reading", 2)
    assert not related_label("keep reading the story below", 5)
