"""Score the cleaner on data/cleaning-dev: body shingle precision/recall/F1 and title exact match.

Usage: .venv/bin/python tools/eval_cleaner.py [--worst N] [--show ID_PREFIX]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "functions"))

from newsdrop.text.cleaner import clean_article  # noqa: E402

DEV = ROOT / "data" / "cleaning-dev"
_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """Multiset of 4-token shingles; a text of 1-3 tokens is one short shingle."""
    tokens = _TOKEN.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < SHINGLE:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def precision_recall(predicted: str, gold: str) -> tuple[float, float]:
    pred, ref = shingles(predicted), shingles(gold)
    tp = sum(min(count, ref[key]) for key, count in pred.items())
    fp = sum(max(0, count - ref[key]) for key, count in pred.items())
    fn = sum(max(0, count - pred[key]) for key, count in ref.items())
    precision = 1.0 if fp == 0 else tp / (tp + fp)
    recall = 1.0 if fn == 0 else tp / (tp + fn)
    return precision, recall


def f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def evaluate(
    view: str, *, raw: bool = False
) -> tuple[float, float, float, float, list[tuple[str, float, float]]]:
    precisions: list[float] = []
    recalls: list[float] = []
    titles_ok = 0
    per_article: list[tuple[str, float, float]] = []
    for gold_path in sorted((DEV / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (DEV / view / f"{gold['id']}.txt").read_text(encoding="utf-8")
        if raw:
            body, title = text, None
        else:
            article = clean_article(text)
            body, title = article.body, article.title
        precision, recall = precision_recall(body, gold["body"])
        precisions.append(precision)
        recalls.append(recall)
        titles_ok += int(title is not None and title.strip() == gold["title"].strip())
        per_article.append((gold["id"], precision, recall))
    count = len(precisions)
    mean_p, mean_r = sum(precisions) / count, sum(recalls) / count
    return mean_p, mean_r, f1(mean_p, mean_r), titles_ok / count, per_article


def show(prefix: str, view: str) -> None:
    path = next((DEV / view).glob(f"{prefix}*.txt"))
    gold = json.loads((DEV / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
    gold_lines = {line.strip() for line in gold["body"].split("\n") if line.strip()}
    article = clean_article(path.read_text(encoding="utf-8"))
    print(f"title: {article.title!r}  gold: {gold['title']!r}")
    print(f"published: {article.published!r} gold: {gold.get('published')!r} source={article.source!r}")
    for line in article.lines:
        kept = line.role in ("body", "subheading")
        expected = line.text.strip() in gold_lines
        flag = " " if kept == expected else ("+" if kept else "-")
        print(f"{flag} {line.n:4d} {line.role:12s} {line.rule:22s} {line.text[:90]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--worst", type=int, default=0, help="list the N worst articles of the article view")
    parser.add_argument("--show", help="print line decisions for the article whose id starts with this")
    parser.add_argument("--view", default="article")
    args = parser.parse_args()
    if args.show:
        show(args.show, args.view)
        return
    for label, view, raw in (
        ("raw article text", "article", True),
        ("cleaned article/", "article", False),
        ("raw page text", "page", True),
        ("cleaned page/", "page", False),
    ):
        started = time.perf_counter()
        precision, recall, score, title_rate, per_article = evaluate(view, raw=raw)
        elapsed = time.perf_counter() - started
        title = "   -  " if raw else f"{title_rate:6.3f}"
        print(f"{label:18s} P={precision:.3f} R={recall:.3f} F1={score:.3f} title={title} ({elapsed:.2f}s)")
        if args.worst and view == "article" and not raw:
            for article_id, p, r in sorted(per_article, key=lambda row: f1(row[1], row[2]))[: args.worst]:
                print(f"    {article_id[:8]} P={p:.2f} R={r:.2f}")


if __name__ == "__main__":
    main()
