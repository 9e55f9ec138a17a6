"""Learned keep-or-drop scorer for the cleaner's lines: features of the rules' verdicts, shape and context.

The rules decide first; the model sees their verdict among its features (which rule, inside or
outside the article region) next to a line's length, punctuation, position, neighbourhood and
repeats, and keeps or drops the line by a logistic score. ``make train`` fits the weights
(``tools/train_cleaner.py``) and writes ``model.json`` next to this module; inference is Python,
with numpy for a page's context columns. Every flip of a rule's verdict records the feature that pushed hardest.
"""

from __future__ import annotations

import json
import math
import operator
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple, Protocol

MODEL_PATH = Path(__file__).with_name("model.json")

# Roles that carry metadata (the headline, the date, ...): the rules alone decide them.
FIXED_ROLES = frozenset({"title", "title_repeat", "date", "news_id", "kicker", "byline", "source"})
KEPT = frozenset({"body", "subheading"})
PROTECTED_RULES = frozenset({"colon_list"})
_STRUCTURAL_GROUPS = {
    "article_region": "r_region",
    "crosshead": "r_crosshead",
    "colon_list": "r_region",
    "header_chrome": "r_header",
    "trailing_chrome": "r_trailing",
    "comment_section": "r_comments",
    "link_list": "r_link_list",
    "repeated_line": "r_repeated",
    "bundle_chrome": "r_bundle",
    "name_caption": "r_caption",
    "photo_caption": "r_caption",
    "navigation": "r_navigation",
    "default": "r_region",
}
_CLOSERS = "\"'”’»)]"
_TERMINALS = frozenset(".!?。！？…")
_NEIGHBOURS = 3
_SHORT_WORDS = 8
_SAMPLE_CHARS = 120
_PUNCT = re.compile(r"[^\w\s]")
# A word opening with a capital letter or a digit (Latin, Greek, Cyrillic capitals).
_CAPITALISED = re.compile(r"\s[A-Z0-9\u00c0-\u00de\u0391-\u03a9\u0410-\u042f]")
# ASCII digits only (what str.isdigit would widen): one regex pass instead of ten str.count calls.
_DIGIT = re.compile(r"[0-9]")
# Substring tests instead of one regex: an unanchored regex over long paragraphs cost more than the rest.
_URL_MARKS = ("http://", "https://", "www.", ".com", ".net", ".org", "@")
_OPENING_CHARS = 160
_BULLETS = frozenset("•·-–—*›»▶►■◆●")
_LONG_WORDS = 40
_SHAPE_CACHE_SIZE = 32768
# A sentence end followed by more text: a paragraph holds several sentences, a teaser or caption one.
_SENTENCE_BREAK = re.compile(r"[.!?。！？…][\"'”’»)\]]*\s+\S")
_SENTENCE_CHARS = 400
# A clock time, a numeric date or a year: teasers, comments and media widgets carry timestamps.
# (The word boundary and a digit are tested once, before the alternatives; a line without a digit skips it.)
_TIMESTAMP = re.compile(r"\b(?=\d)(?:\d{1,2}[:.]\d{2}\b|\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|(?:19|20)\d{2}\b)")
_ANY_DIGIT = re.compile(r"\d")
_TIMESTAMP_CHARS = 200
_BLOCK_CHARS_SCALE = 10.0
_SHAPE_CACHE_MAX_CHARS = 300

# Features of a line's own text (``_shape``), in their order within ``FEATURES``.
_SHAPE_FEATURES: tuple[str, ...] = (
    "ends_sentence",
    "log_words",
    "few_words",
    "title_cased",
    "lower_start",
    "digit_share",
    "punct_share",
    "commas_per_word",
    "pipes",
    "url_like",
    "bullet_start",
    "ends_colon",
    "long_line",
    "sentences",
    "has_time",
)
# The shape features that cost regex passes (``_costly_shape``) and the rest (``_cheap_shape``), by position.
# Scoring bounds the costly ones' share of the dot product (each lies within [0, 1]) and computes them only
# for a line whose verdict those bounds leave open.
_COSTLY_AT = tuple(
    _SHAPE_FEATURES.index(name) for name in ("title_cased", "digit_share", "punct_share", "url_like")
)
_CHEAP_AT = tuple(index for index in range(len(_SHAPE_FEATURES)) if index not in _COSTLY_AT)
# A verdict the bounds settle clears its threshold (as a logit) by this much: far beyond any float rounding.
_BOUND_MARGIN = 1e-6
# Scores are logistic of a logit clamped to +-30: a threshold beyond +-29 is left to the whole score.
_BOUNDED_LOGIT = 29.0


