"""End-to-end figures: ingest articles/s into the local stack, DynamoDB requests per 1,000 articles, lookup latency.

The local stack (`python -m infra.local`) runs in a child process on free ports with a throwaway state
directory. A bundle is uploaded to its bucket with boto3 and followed over the API until DONE. DynamoDB
requests are counted on an in-process Ingestor writing to a second copy of the template's resources in the
same moto server (every HTTP request to DynamoDB, retries included). Lookup latency is measured open-loop:
requests start on a fixed schedule whatever the previous ones did, and latency counts from the scheduled time.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from bench.corpus import REPO, write_jsonl
from infra.local.process import LocalStackProcess

FINAL = ("DONE", "PARTIAL", "FAILED")


def ingest_into_stack(stack: LocalStackProcess, bundle: Path, articles: int) -> dict[str, Any]:
    """Upload, then poll GET /bundles?key= until final: wall time from upload to DONE as seen by a client."""
    key = f"incoming/bench/{bundle.name}"
    s3 = stack.client("s3")
    started = time.perf_counter()
    s3.upload_file(str(bundle), stack.info["bucket"], key)
    uploaded = time.perf_counter()
    record: dict[str, Any] = {}
    while time.perf_counter() - uploaded < 1800:
        items = stack.get_json("/bundles", key=key, limit=1).get("items", [])
        if items and items[0].get("status") in FINAL:
            record = stack.get_json(f"/bundles/{items[0]['bundle_id']}")
            break
        time.sleep(0.25)
    done = time.perf_counter()
    counts = record.get("counts", {})
    return {
        "status": record.get("status"),
        "articles": articles,
        "stored_new": counts.get("new"),
        "bundle_mb": round(bundle.stat().st_size / 1024 / 1024, 2),
        "upload_s": round(uploaded - started, 2),
        "upload_to_done_s": round(done - uploaded, 2),
        "function_duration_s": round(int(record.get("duration_ms", 0)) / 1000, 2),
        "articles_per_s": round(articles / (done - uploaded), 1),
        "bundle_id": record.get("bundle_id"),
    }


def count_dynamodb_requests(endpoint: str, region: str, bundle: Path, articles: int) -> dict[str, Any]:
    """Ingest in-process into a second copy of the template's resources, counting DynamoDB HTTP requests."""
    import boto3
    from botocore.config import Config

    sys.path.insert(0, str(REPO / "functions"))
    from infra.provision import provision
    from newsdrop.adapters.bucket import DropBucket
    from newsdrop.config import Settings
    from newsdrop.dal import ArticleTable, Store
    from newsdrop.ingest.pipeline import Ingestor
    from newsdrop.ingest.records import ObjectRef

    session = boto3.session.Session(
        aws_access_key_id="testing", aws_secret_access_key="testing", region_name=region
    )
    config = Config(retries={"max_attempts": 8, "mode": "standard"})
    clients = {
        name: session.client(name, endpoint_url=endpoint, config=config) for name in ("s3", "sqs", "dynamodb")
    }
    resources = provision(clients, stack="newsdrop-bench", region=region)
    clients["sqs"].purge_queue(QueueUrl=resources.queue_url)
    requests: Counter[str] = Counter()

    def count(request: Any, **kwargs: Any) -> None:
        target = request.headers.get("X-Amz-Target", b"")
        name = target.decode() if isinstance(target, bytes) else str(target)
        requests[name.rsplit(".", 1)[-1] or "?"] += 1

    clients["dynamodb"].meta.events.register("before-send.dynamodb", count)
    key = f"incoming/{bundle.name}"
    clients["s3"].upload_file(str(bundle), resources.bucket, key)
    settings = Settings(
        table_name=resources.table, bucket_name=resources.bucket, region=region, endpoint_url=endpoint
    )
    ingestor = Ingestor(
        Store(ArticleTable(clients["dynamodb"], resources.table)),
        DropBucket(clients["s3"], resources.bucket),
        settings,
    )
    started = time.perf_counter()
    outcome = ingestor.ingest(ObjectRef(bucket=resources.bucket, key=key))
    elapsed = time.perf_counter() - started
    total = sum(requests.values())
    return {
        "status": outcome.status,
        "articles": articles,
        "seconds": round(elapsed, 1),
        "articles_per_s": round(articles / elapsed, 1),
        "dynamodb_requests": total,
        "dynamodb_requests_per_1000_articles": round(total * 1000 / articles),
        "by_operation_per_1000_articles": {
            k: round(v * 1000 / articles) for k, v in sorted(requests.items())
        },
    }


