"""Score the cleaner on the repository's data and enforce the floors in eval/floors.json.

Scores: the seed bundle against data/seeds-gold (every line's role, metadata exactness); the
cleaning-dev views article/ and page/ (body shingle P/R/F1 with the benchmark's metric, title exact,
date match where gold has one); the HTML path on html/*.html.gz; the raw text as the baseline; and
the cleaner's throughput. Exits 1 when any figure is below its floor.

Usage: .venv/bin/python -m tools.eval_cleaner [--worst N] [--show ID_PREFIX --view article|page|html]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "functions") not in sys.path:
    sys.path.insert(0, str(ROOT / "functions"))

from newsdrop.models import KEPT_ROLES, CleanArticle, Member, MemberProblem  # noqa: E402
from newsdrop.text import cleaner  # noqa: E402
from newsdrop.text.cleaner import clean_article  # noqa: E402
from newsdrop.text.html import clean_html, stdlib_text  # noqa: E402
from newsdrop.text.members import BundleCleaner, CleanedMember  # noqa: E402
from newsdrop.text.rules import rule_catalogue  # noqa: E402

DEV = ROOT / "data" / "cleaning-dev"
SEEDS = ROOT / "data" / "seeds"
SEEDS_GOLD = ROOT / "data" / "seeds-gold"
FLOORS = ROOT / "eval" / "floors.json"
_TOKEN = re.compile(r"\w+")
SHINGLE = 4
SEED_FIELDS = ("title", "date", "source", "news_id", "kicker")


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """Multiset of 4-token shingles; a text of 1-3 tokens is one short shingle, an empty text none."""
    tokens = _TOKEN.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < SHINGLE:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def precision_recall(predicted: str, gold: str) -> tuple[float, float]:
    """Per-article shingle precision and recall; each is 1 when its error term is 0."""
    pred, ref = shingles(predicted), shingles(gold)
    tp = sum(min(count, ref[key]) for key, count in pred.items())
    fp = sum(max(0, count - ref[key]) for key, count in pred.items())
    fn = sum(max(0, count - pred[key]) for key, count in ref.items())
    precision = 1.0 if fp == 0 else tp / (tp + fp)
    recall = 1.0 if fn == 0 else tp / (tp + fn)
    return precision, recall


def f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the score table; a field is None where it does not apply."""

    label: str
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None
    title: float | None = None
    date: float | None = None
    lines: float | None = None
    metadata: float | None = None
    mb_per_s: float | None = None
    per_article: tuple[tuple[str, float, float], ...] = ()

    def figures(self) -> dict[str, float]:
        names = ("precision", "recall", "f1", "title", "date", "lines", "metadata", "mb_per_s")
        return {name: value for name in names if (value := getattr(self, name)) is not None}


def _gold_items() -> list[dict[str, Any]]:
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted((DEV / "gold").glob("*.json"))]


def _read_view(view: str, article_id: str) -> str:
    if view == "html":
        return gzip.decompress((DEV / "html" / f"{article_id}.html.gz").read_bytes()).decode("utf-8")
    return (DEV / view / f"{article_id}.txt").read_text(encoding="utf-8")


def score_bodies(
    label: str,
    items: Iterable[tuple[dict[str, Any], str | None, str | None, str | None]],
) -> Row:
    """Corpus means of per-article P/R; title exact; date match over the articles whose gold has one."""
    precisions: list[float] = []
    recalls: list[float] = []
    per_article: list[tuple[str, float, float]] = []
    titles_ok = dates_ok = dated = 0
    scored_titles = False
    for gold, body, title, published in items:
        precision, recall = precision_recall(body or "", gold["body"])
        precisions.append(precision)
        recalls.append(recall)
        per_article.append((gold["id"], precision, recall))
        scored_titles = scored_titles or title is not None
        titles_ok += int(title is not None and title.strip() == gold["title"].strip())
        if gold.get("published"):
            dated += 1
            dates_ok += int(published is not None and published[:10] == gold["published"][:10])
    count = len(precisions)
    mean_p, mean_r = sum(precisions) / count, sum(recalls) / count
    return Row(
        label,
        precision=mean_p,
        recall=mean_r,
        f1=f1(mean_p, mean_r),
        title=titles_ok / count if scored_titles else None,
        date=dates_ok / dated if scored_titles and dated else None,
        per_article=tuple(per_article),
    )


