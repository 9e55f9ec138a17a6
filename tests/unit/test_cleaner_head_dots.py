"""The line model's head dots: each memoised head's share of the dot product, cached by the head's identity."""

from __future__ import annotations

import operator

import pytest

from newsdrop.text.cleaner.features import _HEAD_COUNT, FEATURES
from newsdrop.text.cleaner.line_weights import _head_dots, _weight_blocks


def _head(*ones: int) -> tuple[float, ...]:
    return tuple(1.0 if at in ones else 0.0 for at in range(_HEAD_COUNT))


WEIGHTS = tuple(0.1 * (at + 1) * (-1) ** at for at in range(len(FEATURES)))


@pytest.mark.parametrize(
    "heads",
    [
        [],
        [_head(0, 1)],
        [_head(0, 1), _head(2), _head(0, 1)],
        [_head(), _head(0, 3, 12), _head(5), _head(), _head(0, 3, 12)],
    ],
)
def test_head_dots_are_each_heads_weighted_sum(heads: list[tuple[float, ...]]) -> None:
    blocks = _weight_blocks(WEIGHTS)
    expected = [sum(map(operator.mul, WEIGHTS[:_HEAD_COUNT], head)) for head in heads]
    assert _head_dots(blocks, heads) == expected
    # Again, from the cache: the same floats.
    assert _head_dots(blocks, heads) == expected


def test_equal_heads_built_apart_get_the_same_dot() -> None:
    blocks = _weight_blocks(WEIGHTS)
    first, second = _head(0, 4), tuple(list(_head(0, 4)))
    assert first is not second
    assert _head_dots(blocks, [first, second]) == [sum(map(operator.mul, WEIGHTS[:_HEAD_COUNT], first))] * 2
