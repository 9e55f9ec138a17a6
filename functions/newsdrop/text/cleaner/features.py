"""The line model's feature rows: the rules' verdict, the line's shape, its place and context on the page."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from typing import Any, Protocol

from newsdrop.text.cleaner.cues_notice import NOTICE_FEATURES, notice_columns
from newsdrop.text.cleaner.page_counts import _log1p_table, _run_sizes, _runs
from newsdrop.text.cleaner.reader_cues import line_cues, reader_pronouns
from newsdrop.text.cleaner.shape import (
    _CLOSERS,
    _LONG_WORDS,
    _SHAPE_CACHE_MAX_CHARS,
    _SHAPE_FEATURES,
    _TERMINALS,
    _shape,
    _shape_cached,
)

# Roles that carry metadata (the headline, the date, ...): the rules alone decide them.
FIXED_ROLES = frozenset({"title", "title_repeat", "date", "news_id", "kicker", "byline", "source"})


KEPT = frozenset({"body", "subheading"})


PROTECTED_RULES = frozenset({"colon_list", "standfirst"})


_STRUCTURAL_GROUPS = {
    "article_region": "r_region",
    "crosshead": "r_crosshead",
    "colon_list": "r_region",
    "standfirst": "r_region",
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


_NEIGHBOURS = 3


_SHORT_WORDS = 8


_BLOCK_CHARS_SCALE = 10.0


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
    "next_block",
    "prev_block",
    "second_person",
    "ends_ellipsis",
    *NOTICE_FEATURES,
)


_GROUPS = 11


# The row's blocks (``FeatureParts``): head (kept_by_rules, the groups, prose), shape, then the context tail.
_HEAD_COUNT = 1 + _GROUPS + 1


_TAIL_COUNT = len(FEATURES) - _HEAD_COUNT - len(_SHAPE_FEATURES)


# Where some context features stand in the tail (``feature_parts`` fills them by offset).
_BLOCK_CHARS = FEATURES.index("block_chars") - _HEAD_COUNT - len(_SHAPE_FEATURES)


_PROSE_ABOVE = FEATURES.index("prose_above") - _HEAD_COUNT - len(_SHAPE_FEATURES)


_BLANK_AFTER = FEATURES.index("blank_after") - _HEAD_COUNT - len(_SHAPE_FEATURES)


_GROUP_OFFSET = {name: offset for offset, name in enumerate(FEATURES[1 : 1 + _GROUPS])}


class ModelLine(Protocol):
    """What the model reads of one cleaner line."""

    n: int
    text: str
    key: str
    words: int
    role: str | None
    rule: str | None
    prose: bool
    # ``notice_words`` of the key and ``line_cues``' truncated end, if the line was read with them (else None).
    notice: float | None
    truncated: float | None
    # ``line_cues``' pronoun cue, if the line was read with it (else None).
    pronouns: float | None


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
    # The page's facts the features read, a list each in line order (each line's text, key, number, length and
    # word count): the stages after the model read the same lists instead of walking the lines again.
    texts: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)
    lengths: list[int] = field(default_factory=list)
    words: list[int] = field(default_factory=list)
    # How many lines of the page print each key (the ``log_repeats`` feature's counts; the stages after the model
    # read the same counts).
    repeats: Counter[str] = field(default_factory=Counter)

    def shape(self, index: int) -> tuple[float, ...]:
        line = self.lines[index]
        shape = _shape_cached if len(line.text) <= _SHAPE_CACHE_MAX_CHARS else _shape
        return shape(line.text, line.words)

    def row(self, index: int) -> list[float]:
        return [*self.heads[index], *self.shape(index), *self.tail[index].tolist()]

    def known_shape(self, index: int) -> tuple[float, ...]:
        """The shape features a line's word count or a test of its ends decides (``_WORD_SHAPE``, ``_QUICK_FEATURES``
        in ``_SHAPE_FEATURES`` order, the values ``_shape`` gives them): no regex pass over its text."""
        line = self.lines[index]
        text, words = line.text, line.words
        return (
            1.0 if text.rstrip(_CLOSERS)[-1:] in _TERMINALS else 0.0,
            math.log1p(words),
            1.0 if words <= 2 else 0.0,
            1.0 if text[:1].islower() else 0.0,
            min(3.0, float(text.count("|"))),
            1.0 if text.endswith(":") else 0.0,
            1.0 if words >= _LONG_WORDS else 0.0,
        )


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
    texts = [line.text for line in lines]
    # (``map`` in C over the texts: the same lengths without a second walk over the lines.)
    lengths = list(map(len, texts))
    total_chars = sum(lengths) or 1
    prose_list = [line.prose for line in lines]
    # (Whole numbers summed over the prose lines ``compress`` picks in C: the same sums as a generator's.)
    prose_total = sum(compress(lengths, prose_list))
    prose_chars = prose_total or 1
    stop = min(end, count - 1) + 1
    region_prose = (
        sum(compress(lengths[start:stop], prose_list[start:stop]))
        if start >= 0
        else sum(lengths[i] for i in range(start, stop) if prose_list[i])
    )
    region_share = region_prose / prose_chars
    region_lines = max(1, end - start + 1)
    # (A count of True over a whole line count: the same correctly rounded quotient as a sum of 1.0s.)
    region_prose_lines = sum(prose_list[start : end + 1]) / region_lines
    # The per-line counts below are whole numbers in numpy (exact), run by run rather than line by line.
    keys = [line.key for line in lines]
    repeats = Counter(keys)
    # Lists become arrays by ``fromiter`` with their size: the same values without numpy's per-element type
    # discovery (``np.array`` of a list), which was a tenth of the line model's stage.
    prose_mask = np.fromiter(prose_list, bool, count)
    word_counts = [line.words for line in lines]
    words = np.fromiter(word_counts, np.intp, count)
    length_col = np.fromiter(lengths, np.intp, count)
    # The tail filled a column (or a pair of columns) at a time: fewer, larger numpy calls than a temporary
    # array per feature copied in (each numpy call costs about a microsecond whatever its size).
    tail = np.zeros((count, _TAIL_COUNT))
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
    block_chars = tail[:, _BLOCK_CHARS]
    block_chars[prose_mask] = np.repeat(
        [
            math.log1p(chars) / _BLOCK_CHARS_SCALE
            for chars in (length_sums[block_stops] - length_sums[block_starts]).tolist()
        ],
        block_sizes,
    )
    # log1p of the small counts (block sizes, distance, run length, repeats; none above ``count``).
    log1p = _log1p_table(count)
    tail[prose_mask, _BLOCK_CHARS + 1] = np.repeat(log1p[block_sizes], block_sizes)
    # The page's prose above and below each line, as shares of all its prose (whole characters: exact sums).
    own_prose = np.where(prose_mask, length_col, 0)
    prose_above = np.cumsum(own_prose) - own_prose
    tail[:, _PROSE_ABOVE] = prose_above / prose_chars
    tail[:, _PROSE_ABOVE + 1] = np.maximum(0, prose_total - prose_above - own_prose) / prose_chars
    number_list = [line.n for line in lines]
    numbers = np.fromiter(number_list, np.intp, count)
    tail[:-1, _BLANK_AFTER] = numbers[1:] - numbers[:-1] > 1
    # The prose block right below and right above a line: a crosshead heads several paragraphs, a
    # teaser's title one sentence.
    tail[:-1, _BLANK_AFTER + 1] = block_chars[1:]
    tail[1:, _BLANK_AFTER + 2] = block_chars[:-1]
    # ``line_cues`` of each line: the truncated end is the line's own fact (read with it), the pronouns only
    # a prose line's (0.0 elsewhere, as ``line_cues`` gives), the line's fact where its text reads as prose.
    tail[:, _BLANK_AFTER + 3] = np.fromiter(
        [
            (reader_pronouns(line.text) if line.pronouns is None else line.pronouns) if line.prose else 0.0
            for line in lines
        ],
        float,
        count,
    )
    tail[:, _BLANK_AFTER + 4] = np.fromiter(
        [line_cues(line.text, False)[1] if line.truncated is None else line.truncated for line in lines],
        float,
        count,
    )
    for offset, column in enumerate(notice_columns(lines)):
        tail[:, _BLANK_AFTER + 5 + offset] = np.fromiter(column, float, count)
    heads = [_rule_columns(line.rule, line.role, line.prose) for line in lines]
    # The context features a column at a time: each value is the same IEEE operation on the same operands
    # as a per-line loop would do (no sums reordered), so the rows are bit-identical to one.
    positions = np.arange(count)
    tail[:, 0] = positions / count
    # Prose and kept flags side by side (the order of prose_around, kept_around): their neighbourhoods at once.
    flags = np.empty((count, 2))
    flags[:, 0] = prose_mask
    flags[:, 1] = np.fromiter([line.role in KEPT for line in lines], bool, count)
    # Prefix sums make each line's neighbourhood share O(1) (sums of 0s and 1s: exact).
    sums = np.zeros((count + 1, 2))
    np.cumsum(flags, axis=0, out=sums[1:])
    low = np.maximum(positions - _NEIGHBOURS, 0)
    high = np.minimum(positions + _NEIGHBOURS + 1, count)
    width = high - low - 1
    width[width == 0] = 1
    tail[:, 4:6] = (sums[high] - sums[low] - flags) / width[:, None]
    # The lines right above and below, kept then prose (0 beyond the page's ends; 0.0 + x is x).
    tail[1:, 6:8] = flags[:-1, ::-1]
    tail[:-1, 6:8] += flags[1:, ::-1]
    before, after = positions < start, positions > end
    tail[:, 1] = before
    tail[:, 2] = after
    outside = before | after
    distance = np.where(before, start - positions, np.where(after, positions - end, 0))
    tail[:, 3] = log1p[distance] / 5.0
    tail[:, 8] = log1p[run_of]
    # (Each key's printings looked up by ``map`` in C, less one in numpy: the same whole numbers.)
    tail[:, 9] = log1p[np.fromiter(map(repeats.__getitem__, keys), np.intp, count) - 1]
    tail[:, 10] = region_share
    tail[:, 11] = np.maximum(length_col, 1) / total_chars
    tail[:, 12] = prose_mask & outside
    tail[:, 13] = np.where(flags[:, 1] > 0, 1.0 - region_share, 0.0)
    tail[:, 14] = outside & (words >= _LONG_WORDS)
    tail[:, 15] = region_prose_lines
    return FeatureParts(lines, heads, tail, texts, keys, number_list, lengths, word_counts, repeats)


def decidable(line: ModelLine) -> bool:
    """Lines the model may keep or drop: not the metadata lines (headline, date, ...) the rules assign,
    nor a list the article introduces with a colon (short items the model would take for a menu), nor the
    standfirst under the headline (header lines the model learned to drop)."""
    return line.role not in FIXED_ROLES and line.rule not in PROTECTED_RULES
