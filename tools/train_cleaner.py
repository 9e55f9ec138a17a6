"""Fit the cleaner's line model (`make train`): a logistic keep-or-drop scorer over the rules' verdicts.

Training lines come from the article and page views of cleaning-dev and cleaning-train: a line is
"keep" when most of its 4-token shingles are in the gold body (dev, fun-, rdb-), or when it holds a
`with` snippet ("drop" for a `without` snippet; traf-, pl-). Each page weighs the same, its lines by
their tokens. The fit is L2-regularised Newton iterations (numpy, deterministic; --seed orders the
rows only). Writes the model fitted on every page to functions/newsdrop/text/cleaner/model.json and one
model per fold of sites (grouped cross-validation) to eval/cv-models.json for `make eval`.
The headline ranker is a conditional logit over each page's headline candidates, fitted as boosted
regression trees (numpy, deterministic; tools/train_headlines.py). Features are cached under .cache/cleaner-train/ keyed by the
cleaner's source.

Usage: .venv/bin/python -m tools.train_cleaner [--seed 7] [--l2 1.0] [--no-headline] [--crops 0]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "functions") not in sys.path:
    sys.path.insert(0, str(ROOT / "functions"))

from newsdrop.text.cleaner import rule_pass  # noqa: E402
from newsdrop.text.cleaner.model import (  # noqa: E402
    FEATURES,
    HEADLINE_FEATURES,
    KEPT,
    MODEL_PATH,
    HeadlineModel,
    LineModel,
    decidable,
    line_features,
)
from tools.cleaning_corpus import FOLDS, Corpus, Page, collapse  # noqa: E402
from tools.train_crops import crop_rows, headline_labels  # noqa: E402
from tools.train_headlines import fit_headlines  # noqa: E402
from tools.train_thresholds import (  # noqa: E402
    choose_switch_cost,
    choose_thresholds,
    page_f1,
    smoothed,
    snippet_accuracy,
)

CACHE = ROOT / ".cache" / "cleaner-train"
SEEDS = ROOT / "data" / "seeds"
SEEDS_GOLD = ROOT / "data" / "seeds-gold"
CV_MODELS = ROOT / "eval" / "cv-models.json"
TEXT_VIEWS = ("article", "page")
_TOKEN = re.compile(r"\w+")
_KEEP_SHARE = 0.5
# Snippet pages label few lines; they count for half a body page.
_SNIPPET_PAGE_WEIGHT = 0.5
# The feature cache's key: every module of the cleaner package (a new stage module counts without being
# listed), the text modules and models it imports, and the two tools that turn pages into rows.
_SOURCES = (
    *sorted(str(path.relative_to(ROOT)) for path in (ROOT / "functions/newsdrop/text/cleaner").glob("*.py")),
    "functions/newsdrop/text/rules.py",
    "functions/newsdrop/text/line_keys.py",
    "functions/newsdrop/text/captions.py",
    "functions/newsdrop/text/bylines.py",
    "functions/newsdrop/text/rule_dispatch.py",
    "functions/newsdrop/text/re2_sets.py",
    "functions/newsdrop/text/dates.py",
    "functions/newsdrop/text/fallbacks.py",
    "functions/newsdrop/models.py",
    "tools/train_cleaner.py",
    "tools/train_crops.py",
    "tools/cleaning_corpus.py",
)


def _labels_from_body(texts: list[str], body: str, kept_first: list[bool]) -> list[float]:
    """1 for a line most of whose shingles the gold body still holds, 0 otherwise.

    The gold is a multiset: a paragraph printed twice (teaser and story) is gold once, so lines the
    rules kept use up the gold first, then the others in page order.
    """
    gold_tokens = _TOKEN.findall(body)
    left = Counter(tuple(gold_tokens[i : i + 4]) for i in range(len(gold_tokens) - 3))
    gold_joined = f" {' '.join(gold_tokens)} "
    labels = [0.0] * len(texts)
    order = [i for i in range(len(texts)) if kept_first[i]] + [
        i for i in range(len(texts)) if not kept_first[i]
    ]
    for index in order:
        tokens = _TOKEN.findall(texts[index])
        if len(tokens) < 4:
            labels[index] = 1.0 if tokens and f" {' '.join(tokens)} " in gold_joined else 0.0
            continue
        grams = [tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)]
        found = 0
        for gram in grams:
            if left[gram] > 0:
                found += 1
        if found >= _KEEP_SHARE * len(grams):
            labels[index] = 1.0
            for gram in grams:
                if left[gram] > 0:
                    left[gram] -= 1
    return labels


def _labels_from_snippets(texts: list[str], page: Page) -> list[float | None]:
    keep = [collapse(s) for s in page.gold.get("with") or ()]
    drop = [collapse(s) for s in page.gold.get("without") or ()]
    labels: list[float | None] = []
    for text in texts:
        flat = collapse(text)
        if any(s and s in flat for s in keep):
            labels.append(1.0)
        elif any(s and s in flat for s in drop):
            labels.append(0.0)
        else:
            labels.append(None)
    return labels


# Headline candidates of the last page_rows call: (feature rows, labels).
_HEADLINES: list[tuple[list[list[float]], list[float]]] = []


def page_rows(page: Page, view: str) -> tuple[list[list[float]], list[float], list[float], list[float]]:
    """Feature rows, labels, weights and token counts of one page's decidable lines, in page order.

    A line no gold labels (a snippet page's other lines) has label NaN and weight 0: it is not fitted,
    but smoothing along the page (``smoothed``) sees it between its labelled neighbours, as the cleaner does.
    """
    found = rule_pass(page.read(view), collect=True)
    _HEADLINES.append(([row for _, row in found.candidates], headline_labels(found, page.titles)))
    rows = line_features(found.lines, found.start, found.end)
    chosen = [(line, row) for line, row in zip(found.lines, rows, strict=True) if decidable(line)]
    texts = [line.text for line, _ in chosen]
    if page.body is not None:
        labels: list[float | None] = list(
            _labels_from_body(texts, page.body, [line.role in KEPT for line, _ in chosen])
        )
        page_weight = 1.0
    else:
        labels = _labels_from_snippets(texts, page)
        page_weight = _SNIPPET_PAGE_WEIGHT
    kept = [
        (row, label, len(_TOKEN.findall(line.text)) + 1.0)
        for (line, row), label in zip(chosen, labels, strict=True)
    ]
    total = sum(size for _, label, size in kept if label is not None) or 1.0
    return (
        [row for row, _, _ in kept],
        [math.nan if label is None else label for _, label, _ in kept],
        [0.0 if label is None else page_weight * size / total for _, label, size in kept],
        [size for _, _, size in kept],
    )


def _cache_key() -> str:
    digest = hashlib.sha256()
    for name in _SOURCES:
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()[:16]


def features(corpus: Corpus, crops: int = 0) -> dict[str, np.ndarray]:
    """X, y, w and each row's fold, from the cache when the cleaner's source has not changed."""
    path = CACHE / f"features-{_cache_key()}{f'-crops{crops}' if crops else ''}.npz"
    if path.exists():
        with np.load(path) as cached:
            return {name: cached[name] for name in cached.files}
    xs: list[list[float]] = []
    ys: list[float] = []
    ws: list[float] = []
    fs: list[int] = []
    ts: list[float] = []
    group: list[int] = []
    body: list[bool] = []
    dev: list[bool] = []
    hx: list[list[float]] = []
    hy: list[float] = []
    hgroup: list[int] = []
    hfold: list[int] = []
    for number, page in enumerate(corpus.pages):
        for view_number, view in enumerate(TEXT_VIEWS):
            rows, labels, weights, tokens = page_rows(page, view)
            xs += rows
            ys += labels
            ws += weights
            ts += tokens
            fs += [page.fold] * len(rows)
            group += [2 * number + view_number] * len(rows)
            body += [page.body is not None] * len(rows)
            dev += [page.source == "dev"] * len(rows)
            head_rows, head_labels = _HEADLINES.pop()
            if page.titles and head_rows:
                hx += head_rows
                hy += head_labels
                hgroup += [2 * number + view_number] * len(head_rows)
                hfold += [page.fold] * len(head_rows)
    # The headline ranker's extra training crops of each page (tools/train_crops.py), in their pages' folds.
    for part, more in zip((hx, hy, hgroup, hfold), crop_rows(corpus.pages, crops), strict=True):
        part += more
    data = {
        "x": np.asarray(xs, dtype=np.float64).reshape(-1, len(FEATURES)),
        "y": np.asarray(ys),
        "w": np.asarray(ws),
        "fold": np.asarray(fs, dtype=np.int64),
        "tokens": np.asarray(ts),
        "group": np.asarray(group, dtype=np.int64),
        "body": np.asarray(body),
        "dev": np.asarray(dev),
        "hx": np.asarray(hx, dtype=np.float64).reshape(-1, len(HEADLINE_FEATURES)),
        "hy": np.asarray(hy),
        "hgroup": np.asarray(hgroup, dtype=np.int64),
        "hfold": np.asarray(hfold, dtype=np.int64),
    }
    CACHE.mkdir(parents=True, exist_ok=True)
    for old in CACHE.glob("features-*.npz"):
        old.unlink()
    np.savez_compressed(path, **data)
    return data


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float, iterations: int = 25) -> LineModel:
    """L2-regularised logistic regression by Newton's method (the bias unpenalised)."""
    design = np.hstack([x, np.ones((len(x), 1))])
    beta = np.zeros(design.shape[1])
    penalty = np.full(design.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(design @ beta, -30, 30)))
        gradient = design.T @ (w * (p - y)) + penalty * beta
        hessian = (design * (w * p * (1 - p))[:, None]).T @ design + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.max(np.abs(step)) < 1e-7:
            break
    return LineModel(tuple(float(b) for b in beta[:-1]), float(beta[-1]))


