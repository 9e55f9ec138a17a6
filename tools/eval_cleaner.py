"""Score the cleaner on the repository's data and enforce the floors in eval/floors.json.

Scores: the seed bundle against data/seeds-gold (every line's role, metadata exactness); every page of
cleaning-dev and cleaning-train in its article, page and HTML views, per source (dev, fun, rdb, traf,
pl): body shingle P/R/F1 with the benchmark's metric, title exact, snippet accuracy (traf-/pl- `with`
/ `without`), the share of pages above F1 0.2; the dev views dropped as one bundle through the ingest's
BundleCleaner; the raw text as the baseline; and the cleaner's throughput. The headline figures are
grouped cross-validation by site: each page is cleaned by the line model fitted on the folds that hold
no page of its site (eval/cv-models.json, from `make train`); the shipped model's figures (tuned on
every page) are printed beside them, labelled "tuned". Exits 1 when any figure is below its floor.

Usage: .venv/bin/python -m tools.eval_cleaner [--worst N] [--show ID_PREFIX --view article|page|html]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "functions") not in sys.path:
    sys.path.insert(0, str(ROOT / "functions"))

from newsdrop.models import KEPT_ROLES, CleanArticle, Member, MemberProblem  # noqa: E402
from newsdrop.text.cleaner import clean_article, lines  # noqa: E402
from newsdrop.text.cleaner.model import LineModel, load_model  # noqa: E402
from newsdrop.text.decode import normalize_text  # noqa: E402
from newsdrop.text.extraction import with_extraction_drops  # noqa: E402
from newsdrop.text.html import extract, merge_hints  # noqa: E402
from newsdrop.text.html_page import stdlib_text  # noqa: E402
from newsdrop.text.members import BundleCleaner, CleanedMember  # noqa: E402
from newsdrop.text.rule_catalogue import rule_catalogue  # noqa: E402
from tools.cleaning_corpus import FOLDS, SOURCES, VIEWS, Corpus, Page  # noqa: E402
from tools.eval_metric import Result, Row, f1, score  # noqa: E402

SEEDS = ROOT / "data" / "seeds"
SEEDS_GOLD = ROOT / "data" / "seeds-gold"
FLOORS = ROOT / "eval" / "floors.json"
CV_MODELS = ROOT / "eval" / "cv-models.json"
SEED_FIELDS = ("title", "date", "source", "news_id", "kicker")


def load_fold_models(path: Path = CV_MODELS) -> dict[int, LineModel | None]:
    """The line models fitted without each fold's sites; None everywhere when no model was trained."""
    if not path.exists():
        return dict.fromkeys(range(FOLDS))
    data = json.loads(path.read_text(encoding="utf-8"))
    return {int(fold): LineModel.from_dict(model) for fold, model in data["folds"].items()}


@dataclass(slots=True)
class ViewRun:
    """Cleaned results of one view: cross-validated and tuned-on, and the seconds the tuned pass took."""

    cv: list[Result] = dataclasses.field(default_factory=list)
    tuned: list[Result] = dataclasses.field(default_factory=list)
    size: int = 0
    seconds: float = 0.0
    # HTML view only: trafilatura's own text and title (the baseline to beat), and the whole HTML path's
    # cost (extraction, cleaning, what extraction dropped) over the pages' HTML bytes.
    extractor: list[Result] = dataclasses.field(default_factory=list)
    html_size: int = 0
    html_seconds: float = 0.0


def _result(page: Page, article: CleanArticle) -> Result:
    return Result(page, article.body, article.title, article.published)


