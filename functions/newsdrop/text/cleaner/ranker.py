"""The headline ranker: a conditional-logit scorer of headline candidates, linear plus boosted trees."""

from __future__ import annotations

import math
import operator
from collections.abc import Sequence
from dataclasses import dataclass

from newsdrop.text.cleaner.trees import Tree, _leaf_values, tree_value

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
    "header_place",
    "candidate_above",
    "candidate_below",
    "words_against_above",
    "words_against_below",
    "lead_against_above",
    "lead_against_below",
    "log_printings",
    "capital_share",
    "opening_cover",
    "lead_overlap_against_best",
    "opening_share_against_best",
    "clock_or_numeric_date",
    "repeated_words",
    "holds_candidate",
    "held_by_candidate",
    "in_region_head",
    "log_region_lines_above",
)


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
        trained = tuple(data["features"])  # type: ignore[call-overload]
        # A model trained before the last features existed reads the same columns (they are appended at the
        # end): it loads with weight 0 for the new ones and scores as it did when it was trained.
        if trained != HEADLINE_FEATURES[: len(trained)]:
            raise ValueError("the headline model was trained on other features: run `make train`")
        weights = tuple(float(w) for w in data["weights"])  # type: ignore[attr-defined]
        return cls(
            weights + (0.0,) * (len(HEADLINE_FEATURES) - len(weights)),
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
        # The trees' leaves added one after another, as ``score_all``'s running sum adds them: the same on
        # Python 3.11 and on 3.12, whose ``sum`` of floats compensates (other last bits, other near ties).
        total = 0.0
        for tree in self.trees:
            total += tree_value(tree, row)
        return linear + total

    def score_all(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """``score`` of every row, with the trees walked for all rows at once (numpy).

        Equal to ``score`` bit for bit: numpy only picks the leaves (the same float comparisons), and each
        row's leaves are added one after another in the trees' order, as ``score`` adds them.
        """
        if not self.trees or not rows:
            return [self.score(row) for row in rows]
        # A running sum along each row (``cumsum`` adds strictly left to right, unlike ``np.sum``'s pairwise
        # sum): its last column is ``score``'s total, float for float, without a Python float per leaf (a
        # ``sum`` over the leaves cost a third of the ranker's trees). A total of -0.0 where ``score`` has
        # 0.0 is added to the linear part, never -0.0 (its ``sum`` starts from 0): the score is the same.
        # (The array's own method: numpy's module function only dispatches to it, through two Python calls.)
        totals = _leaf_values(self.trees, rows).cumsum(axis=1)[:, -1].tolist()
        return [
            self.bias + sum(map(operator.mul, self.weights, row)) + total
            for total, row in zip(totals, rows, strict=True)
        ]
