"""Reprocessing throughput: one bundle ingested on moto, then re-cleaned in place by a changed cleaner.

``python -m bench.reprocess --articles 1000`` ingests that many distinct articles (bench.storage's corpus) as
one JSON Lines bundle, then times three reprocess runs of it through the real Reprocessor: a dry run and a
real run of a cleaner that changes every body, and a run of a newer version that changes nothing (the
cheap path). Prints articles per second and DynamoDB requests per article; asserts nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO / "functions") not in sys.path:
    sys.path.insert(0, str(REPO / "functions"))


def _install_cleaner(version: str, *, change: bool) -> None:
    """Stand a newer cleaner in: its version, and (``change``) output that differs in every body."""
    from newsdrop.text import cleaner, members

    real = getattr(members, "_bench_real_clean", members.clean_article)
    members._bench_real_clean = real  # type: ignore[attr-defined]

    def changed(text: str, hints: Any, **kwargs: Any) -> Any:
        article = real(text, hints, **kwargs)
        return dataclasses.replace(article, body=article.body.replace(" the ", " the very ", 1))

    members.clean_article = changed if change else real  # type: ignore[assignment]
    cleaner.CLEANER_VERSION = version  # type: ignore[misc]


def run(articles: int = 1000, seed: int = 11) -> dict[str, Any]:
    import boto3
    from moto import mock_aws

    from bench.storage import distinct_articles, jsonl, moto_stack
    from newsdrop.ingest.reprocess import Reprocessor, ReprocessRequest

    records = list(distinct_articles(articles, seed=seed))
    figures: dict[str, Any] = {"articles": articles}
    with mock_aws():
        stack = moto_stack(boto3.session.Session(region_name="us-east-1"))
        started = time.perf_counter()
        record = stack.ingest("incoming/bench-reprocess.jsonl", jsonl(records))
        ingest_s = time.perf_counter() - started
        if record["status"] != "DONE":
            raise SystemExit(f"bundle ended {record['status']}: {record.get('errors')}")
        figures["ingest_articles_per_s"] = round(int(record["counts"]["new"]) / ingest_s, 1)
        table = stack.store.table._table  # the MeteredTable wraps the ArticleTable that counts requests
        runs = (
            ("dry_run", "2099.01.01-1", True, True),
            ("changed", "2099.01.01-1", True, False),
            ("unchanged", "2099.01.02-1", True, False),  # a newer version whose output is the same
        )
        for label, version, change, dry_run in runs:
            _install_cleaner(version, change=change)
            reprocessor = Reprocessor(stack.store, stack.bucket, stack.settings)
            requests_before = table.requests
            started = time.perf_counter()
            outcome = reprocessor.reprocess(ReprocessRequest(record["bundle_id"], dry_run=dry_run))
            seconds = time.perf_counter() - started
            counts = outcome.report["counts"]
            done = int(counts["changed"]) + int(counts["unchanged"])
            figures[label] = {
                "status": outcome.status,
                "changed": int(counts["changed"]),
                "unchanged": int(counts["unchanged"]),
                "seconds": round(seconds, 2),
                "articles_per_s": round(done / seconds, 1),
                "dynamodb_requests_per_article": round((table.requests - requests_before) / max(done, 1), 2),
            }
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    print(json.dumps(run(args.articles)))


if __name__ == "__main__":
    main()