def run_view(
    view: str, pages: Sequence[Page], folds: dict[int, LineModel | None], full: LineModel | None
) -> ViewRun:
    """Clean every page of a view with its fold's model (CV) and the shipped model (tuned-on)."""
    out = ViewRun()
    for page in pages:
        raw = page.read(view)
        html_started = time.process_time()
        if view == "html":
            found = extract(raw)
            text, hints, main = normalize_text(found.text), merge_hints(None, found.hints), found.main_content
            out.extractor.append(
                Result(page, found.extractor_text, found.extractor_title, found.hints.published)
            )
        else:
            text, hints, main = raw, None, False
        # CPU seconds of this process: on a shared machine wall time measures the neighbours' load.
        started = time.process_time()
        tuned = clean_article(text, hints, main_content=main, model=full)
        out.seconds += time.process_time() - started
        if view == "html":
            with_extraction_drops(tuned, list(found.page_lines))
            out.html_seconds += time.process_time() - html_started
            out.html_size += len(raw.encode("utf-8"))
        out.size += len(text.encode("utf-8"))
        if view == "html" and folds[page.fold] != full:
            # The HTML path's combination reads the page text with the line model too: the fold's model.
            found = extract(raw, model=folds[page.fold], readings=found.readings)
            text, hints = normalize_text(found.text), merge_hints(None, found.hints)
        cv = (
            tuned
            if folds[page.fold] == full
            else clean_article(text, hints, main_content=main, model=folds[page.fold])
        )
        out.tuned.append(_result(page, tuned))
        out.cv.append(_result(page, cv))
    return out


def _as_bundle(view: str, pages: Sequence[Page]) -> Row:
    """The view's files dropped as one bundle, cleaned as ingest cleans it (HTML extraction, bundle chrome)."""
    suffix = ".html" if view == "html" else ".txt"
    cleaner_ = BundleCleaner()
    results: list[CleanedMember | MemberProblem] = []
    for page in pages:
        member = Member(name=page.id + suffix, content=page.read(view).encode("utf-8"))
        results += cleaner_.add(member)
    results += cleaner_.finish()
    found = {r.name: r.article for r in results if isinstance(r, CleanedMember)}
    rows = []
    for page in pages:
        article = found.get(page.id + suffix)
        rows.append(
            Result(page, article.body, article.title, article.published)
            if article
            else Result(page, "", None, None)
        )
    return score(f"dev {view}/ one bundle (ingest)", rows)


def _raw(view: str, pages: Sequence[Page], transform: Callable[[str], str] = lambda text: text) -> Row:
    return score(
        f"dev {view}/ raw text",
        [Result(page, transform(page.read(view)), None, None) for page in pages],
        titles=False,
    )


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


def run(
    views: Iterable[str] = VIEWS,
    *,
    sources: Iterable[str] = SOURCES,
    bundles: bool = True,
    full_html: bool = False,
) -> dict[str, Row]:
    """Every row of the table for the given views and sources, keyed by the names the floors file uses.

    ``<source>_<view>`` rows are cross-validated by site (the headline figures), ``<source>_<view>_tuned``
    the shipped model's, ``all_<view>`` every page of the view (cross-validated).
    """
    lines._analyse_cached.cache_clear()
    lines._content_words.cache_clear()
    clean_article("Warm-up line of text, long enough to be a sentence of prose here.")
    # The language model loads on the first body the cleaner's cheap test cannot name, which an English
    # warm-up never reaches: loaded here, its ~1 s stays out of the throughput (a Lambda pays it once).
    import py3langid

    py3langid.classify("Warm-up line of text, long enough to be a sentence of prose here.")
    corpus = Corpus()
    folds, full = load_fold_models(), load_model()
    rows: dict[str, Row] = {"seeds": score_seeds()}
    sources = tuple(sources)
    pages = [page for page in corpus.pages if page.source in sources]
    tuned_rows: dict[str, Row] = {}
    baseline_rows: dict[str, Row] = {}
    size = seconds = 0.0
    for view in views:
        # trafilatura costs ~0.1 s a page: the HTML view scores dev and a fixed half of cleaning-train
        # (by the hash of the page id) so that make eval stays within CI's few minutes; --full scores all.
        chosen = pages if view != "html" or full_html else [page for page in pages if page.in_html_sample]
        found = run_view(view, chosen, folds, full)
        if view != "html":
            size, seconds = size + found.size, seconds + found.seconds
        dev = corpus.of("dev")
        rows[f"raw_{view}"] = _raw(view, dev, stdlib_text if view == "html" else lambda text: text)
        if len(sources) > 1:
            rows[f"all_{view}"] = score(f"all {view}/ CV", found.cv)
        for source in sources:
            cv = [r for r in found.cv if r.page.source == source]
            tuned = [r for r in found.tuned if r.page.source == source]
            rows[f"{source}_{view}"] = score(f"{source} {view}/ CV", cv)
            tuned_rows[f"{source}_{view}_tuned"] = score(f"{source} {view}/ tuned", tuned)
            if found.extractor:
                alone = [r for r in found.extractor if r.page.source == source]
                baseline_rows[f"{source}_{view}_trafilatura"] = score(f"{source} {view}/ trafilatura", alone)
        if found.html_seconds:
            baseline_rows["html_throughput"] = Row(
                "HTML path throughput (HTML)", mb_per_s=found.html_size / 1e6 / found.html_seconds
            )
        if len(sources) > 1:
            tuned_rows[f"all_{view}_tuned"] = score(f"all {view}/ tuned", found.tuned)
    rows.update(tuned_rows)
    rows.update(baseline_rows)
    if bundles and "dev" in sources:
        for view in views:
            rows[f"{view}_bundle"] = _as_bundle(view, corpus.of("dev"))
    if seconds:
        rows["throughput"] = Row("cleaner throughput (text)", mb_per_s=size / 1e6 / seconds)
    return rows


