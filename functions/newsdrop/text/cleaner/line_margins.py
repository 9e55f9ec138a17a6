"""The line model's margins on a short page: ``LineModel.margins``' stages a line at a time, in plain floats."""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Sequence
from typing import Any

from newsdrop.text.cleaner.features import FeatureParts
from newsdrop.text.cleaner.line_weights import _head_dots, _weight_blocks
from newsdrop.text.cleaner.shape import (
    _CLOSERS,
    _SHAPE_CACHE_MAX_CHARS,
    _TERMINALS,
    _cheap_shape,
    _cheap_shape_cached,
    _costly_shape,
    _costly_shape_cached,
)

# A page of at most this many lines takes ``plain_margins``: below it numpy's fixed cost (about 30 calls a page)
# outweighs a Python loop over the lines (measured: plain faster up to about 500 lines, slower past it).
PLAIN_LINES = 400


def plain_margins(
    model: Any,
    parts: FeatureParts,
    kept: Sequence[bool | None],
    thresholds: dict[bool, tuple[float, float | None]],
    beyond: float,
    logistic: Callable[[float], float],
) -> list[float | None]:
    """``LineModel.margins`` of a page, each margin bit-identical to its numpy stages.

    Every value is the same IEEE operation on the same operands in the same order as numpy's elementwise
    arrays there (``(bias + head) + tail``, then ``+ words``, ``+ low - logit``; a block's dot from 0.0 a
    product at a time, left to right). The one reduction, the tail's dot, is the same numpy matrix product.
    ``thresholds`` and ``beyond`` are ``margins``' own, ``logistic`` the model's logistic.
    """
    blocks = _weight_blocks(model.weights)
    found: list[float | None] = [None] * len(kept)
    lines = parts.lines
    word_dots = blocks.word_dots
    # The word counts the features listed (a set of them in C), else read off the lines.
    counts = set(parts.words) if len(parts.words) == len(lines) else {line.words for line in lines}
    for count in counts.difference(word_dots):
        word_dots[count] = sum(weight * of(count) for weight, of in blocks.word_shaped)
    # Without a trustworthy logit (NaN) no bound settles: every comparison with NaN is false.
    logit_kept = math.nan if thresholds[True][1] is None else thresholds[True][1]
    logit_dropped = math.nan if thresholds[False][1] is None else thresholds[False][1]
    tail_dots = (parts.tail @ blocks.tail_array).tolist()
    bias, text_low, text_high = model.bias, blocks.text_low, blocks.text_high
    w0, w1, w2, w3 = blocks.quick
    rest_low, rest_high = blocks.rest_low, blocks.rest_high
    # Stage 0: the text-decided shape features by their range; a line it leaves open goes on at once to stage 0b
    # (one loop, no list of open lines between the stages).
    still_open: list[tuple[int, float, float]] = []
    below = -beyond
    for index, (flag, head_dot, tail_dot, line) in enumerate(
        zip(kept, _head_dots(blocks, parts.heads), tail_dots, lines, strict=True)
    ):
        if flag is None:
            continue
        context = bias + head_dot + tail_dot
        with_words = context + word_dots[line.words]
        logit = logit_kept if flag else logit_dropped
        low = with_words + text_low - logit
        if low >= beyond:
            found[index] = low
            continue
        high = with_words + text_high - logit
        if high <= below:
            found[index] = high
            continue
        # Stage 0b: the quick shape features exactly (``_quick_columns``' values, the same sum left to right),
        # the rest of the text-decided ones by their range.
        text = line.text
        # A feature of value 0.0 adds a zero product (the weights are finite), which leaves the sum as it is
        # (0.0 plus -0.0 is 0.0, and the sum starts at 0.0 and is never -0.0): only the features present are
        # added, a flag's weight as it is (times 1.0 is exact), in the same left-to-right order. The pipes are
        # counted only on a line holding one and capped by a test (not min()); the colon read by a slice
        # (endswith parses a tuple).
        quick = 0.0
        if text.rstrip(_CLOSERS)[-1:] in _TERMINALS:
            quick = quick + w0
        if text[:1].islower():
            quick = quick + w1
        if "|" in text:
            pipes = text.count("|")
            quick = quick + w2 * (float(pipes) if pipes < 3 else 3.0)
        if text[-1:] == ":":
            quick = quick + w3
        with_quick = with_words + quick - logit
        low = with_quick + rest_low
        if low >= beyond:
            found[index] = low
            continue
        high = with_quick + rest_high
        if high <= below:
            found[index] = high
            continue
        still_open.append((index, context, logit))
    # Stage 1: the cheap shape exactly, the costly features by their range; a line both leave open is whole.
    # (The cheap dot written out, 0.0 plus each product left to right: a loop over the pairs cost twice as much.)
    c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10 = blocks.cheap
    costly_low, costly_high = blocks.costly_low, blocks.costly_high
    for index, context, logit in still_open:
        line = lines[index]
        text = line.text
        short = len(text) <= _SHAPE_CACHE_MAX_CHARS
        v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10 = (_cheap_shape_cached if short else _cheap_shape)(
            text, line.words
        )
        cheap_dot = (
            0.0
            + c0 * v0
            + c1 * v1
            + c2 * v2
            + c3 * v3
            + c4 * v4
            + c5 * v5
            + c6 * v6
            + c7 * v7
            + c8 * v8
            + c9 * v9
            + c10 * v10
        )
        known = context + cheap_dot
        low = known + costly_low - logit
        if low >= beyond:
            found[index] = low
            continue
        high = known + costly_high - logit
        if high <= below:
            found[index] = high
            continue
        threshold, exact_logit = thresholds[bool(kept[index])]
        costly = (_costly_shape_cached if short else _costly_shape)(text)
        whole = known + sum(map(operator.mul, blocks.costly, costly))
        if exact_logit is None:
            found[index] = beyond if logistic(whole) >= threshold else -beyond
        else:
            found[index] = whole - exact_logit
    return found
