"""The learned keep-or-drop line model: bounded scoring of a page's lines and the shipped model."""

from __future__ import annotations

import json
import math
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsdrop.text.cleaner.features import _HEAD_COUNT, FEATURES, FeatureParts
from newsdrop.text.cleaner.line_margins import PLAIN_LINES, plain_margins
from newsdrop.text.cleaner.line_weights import (
    _KNOWN_SHAPE,
    _TAIL_START,
    _flip_weights,
    _head_dots,
    _weight_blocks,
)
from newsdrop.text.cleaner.ranker import HeadlineModel
from newsdrop.text.cleaner.shape import (
    _SHAPE_CACHE_MAX_CHARS,
    _cheap_shape,
    _cheap_shape_cached,
    _costly_shape,
    _costly_shape_cached,
    _quick_columns,
)

MODEL_PATH = Path(__file__).with_name("model.json")


# A verdict the bounds settle clears its threshold (as a logit) by this much: far beyond any float rounding.
_BOUND_MARGIN = 1e-6


# Scores are logistic of a logit clamped to +-30: a threshold beyond +-29 is left to the whole score.
_BOUNDED_LOGIT = 29.0


@dataclass(frozen=True, slots=True)
class LineModel:
    """A logistic model over ``FEATURES``: weights, bias and two thresholds.

    The model overrules the rules only when it is sure: a line the rules kept is dropped when its
    score is below ``drop_below``, a line they dropped is kept when its score reaches ``keep_above``
    (both chosen by ``make train`` on out-of-fold scores). With a ``switch_cost`` above 0 the verdicts
    are smoothed along the page (``smooth_verdicts``): a story is a run of kept lines, boilerplate a
    run of dropped ones, so a kept line the score barely carries gives way to its dropped neighbours.
    """

    weights: tuple[float, ...]
    bias: float
    keep_above: float = 0.5
    drop_below: float = 0.5
    headline: HeadlineModel | None = None
    names: tuple[str, ...] = FEATURES
    switch_cost: float = 0.0

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> LineModel:
        names = tuple(data["features"])  # type: ignore[call-overload]
        weights = [float(w) for w in data["weights"]]  # type: ignore[attr-defined]
        if names != FEATURES:
            weights = _older_weights(names, weights)
        return cls(
            tuple(weights),
            float(data["bias"]),  # type: ignore[arg-type]
            float(data.get("keep_above", 0.5)),  # type: ignore[arg-type]
            float(data.get("drop_below", 0.5)),  # type: ignore[arg-type]
            HeadlineModel.from_dict(data["headline"]) if data.get("headline") else None,  # type: ignore[arg-type]
            switch_cost=float(data.get("switch_cost", 0.0)),  # type: ignore[arg-type]
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "features": list(self.names),
            "weights": [round(w, 6) for w in self.weights],
            "bias": round(self.bias, 6),
            "keep_above": self.keep_above,
            "drop_below": self.drop_below,
            "headline": self.headline.to_dict() if self.headline is not None else None,
            "switch_cost": self.switch_cost,
        }

    def keeps(self, row: Sequence[float], kept_by_rules: bool) -> bool:
        """The model's verdict on a line the rules kept or dropped."""
        return self.verdict(self.score(row), kept_by_rules)

    def verdict(self, score: float, kept_by_rules: bool) -> bool:
        """Keep (True) or drop a line of this score that the rules kept or dropped."""
        return score >= self.drop_below if kept_by_rules else score >= self.keep_above

    def score(self, row: Sequence[float]) -> float:
        return _logistic(self.bias + sum(map(operator.mul, self.weights, row)))

    def keeps_all(self, parts: FeatureParts, kept: Sequence[bool | None]) -> list[bool | None]:
        """``keeps`` of every line the rules kept (True) or dropped (False); None where ``kept`` is None.

        The dot product a block at a time: the head's share once per distinct head, the context's for all
        lines in one matrix product. The costly shape features enter as bounds first: a line whose
        verdict is the same at both ends (by ``_BOUND_MARGIN``) needs no more; any other line is scored
        whole. Verdicts equal ``keeps`` of each row (sums differ from its order by a few units in the
        last place, far inside the margin).
        """
        blocks = _weight_blocks(self.weights)
        head_weights, shape_weights, tail_weights = blocks.head, blocks.shape, blocks.tail
        cheap_weights, costly_low, costly_high = blocks.cheap, blocks.costly_low, blocks.costly_high
        tail_dots = (parts.tail @ tail_weights).tolist() if len(parts.heads) else []
        head_dots: dict[int, float] = {}
        # The thresholds as logits, so that the bounds need no logistic: (score threshold, logit threshold).
        thresholds = {
            kept_by_rules: _as_logit(self.drop_below if kept_by_rules else self.keep_above)
            for kept_by_rules in (True, False)
        }
        # Stage 0: every shape feature the text decides enters as a bound, those the word count decides
        # exactly; a line whose verdict that settles needs no pass over its text.
        # (A shape feature without a known range leaves stage 0 out: -inf and inf settle nothing.)
        text_low, text_high, word_shaped = blocks.text_low, blocks.text_high, blocks.word_shaped
        word_dots = blocks.word_dots
        found: list[bool | None] = []
        for index, (line, head, tail, kept_by_rules) in enumerate(
            zip(parts.lines, parts.heads, tail_dots, kept, strict=True)
        ):
            if kept_by_rules is None:
                found.append(None)
                continue
            threshold, logit = thresholds[kept_by_rules]
            # By identity: heads are memoised tuples, and hashing 13 floats per line cost more than the lookup.
            head_dot = head_dots.get(id(head))
            if head_dot is None:
                head_dot = head_dots[id(head)] = sum(map(operator.mul, head_weights, head))
            if logit is not None:
                word_dot = word_dots.get(line.words)
                if word_dot is None:
                    word_dot = word_dots[line.words] = sum(
                        weight * of(line.words) for weight, of in word_shaped
                    )
                context = self.bias + head_dot + tail + word_dot
                if context + text_low >= logit + _BOUND_MARGIN:
                    found.append(True)
                    continue
                if context + text_high < logit - _BOUND_MARGIN:
                    found.append(False)
                    continue
            cheap = _cheap_shape_cached if len(line.text) <= _SHAPE_CACHE_MAX_CHARS else _cheap_shape
            known = (
                self.bias
                + head_dot
                + tail
                + sum(map(operator.mul, cheap_weights, cheap(line.text, line.words)))
            )
            if logit is not None and known + costly_low >= logit + _BOUND_MARGIN:
                found.append(True)
            elif logit is not None and known + costly_high < logit - _BOUND_MARGIN:
                found.append(False)
            else:
                shape_dot = sum(map(operator.mul, shape_weights, parts.shape(index)))
                found.append(_logistic(self.bias + head_dot + shape_dot + tail) >= threshold)
        return found

    def margins(self, parts: FeatureParts, kept: Sequence[bool | None], slack: float) -> list[float | None]:
        """Each line's logit minus its threshold's (>= 0: the model keeps it); None where ``kept`` is None.

        A margin beyond ``slack`` either way is given as a bound of the same sign beyond ``slack``:
        ``smooth_verdicts`` never flips such a line, and its exact size changes nothing there. As in
        ``keeps_all`` the shape features enter as bounds first: those the word count decides exactly, the
        rest by their range (stage 0, no pass over the text); then the cheap ones exactly and the costly
        ones by their range; only a line both leave within ``slack`` is scored whole.

        The sums run a column at a time (numpy), each value the same IEEE operations in the same order as a
        per-line sum, so every exact margin is bit-identical to one computed line by line. A page of at most
        ``PLAIN_LINES`` lines runs the same stages in plain floats (``line_margins.plain_margins``).
        """
        import numpy as np

        blocks = _weight_blocks(self.weights)
        found: list[float | None] = [None] * len(kept)
        decided = [index for index, flag in enumerate(kept) if flag is not None]
        if not decided:
            return found
        thresholds = {
            kept_by_rules: _as_logit(self.drop_below if kept_by_rules else self.keep_above)
            for kept_by_rules in (True, False)
        }
        beyond = slack + _BOUND_MARGIN
        if len(kept) <= PLAIN_LINES:
            return plain_margins(self, parts, kept, thresholds, beyond, _logistic)
        lines = parts.lines
        # A head's dot once per memoised head (by identity), the word-decided shape once per word count: every
        # line's, the decided lines then picked out by one index (the same sums, elementwise, in the same order).
        counts = [line.words for line in lines]
        word_dots = blocks.word_dots
        for count in set(counts).difference(word_dots):
            word_dots[count] = sum(weight * of(count) for weight, of in blocks.word_shaped)
        # Thresholds without a trustworthy logit (NaN here) settle no bound: every comparison with NaN is false.
        logit_of = {
            flag: math.nan if thresholds[flag][1] is None else thresholds[flag][1] for flag in thresholds
        }
        logits = np.where(
            np.array([flag for flag in kept if flag is not None], dtype=bool), logit_of[True], logit_of[False]
        )
        picked = slice(None) if len(decided) == len(kept) else np.array(decided)
        context = (self.bias + np.array(_head_dots(blocks, parts.heads)) + parts.tail @ blocks.tail_array)[
            picked
        ]
        # Stage 0: the text-decided shape features by their range.
        with_words = context + np.array(list(map(word_dots.__getitem__, counts)))[picked]
        low = with_words + blocks.text_low - logits
        high = with_words + blocks.text_high - logits
        sure_keep = low >= beyond
        settled = sure_keep | (high <= -beyond)
        settled_at = settled.nonzero()[0]
        for position, value in zip(
            settled_at.tolist(), np.where(sure_keep, low, high)[settled_at].tolist(), strict=True
        ):
            found[decided[position]] = value
        open_at = (~settled).nonzero()[0]
        if not len(open_at):
            return found
        # Stage 0b: the quick shape features (tests of a line's ends, a count) exactly, the rest of the
        # text-decided ones by their range; a line this settles needs none of the cheap shape's regexes.
        open_texts = [lines[decided[position]].text for position in open_at.tolist()]
        quick_dots = np.zeros(len(open_at))
        # (The columns converted in one call; ``flatnonzero`` above is ``nonzero()[0]`` without its Python wrapper.)
        for weight, column in zip(
            blocks.quick, np.array(_quick_columns(open_texts), dtype=float), strict=True
        ):
            quick_dots = quick_dots + weight * column
        with_quick = with_words[open_at] + quick_dots - logits[open_at]
        low, high = with_quick + blocks.rest_low, with_quick + blocks.rest_high
        sure_keep = low >= beyond
        settled = sure_keep | (high <= -beyond)
        settled_at = settled.nonzero()[0]
        for position, value in zip(
            open_at[settled_at].tolist(), np.where(sure_keep, low, high)[settled_at].tolist(), strict=True
        ):
            found[decided[position]] = value
        open_at = open_at[~settled]
        if not len(open_at):
            return found
        # Stage 1: the cheap shape exactly (sum(map(mul, weights, row)) a column at a time: 0 plus each
        # product, left to right), the costly features by their range.
        open_indices = [decided[position] for position in open_at.tolist()]
        open_lines = [lines[index] for index in open_indices]
        cheap_matrix = np.array(
            [
                (_cheap_shape_cached if len(line.text) <= _SHAPE_CACHE_MAX_CHARS else _cheap_shape)(
                    line.text, line.words
                )
                for line in open_lines
            ],
            dtype=float,
        )
        cheap_dots = np.zeros(len(open_lines))
        for column, weight in enumerate(blocks.cheap):
            cheap_dots = cheap_dots + weight * cheap_matrix[:, column]
        known = context[open_at] + cheap_dots
        open_logits = logits[open_at]
        low = known + blocks.costly_low - open_logits
        high = known + blocks.costly_high - open_logits
        sure_keep, sure_drop = (low >= beyond).tolist(), (high <= -beyond).tolist()
        known_values, low_values, high_values = known.tolist(), low.tolist(), high.tolist()
        for position, (index, line) in enumerate(zip(open_indices, open_lines, strict=True)):
            if sure_keep[position]:
                found[index] = low_values[position]
                continue
            if sure_drop[position]:
                found[index] = high_values[position]
                continue
            threshold, logit = thresholds[bool(kept[index])]
            text = line.text
            costly_shape = _costly_shape_cached if len(text) <= _SHAPE_CACHE_MAX_CHARS else _costly_shape
            whole = known_values[position] + sum(map(operator.mul, blocks.costly, costly_shape(text)))
            if logit is None:
                # A threshold at 0, 1 or past the clamp: the verdict alone, as a margin no smoothing overturns.
                found[index] = beyond if _logistic(whole) >= threshold else -beyond
            else:
                found[index] = whole - logit
        return found

    def strongest_flips(
        self, parts: FeatureParts, indices: Sequence[int], keeps: Sequence[bool]
    ) -> list[str]:
        """``strongest`` of the rows of ``indices`` (``parts.row``), a line's text read by regex only where one of
        the shape features that need it could push hardest.

        Each such push lies within ``(sign * weight) * low`` and ``(sign * weight) * high`` of its range (a
        product by a constant is monotone in IEEE arithmetic too), so where the largest of the other pushes, all
        known exactly, is above the largest bound of its sign, no such feature reaches or ties it and it is the
        first of the largest pushes of the whole row. The rest are scored whole. The tail's pushes are taken in
        numpy (about 40 a row), the head's and the known shape's in floats, each block's first largest, an
        earlier block's winning a tie as ``index`` would pick it.
        """
        import numpy as np

        if not len(indices):
            return []
        flips = _flip_weights(self.weights)
        tail_pushes = flips.tail[np.fromiter(keeps, np.intp, len(indices))] * parts.tail[list(indices)]
        tail_best, tail_at = tail_pushes.max(axis=1).tolist(), tail_pushes.argmax(axis=1).tolist()
        head_best: dict[tuple[int, bool], tuple[float, int]] = {}
        names: list[str] = []
        for index, keep, best_of_tail, at_of_tail in zip(indices, keeps, tail_best, tail_at, strict=True):
            head = parts.heads[index]
            # A page's heads are a few memoised tuples: each one's best push once per sign.
            if (found := head_best.get((id(head), keep))) is None:
                pushes = list(map(operator.mul, flips.head[keep], head))
                found = head_best[id(head), keep] = (best := max(pushes), pushes.index(best))
            best, at = found
            pushes = list(map(operator.mul, flips.known[keep], parts.known_shape(index)))
            if (best_of_shape := max(pushes)) > best:
                best, at = best_of_shape, _HEAD_COUNT + _KNOWN_SHAPE[pushes.index(best_of_shape)]
            if best_of_tail > best:
                best, at = best_of_tail, _TAIL_START + at_of_tail
            names.append(
                self.names[at] if best > flips.reach[keep] else self.strongest(parts.row(index), keep)
            )
        return names

    def strongest(self, row: Sequence[float], keep: bool) -> str:
        """The feature that pushed the score hardest towards the decision taken: the decision's reason."""
        sign = 1.0 if keep else -1.0
        # The first of the largest pushes, as max() over the indices would pick it, without a call per feature.
        pushes = [sign * weight * value for weight, value in zip(self.weights, row, strict=True)]
        return self.names[pushes.index(max(pushes))]