def seed_lines(model: LineModel) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The shipped model's scores on the seeds' decidable lines, the rules' verdicts, the gold's
    (keep = a body or subheading role in data/seeds-gold) and each line's seed file (a number)."""
    scores: list[float] = []
    rules: list[bool] = []
    gold: list[bool] = []
    files: list[int] = []
    for number, path in enumerate(sorted(SEEDS_GOLD.glob("*.json"))):
        expected = json.loads(path.read_text(encoding="utf-8"))
        roles = {line["n"]: line["role"] for line in expected["lines"]}
        found = rule_pass((SEEDS / expected["file"]).read_text(encoding="utf-8"), headline=model.headline)
        rows = line_features(found.lines, found.start, found.end)
        for line, row in zip(found.lines, rows, strict=True):
            if decidable(line) and line.n in roles:
                scores.append(model.score(row))
                rules.append(line.role in KEPT)
                gold.append(roles[line.n] in KEPT)
                files.append(number)
    return (
        np.asarray(scores),
        np.asarray(rules, dtype=bool),
        np.asarray(gold, dtype=bool),
        np.asarray(files, dtype=np.int64),
    )


# A list of numbers only (a tree node, a weight vector), as json.dumps(indent=1) spreads it over lines.
_NUMBER_LIST = re.compile(r"\[\s*(-?[\d.eE+-]+(?:,\s*-?[\d.eE+-]+)*)\s*\]")