FEATURES: tuple[str, ...] = (
    "kept_by_rules",
    "r_region",
    "r_crosshead",
    "r_header",
    "r_trailing",
    "r_comments",
    "r_link_list",
    "r_repeated",
    "r_bundle",
    "r_caption",
    "r_navigation",
    "r_named",
    "prose",
    *_SHAPE_FEATURES,
    "position",
    "before_region",
    "after_region",
    "distance_to_region",
    "prose_around",
    "kept_around",
    "kept_adjacent",
    "prose_adjacent",
    "short_run",
    "log_repeats",
    "region_share",
    "line_share",
    "prose_outside_region",
    "kept_x_small_region",
    "long_line_outside_region",
    "region_prose_share_of_lines",
    "block_chars",
    "block_lines",
    "prose_above",
    "prose_below",
    "blank_after",
)
_GROUPS = 11
# The row's blocks (``FeatureParts``): head (kept_by_rules, the groups, prose), shape, then the context tail.
_HEAD_COUNT = 1 + _GROUPS + 1
_TAIL_COUNT = len(FEATURES) - _HEAD_COUNT - len(_SHAPE_FEATURES)
_GROUP_OFFSET = {name: offset for offset, name in enumerate(FEATURES[1 : 1 + _GROUPS])}


HEADLINE_FEATURES: tuple[str, ...] = (
    "rule_score",
    "first_line",
    "log_index",
    "log_lines_to_article",
    "log_unclaimed_between",
    "log_words",
    "few_words",
    "many_words",
    "ends_sentence",
    "title_cased",
    "lower_start",
    "inner_colon",
    "lead_overlap",
    "part_of_page_title",
    "byline_follows",
    "date_follows",
    "link_list",
    "repeated_line",
    "domain",
    "name_like",
    "cjk",
    "site_separator",
    "log_rule_rank",
    "rule_gap",
    "nearest_candidate",
    "opening_share",
    "sentence",
    "printed_twice",
    "long_candidate",
    "sentence_length",
    "commas",
    "standfirst_below",
    "below_overlap",
    "question_or_exclamation",
    "topmost_candidate",
    "label_above",
    "variant_printed",
)


# A regression tree of the headline ranker: nodes in depth-first order, a split as (feature, threshold,
# left, right) with rows below the threshold going left, a leaf as (value,).
Tree = tuple[tuple[float, ...], ...]


def tree_value(tree: Tree, row: Sequence[float]) -> float:
    """The leaf value a row reaches in one tree."""
    node = tree[0]
    while len(node) == 4:
        node = tree[int(node[2]) if row[int(node[0])] < node[1] else int(node[3])]
    return node[0]


@dataclass(frozen=True, slots=True)
class _TreeTables:
    """Trees flattened into node arrays (a leaf points to itself), for walking many rows through them at once."""

    trees: tuple[Tree, ...]
    roots: Any
    feature: Any
    threshold: Any
    left: Any
    right: Any
    value: Any
    depth: int
    # left and right interleaved: children[2 * node] and children[2 * node + 1].
    children: Any


# The tables of the last few tree ensembles, by identity (a model's trees are built once, when it loads).
_TABLES: dict[int, _TreeTables] = {}
_TABLES_KEPT = 8


