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
import math
import os
import random
import re
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from bench.corpus import REPO
from infra.local.process import LocalStackProcess

FINAL = ("DONE", "PARTIAL", "FAILED")
SOURCES = [
    f"{name} {kind}"
    for name in ("Harbor", "Valley", "Capital", "Northern", "Coastal")
    for kind in ("Times", "Herald", "Post", "Courier", "Gazette", "Tribune", "Observer", "Ledger")
]
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]


def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# ------------------------------------------------------------------------------------------- corpus
def vocabulary(size: int = 30_000, seed: int = 5) -> list[str]:
    """Real words of the seed articles first (the frequent ranks), then made-up words up to ``size``."""
    seen: dict[str, None] = {}
    for path in sorted((REPO / "data" / "seeds").glob("*.txt")):
        for word in re.findall(r"[a-z]{4,12}", path.read_text(encoding="utf-8").lower()):
            seen.setdefault(word, None)
    rng = random.Random(seed)
    while len(seen) < size:
        seen.setdefault("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))), None)
    return list(seen)[:size]


class Corpus:
    """Deterministic distinct articles; ``truth`` maps each tracked word to the titles that contain it."""

    def __init__(self, tracked: list[str], seed: int = 11) -> None:
        self.words = vocabulary()
        weights = [1.0 / (rank + 10) for rank in range(len(self.words))]  # Zipf-like, flattened at the top
        self.cumulative = list(_accumulate(weights))
        self.seed = seed
        self.tracked = set(tracked)
        self.truth: dict[str, set[str]] = defaultdict(set)  # title or body contains the word
        self.in_scope: dict[str, set[str]] = defaultdict(set)  # the word is one the ingest indexes
        sys.path.insert(0, str(REPO / "functions"))
        from newsdrop.terms import index_terms

        self.index_terms = index_terms

    def article(self, i: int) -> dict[str, Any]:
        rng = random.Random(self.seed * 1_000_003 + i)
        code = _code(i)
        title = " ".join(rng.choices(self.words, cum_weights=self.cumulative, k=7)).capitalize() + f" {code}"
        paragraphs, size = [], 0
        while size < 2900:
            sentences = []
            for _ in range(rng.randint(3, 6)):
                words = rng.choices(self.words, cum_weights=self.cumulative, k=rng.randint(8, 18))
                sentences.append(" ".join(words).capitalize() + ".")
            paragraph = " ".join(sentences)
            paragraphs.append(paragraph)
            size += len(paragraph) + 2
        text = "\n\n".join(paragraphs)
        day = rng.randint(0, 3652)
        published = time.strftime(
            "%Y-%m-%dT%H:%M:00Z", time.gmtime(1420070400 + day * 86400 + rng.randint(0, 86399))
        )
        present = (set(title.lower().split()) | set(re.findall(r"[a-z]+", text.lower()))) & self.tracked
        for word in present:
            self.truth[word].add(title)
        if present:
            for word in present & set(self.index_terms(title, text)):
                self.in_scope[word].add(title)
        return {
            "id": f"scale-{i}",
            "title": title,
            "text": text,
            "source": SOURCES[i % len(SOURCES)],
            "published": published,
            "url": f"https://news.example/{i}",
        }

    def write_bundles(self, folder: Path, articles: int, bundle_size: int) -> list[tuple[Path, int]]:
        folder.mkdir(parents=True, exist_ok=True)
        bundles = []
        for number, start in enumerate(range(0, articles, bundle_size)):
            path = folder / f"scale-{number:04d}.jsonl"
            count = min(bundle_size, articles - start)
            with path.open("w", encoding="utf-8") as out:
                for i in range(start, start + count):
                    out.write(json.dumps(self.article(i), ensure_ascii=False) + "\n")
            bundles.append((path, count))
        return bundles


def _accumulate(values: list[float]) -> list[float]:
    total, out = 0.0, []
    for value in values:
        total += value
        out.append(total)
    return out


def _code(i: int) -> str:
    """A made-up word unique to article ``i`` (so titles are unique and every article is distinct)."""
    letters = "bcdfghjklmnpqrstvwxz"
    digits = []
    while True:
        i, r = divmod(i, len(letters))
        digits.append(letters[r])
        if i == 0:
            break
    return "qx" + "".join(digits)


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


# ------------------------------------------------------------------------------------------- lookups
def route_plan(
    stack: LocalStackProcess, bundle_ids: list[str], keys: list[str], words: list[str]
) -> dict[str, Callable[[random.Random], str]]:
    """Each lookup route with a generator of realistic parameters."""
    ids: list[str] = []
    for bundle_id in bundle_ids[:: max(1, len(bundle_ids) // 10)]:
        ids += [a["id"] for a in stack.get_json("/articles", bundle=bundle_id, limit=100)["items"]]
    if not ids:
        raise RuntimeError("no article ids to look up: the ingest stored nothing")

    def q(path: str, **query: Any) -> str:
        return stack.url(path, **query)[len(stack.info["api_url"].rstrip("/")) :]

    return {
        "GET /articles/{id}": lambda rng: q(f"/articles/{rng.choice(ids)}"),
        "GET /articles/{id}/similar": lambda rng: q(f"/articles/{rng.choice(ids)}/similar"),
        "GET /articles": lambda rng: q("/articles", limit=20),
        "GET /articles?source=": lambda rng: q("/articles", source=rng.choice(SOURCES), limit=20),
        "GET /articles?bundle=": lambda rng: q("/articles", bundle=rng.choice(bundle_ids), limit=20),
        "GET /articles?since=&until=": lambda rng: q(
            "/articles", **dict(zip(("since", "until"), _date_range(rng), strict=True)), limit=20
        ),
        "GET /search?q=": lambda rng: q("/search", q=rng.choice(words), limit=20),
        "GET /bundles/{id}": lambda rng: q(f"/bundles/{rng.choice(bundle_ids)}"),
        "GET /bundles?key=": lambda rng: q("/bundles", key=rng.choice(keys), limit=1),
        "GET /health": lambda rng: q("/health"),
    }


def _date_range(rng: random.Random) -> tuple[str, str]:
    """A since/until pair inside the corpus's ten years, since first."""
    first, last = sorted(rng.sample(range(2015, 2025), 2))
    return f"{first}-03-01", f"{last}-09-30"


def call(stack: LocalStackProcess, path: str) -> tuple[float, int]:
    started = time.perf_counter()
    try:
        status = stack.get(path, timeout=60).status
    except OSError:
        status = 0  # no answer in 60 s, or the connection failed
    return (time.perf_counter() - started) * 1000, status


def percentiles(values: list[float]) -> dict[str, Any]:
    if not values:
        return {"n": 0}
    ordered = sorted(values)

    def pct(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, math.ceil(q * len(ordered)) - 1)], 1)

    return {"n": len(ordered), "p50_ms": pct(0.50), "p99_ms": pct(0.99), "max_ms": round(ordered[-1], 1)}


def lookups_idle(
    stack: LocalStackProcess, plan: dict[str, Callable[[random.Random], str]], requests: int
) -> dict[str, Any]:
    rng = random.Random(1)
    result = {}
    for route, make in plan.items():
        latencies, errors = [], Counter()
        for _ in range(requests):
            ms, status = call(stack, make(rng))
            if status == 200:
                latencies.append(ms)
            else:
                errors[status] += 1
        result[route] = {**percentiles(latencies), "errors": dict(errors)}
    return result


class LookupLoad:
    """Two client threads calling every route in turn until stopped: what a team does while a bundle lands."""

    def __init__(
        self, stack: LocalStackProcess, plan: dict[str, Callable[[random.Random], str]], threads: int = 2
    ) -> None:
        self.stack = stack
        self.plan = plan
        self.stop_event = threading.Event()
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, Counter[int]] = defaultdict(Counter)
        self.threads = [
            threading.Thread(target=self._run, args=(seed,), daemon=True) for seed in range(threads)
        ]

    def _run(self, seed: int) -> None:
        rng = random.Random(100 + seed)
        routes = list(self.plan.items())
        i = seed
        while not self.stop_event.is_set():
            route, make = routes[i % len(routes)]
            ms, status = call(self.stack, make(rng))
            if status == 200:
                self.latencies[route].append(ms)
            else:
                self.errors[route][status] += 1
            i += 1

    def __enter__(self) -> LookupLoad:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop_event.set()
        for thread in self.threads:
            thread.join(timeout=120)

    def summary(self) -> dict[str, Any]:
        return {
            route: {**percentiles(self.latencies[route]), "errors": dict(self.errors[route])}
            for route in self.plan
        }


