"""The HTML path and trafilatura alone on the corpora's pages rewritten into unseen markup (tools.html_perturb).

A proxy for outlets and markup eras the corpora lack: every HTML page of make eval's sample (dev and a fixed half
of cleaning-train; --full for all) is rewritten by each perturbation kind (seeded by the page id; the visible
text is kept, so the gold stays valid) and cleaned as make eval's grouped CV cleans it (the fold's line model in
extraction and cleaning). Per kind and source: body F1 (dev, fun, rdb), title exact, snippet accuracy (traf, pl)
for the HTML path and for trafilatura alone, and the HTML path's F1 margin over it. "none" is the page as
stored (make eval's HTML CV rows), "lxml" the page parsed and serialised with no rewrite (the control).

Usage: .venv/bin/python -m tools.eval_perturbed [--kinds none,lxml,classes,...,all] [--jobs N] [--dump FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "functions") not in sys.path:
    sys.path.insert(0, str(ROOT / "functions"))

from newsdrop.text.cleaner import clean_article  # noqa: E402
from newsdrop.text.cleaner.model import LineModel  # noqa: E402
from newsdrop.text.decode import normalize_text  # noqa: E402
from newsdrop.text.html import extract, merge_hints  # noqa: E402
from tools.cleaning_corpus import SOURCES, Corpus, Page  # noqa: E402
from tools.eval_cleaner import load_fold_models  # noqa: E402
from tools.eval_metric import Result, Row, f1, precision_recall, score  # noqa: E402
from tools.html_perturb import KINDS, perturb  # noqa: E402

# "none": the stored page; "lxml": parsed and serialised only; each kind alone; "all": every kind at once.
RUNS = ("none", "lxml", *KINDS, "all")
BODY_SOURCES = ("dev", "fun", "rdb")


def rewritten(html: str, run: str, page_id: str) -> str:
    """The page's HTML under one run of ``RUNS``."""
    if run == "none":
        return html
    kinds: Sequence[str] = () if run == "lxml" else KINDS if run == "all" else (run,)
    return perturb(html, kinds, seed=page_id)


@dataclass(frozen=True, slots=True)
class PageRun:
    """One page under one run: the HTML path's body and title (CV) and trafilatura's alone."""

    page_id: str
    body: str
    title: str | None
    published: str | None
    extractor_body: str
    extractor_title: str | None


_FOLDS: dict[int, LineModel | None] = {}


def _clean_page(job: tuple[Page, str]) -> PageRun:
    page, run = job
    if not _FOLDS:
        _FOLDS.update(load_fold_models())
    model = _FOLDS[page.fold]
    html = rewritten(page.read("html"), run, page.id)
    found = extract(html, model=model)
    article = clean_article(
        normalize_text(found.text),
        merge_hints(None, found.hints),
        main_content=found.main_content,
        model=model,
    )
    return PageRun(
        page.id, article.body, article.title, article.published, found.extractor_text, found.extractor_title
    )


def clean_run(pages: Sequence[Page], run: str, jobs: int) -> list[PageRun]:
    """Every page cleaned under ``run``, in ``pages``' order (``jobs`` worker processes; 1 runs in this one)."""
    work = [(page, run) for page in pages]
    if jobs <= 1:
        return [_clean_page(item) for item in work]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(_clean_page, work, chunksize=8))


@dataclass(frozen=True, slots=True)
class SourceScore:
    """One source under one run: the HTML path's row and trafilatura's."""

    ours: Row
    alone: Row


def score_run(pages: Sequence[Page], found: Sequence[PageRun]) -> dict[str, SourceScore]:
    """Per source: the HTML path's and trafilatura's rows (body, title, snippets)."""
    by_source: dict[str, SourceScore] = {}
    for source in SOURCES:
        chosen = [(page, run) for page, run in zip(pages, found, strict=True) if page.source == source]
        if not chosen:
            continue
        ours = [Result(page, run.body, run.title, run.published) for page, run in chosen]
        alone = [Result(page, run.extractor_body, run.extractor_title, None) for page, run in chosen]
        by_source[source] = SourceScore(score(source, ours), score(source, alone))
    return by_source