def _tree_tables(trees: tuple[Tree, ...]) -> _TreeTables:
    import numpy as np

    found = _TABLES.get(id(trees))
    if found is not None and found.trees is trees:
        return found
    roots: list[int] = []
    feature: list[int] = []
    threshold: list[float] = []
    left: list[int] = []
    right: list[int] = []
    value: list[float] = []
    depth = 0
    for tree in trees:
        offset = len(feature)
        roots.append(offset)
        for local, node in enumerate(tree):
            at = offset + local
            if len(node) == 4:
                feature.append(int(node[0]))
                threshold.append(node[1])
                left.append(offset + int(node[2]))
                right.append(offset + int(node[3]))
                value.append(0.0)
            else:
                feature.append(0)
                threshold.append(0.0)
                left.append(at)
                right.append(at)
                value.append(node[0])
        # The deepest leaf's level, from the root down: the walk takes that many steps.
        stack = [(0, 0)]
        while stack:
            local, level = stack.pop()
            node = tree[local]
            if len(node) == 4:
                stack += [(int(node[2]), level + 1), (int(node[3]), level + 1)]
            else:
                depth = max(depth, level)
    found = _TreeTables(
        trees,
        np.array(roots, dtype=np.intp),
        np.array(feature, dtype=np.intp),
        np.array(threshold, dtype=float),
        np.array(left, dtype=np.intp),
        np.array(right, dtype=np.intp),
        np.array(value, dtype=float),
        depth,
        np.array([child for pair in zip(left, right, strict=True) for child in pair], dtype=np.intp),
    )
    if len(_TABLES) >= _TABLES_KEPT:
        _TABLES.clear()
    _TABLES[id(trees)] = found
    return found


def _leaf_values(trees: tuple[Tree, ...], rows: Sequence[Sequence[float]]) -> list[list[float]]:
    """For each row, the leaf value it reaches in each tree (``tree_value``), all rows and trees at once."""
    import numpy as np

    tables = _tree_tables(trees)
    matrix = np.array(rows, dtype=float)
    # The rows flattened: row r's feature f is at r * width + f (one 1-d gather per step, not a 2-d one).
    flat = matrix.ravel()
    offsets = (np.arange(len(rows)) * matrix.shape[1])[:, np.newaxis]
    nodes = np.repeat(tables.roots[np.newaxis, :], len(rows), axis=0)
    for _ in range(tables.depth):
        # A leaf goes "left" or "right" to itself: rows that reached one stay there. children[2 * node] is
        # the left child, children[2 * node + 1] the right one (taken where the row is not below the threshold).
        goes_right = ~(flat[offsets + tables.feature[nodes]] < tables.threshold[nodes])
        nodes = tables.children[2 * nodes + goes_right]
    return tables.value[nodes].tolist()