# ------------------------------------------------------------------------------------------- cost
def item_size(item: dict[str, Any]) -> int:
    """DynamoDB's item size: attribute names plus values (numbers about 1 byte per 2 digits)."""
    return sum(len(name.encode()) + _value_size(value) for name, value in item.items())


def _value_size(value: dict[str, Any]) -> int:
    ((kind, inner),) = value.items()
    if kind == "S":
        return len(inner.encode())
    if kind == "N":
        return len(inner.lstrip("-").replace(".", "")) // 2 + 2
    if kind == "B":
        return len(inner)
    if kind in ("BOOL", "NULL"):
        return 1
    if kind in ("SS", "NS", "BS"):
        return sum(_value_size({kind[0]: v}) for v in inner)
    if kind == "L":
        return 3 + sum(_value_size(v) + 1 for v in inner)
    if kind == "M":
        return 3 + sum(len(k.encode()) + _value_size(v) + 1 for k, v in inner.items())
    return 0


def storage_cost(stack: LocalStackProcess, articles: int, segments: int = 4) -> dict[str, Any]:
    """Scan the whole table: items and WRU (1 KB units, GSI copies at their projected size) per article, by kind."""
    dynamodb = stack.client("dynamodb")
    table = stack.info["table"]
    description = dynamodb.describe_table(TableName=table)["Table"]
    key_names = {k["AttributeName"] for k in description["KeySchema"]}
    indexes = []
    for index in description.get("GlobalSecondaryIndexes", []):
        keys = [k["AttributeName"] for k in index["KeySchema"]]
        projection = index["Projection"]
        indexes.append(
            (
                index["IndexName"],
                keys,
                projection["ProjectionType"],
                set(projection.get("NonKeyAttributes", [])),
            )
        )
    items: Counter[str] = Counter()
    wru: Counter[str] = Counter()
    stored: Counter[str] = Counter()
    lock = threading.Lock()

    def scan(segment: int) -> None:
        start = None
        local_items: Counter[str] = Counter()
        local_wru: Counter[str] = Counter()
        local_bytes: Counter[str] = Counter()
        while True:
            request: dict[str, Any] = {"TableName": table, "Segment": segment, "TotalSegments": segments}
            if start:
                request["ExclusiveStartKey"] = start
            page = dynamodb.scan(**request)
            for item in page["Items"]:
                kind = _kind(item)
                size = item_size(item)
                local_items[kind] += 1
                local_wru[kind] += math.ceil(size / 1024)
                local_bytes[kind] += size
                for name, keys, projection, extra in indexes:
                    if all(k in item for k in keys):
                        if projection == "ALL":
                            copy = size
                        else:
                            wanted = key_names | set(keys) | (extra if projection == "INCLUDE" else set())
                            copy = item_size({k: v for k, v in item.items() if k in wanted})
                        local_items[f"{kind} ({name} copy)"] += 1
                        local_wru[f"{kind} ({name} copy)"] += math.ceil(copy / 1024)
                        local_bytes[f"{kind} ({name} copy)"] += copy
            start = page.get("LastEvaluatedKey")
            if not start:
                break
        with lock:
            items.update(local_items)
            wru.update(local_wru)
            stored.update(local_bytes)

    started = time.perf_counter()
    with ThreadPoolExecutor(segments) as pool:
        list(pool.map(scan, range(segments)))
    total_wru = sum(wru.values())
    return {
        "scan_s": round(time.perf_counter() - started, 1),
        "items_per_article": round(sum(items.values()) / articles, 2),
        "wru_per_article": round(total_wru / articles, 2),
        "kb_stored_per_article": round(sum(stored.values()) / articles / 1024, 2),
        "write_cost_per_million_articles_usd": round(total_wru / articles * 1_000_000 * 0.625 / 1_000_000, 2),
        "by_kind_per_article": {
            kind: {"items": round(items[kind] / articles, 3), "wru": round(wru[kind] / articles, 3)}
            for kind in sorted(items, key=lambda k: -wru[k])
        },
    }


def _folder_bytes(folder: Path) -> int:
    """Bytes of every file under ``folder`` (the LevelDB store: it must stay near the data's size)."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def _kind(item: dict[str, Any]) -> str:
    pk = item.get("pk", {}).get("S", "")
    sk = item.get("sk", {}).get("S", "")
    # Sort keys that start with a date or a number (posting blocks, months) are one kind, not one each.
    return f"{pk.split('#', 1)[0]}#/{'<value>' if sk[:1].isdigit() else sk.split('#', 1)[0]}"


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
        cost["dynalite_store_mb"] = round(_folder_bytes(root / "state" / "dynamodb") / 1024 / 1024, 1)
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
