"""Peak RSS and throughput of one ingest run over a generated bundle, streamed from S3 over HTTP.

S3 is a moto server in a child process (so its storage is not counted in our RSS); DynamoDB calls go to
an in-process stub that counts requests and discards items, so the figure is the ingest process's own
memory. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "functions"), str(REPO)]

import boto3  # noqa: E402
import psutil  # noqa: E402

from bench.corpus import write_jsonl, write_zip  # noqa: E402
from newsdrop.adapters.bucket import DropBucket  # noqa: E402
from newsdrop.config import Limits, Settings  # noqa: E402
from newsdrop.dal import ArticleTable, Store  # noqa: E402
from newsdrop.ingest.pipeline import Ingestor  # noqa: E402
from newsdrop.ingest.records import ObjectRef  # noqa: E402


class CountingDynamoDB:
    """Answers the calls the ingest makes like an empty table that accepts every write."""

    def __init__(self) -> None:
        self.calls: dict[str, int] = {}
        self.record: dict[str, Any] = {}

    def _count(self, name: str) -> None:
        self.calls[name] = self.calls.get(name, 0) + 1

    def get_item(self, **kw: Any) -> dict:
        self._count("GetItem")
        return {"Item": self.record} if self.record else {}

    def put_item(self, **kw: Any) -> dict:
        self._count("PutItem")
        self.record = dict(kw["Item"])
        return {}

    def update_item(self, **kw: Any) -> dict:
        self._count("UpdateItem")
        return {"Attributes": self.record}

    def batch_get_item(self, **kw: Any) -> dict:
        self._count("BatchGetItem")
        return {"Responses": {}}

    def batch_write_item(self, **kw: Any) -> dict:
        self._count("BatchWriteItem")
        return {}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(kind: str, megabytes: int, join: int = 1) -> dict[str, Any]:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        endpoint = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        s3 = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name="us-east-1",
            aws_access_key_id="x",
            aws_secret_access_key="x",
        )
        s3.create_bucket(Bucket="bench")
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"bundle.{kind}"
            articles = (write_jsonl if kind == "jsonl" else write_zip)(
                path, target_bytes=megabytes * 1024 * 1024, join=join
            )
            size = path.stat().st_size
            s3.upload_file(str(path), "bench", f"incoming/{path.name}")
        ddb = CountingDynamoDB()
        settings = Settings(
            table_name="bench",
            bucket_name="bench",
            region="us-east-1",
            endpoint_url=endpoint,
            limits=Limits(max_bundle_bytes=2048 * 1024 * 1024, max_members=1_000_000),
        )
        table = ArticleTable(ddb, "bench")
        ingestor = Ingestor(Store(table), DropBucket(s3, "bench"), settings)
        process = psutil.Process()
        baseline = process.memory_info().rss
        peak = {"rss": baseline}
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set():
                peak["rss"] = max(peak["rss"], process.memory_info().rss)
                time.sleep(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        started = time.perf_counter()
        outcome = ingestor.ingest(ObjectRef(bucket="bench", key=f"incoming/{path.name}", etag="bench"))
        elapsed = time.perf_counter() - started
        stop.set()
        sampler.join()
        counts = outcome.record.get("counts", {})
        return {
            "kind": kind,
            "article_kb": round(size / 1024 / max(articles, 1), 1),
            "bundle_mb": round(size / 1024 / 1024, 1),
            "articles": articles,
            "status": outcome.status,
            "stored": int(counts.get("articles", 0)),
            "seconds": round(elapsed, 1),
            "mb_per_s": round(size / 1024 / 1024 / elapsed, 2),
            "articles_per_s": round(articles / elapsed),
            "rss_before_mb": round(baseline / 1024 / 1024, 1),
            "peak_rss_mb": round(peak["rss"] / 1024 / 1024, 1),
            "ru_maxrss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "dynamodb_requests_per_1000_articles": round(sum(ddb.calls.values()) * 1000 / max(articles, 1)),
        }
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", choices=["jsonl", "zip"], default="jsonl")
    parser.add_argument("--mb", type=int, default=50, help="bundle size in MiB (uncompressed text)")
    parser.add_argument(
        "--join", type=int, default=1, help="seed articles per generated article (10 = ~33 KB long-form)"
    )
    args = parser.parse_args()
    os.environ.setdefault("POWERTOOLS_LOG_LEVEL", "WARNING")
    print(json.dumps(run(args.kind, args.mb, args.join)))


if __name__ == "__main__":
    main()
