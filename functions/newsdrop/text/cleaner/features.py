"""The line model's feature rows: the rules' verdict, the line's shape, its place and context on the page."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from newsdrop.text.cleaner.cues_notice import NOTICE_FEATURES, notice_columns
from newsdrop.text.cleaner.page_counts import _log1p_table, _run_sizes, _runs
from newsdrop.text.cleaner.reader_cues import line_cues, reader_pronouns
from newsdrop.text.cleaner.shape import (
    _LONG_WORDS,
    _SHAPE_CACHE_MAX_CHARS,
    _SHAPE_FEATURES,
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

    def shape(self, index: int) -> tuple[float, ...]:
        line = self.lines[index]
        shape = _shape_cached if len(line.text) <= _SHAPE_CACHE_MAX_CHARS else _shape
        return shape(line.text, line.words)

    def row(self, index: int) -> list[float]:
        return [*self.heads[index], *self.shape(index), *self.tail[index].tolist()]

    def rows(self, indices: Sequence[int]) -> Any:
        """The rows of ``indices`` as one numpy matrix (``row`` of each), its blocks stacked a column block at a
        time: the same floats without a Python list per row."""
        import numpy as np

        if not indices:
            return np.zeros((0, len(FEATURES)))
        return np.hstack(
            (
                np.array([self.heads[index] for index in indices], dtype=float),
                np.array([self.shape(index) for index in indices], dtype=float),
                self.tail[list(indices)],
            )
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
    # log1p of the small counts (block sizes, distance, run length, repeats; none above ``count``).
    log1p = _log1p_table(count)
    block_lines[prose_mask] = np.repeat(log1p[block_sizes], block_sizes)
    # The page's prose above and below each line, as shares of all its prose (whole characters: exact sums).
    own_prose = np.where(prose_mask, length_col, 0)
    prose_above = np.concatenate(([0], np.cumsum(own_prose)[:-1]))
    prose_below = np.maximum(0, prose_total - prose_above - own_prose)
    blank_after = np.zeros(count)
    blank_after[:-1] = np.diff(np.array([line.n for line in lines])) > 1
    # The prose block right below and right above a line: a crosshead heads several paragraphs, a
    # teaser's title one sentence.
    next_block = np.zeros(count)
    next_block[:-1] = block_chars[1:]
    prev_block = np.zeros(count)
    prev_block[1:] = block_chars[:-1]
    # ``line_cues`` of each line: the truncated end is the line's own fact (read with it), the pronouns only
    # a prose line's (0.0 elsewhere, as ``line_cues`` gives), the line's fact where its text reads as prose.
    pronouns = [
        (reader_pronouns(line.text) if line.pronouns is None else line.pronouns) if line.prose else 0.0
        for line in lines
    ]
    truncated = [
        line_cues(line.text, False)[1] if line.truncated is None else line.truncated for line in lines
    ]
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
        next_block,
        prev_block,
        pronouns,
        truncated,
        *notice_columns(lines),
    )
    tail = np.empty((count, _TAIL_COUNT))
    for index, values in enumerate(columns):
        tail[:, index] = values
    return FeatureParts(lines, heads, tail)


def decidable(line: ModelLine) -> bool:
    """Lines the model may keep or drop: not the metadata lines (headline, date, ...) the rules assign,
    nor a list the article introduces with a colon (short items the model would take for a menu), nor the
    standfirst under the headline (header lines the model learned to drop)."""
    return line.role not in FIXED_ROLES and line.rule not in PROTECTED_RULES