def _fmt(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "     -"
    return f"{value:+6.3f}" if signed else f"{value:6.3f}"


def _margin(ours: float | None, alone: float | None) -> float | None:
    return ours - alone if ours is not None and alone is not None else None


def table(scores: dict[str, dict[str, SourceScore]]) -> str:
    """One line per run and source: ours (F1, title, snippets), trafilatura alone, margins, and F1 change vs none."""
    head = (
        f"{'run':10s} {'source':6s} {'pages':>5s} | {'F1':>6s} {'title':>6s} {'snip':>6s} | "
        f"{'trF1':>6s} {'trTit':>6s} {'trSnp':>6s} | {'mF1':>6s} {'mTit':>6s} | {'dF1':>6s} {'dtrF1':>6s} {'dTit':>6s}"
    )
    out = [head]
    base = scores.get("none", {})
    for run, by_source in scores.items():
        for source, found in by_source.items():
            ours, alone = found.ours, found.alone
            ref = base.get(source)
            out.append(
                f"{run:10s} {source:6s} {ours.pages or 0:5d} | {_fmt(ours.f1)} {_fmt(ours.title)} "
                f"{_fmt(ours.snippets)} | {_fmt(alone.f1)} {_fmt(alone.title)} {_fmt(alone.snippets)} | "
                f"{_fmt(_margin(ours.f1, alone.f1), True)} {_fmt(_margin(ours.title, alone.title), True)} | "
                f"{_fmt(_margin(ours.f1, ref.ours.f1 if ref else None), True)} "
                f"{_fmt(_margin(alone.f1, ref.alone.f1 if ref else None), True)} "
                f"{_fmt(_margin(ours.title, ref.ours.title if ref else None), True)}"
            )
    return "\n".join(out)


def dump_rows(pages: Sequence[Page], run: str, found: Sequence[PageRun]) -> list[dict[str, object]]:
    """Per page of one run: body P/R/F1 of ours and trafilatura's, the titles against the gold's."""
    rows: list[dict[str, object]] = []
    for page, item in zip(pages, found, strict=True):
        row: dict[str, object] = {"run": run, "id": page.id, "source": page.source}
        if page.body is not None:
            ours = precision_recall(item.body, page.body)
            alone = precision_recall(item.extractor_body, page.body)
            row.update(
                f1=round(f1(*ours), 4), tr_f1=round(f1(*alone), 4), p=round(ours[0], 4), r=round(ours[1], 4)
            )
        if page.titles:
            row.update(title=item.title, tr_title=item.extractor_title, gold=sorted(page.titles))
        if page.has_snippets:
            row.update(snip=page.snippets_ok(f"{item.title or ''}\n{item.body}"))
        rows.append(row)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--kinds", default=",".join(RUNS), help=f"runs, comma-separated, of {', '.join(RUNS)}"
    )
    parser.add_argument("--full", action="store_true", help="every cleaning-train page, not make eval's half")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    parser.add_argument("--only", help="pages whose id starts with this (comma-separated prefixes)")
    parser.add_argument("--dump", type=Path, help="write per-page figures of every run as JSON lines")
    args = parser.parse_args(argv)
    runs = [run for run in args.kinds.split(",") if run]
    if unknown := set(runs) - set(RUNS):
        parser.error(f"unknown runs: {sorted(unknown)}")
    pages = [page for page in Corpus().pages if args.full or page.in_html_sample]
    if args.only:
        pages = [page for page in pages if page.id.startswith(tuple(args.only.split(",")))]
    started = time.perf_counter()
    scores: dict[str, dict[str, SourceScore]] = {}
    dumped: list[dict[str, object]] = []
    for run in runs:
        found = clean_run(pages, run, args.jobs)
        scores[run] = score_run(pages, found)
        if args.dump:
            dumped += dump_rows(pages, run, found)
        print(f"{run}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    print(table(scores))
    print(f"scored {len(pages)} pages x {len(runs)} runs in {time.perf_counter() - started:.0f} s")
    if args.dump:
        args.dump.write_text(
            "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in dumped), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