def _cleaned(view: str, clean: Callable[[str], CleanArticle]) -> tuple[Row, int, float]:
    golds = _gold_items()
    texts = [_read_view(view, gold["id"]) for gold in golds]
    started = time.perf_counter()
    articles = [clean(text) for text in texts]
    elapsed = time.perf_counter() - started
    rows = ((gold, a.body, a.title, a.published) for gold, a in zip(golds, articles, strict=True))
    size = sum(len(text.encode("utf-8")) for text in texts)
    return score_bodies(f"{view}/ cleaned", rows), size, elapsed


def _as_bundle(view: str) -> Row:
    """The view's files dropped as one bundle, cleaned as ingest cleans it (HTML extraction, bundle chrome)."""
    golds = _gold_items()
    suffix = ".html" if view == "html" else ".txt"
    cleaner_ = BundleCleaner()
    results: list[CleanedMember | MemberProblem] = []
    for gold in golds:
        member = Member(name=gold["id"] + suffix, content=_read_view(view, gold["id"]).encode("utf-8"))
        results += cleaner_.add(member)
    results += cleaner_.finish()
    found = {r.name: r.article for r in results if isinstance(r, CleanedMember)}
    rows = []
    for gold in golds:
        article = found.get(gold["id"] + suffix)
        rows.append((gold, *((article.body, article.title, article.published) if article else (None,) * 3)))
    return score_bodies(f"{view}/ one bundle (ingest)", rows)


def _raw(view: str, transform: Callable[[str], str] = lambda text: text) -> Row:
    golds = _gold_items()
    rows = ((gold, transform(_read_view(view, gold["id"])), None, None) for gold in golds)
    return score_bodies(f"{view}/ raw text", rows)


