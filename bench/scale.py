"""`make bench-scale`: N distinct articles through the local stack; ingest rate, lookups idle and under ingest, cost, recall, restart.

Steps, each timed and printed as one JSON document at the end (progress goes to stderr):

1. generate N distinct articles (about 3 KB of text each, Zipf-distributed words, 40 outlets, dates over
   ten years) as JSON Lines bundles of ``--bundle-size`` records;
2. start ``python -m infra.local`` (dynalite table on disk) in a throwaway state directory;
3. ingest 90 % of the bundles: articles per second from the first upload to the last bundle DONE;
4. every lookup route, idle: ``--requests`` sequential calls per route, p50 / p99;
5. ingest the last 10 % while two client threads call the lookup routes in a loop: p50 / p99 per route
   during ingest, errors, and the ingest rate under that load (a lookup must not stall the ingest);
6. items and write request units per article, from a Scan of the table (every item and its GSI copies);
7. search recall for words of known frequency, against the documented scope (``newsdrop.terms.index_terms``)
   and against the full text (title or body contains the word);
8. restart the stack on the same state: seconds until it answers with every article, nothing ingested again.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench.scale_corpus import Corpus
from bench.scale_cost import folder_bytes, storage_cost
from bench.scale_lookups import LookupLoad, lookups_idle, route_plan
from infra.local.process import LocalStackProcess

FINAL = ("DONE", "PARTIAL", "FAILED")


def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# ------------------------------------------------------------------------------------------- ingest
def ingest(stack: LocalStackProcess, bundles: list[tuple[Path, int]], timeout: float) -> dict[str, Any]:
    """Upload every bundle, then wait for each to be final: articles / seconds from first upload to last final."""
    s3 = stack.client("s3")
    started = time.perf_counter()
    keys = []
    for path, _ in bundles:
        key = f"incoming/scale/{path.name}"
        s3.upload_file(str(path), stack.info["bucket"], key)
        keys.append(key)
    uploaded = time.perf_counter()
    statuses: Counter[str] = Counter()
    records = []
    for key in keys:
        while True:
            items = stack.get_json("/bundles", key=key, limit=1)["items"]
            if items and items[0]["status"] in FINAL:
                records.append(items[0])
                statuses[items[0]["status"]] += 1
                break
            if time.perf_counter() - started > timeout:
                raise RuntimeError(f"{key} not final after {timeout:.0f} s:\n{stack.log()}")
            time.sleep(1.0)
        done = len(records)
        if done % max(1, len(keys) // 10) == 0:
            rate = sum(count for _, count in bundles[:done]) / (time.perf_counter() - started)
            progress(f"  {done}/{len(keys)} bundles final, {rate:.1f} articles/s so far")
    elapsed = time.perf_counter() - started
    articles = sum(count for _, count in bundles)
    new = sum(int((r.get("counts") or {}).get("new", 0)) for r in records)
    return {
        "bundles": len(bundles),
        "articles": articles,
        "stored_new": new,
        "statuses": dict(statuses),
        "upload_s": round(uploaded - started, 1),
        "seconds": round(elapsed, 1),
        "articles_per_s": round(articles / elapsed, 1),
        "bundle_ids": [r["bundle_id"] for r in records],
        "keys": keys,
    }


# ------------------------------------------------------------------------------------------- recall
def recall(stack: LocalStackProcess, corpus: Corpus, words: list[str], max_pages: int) -> dict[str, Any]:
    """Per word, over every page of /search (up to ``max_pages`` of 100): recall against the documented scope
    (the terms ``newsdrop.terms.index_terms`` keeps: every title word and the body's most frequent words) and
    against the full text (title or body contains the word), and precision."""
    result = {}
    for word in words:
        truth = corpus.truth.get(word, set())
        found: set[str] = set()
        cursor = None
        pages = 0
        complete = None
        while pages < max_pages:
            page = stack.get_json("/search", q=word, limit=100, cursor=cursor)
            pages += 1
            found |= {hit.get("title") or "" for hit in page["items"]}
            complete = page.get("complete")
            cursor = page.get("next_cursor")
            if not cursor:
                break
        hits = len(found & truth)
        scope = corpus.in_scope.get(word, set())
        result[word] = {
            "truth": len(truth),
            "in_scope": len(scope),
            "found": len(found),
            "recall_in_scope": round(len(found & scope) / len(scope), 4) if scope else None,
            "recall_full_text": round(hits / len(truth), 4) if truth else None,
            "precision": round(hits / len(found), 4) if found else None,
            "pages": pages,
            "walked_every_page": cursor is None,
            "complete_flag": complete,
        }
    return result


def tracked_words(corpus_words: list[str]) -> list[str]:
    """Words at spread frequency ranks (common to rare), none a stop word, for recall and the search route."""
    ranks = [40, 150, 600, 2500, 10000]
    picked = []
    for rank in ranks:
        for word in corpus_words[rank:]:
            if len(word) >= 5 and word not in picked:
                picked.append(word)
                break
    return picked


# ------------------------------------------------------------------------------------------- restart
def restart(stack: LocalStackProcess, article_id: str, last_key: str) -> dict[str, Any]:
    stack.stop()
    began = time.perf_counter()
    stack.start()
    answered = None
    while time.perf_counter() - began < 300:
        reply = stack.get(f"/articles/{article_id}", timeout=30)
        bundles = stack.get("/bundles", key=last_key, limit=1, timeout=30)
        if reply.status == 200 and bundles.status == 200 and bundles.json()["items"]:
            answered = time.perf_counter() - began
            break
        time.sleep(0.1)
    # Ingesting again would mean a new upload, so a second record for the key (bundle ids hash the version).
    records = stack.get_json("/bundles", key=last_key, limit=10)["items"]
    return {
        "local_json_s": round(stack.started_in, 2),
        "answers_with_data_s": round(answered, 2) if answered is not None else None,
        "records_of_last_bundle_key": len(records),
    }


# ------------------------------------------------------------------------------------------- main
def run(args: argparse.Namespace, root: Path) -> dict[str, Any]:
    began = time.perf_counter()
    load_start = os.getloadavg()
    corpus = Corpus([])
    words = tracked_words(corpus.words)
    corpus.tracked = set(words)
    progress(f"generating {args.articles} articles in {root / 'bundles'}")
    t = time.perf_counter()
    bundles = corpus.write_bundles(root / "bundles", args.articles, args.bundle_size)
    generated = {
        "articles": args.articles,
        "bundles": len(bundles),
        "mb": round(sum(p.stat().st_size for p, _ in bundles) / 1024 / 1024, 1),
        "seconds": round(time.perf_counter() - t, 1),
    }
    progress(f"generated {generated}")
    split = max(1, len(bundles) - max(1, len(bundles) // 10))
    first, last = bundles[:split], bundles[split:]
    # The template's throttle (20/s) and daily quota are for a deployed API; the bench measures the engine.
    limits = ["ApiThrottleRate=10000", "ApiThrottleBurst=5000", "ApiQuotaPerDay=1000000000"]
    stack = LocalStackProcess(
        root / "state",
        root / "drop",
        ["--quiet", *(arg for limit in limits for arg in ("--parameter", limit))],
    )
    stack.start()
    try:
        progress(f"stack up in {stack.started_in:.1f} s; ingesting {len(first)} bundles")
        phase_a = ingest(stack, first, timeout=args.timeout)
        progress(f"ingest: {phase_a['articles_per_s']} articles/s")
        plan = route_plan(stack, phase_a["bundle_ids"], phase_a["keys"], words)
        progress("lookups, idle")
        idle = lookups_idle(stack, plan, args.requests)
        progress(f"ingesting the last {len(last)} bundles under lookup load")
        with LookupLoad(stack, plan) as load:
            phase_b = ingest(stack, last, timeout=args.timeout) if last else {}
        during = load.summary()
        progress("scanning the table for items and WRU per article")
        cost: dict[str, Any] = storage_cost(stack, args.articles) if not args.no_scan else {}
        cost["dynalite_store_mb"] = round(folder_bytes(root / "state" / "dynamodb") / 1024 / 1024, 1)
        progress("search recall")
        found = recall(stack, corpus, words, args.max_pages)
        some_id = stack.get_json("/articles", bundle=(phase_b or phase_a)["bundle_ids"][-1], limit=1)[
            "items"
        ][0]["id"]
        progress("restart")
        restarted = restart(stack, some_id, (phase_b or phase_a)["keys"][-1])
    finally:
        stack.stop()
    for phase in (phase_a, phase_b):
        phase.pop("bundle_ids", None)
        phase.pop("keys", None)
    return {
        "machine": {
            "nproc": os.cpu_count(),
            "load_at_start": [round(x, 2) for x in load_start],
            "load_at_end": [round(x, 2) for x in os.getloadavg()],
        },
        "generated": generated,
        "ingest_idle": phase_a,
        "ingest_under_lookups": phase_b,
        "lookups_idle": idle,
        "lookups_during_ingest": during,
        "storage": cost,
        "search_recall": found,
        "restart": restarted,
        "total_s": round(time.perf_counter() - began, 1),
    }


def print_summary(result: dict[str, Any]) -> None:
    """The figures a person reads first, then the whole document as JSON on the last line."""
    a, b = result["ingest_idle"], result["ingest_under_lookups"]
    lines = [
        f"articles {result['generated']['articles']:,} in {result['generated']['bundles']} bundles "
        f"({result['generated']['mb']} MB); load {result['machine']['load_at_start']} -> {result['machine']['load_at_end']}",
        f"ingest {a['articles_per_s']} articles/s ({a['articles']:,} in {a['seconds']} s, {a['statuses']})",
    ]
    if b:
        lines.append(
            f"ingest under lookup load {b['articles_per_s']} articles/s ({b['articles']:,} in {b['seconds']} s)"
        )
    lines.append(f"{'route':32} {'idle p50':>9} {'idle p99':>9} {'ingest p50':>11} {'ingest p99':>11} errors")
    for route, idle in result["lookups_idle"].items():
        busy = result["lookups_during_ingest"].get(route, {})
        errors = sum(idle.get("errors", {}).values()) + sum(busy.get("errors", {}).values())
        lines.append(
            f"{route:32} {idle.get('p50_ms', '-'):>9} {idle.get('p99_ms', '-'):>9} "
            f"{busy.get('p50_ms', '-'):>11} {busy.get('p99_ms', '-'):>11} {errors}"
        )
    storage = result["storage"]
    if "items_per_article" in storage:
        lines.append(
            f"items/article {storage['items_per_article']}, WRU/article {storage['wru_per_article']}, "
            f"{storage['kb_stored_per_article']} KB/article, ${storage['write_cost_per_million_articles_usd']} "
            f"of writes per million articles (on-demand); dynalite store {storage.get('dynalite_store_mb')} MB"
        )
    for word, r in result["search_recall"].items():
        lines.append(
            f"search {word!r}: recall {r['recall_in_scope']} of {r['in_scope']} in scope, {r['recall_full_text']} "
            f"of {r['truth']} containing it; {r['found']} found, {r['pages']} pages, complete={r['complete_flag']}"
        )
    restart_figures = result["restart"]
    lines.append(
        f"restart: answers with the data in {restart_figures['answers_with_data_s']} s "
        f"(local.json {restart_figures['local_json_s']} s), records of the last bundle's key "
        f"{restart_figures['records_of_last_bundle_key']} (1: nothing ingested again)"
    )
    lines.append(f"total {result['total_s']} s")
    print("\n".join(lines))
    print(json.dumps(result))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--bundle-size", type=int, default=1000, help="articles per JSON Lines bundle")
    parser.add_argument("--requests", type=int, default=100, help="idle calls per lookup route")
    parser.add_argument("--max-pages", type=int, default=50, help="search pages of 100 walked per word")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds an ingest phase may take")
    parser.add_argument(
        "--no-scan", action="store_true", help="skip the table scan (items and WRU per article)"
    )
    parser.add_argument(
        "--keep", metavar="DIR", help="generate and keep everything in DIR (default: a temp dir)"
    )
    args = parser.parse_args(argv)
    if args.articles < args.bundle_size:
        parser.error("--articles must be at least --bundle-size")
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-scale-"))
    try:
        result = run(args, root)
    finally:
        if not args.keep:  # hundreds of MB of bundles and table: never left behind, even after an error
            shutil.rmtree(root, ignore_errors=True)
    print_summary(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
