"""Fit the cleaner's line model (`make train`): a logistic keep-or-drop scorer over the rules' verdicts.

Training lines come from the article and page views of cleaning-dev and cleaning-train: a line is
"keep" when most of its 4-token shingles are in the gold body (dev, fun-, rdb-), or when it holds a
`with` snippet ("drop" for a `without` snippet; traf-, pl-). Each page weighs the same, its lines by
their tokens. The fit is L2-regularised Newton iterations (numpy, deterministic; --seed orders the
rows only). Writes the model fitted on every page to functions/newsdrop/text/linemodel.json and one
model per fold of sites (grouped cross-validation) to eval/cv-models.json for `make eval`.
Features are cached under .cache/cleaner-train/ keyed by the cleaner's source.

Usage: .venv/bin/python -m tools.train_cleaner [--seed 7] [--l2 1.0]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "functions") not in sys.path:
    sys.path.insert(0, str(ROOT / "functions"))

from newsdrop.text.cleaner import rule_pass  # noqa: E402
from newsdrop.text.linemodel import FEATURES, MODEL_PATH, LineModel, decidable, line_features  # noqa: E402
from tools.cleaning_corpus import FOLDS, Corpus, Page, collapse  # noqa: E402

CACHE = ROOT / ".cache" / "cleaner-train"
CV_MODELS = ROOT / "eval" / "cv-models.json"
TEXT_VIEWS = ("article", "page")
_TOKEN = re.compile(r"\w+")
_KEEP_SHARE = 0.5
# Snippet pages label few lines; they count for half a body page.
_SNIPPET_PAGE_WEIGHT = 0.5
_SOURCES = (
    "functions/newsdrop/text/cleaner.py",
    "functions/newsdrop/text/rules.py",
    "functions/newsdrop/text/linemodel.py",
    "functions/newsdrop/text/dates.py",
    "tools/train_cleaner.py",
    "tools/cleaning_corpus.py",
)


def _labels_from_body(texts: list[str], body: str) -> list[float]:
    gold_tokens = _TOKEN.findall(body)
    gold_shingles = {tuple(gold_tokens[i : i + 4]) for i in range(len(gold_tokens) - 3)}
    gold_joined = f" {' '.join(gold_tokens)} "
    labels: list[float] = []
    for text in texts:
        tokens = _TOKEN.findall(text)
        if len(tokens) >= 4:
            grams = [tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)]
            share = sum(gram in gold_shingles for gram in grams) / len(grams)
            labels.append(1.0 if share >= _KEEP_SHARE else 0.0)
        else:
            labels.append(1.0 if tokens and f" {' '.join(tokens)} " in gold_joined else 0.0)
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


def page_rows(page: Page, view: str) -> tuple[list[list[float]], list[float], list[float]]:
    """Feature rows, labels and weights of one page's decidable, labelled lines."""
    found = rule_pass(page.read(view))
    rows = line_features(found.lines, found.start, found.end)
    chosen = [(line, row) for line, row in zip(found.lines, rows, strict=True) if decidable(line)]
    texts = [line.text for line, _ in chosen]
    if page.body is not None:
        labels: list[float | None] = list(_labels_from_body(texts, page.body))
        page_weight = 1.0
    else:
        labels = _labels_from_snippets(texts, page)
        page_weight = _SNIPPET_PAGE_WEIGHT
    kept = [
        (row, label, len(_TOKEN.findall(line.text)) + 1.0)
        for (line, row), label in zip(chosen, labels, strict=True)
        if label is not None
    ]
    total = sum(size for _, _, size in kept) or 1.0
    return (
        [row for row, _, _ in kept],
        [label for _, label, _ in kept],
        [page_weight * size / total for _, _, size in kept],
    )


def _cache_key() -> str:
    digest = hashlib.sha256()
    for name in _SOURCES:
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()[:16]


def features(corpus: Corpus) -> dict[str, np.ndarray]:
    """X, y, w and each row's fold, from the cache when the cleaner's source has not changed."""
    path = CACHE / f"features-{_cache_key()}.npz"
    if path.exists():
        with np.load(path) as cached:
            return {name: cached[name] for name in cached.files}
    xs: list[list[float]] = []
    ys: list[float] = []
    ws: list[float] = []
    fs: list[int] = []
    for page in corpus.pages:
        for view in TEXT_VIEWS:
            rows, labels, weights = page_rows(page, view)
            xs += rows
            ys += labels
            ws += weights
            fs += [page.fold] * len(rows)
    data = {
        "x": np.asarray(xs, dtype=np.float64).reshape(-1, len(FEATURES)),
        "y": np.asarray(ys),
        "w": np.asarray(ws),
        "fold": np.asarray(fs, dtype=np.int64),
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--seed", type=int, default=7, help="seed of the row order (the fit is deterministic)"
    )
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty on the weights")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    data = features(Corpus())
    order = np.random.default_rng(args.seed).permutation(len(data["y"]))
    x, y, w, folds = (data[name][order] for name in ("x", "y", "w", "fold"))
    print(f"{len(y)} labelled lines, {int(y.sum())} keep; features in {time.perf_counter() - started:.1f} s")
    full = fit(x, y, w, args.l2)
    cv = {
        str(fold): fit(x[folds != fold], y[folds != fold], w[folds != fold], args.l2).to_dict()
        for fold in range(FOLDS)
    }
    MODEL_PATH.write_text(json.dumps(full.to_dict(), indent=1) + "\n", encoding="utf-8")
    CV_MODELS.write_text(
        json.dumps(
            {
                "about": "Line models fitted without each fold's sites (tools/train_cleaner.py), for make eval's grouped CV.",
                "folds": cv,
            },
            indent=1,
        )
        + "\n",
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