def _fmt(value: float | None, width: int = 6) -> str:
    return f"{value:{width}.3f}" if value is not None else " " * (width - 1) + "-"


def table(rows: dict[str, Row]) -> str:
    names = ("pages", "P", "R", "F1", "title", "snip", ">0.2", "date", "lines", "meta", "MB/s")
    out = [f"{'':30s} " + " ".join(f"{name:>6s}" for name in names)]
    for row in rows.values():
        pages = f"{row.pages:6d}" if row.pages is not None else "     -"
        figures = (row.precision, row.recall, row.f1, row.title, row.snippets, row.above_02, row.date)
        out.append(
            f"{row.label:30s} {pages} "
            + " ".join(_fmt(value) for value in figures)
            + f" {_fmt(row.lines)} {_fmt(row.metadata)} {_fmt(row.mb_per_s)}"
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
    """Print every line decision of one page with + (kept, not gold) and - (dropped, gold) marks."""
    page = next(page for page in Corpus().pages if page.id.startswith(prefix))
    raw = page.read(view)
    if view == "html":
        found = extract(raw)
        article = clean_article(normalize_text(found.text), found.hints, main_content=found.main_content)
    else:
        article = clean_article(raw)
    gold_lines = {line.strip() for line in (page.body or "").split("\n") if line.strip()}
    print(f"title: {article.title!r}  gold: {sorted(page.titles)!r}")
    print(f"published: {article.published!r} gold: {page.gold.get('published')!r} source={article.source!r}")
    for line in article.lines:
        kept = line.role in KEPT_ROLES
        expected = line.text.strip() in gold_lines
        flag = " " if kept == expected or page.body is None else ("+" if kept else "-")
        print(f"{flag} {line.n:4d} {line.role:12s} {line.rule[:30]:30s} {line.text[:90]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages of each view (CV)")
    parser.add_argument("--show", help="print line decisions for the page whose id starts with this")
    parser.add_argument("--view", default="article", choices=VIEWS)
    parser.add_argument("--views", default=",".join(VIEWS), help="views to score, comma-separated")
    parser.add_argument(
        "--full", action="store_true", help="score every cleaning-train page in the HTML view too"
    )
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
    views = tuple(view for view in args.views.split(",") if view)
    started = time.perf_counter()
    rows = run(views, full_html=args.full)
    print(table(rows))
    print(f"scored in {time.perf_counter() - started:.0f} s")
    if args.worst:
        for view in views:
            worst = sorted(rows[f"all_{view}"].per_article, key=lambda item: f1(item[1], item[2]))[
                : args.worst
            ]
            print(f"worst {view}: " + ", ".join(f"{i[:24]} P={p:.2f} R={r:.2f}" for i, p, r in worst))
    floors = load_floors(args.floors)
    if set(views) != set(VIEWS):
        floors = {name: figures for name, figures in floors.items() if name in rows}
    failures = below_floors(rows, floors)
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