def lookup_latency(
    stack: LocalStackProcess, bundle_id: str, *, rate: float, seconds: float
) -> dict[str, Any]:
    """Open-loop GETs at ``rate`` per second over a mix of routes; p50/p99 from each request's scheduled start."""
    ids = [a["id"] for a in stack.get_json("/articles", bundle=bundle_id, limit=100)["items"]]
    rng = random.Random(3)
    base = stack.info["api_url"].rstrip("/")
    # The unfiltered listing walks month partitions (up to 48 queries a page, 18 s on moto); it is timed on
    # its own below. Searches are one word: several common words check each candidate with its own query.
    routes = [
        lambda: f"/articles/{rng.choice(ids)}",
        lambda: "/search?" + urllib.parse.urlencode({"q": rng.choice(["aleppo", "terrorism", "parliament"])}),
        lambda: f"/bundles/{bundle_id}",
        lambda: "/articles?" + urllib.parse.urlencode({"source": "Press TV", "limit": 20}),
    ]
    total = int(rate * seconds)
    plan = [(i / rate, routes[i % len(routes)]()) for i in range(total)]
    headers = {"x-api-key": stack.info["api_key"]}

    def call(scheduled: float, path: str, t0: float) -> tuple[str, float, int]:
        delay = t0 + scheduled - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        try:
            with urllib.request.urlopen(
                urllib.request.Request(base + path, headers=headers), timeout=120
            ) as reply:
                reply.read()
                status = reply.status
        except urllib.error.HTTPError as exc:
            status = exc.code
        except (TimeoutError, urllib.error.URLError):
            status = 0  # no answer within 120 s
        route = path.split("?")[0].rsplit("/", 1)[0] if path.count("/") > 1 else path.split("?")[0]
        if "source=" in path:
            route += "?source"
        return route, (time.perf_counter() - (t0 + scheduled)) * 1000, status

    # One request at a time first: the service time of each route with no queue in front of it.
    sequential: dict[str, list[float]] = {}
    for _, path in plan[: 4 * len(routes)]:
        route, ms, status = call(0.0, path, time.perf_counter())
        if status == 200:
            sequential.setdefault(route, []).append(ms)
    t0 = time.perf_counter() + 0.5
    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(lambda item: call(item[0], item[1], t0), plan))
    latencies = sorted(ms for _, ms, status in results if status == 200)
    errors = Counter(status for _, _, status in results if status != 200)
    by_route: dict[str, list[float]] = {}
    for route, ms, status in results:
        if status == 200:
            by_route.setdefault(route, []).append(ms)
    started = time.perf_counter()
    try:
        stack.get_json("/articles", limit=20)
        unfiltered: float | str = round((time.perf_counter() - started) * 1000, 1)
    except (TimeoutError, urllib.error.URLError):
        unfiltered = f"no answer in {time.perf_counter() - started:.0f} s"

    def pct(values: list[float], q: float) -> float:
        return round(values[min(len(values) - 1, int(q * len(values)))], 1) if values else float("nan")

    return {
        "rate_per_s": rate,
        "requests": total,
        "ok": len(latencies),
        "errors": dict(errors),
        "p50_ms": pct(latencies, 0.50),
        "p99_ms": pct(latencies, 0.99),
        "max_ms": round(latencies[-1], 1) if latencies else None,
        "mean_ms": round(statistics.fmean(latencies), 1) if latencies else None,
        "p50_ms_by_route": {route: pct(sorted(v), 0.5) for route, v in sorted(by_route.items())},
        "one_at_a_time_p50_ms_by_route": {
            route: pct(sorted(v), 0.5) for route, v in sorted(sequential.items())
        },
        "unfiltered_listing_ms": unfiltered,
    }


def run(articles: int, rate: float, seconds: float) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        bundle = root / f"bench-{articles}.jsonl"
        write_jsonl(bundle, articles=articles)
        counted = root / f"counted-{articles}.jsonl"
        write_jsonl(counted, articles=articles, seed=11)
        with LocalStackProcess(root / "state", root / "drop", ["--no-replay", "--quiet"]) as stack:
            ingest = ingest_into_stack(stack, bundle, articles)
            latency = lookup_latency(stack, ingest["bundle_id"], rate=rate, seconds=seconds)
            requests = count_dynamodb_requests(
                stack.info["aws_endpoint"], stack.info["region"], counted, articles
            )
    return {"ingest_local_stack": ingest, "dynamodb": requests, "lookup": latency}


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument(
        "--rate", type=float, default=1.0, help="lookup requests per second (the local stack is one process)"
    )
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    os.environ.setdefault("POWERTOOLS_LOG_LEVEL", "WARNING")
    print(json.dumps(run(args.articles, args.rate, args.seconds)))


if __name__ == "__main__":
    main()
