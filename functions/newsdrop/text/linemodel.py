"""Learned keep-or-drop scorer for the cleaner's lines: features of the rules' verdicts, shape and context.

The rules decide first; the model sees their verdict among its features (which rule, inside or
outside the article region) next to a line's length, punctuation, position, neighbourhood and
repeats, and keeps or drops the line by a logistic score. ``make train`` fits the weights
(``tools/train_cleaner.py``) and writes ``linemodel.json`` next to this module; inference is pure
Python. Every flip of a rule's verdict records the feature that pushed hardest.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

MODEL_PATH = Path(__file__).with_name("linemodel.json")

# Roles that carry metadata (the headline, the date, ...): the rules alone decide them.
FIXED_ROLES = frozenset({"title", "title_repeat", "date", "news_id", "kicker", "byline", "source"})
KEPT = frozenset({"body", "subheading"})
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
_URLISH = re.compile(r"https?://|www\.|\w\.(?:com|net|org)\b|@\w", re.IGNORECASE)
_NEIGHBOURS = 3

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
    "position",
    "before_region",
    "after_region",
    "distance_to_region",
    "prose_around",
    "kept_around",
    "short_run",
    "log_repeats",
    "region_share",
    "line_share",
    "prose_outside_region",
    "kept_x_small_region",
    "long_line_outside_region",
    "region_prose_share_of_lines",
)


class ModelLine(Protocol):
    """What the model reads of one cleaner line."""

    text: str
    key: str
    words: int
    role: str | None
    rule: str | None
    prose: bool


@dataclass(frozen=True, slots=True)
class LineModel:
    """A logistic model over ``FEATURES``: weights, bias and the decision threshold."""

    weights: tuple[float, ...]
    bias: float
    threshold: float = 0.5
    names: tuple[str, ...] = FEATURES

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> LineModel:
        names = tuple(data["features"])  # type: ignore[arg-type]
        if names != FEATURES:
            raise ValueError(
                "linemodel.json was trained on other features than this cleaner computes: run `make train`"
            )
        return cls(
            tuple(float(w) for w in data["weights"]),  # type: ignore[union-attr]
            float(data["bias"]),  # type: ignore[arg-type]
            float(data.get("threshold", 0.5)),  # type: ignore[arg-type]
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "features": list(self.names),
            "weights": [round(w, 6) for w in self.weights],
            "bias": round(self.bias, 6),
            "threshold": self.threshold,
        }

    def score(self, row: Sequence[float]) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, row, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def strongest(self, row: Sequence[float], keep: bool) -> str:
        """The feature that pushed the score hardest towards the decision taken: the decision's reason."""
        sign = 1.0 if keep else -1.0
        best = max(range(len(row)), key=lambda i: sign * self.weights[i] * row[i])
        return self.names[best]


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> LineModel | None:
    """The shipped model, or None when none was trained (the rules alone decide then)."""
    if not path.exists():
        return None
    return LineModel.from_dict(json.loads(path.read_text(encoding="utf-8")))


def _ends_sentence(text: str) -> bool:
    return text.rstrip(_CLOSERS)[-1:] in _TERMINALS


def _group(line: ModelLine) -> str | None:
    if line.rule is None:
        return "r_region"
    return _STRUCTURAL_GROUPS.get(line.rule, "r_named" if line.role == "boilerplate" else None)


def line_features(lines: Sequence[ModelLine], start: int, end: int) -> list[list[float]]:
    """One feature row per line; ``start``..``end`` is the rules' article region (inclusive)."""
    count = len(lines)
    if count == 0:
        return []
    total_chars = sum(len(line.text) for line in lines) or 1
    prose_chars = sum(len(line.text) for line in lines if line.prose) or 1
    region_prose = sum(len(line.text) for line in lines[start : end + 1] if line.prose)
    region_share = region_prose / prose_chars
    region_lines = max(1, end - start + 1)
    region_prose_lines = sum(1 for line in lines[start : end + 1] if line.prose) / region_lines
    repeats: dict[str, int] = {}
    for line in lines:
        repeats[line.key] = repeats.get(line.key, 0) + 1
    # Runs of consecutive short non-sentence lines (menus, link lists), each line's run length.
    run_of = [0] * count
    index = 0
    while index < count:
        if lines[index].prose or lines[index].words > 8:
            index += 1
            continue
        stop = index
        while stop < count and not lines[stop].prose and lines[stop].words <= 8:
            stop += 1
        for inner in range(index, stop):
            run_of[inner] = stop - index
        index = stop
    prose_flags = [1.0 if line.prose else 0.0 for line in lines]
    kept_flags = [1.0 if line.role in KEPT else 0.0 for line in lines]
    rows: list[list[float]] = []
    for index, line in enumerate(lines):
        text = line.text
        chars = len(text) or 1
        group = _group(line)
        low, high = max(0, index - _NEIGHBOURS), min(count, index + _NEIGHBOURS + 1)
        width = high - low - 1 or 1
        prose_around = (sum(prose_flags[low:high]) - prose_flags[index]) / width
        kept_around = (sum(kept_flags[low:high]) - kept_flags[index]) / width
        before, after = index < start, index > end
        distance = (start - index) if before else (index - end) if after else 0
        digits = sum(ch.isdigit() for ch in text)
        punct = sum(not ch.isalnum() and not ch.isspace() for ch in text)
        tokens = text.split()
        capitalised = sum(1 for word in tokens if word[:1].isupper() or word[:1].isdigit())
        kept = line.role in KEPT
        outside = before or after
        rows.append(
            [
                1.0 if kept else 0.0,
                *(1.0 if group == name else 0.0 for name in FEATURES[1:12]),
                1.0 if line.prose else 0.0,
                1.0 if _ends_sentence(text) else 0.0,
                math.log1p(line.words),
                1.0 if line.words <= 2 else 0.0,
                1.0 if tokens and capitalised >= 0.75 * len(tokens) else 0.0,
                1.0 if text[:1].islower() else 0.0,
                digits / chars,
                punct / chars,
                min(1.0, text.count(",") / max(1, line.words)),
                min(3.0, float(text.count("|"))),
                1.0 if _URLISH.search(text) else 0.0,
                index / count,
                1.0 if before else 0.0,
                1.0 if after else 0.0,
                math.log1p(distance) / 5.0,
                prose_around,
                kept_around,
                math.log1p(run_of[index]),
                math.log1p(repeats[line.key] - 1),
                region_share,
                len(text) / total_chars,
                1.0 if line.prose and outside else 0.0,
                (1.0 - region_share) if kept else 0.0,
                1.0 if outside and line.words >= 40 else 0.0,
                region_prose_lines,
            ]
        )
    return rows


def decidable(line: ModelLine) -> bool:
    """Lines the model may keep or drop: not the metadata lines (headline, date, ...) the rules assign."""
    return line.role not in FIXED_ROLES