def _older_weights(names: Sequence[str], weights: Sequence[float]) -> list[float]:
    """The weights of a model trained before some of ``FEATURES`` existed, with 0 for the features it lacks.

    Such a model scores every line as it did when it was trained (a new feature adds nothing until
    `make train` fits it), so a branch that adds a feature keeps the shipped model's output. A model that
    names a feature this cleaner does not compute, or names them in another order, is refused.
    """
    at = {name: index for index, name in enumerate(FEATURES)}
    positions = [at.get(name, -1) for name in names]
    if len(names) != len(weights) or -1 in positions or positions != sorted(set(positions)):
        raise ValueError(
            "model.json was trained on other features than this cleaner computes: run `make train`"
        )
    expanded = [0.0] * len(FEATURES)
    for position, weight in zip(positions, weights, strict=True):
        expanded[position] = weight
    return expanded


def _as_logit(threshold: float) -> tuple[float, float | None]:
    """A score threshold and its logit (None where the bounds cannot be trusted: at 0, 1 or past the clamp)."""
    if not 0.0 < threshold < 1.0:
        return threshold, None
    logit = math.log(threshold / (1.0 - threshold))
    return threshold, logit if abs(logit) < _BOUNDED_LOGIT else None


def _logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> LineModel | None:
    """The shipped model, or None when none was trained (the rules alone decide then)."""
    if not path.exists():
        return None
    return LineModel.from_dict(json.loads(path.read_text(encoding="utf-8")))