def score_seeds() -> Row:
    """Share of seed lines whose role matches the gold, and of (seed, field) metadata pairs exact."""
    lines_ok = lines_total = fields_ok = fields_total = 0
    for gold_path in sorted(SEEDS_GOLD.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        article = clean_article((SEEDS / gold["file"]).read_text(encoding="utf-8"))
        roles = {line.n: line.role for line in article.lines}
        for gold_line in gold["lines"]:
            lines_total += 1
            lines_ok += int(roles.get(gold_line["n"]) == gold_line["role"])
        predicted = {
            "title": article.title,
            "date": article.published[:10] if article.published else None,
            "source": article.source,
            "news_id": article.news_id,
            "kicker": article.kicker,
        }
        for field in SEED_FIELDS:
            fields_total += 1
            fields_ok += int(predicted[field] == gold[field])
    return Row("seeds (5 files)", lines=lines_ok / lines_total, metadata=fields_ok / fields_total)


def run() -> dict[str, Row]:
    """Every row of the table, keyed by a stable name used in the floors file."""
    cleaner._analyse_cached.cache_clear()
    cleaner._content_words.cache_clear()
    clean_article("Warm-up line of text, long enough to be a sentence of prose here.")  # loads py3langid
    article_row, article_bytes, article_s = _cleaned("article", clean_article)
    page_row, page_bytes, page_s = _cleaned("page", clean_article)
    html_row, _, _ = _cleaned("html", clean_html)
    rows = {
        "seeds": score_seeds(),
        "article_raw": _raw("article"),
        "article": article_row,
        "page_raw": _raw("page"),
        "page": page_row,
        # The page's whole visible text, unfiltered: the HTML path's baseline.
        "html_raw": replace(_raw("html", stdlib_text), label="html/ raw text"),
        "html": replace(html_row, label="html/ extracted+cleaned"),
        "article_bundle": _as_bundle("article"),
        "page_bundle": _as_bundle("page"),
        "html_bundle": _as_bundle("html"),
        "throughput": Row(
            "cleaner throughput (text)", mb_per_s=(article_bytes + page_bytes) / 1e6 / (article_s + page_s)
        ),
    }
    return rows


def _fmt(value: float | None, width: int = 6) -> str:
    return f"{value:{width}.3f}" if value is not None else " " * (width - 1) + "-"


def table(rows: dict[str, Row]) -> str:
    header = f"{'':28s} {'P':>6s} {'R':>6s} {'F1':>6s} {'title':>6s} {'date':>6s} {'lines':>6s} {'meta':>6s} {'MB/s':>6s}"
    out = [header]
    for row in rows.values():
        out.append(
            f"{row.label:28s} {_fmt(row.precision)} {_fmt(row.recall)} {_fmt(row.f1)} {_fmt(row.title)}"
            f" {_fmt(row.date)} {_fmt(row.lines)} {_fmt(row.metadata)} {_fmt(row.mb_per_s)}"
        )
    return "\n".join(out)


def below_floors(rows: dict[str, Row], floors: dict[str, dict[str, float]]) -> list[str]:
    """Every figure under its floor, as "row.figure value < floor"; a floored figure that is missing fails too."""
    failures: list[str] = []
    for row_name, figures in floors.items():
        row = rows.get(row_name)
        measured = row.figures() if row is not None else {}
        for figure, floor in figures.items():
            value = measured.get(figure)
            if value is None or value < floor:
                failures.append(
                    f"{row_name}.{figure} {value if value is None else round(value, 4)} < {floor}"
                )
    return failures


def load_floors(path: Path = FLOORS) -> dict[str, dict[str, float]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {name: dict(figures) for name, figures in data["floors"].items()}


def show(prefix: str, view: str) -> None:
    """Print every line decision of one article with + (kept, not gold) and - (dropped, gold) marks."""
    path = next(p for p in (DEV / "gold").glob(f"{prefix}*.json"))
    gold = json.loads(path.read_text(encoding="utf-8"))
    raw = _read_view(view, gold["id"])
    article = clean_html(raw) if view == "html" else clean_article(raw)
    gold_lines = {line.strip() for line in gold["body"].split("\n") if line.strip()}
    print(f"title: {article.title!r}  gold: {gold['title']!r}")
    print(f"published: {article.published!r} gold: {gold.get('published')!r} source={article.source!r}")
    for line in article.lines:
        kept = line.role in KEPT_ROLES
        expected = line.text.strip() in gold_lines
        flag = " " if kept == expected else ("+" if kept else "-")
        print(f"{flag} {line.n:4d} {line.role:12s} {line.rule:22s} {line.text[:90]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--worst", type=int, default=0, help="list the N worst articles of each cleaned view")
    parser.add_argument("--show", help="print line decisions for the article whose id starts with this")
    parser.add_argument("--view", default="article", choices=("article", "page", "html"))
    parser.add_argument(
        "--rules", action="store_true", help="print the rule names and reasons as a Markdown table"
    )
    parser.add_argument("--floors", type=Path, default=FLOORS, help="floors file (default eval/floors.json)")
    args = parser.parse_args(argv)
    if args.show:
        show(args.show, args.view)
        return 0
    if args.rules:
        print("| rule | why |\n| --- | --- |")
        for name, why in rule_catalogue().items():
            print(f"| `{name}` | {' '.join(why.split())} |")
        return 0
    rows = run()
    print(table(rows))
    if args.worst:
        for name in ("article", "page", "html"):
            worst = sorted(rows[name].per_article, key=lambda item: f1(item[1], item[2]))[: args.worst]
            print(f"worst {name}: " + ", ".join(f"{i[:8]} P={p:.2f} R={r:.2f}" for i, p, r in worst))
    failures = below_floors(rows, load_floors(args.floors))
    if failures:
        print(f"below the floors in {args.floors} (fix the cleaner; never lower a floor):", file=sys.stderr)
        for failure in failures:
            print(f"  {failure}", file=sys.stderr)
        return 1
    print(
        f"all figures at or above the floors in {args.floors.relative_to(ROOT) if args.floors.is_relative_to(ROOT) else args.floors}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
