"""Split + clean throughput on one core: a generated 10,000-article JSON Lines bundle through the ingest's own
splitter and cleaner (newsdrop.bundles.iter_members + newsdrop.text.members.BundleCleaner), no I/O to AWS."""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.corpus import REPO, write_jsonl, write_zip


def run(articles: int = 10_000, kind: str = "jsonl") -> dict[str, Any]:
    sys.path.insert(0, str(REPO / "functions"))
    from newsdrop.bundles import iter_members
    from newsdrop.config import Limits
    from newsdrop.models import Member
    from newsdrop.text.members import BundleCleaner, CleanedMember

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"bundle.{kind}"
        (write_jsonl if kind == "jsonl" else write_zip)(path, articles=articles)
        size = path.stat().st_size
        cleaned = words = 0
        started = time.perf_counter()
        cpu_started = time.process_time()
        cleaner = BundleCleaner()
        with path.open("rb") as stream:
            for member in iter_members(stream, name=path.name, limits=Limits()):
                if isinstance(member, Member):
                    for result in cleaner.add(member):
                        if isinstance(result, CleanedMember):
                            words += result.article.word_count
                            cleaned += 1
        for result in cleaner.finish():
            if isinstance(result, CleanedMember):
                words += result.article.word_count
                cleaned += 1
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
    return {
        "kind": kind,
        "articles": cleaned,
        "bundle_mb": round(size / 1024 / 1024, 1),
        "seconds": round(elapsed, 1),
        "cpu_seconds": round(cpu, 1),
        "mb_per_s": round(size / 1024 / 1024 / elapsed, 2),
        "articles_per_s": round(cleaned / elapsed),
        "mb_per_cpu_s": round(size / 1024 / 1024 / cpu, 2),
        "articles_per_cpu_s": round(cleaned / cpu),
        "words": words,
    }


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--kind", choices=["jsonl", "zip"], default="jsonl")
    args = parser.parse_args()
    print(json.dumps(run(args.articles, args.kind)))


if __name__ == "__main__":
    main()
