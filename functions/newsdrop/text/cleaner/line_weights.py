"""The line model's weights cut by feature block, with the bounds and per-page dot products its scoring reads."""

from __future__ import annotations

import math
import operator
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from newsdrop.text.cleaner.features import _HEAD_COUNT, FEATURES
from newsdrop.text.cleaner.shape import (
    _CHEAP_AT,
    _COSTLY_AT,
    _QUICK_FEATURES,
    _SHAPE_FEATURES,
    _TEXT_SHAPE_RANGES,
    _WORD_SHAPE,
)


class _WeightBlocks(NamedTuple):
    """A line model's weights cut by feature block, and the costly shape features' share bounds."""

    head: tuple[float, ...]
    shape: tuple[float, ...]
    tail: tuple[float, ...]
    cheap: list[float]
    costly: list[float]
    costly_low: float
    costly_high: float
    # The shape block as bounds: the features the word count decides (weight, feature of the count) and
    # the range of the rest's share of the dot product (``_TEXT_SHAPE_RANGES``).
    word_shaped: tuple[tuple[float, Any], ...]
    # Their share of the dot product by word count, filled in as pages need them (the same sum each time).
    word_dots: dict[int, float]
    text_low: float
    text_high: float
    # The ``_QUICK_FEATURES``' weights, and the range of the other text-decided features' share.
    quick: tuple[float, ...]
    rest_low: float
    rest_high: float
    # The tail's weights as a numpy array (made once, not converted from the tuple a page), and each memoised
    # head's dot by the head's identity, the heads held in ``head_refs`` so that no id is reused while cached.
    tail_array: Any
    head_dots: dict[int, float]
    head_refs: list[tuple[float, ...]]


# At most this many heads' dots are cached (a page has a few dozen memoised heads; hand-built heads add more).
_HEAD_DOTS_MAX = 4096


@lru_cache(maxsize=8)
def _weight_blocks(weights: tuple[float, ...]) -> _WeightBlocks:
    import numpy as np

    shape = weights[_HEAD_COUNT : _HEAD_COUNT + len(_SHAPE_FEATURES)]
    costly = [shape[index] for index in _COSTLY_AT]
    text_low, text_high = 0.0, 0.0
    rest_low, rest_high = 0.0, 0.0
    word_shaped: list[tuple[float, Any]] = []
    for name, weight in zip(_SHAPE_FEATURES, shape, strict=True):
        if name in _WORD_SHAPE:
            word_shaped.append((weight, _WORD_SHAPE[name]))
        else:
            low, high = _TEXT_SHAPE_RANGES.get(name, (-math.inf, math.inf))
            text_low += min(weight * low, weight * high)
            text_high += max(weight * low, weight * high)
            if name not in _QUICK_FEATURES:
                rest_low += min(weight * low, weight * high)
                rest_high += max(weight * low, weight * high)
    return _WeightBlocks(
        head=weights[:_HEAD_COUNT],
        shape=shape,
        tail=weights[_HEAD_COUNT + len(_SHAPE_FEATURES) :],
        cheap=[shape[index] for index in _CHEAP_AT],
        costly=costly,
        costly_low=sum(min(0.0, weight) for weight in costly),
        costly_high=sum(max(0.0, weight) for weight in costly),
        word_shaped=tuple(word_shaped),
        word_dots={},
        text_low=text_low,
        text_high=text_high,
        quick=tuple(shape[_SHAPE_FEATURES.index(name)] for name in _QUICK_FEATURES),
        rest_low=rest_low,
        rest_high=rest_high,
        tail_array=np.array(weights[_HEAD_COUNT + len(_SHAPE_FEATURES) :], dtype=float),
        head_dots={},
        head_refs=[],
    )


def _head_dots(blocks: _WeightBlocks, heads: Sequence[tuple[float, ...]]) -> list[float]:
    """Each head's share of the dot product (``sum(map(mul, head weights, head))``), once per distinct head."""
    dots = blocks.head_dots
    ids = list(map(id, heads))
    try:
        # A page whose heads are all cached: one subscript each, no set of the page's ids.
        return [dots[at] for at in ids]
    except KeyError:
        pass
    missing = set(ids).difference(dots)
    if missing:
        if len(blocks.head_refs) + len(missing) > _HEAD_DOTS_MAX:
            dots.clear()
            blocks.head_refs.clear()
        for head in heads:
            if id(head) in missing:
                missing.discard(id(head))
                dots[id(head)] = sum(map(operator.mul, blocks.head, head))
                blocks.head_refs.append(head)
    return [dots[at] for at in ids]


# The shape features a line's word count or a test of its ends decides (``FeatureParts.known_shape``, by their place
# in the shape block), and the columns of the rest, which take a regex pass over its text.
_KNOWN_SHAPE = tuple(
    at for at, name in enumerate(_SHAPE_FEATURES) if name in _WORD_SHAPE or name in _QUICK_FEATURES
)


_TEXT_SHAPE_COLUMNS = tuple(_HEAD_COUNT + at for at in range(len(_SHAPE_FEATURES)) if at not in _KNOWN_SHAPE)


_TAIL_START = _HEAD_COUNT + len(_SHAPE_FEATURES)


class _FlipWeights(NamedTuple):
    """A model's weights times the sign of a kept (True: 1.0) or dropped flip (``strongest``'s first product), by
    block: the head's and the known shape's as floats, the tail's as numpy rows (dropped first, then kept); and
    the largest push a feature of ``_TEXT_SHAPE_COLUMNS`` can give each (inf for a feature without a range)."""

    head: dict[bool, tuple[float, ...]]
    known: dict[bool, tuple[float, ...]]
    tail: Any
    reach: dict[bool, float]


@lru_cache(maxsize=8)
def _flip_weights(weights: tuple[float, ...]) -> _FlipWeights:
    import numpy as np

    signed = {keep: tuple(sign * weight for weight in weights) for keep, sign in ((True, 1.0), (False, -1.0))}
    reach: dict[bool, float] = {}
    for keep, factors in signed.items():
        largest = -math.inf
        for column in _TEXT_SHAPE_COLUMNS:
            if FEATURES[column] not in _TEXT_SHAPE_RANGES:
                largest = math.inf
                break
            low, high = _TEXT_SHAPE_RANGES[FEATURES[column]]
            largest = max(largest, factors[column] * low, factors[column] * high)
        reach[keep] = largest
    return _FlipWeights(
        head={keep: factors[:_HEAD_COUNT] for keep, factors in signed.items()},
        known={
            keep: tuple(factors[_HEAD_COUNT + at] for at in _KNOWN_SHAPE) for keep, factors in signed.items()
        },
        tail=np.array([signed[False][_TAIL_START:], signed[True][_TAIL_START:]], dtype=float),
        reach=reach,
    )