@dataclass(frozen=True, slots=True)
class HeadlineModel:
    """A scorer of headline candidates fitted as a conditional logit (softmax over each page's
    candidates): a linear part plus boosted regression trees (``make train`` fits the trees, which
    catch what a linear score cannot, e.g. a first line that is the headline in one view and the
    page's title tag in another). Its best candidate replaces the rules' choice when it scores
    ``margin`` more than that choice, and only where the rules were unsure (their best score below
    ``trust``): close calls between two printings of a headline stay with the rules."""

    weights: tuple[float, ...]
    bias: float = 0.0
    margin: float = 0.0
    trust: float = math.inf
    trees: tuple[Tree, ...] = ()

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> HeadlineModel:
        if tuple(data["features"]) != HEADLINE_FEATURES:  # type: ignore[call-overload]
            raise ValueError("the headline model was trained on other features: run `make train`")
        return cls(
            tuple(float(w) for w in data["weights"]),  # type: ignore[attr-defined]
            float(data.get("bias", 0.0)),  # type: ignore[arg-type]
            float(data.get("margin", 0.0)),  # type: ignore[arg-type]
            float(data.get("trust") or math.inf),  # type: ignore[arg-type]
            tuple(
                tuple(tuple(float(v) for v in node) for node in tree)
                for tree in data.get("trees") or ()  # type: ignore[attr-defined]
            ),
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "features": list(HEADLINE_FEATURES),
            "weights": [round(w, 6) for w in self.weights],
            "bias": round(self.bias, 6),
            "margin": self.margin,
            "trust": None if math.isinf(self.trust) else self.trust,
            "trees": [
                [
                    [int(v) if i != 1 and len(node) == 4 else round(v, 6) for i, v in enumerate(node)]
                    for node in tree
                ]
                for tree in self.trees
            ],
        }

    def score(self, row: Sequence[float]) -> float:
        linear = self.bias + sum(map(operator.mul, self.weights, row))
        return linear + sum(tree_value(tree, row) for tree in self.trees)

    def score_all(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """``score`` of every row, with the trees walked for all rows at once (numpy).

        Equal to ``score`` bit for bit: numpy only picks the leaves (the same float comparisons), and each
        row's sums are Python's, over the same values in the same order.
        """
        if not self.trees or not rows:
            return [self.score(row) for row in rows]
        leaves = _leaf_values(self.trees, rows)
        return [
            self.bias + sum(map(operator.mul, self.weights, row)) + sum(reached)
            for row, reached in zip(rows, leaves, strict=True)
        ]


class ModelLine(Protocol):
    """What the model reads of one cleaner line."""

    n: int
    text: str
    key: str
    words: int
    role: str | None
    rule: str | None
    prose: bool


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
    text_low: float
    text_high: float


@lru_cache(maxsize=8)
def _weight_blocks(weights: tuple[float, ...]) -> _WeightBlocks:
    shape = weights[_HEAD_COUNT : _HEAD_COUNT + len(_SHAPE_FEATURES)]
    costly = [shape[index] for index in _COSTLY_AT]
    text_low, text_high = 0.0, 0.0
    word_shaped: list[tuple[float, Any]] = []
    for name, weight in zip(_SHAPE_FEATURES, shape, strict=True):
        if name in _WORD_SHAPE:
            word_shaped.append((weight, _WORD_SHAPE[name]))
        else:
            low, high = _TEXT_SHAPE_RANGES.get(name, (-math.inf, math.inf))
            text_low += min(weight * low, weight * high)
            text_high += max(weight * low, weight * high)
    return _WeightBlocks(
        head=weights[:_HEAD_COUNT],
        shape=shape,
        tail=weights[_HEAD_COUNT + len(_SHAPE_FEATURES) :],
        cheap=[shape[index] for index in _CHEAP_AT],
        costly=costly,
        costly_low=sum(min(0.0, weight) for weight in costly),
        costly_high=sum(max(0.0, weight) for weight in costly),
        word_shaped=tuple(word_shaped),
        text_low=text_low,
        text_high=text_high,
    )


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
        if names != FEATURES:
            raise ValueError(
                "model.json was trained on other features than this cleaner computes: run `make train`"
            )
        return cls(
            tuple(float(w) for w in data["weights"]),  # type: ignore[attr-defined]
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
        text_low, text_high = 0.0, 0.0
        word_shaped: list[tuple[float, Any]] = []
        for name, weight in zip(_SHAPE_FEATURES, shape_weights, strict=True):
            if name in _WORD_SHAPE:
                word_shaped.append((weight, _WORD_SHAPE[name]))
            else:
                low, high = _TEXT_SHAPE_RANGES.get(name, (-math.inf, math.inf))
                text_low += min(weight * low, weight * high)
                text_high += max(weight * low, weight * high)
        word_dots: dict[int, float] = {}
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
        per-line sum, so every exact margin is bit-identical to one computed line by line.
        """
        import numpy as np

        blocks = _weight_blocks(self.weights)
        found: list[float | None] = [None] * len(kept)
        decided = [index for index, flag in enumerate(kept) if flag is not None]
        if not decided:
            return found
        tail_dots = (parts.tail @ blocks.tail)[decided]
        thresholds = {
            kept_by_rules: _as_logit(self.drop_below if kept_by_rules else self.keep_above)
            for kept_by_rules in (True, False)
        }
        beyond = slack + _BOUND_MARGIN
        lines = parts.lines
        # A head's dot once per memoised head (by identity), the word-decided shape once per word count.
        head_ids = [id(parts.heads[index]) for index in decided]
        head_dots = {
            id(head): sum(map(operator.mul, blocks.head, head))
            for head in {id(head): head for head in parts.heads}.values()
        }
        counts = [lines[index].words for index in decided]
        word_dots = {
            count: sum(weight * of(count) for weight, of in blocks.word_shaped) for count in set(counts)
        }
        # Thresholds without a trustworthy logit (NaN here) settle no bound: every comparison with NaN is false.
        logit_of = {
            flag: math.nan if thresholds[flag][1] is None else thresholds[flag][1] for flag in thresholds
        }
        logits = np.array([logit_of[bool(kept[index])] for index in decided])
        context = self.bias + np.array([head_dots[head] for head in head_ids]) + tail_dots
        # Stage 0: the text-decided shape features by their range.
        with_words = context + np.array([word_dots[count] for count in counts])
        low = with_words + blocks.text_low - logits
        high = with_words + blocks.text_high - logits
        sure_keep = low >= beyond
        settled = sure_keep | (high <= -beyond)
        settled_at = np.flatnonzero(settled)
        for position, value in zip(
            settled_at.tolist(), np.where(sure_keep, low, high)[settled_at].tolist(), strict=True
        ):
            found[decided[position]] = value
        open_at = np.flatnonzero(~settled)
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

    def strongest(self, row: Sequence[float], keep: bool) -> str:
        """The feature that pushed the score hardest towards the decision taken: the decision's reason."""
        sign = 1.0 if keep else -1.0
        # The first of the largest pushes, as max() over the indices would pick it, without a call per feature.
        pushes = [sign * weight * value for weight, value in zip(self.weights, row, strict=True)]
        return self.names[pushes.index(max(pushes))]


def smooth_verdicts(margins: Sequence[float], switch_cost: float, edge: bool | None = None) -> list[bool]:
    """Keep (True) or drop each line of a page, in order, by the most likely sequence (Viterbi).

    A line's margin (its logit minus the threshold's) is what keeping it gains; every change between
    kept and dropped from one line to the next costs ``switch_cost``. A line whose margin exceeds twice
    the cost either way keeps its own verdict: restoring it can cost at most the two changes around it.
    ``edge`` is the verdict assumed before the first line and after the last (None: either, for free).
    A margin of exactly 0 keeps the line, as a score at its threshold does.
    """
    count = len(margins)
    if count == 0:
        return []
    if switch_cost <= 0.0:
        return [margin >= 0.0 for margin in margins]
    drop_score = -switch_cost if edge is True else 0.0
    keep_score = margins[0] - (switch_cost if edge is False else 0.0)
    # came_from[i] = (state before a dropped line i, state before a kept line i), True for kept.
    came_from: list[tuple[bool, bool]] = [(False, False)]
    for margin in margins[1:]:
        drop_from_keep = keep_score - switch_cost > drop_score
        keep_from_keep = keep_score >= drop_score - switch_cost
        next_drop = keep_score - switch_cost if drop_from_keep else drop_score
        next_keep = (keep_score if keep_from_keep else drop_score - switch_cost) + margin
        came_from.append((drop_from_keep, keep_from_keep))
        drop_score, keep_score = next_drop, next_keep
    if edge is not None:
        drop_score -= switch_cost if edge else 0.0
        keep_score -= 0.0 if edge else switch_cost
    state = keep_score >= drop_score
    verdicts = [False] * count
    for index in range(count - 1, -1, -1):
        verdicts[index] = state
        state = came_from[index][1 if state else 0]
    return verdicts


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


def _ends_sentence(text: str) -> bool:
    return text.rstrip(_CLOSERS)[-1:] in _TERMINALS


def _group_offset(rule: str | None, role: str | None) -> int:
    """The offset of a line's rule group among the one-hot features (-1 for none)."""
    if rule is None:
        return _GROUP_OFFSET["r_region"]
    group = _STRUCTURAL_GROUPS.get(rule, "r_named" if role == "boilerplate" else None)
    return -1 if group is None else _GROUP_OFFSET[group]


@lru_cache(maxsize=512)
def _rule_columns(rule: str | None, role: str | None, prose: bool) -> tuple[float, ...]:
    """A row's head, which the rules' verdict alone decides: kept_by_rules, the rule group's one-hot, prose.

    Memoised: a page has a few dozen (rule, role) pairs, and building the one-hot per line cost a fifth of
    the features.
    """
    one_hot = [0.0] * _GROUPS
    offset = _group_offset(rule, role)
    if offset >= 0:
        one_hot[offset] = 1.0
    return (1.0 if role in KEPT else 0.0, *one_hot, 1.0 if prose else 0.0)


def _cheap_shape(text: str, words: int) -> tuple[float, ...]:
    """The shape features that cost next to nothing (``_CHEAP_AT``, in that order): O(1) tests, two counts."""
    first = text[:1]
    # A timestamp starts at a digit: its search starts just before the first one (from there ``\b`` still
    # sees the character before that digit), not at every position of the line's opening.
    digit = _ANY_DIGIT.search(text, 0, _TIMESTAMP_CHARS)
    return (
        1.0 if _ends_sentence(text) else 0.0,
        math.log1p(words),
        1.0 if words <= 2 else 0.0,
        1.0 if first.islower() else 0.0,
        min(1.0, text.count(",") / max(1, words)),
        min(3.0, float(text.count("|"))),
        1.0 if first in _BULLETS else 0.0,
        1.0 if text.endswith(":") else 0.0,
        1.0 if words >= _LONG_WORDS else 0.0,
        math.log1p(len(_SENTENCE_BREAK.findall(text, 0, _SENTENCE_CHARS))),
        1.0
        if digit is not None and _TIMESTAMP.search(text, max(0, digit.start() - 1), _TIMESTAMP_CHARS)
        else 0.0,
    )


# Each shape feature's range, for the bounds of ``LineModel.keeps_all``: the few its word count decides (computed
# there exactly, as ``_cheap_shape`` does) and the bounds of those its text decides. ``sentences`` counts
# matches of at least three characters in ``_SENTENCE_CHARS``: fewer than that many, whose log1p bounds it.
_WORD_SHAPE: dict[str, Any] = {
    "log_words": math.log1p,
    "few_words": lambda words: 1.0 if words <= 2 else 0.0,
    "long_line": lambda words: 1.0 if words >= _LONG_WORDS else 0.0,
}
_TEXT_SHAPE_RANGES: dict[str, tuple[float, float]] = {
    "ends_sentence": (0.0, 1.0),
    "title_cased": (0.0, 1.0),
    "lower_start": (0.0, 1.0),
    "digit_share": (0.0, 1.0),
    "punct_share": (0.0, 1.0),
    "commas_per_word": (0.0, 1.0),
    "pipes": (0.0, 3.0),
    "url_like": (0.0, 1.0),
    "bullet_start": (0.0, 1.0),
    "ends_colon": (0.0, 1.0),
    "sentences": (0.0, math.log1p(_SENTENCE_CHARS)),
    "has_time": (0.0, 1.0),
}


# Short lines repeat (a site's chrome on every page): their cheap features are memoised like ``_shape``.
_cheap_shape_cached = lru_cache(maxsize=_SHAPE_CACHE_SIZE)(_cheap_shape)


def _costly_shape(text: str) -> tuple[float, ...]:
    """The shape features that cost regex and scan passes (``_COSTLY_AT``, in that order), each within [0, 1].

    They read the line's opening only: a paragraph's first words and characters say as much as all of
    them, at a bounded cost. Regex counts run in C: a per-character Python loop would cost more than
    the whole cleaner.
    """
    sample = text[:_SAMPLE_CHARS]
    size = len(sample) or 1
    opening = text[:_OPENING_CHARS]
    tokens = len(opening.split())
    capitalised = len(_CAPITALISED.findall(" " + opening))
    lowered = sample.lower()
    # A loop, not any() over a generator: this runs for every distinct line of every page.
    url_like = 0.0
    for mark in _URL_MARKS:
        if mark in lowered:
            url_like = 1.0
            break
    return (
        1.0 if tokens and capitalised >= 0.75 * tokens else 0.0,
        len(_DIGIT.findall(sample)) / size,
        len(_PUNCT.findall(sample)) / size,
        url_like,
    )


_costly_shape_cached = lru_cache(maxsize=_SHAPE_CACHE_SIZE)(_costly_shape)


def _shape(text: str, words: int) -> tuple[float, ...]:
    """The features a line's own text decides (``_SHAPE_FEATURES`` order)."""
    (ends, log_words, few, lower, commas, pipes, bullet, colon, long_line, sentences, has_time) = (
        _cheap_shape(text, words)
    )
    title_cased, digits, punct, url_like = _costly_shape(text)
    return (
        ends,
        log_words,
        few,
        title_cased,
        lower,
        digits,
        punct,
        commas,
        pipes,
        url_like,
        bullet,
        colon,
        long_line,
        sentences,
        has_time,
    )


# Lines repeat (chrome across a site's pages, the article and page views of one story): their shape is memoised.
_shape_cached = lru_cache(maxsize=_SHAPE_CACHE_SIZE)(_shape)


@dataclass(frozen=True, slots=True)
class FeatureParts:
    """Every line's features in three blocks (a row is ``heads[i] + shape(i) + tail[i]``, ``FEATURES`` order).

    ``heads`` (kept_by_rules, the rule group's one-hot, prose) are memoised tuples; ``tail`` (a numpy
    array, a row per line) holds the features of position and context; a line's shape is computed on
    demand, so scoring can skip its costly part (``LineModel.keeps_all``).
    """

    lines: Sequence[ModelLine]
    heads: list[tuple[float, ...]]
    tail: Any

    def shape(self, index: int) -> tuple[float, ...]:
        line = self.lines[index]
        shape = _shape_cached if len(line.text) <= _SHAPE_CACHE_MAX_CHARS else _shape
        return shape(line.text, line.words)

    def row(self, index: int) -> list[float]:
        return [*self.heads[index], *self.shape(index), *self.tail[index].tolist()]


def line_features(lines: Sequence[ModelLine], start: int, end: int) -> list[list[float]]:
    """One feature row per line; ``start``..``end`` is the rules' article region (inclusive)."""
    parts = feature_parts(lines, start, end)
    return [
        [*head, *parts.shape(index), *tail]
        for index, (head, tail) in enumerate(zip(parts.heads, parts.tail.tolist(), strict=True))
    ]


def feature_parts(lines: Sequence[ModelLine], start: int, end: int) -> FeatureParts:
    """The features of every line (``line_features``) in blocks; ``start``..``end`` is the article region."""
    # numpy is imported here, not with the module: the cleaner's import stays light for a cold start.
    import numpy as np

    count = len(lines)
    if count == 0:
        return FeatureParts(lines, [], np.zeros((0, _TAIL_COUNT)))
    lengths = [len(line.text) for line in lines]
    total_chars = sum(lengths) or 1
    prose_flags = [1.0 if line.prose else 0.0 for line in lines]
    kept_flags = [1.0 if line.role in KEPT else 0.0 for line in lines]
    prose_total = sum(size for size, flag in zip(lengths, prose_flags, strict=True) if flag)
    prose_chars = prose_total or 1
    region_prose = sum(lengths[i] for i in range(start, min(end, count - 1) + 1) if prose_flags[i])
    region_share = region_prose / prose_chars
    region_lines = max(1, end - start + 1)
    region_prose_lines = sum(prose_flags[start : end + 1]) / region_lines
    # The per-line counts below are whole numbers in numpy (exact), run by run rather than line by line.
    keys = [line.key for line in lines]
    repeats = Counter(keys)
    prose_mask = np.array([line.prose for line in lines], dtype=bool)
    words = np.array([line.words for line in lines])
    length_col = np.array(lengths)
    # Runs of consecutive short non-sentence lines (menus, link lists), each line's run length.
    short = ~prose_mask & (words <= _SHORT_WORDS)
    run_sizes = _run_sizes(short)
    run_of = np.zeros(count, dtype=np.intp)
    run_of[short] = np.repeat(run_sizes, run_sizes)
    # Blocks of consecutive prose lines: a story's paragraphs stand together, a teaser's sentence alone
    # between short lines. Each line's block, in characters and lines (0 outside a block).
    block_starts, block_stops = _runs(prose_mask)
    length_sums = np.concatenate(([0], np.cumsum(length_col)))
    block_sizes = block_stops - block_starts
    block_chars = np.zeros(count)
    block_lines = np.zeros(count)
    block_chars[prose_mask] = np.repeat(
        [
            math.log1p(chars) / _BLOCK_CHARS_SCALE
            for chars in (length_sums[block_stops] - length_sums[block_starts]).tolist()
        ],
        block_sizes,
    )
    block_lines[prose_mask] = np.repeat([math.log1p(size) for size in block_sizes.tolist()], block_sizes)
    # The page's prose above and below each line, as shares of all its prose (whole characters: exact sums).
    own_prose = np.where(prose_mask, length_col, 0)
    prose_above = np.concatenate(([0], np.cumsum(own_prose)[:-1]))
    prose_below = np.maximum(0, prose_total - prose_above - own_prose)
    blank_after = np.zeros(count)
    blank_after[:-1] = np.diff(np.array([line.n for line in lines])) > 1
    heads = [_rule_columns(line.rule, line.role, line.prose) for line in lines]
    # The context features a column at a time: each value is the same IEEE operation on the same operands
    # as a per-line loop would do (no sums reordered), so the rows are bit-identical to one.
    positions = np.arange(count)
    prose_col = np.array(prose_flags)
    kept_col = np.array(kept_flags)
    # Prefix sums make each line's neighbourhood share O(1).
    prose_sum = np.concatenate(([0.0], np.cumsum(prose_col)))
    kept_sum = np.concatenate(([0.0], np.cumsum(kept_col)))
    low = np.maximum(positions - _NEIGHBOURS, 0)
    high = np.minimum(positions + _NEIGHBOURS + 1, count)
    width = high - low - 1
    width[width == 0] = 1
    before, after = positions < start, positions > end
    outside = before | after
    distance = np.where(before, start - positions, np.where(after, positions - end, 0))
    # log1p of the small counts (distance, run length, repeats; all below ``count``): one table per page.
    log1p = np.array([math.log1p(n) for n in range(count + 1)])
    padded_kept = np.concatenate(([0.0], kept_col, [0.0]))
    padded_prose = np.concatenate(([0.0], prose_col, [0.0]))
    columns = (
        positions / count,
        before,
        after,
        log1p[distance] / 5.0,
        (prose_sum[high] - prose_sum[low] - prose_col) / width,
        (kept_sum[high] - kept_sum[low] - kept_col) / width,
        padded_kept[:-2] + padded_kept[2:],
        padded_prose[:-2] + padded_prose[2:],
        log1p[run_of],
        log1p[[repeats[key] - 1 for key in keys]],
        region_share,
        np.maximum(length_col, 1) / total_chars,
        (prose_col > 0) & outside,
        np.where(kept_col > 0, 1.0 - region_share, 0.0),
        outside & (words >= _LONG_WORDS),
        region_prose_lines,
        block_chars,
        block_lines,
        prose_above.astype(float) / prose_chars,
        prose_below.astype(float) / prose_chars,
        blank_after,
    )
    tail = np.empty((count, _TAIL_COUNT))
    for index, values in enumerate(columns):
        tail[:, index] = values
    return FeatureParts(lines, heads, tail)


def _runs(mask: Any) -> tuple[Any, Any]:
    """The maximal runs of True in a boolean array: their starts and stops (exclusive)."""
    import numpy as np

    edges = np.flatnonzero(np.diff(np.concatenate(([False], mask, [False])).astype(np.int8)))
    return edges[::2], edges[1::2]


def _run_sizes(mask: Any) -> Any:
    """The sizes of the maximal runs of True in a boolean array, in order."""
    starts, stops = _runs(mask)
    return stops - starts


def decidable(line: ModelLine) -> bool:
    """Lines the model may keep or drop: not the metadata lines (headline, date, ...) the rules assign,
    nor a list the article introduces with a colon (short items the model would take for a menu)."""
    return line.role not in FIXED_ROLES and line.rule not in PROTECTED_RULES
