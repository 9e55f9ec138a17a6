"""Lookups while a bundle is being ingested: every one answers, /health included, and the ingest finishes."""

from __future__ import annotations

import json
import threading
from collections import Counter
from pathlib import Path

from bench.scale_corpus import Corpus
from tests.e2e.localstack import LocalStackProcess

ARTICLES = 300
# The template's API throttle (20 requests/s) would answer 429 to this test's own load: raised here.
LIMITS = ["--parameter", "ApiThrottleRate=10000", "--parameter", "ApiThrottleBurst=5000"]


def test_lookups_during_an_ingest_neither_fail_nor_stall_it(tmp_path: Path) -> None:
    [(bundle, count)] = Corpus([]).write_bundles(tmp_path / "bundles", ARTICLES, ARTICLES)
    stack = LocalStackProcess(tmp_path / "state", tmp_path / "drop", ["--quiet", *LIMITS])
    stack.start()
    statuses: Counter[int] = Counter()
    during_processing: Counter[str] = Counter()
    phase = {"status": "not uploaded"}
    stop = threading.Event()

    def lookups(seed: int) -> None:
        paths = ["/health", "/articles?limit=20", "/search?q=aleppo", "/bundles?limit=5"]
        i = seed
        while not stop.is_set():
            path = paths[i % len(paths)]
            try:
                status = stack.get(path, timeout=30).status
            except OSError:  # no answer within 30 s, or the connection failed
                status = 0
            statuses[status] += 1
            if phase["status"] == "PROCESSING" and status == 200:
                during_processing[path.split("?")[0]] += 1
            i += 1

    try:
        # The ingest runs in a process of its own, not in the one that serves the API.
        assert stack.info["ingest_pid"] not in (None, stack.info["pid"])
        threads = [threading.Thread(target=lookups, args=(seed,)) for seed in range(2)]
        for thread in threads:
            thread.start()
        stack.client("s3").upload_file(str(bundle), stack.info["bucket"], "incoming/under-load.jsonl")
        first_seen = stack.bundle_for_key(
            "incoming/under-load.jsonl", want=("PROCESSING", "DONE"), timeout=120
        )
        phase["status"] = first_seen["status"]
        record = stack.bundle_for_key("incoming/under-load.jsonl", timeout=300)
        phase["status"] = record["status"]
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
        listed = stack.get("/articles", bundle=record["bundle_id"], limit=100).json()
    finally:
        stop.set()
        stack.stop()

    assert record["status"] == "DONE", json.dumps(record)[:2000]
    assert record["counts"]["new"] == count == ARTICLES
    assert len(listed["items"]) == 100 and listed["next_cursor"]
    assert set(statuses) == {200}, statuses  # no 4xx/5xx, no call left without an answer (0)
    # The bundle was seen being written, and lookups (/health among them) were answered meanwhile.
    assert first_seen["status"] == "PROCESSING"
    assert during_processing["/health"] > 0 and during_processing["/search"] > 0, during_processing