def _compact_json(data: object) -> str:
    """``data`` as indented JSON with every list of numbers on one line: a tree node per line, not a
    number per line (the headline trees' file stays a fraction of the size; json.loads reads it the same)."""
    text = json.dumps(data, indent=1)
    return (
        _NUMBER_LIST.sub(
            lambda found: "[" + ", ".join(part.strip() for part in found.group(1).split(",")) + "]", text
        )
        + "\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=7,
        help="seed of the row order and of the headline trees' page and feature shares (the fit is deterministic)",
    )
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty on the weights")
    parser.add_argument(
        "--crops", type=int, default=0, help="more crops a page for the headline ranker (train_crops)"
    )
    parser.add_argument(
        "--no-headline", action="store_true", help="ship the line model alone (the rules choose headlines)"
    )
    parser.add_argument(
        "--snippet-weight",
        type=float,
        default=0.0,
        help="weight of snippet accuracy (traf-/pl- pages) beside page F1 when choosing thresholds",
    )
    parser.add_argument(
        "--dev-weight", type=float, default=3.0, help="weight of a cleaning-dev page when choosing thresholds"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    data = features(Corpus(), args.crops)
    labelled = np.flatnonzero(np.isfinite(data["y"]))
    order = labelled[np.random.default_rng(args.seed).permutation(len(labelled))]
    x, y, w, folds = (data[name][order] for name in ("x", "y", "w", "fold"))
    print(
        f"{len(y)} labelled lines of {len(data['y'])}, {int(y.sum())} keep; "
        f"features in {time.perf_counter() - started:.1f} s"
    )
    fold_models = {
        fold: fit(x[folds != fold], y[folds != fold], w[folds != fold], args.l2) for fold in range(FOLDS)
    }
    # Out-of-fold scores: each line scored by the model that never saw its site.
    design = np.hstack([data["x"], np.ones((len(data["x"]), 1))])
    scores = np.zeros(len(data["y"]))
    for fold, model in fold_models.items():
        rows = data["fold"] == fold
        beta = np.asarray([*model.weights, model.bias])
        scores[rows] = 1.0 / (1.0 + np.exp(-np.clip(design[rows] @ beta, -30, 30)))
    # The headline ranker ships: in grouped CV it raises title accuracy (rules alone: article 0.632, page
    # 0.720; linear ranker 0.689 / 0.764; boosted trees 0.733 / 0.787); a standfirst right under the
    # rules' headline stays a standfirst, and a line below its byline is never the headline (headline.py).
    fitted_folds, fitted_full = fit_headlines(data, args.seed, args.crops)
    headline_folds: dict[int, HeadlineModel | None] = dict(fitted_folds)
    headline_full: HeadlineModel | None = fitted_full
    if args.no_headline:
        headline_folds, headline_full = dict.fromkeys(fitted_folds), None
    full = replace(fit(x, y, w, args.l2), headline=headline_full)
    rules = data["x"][:, FEATURES.index("kept_by_rules")] > 0.5
    seeds = seed_lines(full)
    keep_above, drop_below, _ = choose_thresholds(data, scores, args.dev_weight, args.snippet_weight, seeds)
    line_by_line = np.where(rules, scores >= drop_below, scores >= keep_above)
    # Smoothing along the page (see LineModel): its cost is chosen on the same out-of-fold scores.
    switch_cost, _ = choose_switch_cost(
        data, scores, keep_above, drop_below, args.dev_weight, args.snippet_weight, seeds
    )
    chosen = smoothed(scores, rules, data["group"], keep_above, drop_below, switch_cost)
    print(
        f"smoothing: switch cost {switch_cost}; line by line F1 {page_f1(data, line_by_line, args.dev_weight):.4f} "
        f"snippets {snippet_accuracy(data, line_by_line):.4f}"
    )
    print(
        f"out-of-fold page F1 (approx.): rules {page_f1(data, rules, args.dev_weight):.4f}, "
        f"model at 0.5 {page_f1(data, scores >= 0.5, args.dev_weight):.4f}, "
        f"keep_above {keep_above} drop_below {drop_below}: {page_f1(data, chosen, args.dev_weight):.4f}; "
        f"snippets (approx.) rules {snippet_accuracy(data, rules):.4f}, chosen {snippet_accuracy(data, chosen):.4f}"
    )
    full = replace(full, keep_above=keep_above, drop_below=drop_below, switch_cost=switch_cost)
    cv = {
        str(fold): replace(
            model,
            keep_above=keep_above,
            drop_below=drop_below,
            headline=headline_folds[fold],
            switch_cost=switch_cost,
        ).to_dict()
        for fold, model in fold_models.items()
    }
    MODEL_PATH.write_text(_compact_json(full.to_dict()), encoding="utf-8")
    CV_MODELS.write_text(
        _compact_json(
            {
                "about": "Line models fitted without each fold's sites (tools/train_cleaner.py), for make eval's grouped CV.",
                "folds": cv,
            }
        ),
        encoding="utf-8",
    )
    for name, weight in sorted(zip(FEATURES, full.weights, strict=True), key=lambda item: -abs(item[1]))[:12]:
        print(f"  {name:28s} {weight:+.3f}")
    print(
        f"wrote {MODEL_PATH.relative_to(ROOT)} and {CV_MODELS.relative_to(ROOT)} in {time.perf_counter() - started:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
