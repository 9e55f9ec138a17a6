"""Where one bundle's ingest spends its time: cProfile of an in-process Ingestor writing to dynalite, S3 on moto.

`python -m bench.profile_ingest --articles 500` prints the functions with the most cumulative and own time,
and the wall time split into cleaning, DynamoDB calls and the rest (DynamoDB time from a botocore hook).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench.scale import Corpus
from infra.local.awsserver import LocalAws
from infra.local.dynamodb import LocalDynamoDB
from infra.template import REPO_ROOT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.profile_ingest", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO_ROOT / "functions"))
    import boto3

    from infra.provision import provision
    from newsdrop.adapters.bucket import DropBucket
    from newsdrop.config import Settings
    from newsdrop.dal import ArticleTable, Store
    from newsdrop.ingest.pipeline import Ingestor
    from newsdrop.ingest.records import ObjectRef
    from newsdrop.wiring import WRITE_CONCURRENCY

    with tempfile.TemporaryDirectory() as tmp:
        aws, dynamodb = LocalAws("127.0.0.1", 0), LocalDynamoDB(Path(tmp) / "db")
        aws.start()
        dynamodb.start()
        try:
            session = boto3.session.Session(
                aws_access_key_id="testing", aws_secret_access_key="testing", region_name="us-east-1"
            )
            clients = {
                "s3": session.client("s3", endpoint_url=aws.endpoint),
                "sqs": session.client("sqs", endpoint_url=aws.endpoint),
                "dynamodb": session.client("dynamodb", endpoint_url=dynamodb.endpoint),
                "secretsmanager": session.client("secretsmanager", endpoint_url=aws.endpoint),
            }
            resources = provision(clients, stack="newsdrop-profile", region="us-east-1")
            bundle = Path(tmp) / "bundles"
            [(path, count)] = Corpus([]).write_bundles(bundle, args.articles, args.articles)
            clients["s3"].upload_file(str(path), resources.bucket, "incoming/profile.jsonl")
            spent: Counter[str] = Counter()
            began: dict[int, float] = {}

            def before(request: Any, **kwargs: Any) -> None:
                began[id(request)] = time.perf_counter()

            def after(http_response: Any, operation_name: str = "", **kwargs: Any) -> None:
                spent[operation_name] += 1

            clients["dynamodb"].meta.events.register("before-send.dynamodb", before)
            settings = Settings(
                table_name=resources.table,
                bucket_name=resources.bucket,
                region="us-east-1",
                endpoint_url=aws.endpoint,
            )
            ingestor = Ingestor(
                Store(ArticleTable(clients["dynamodb"], resources.table, writers=WRITE_CONCURRENCY)),
                DropBucket(clients["s3"], resources.bucket),
                settings,
            )
            profile = cProfile.Profile()
            started = time.perf_counter()
            profile.enable()
            outcome = ingestor.ingest(ObjectRef(bucket=resources.bucket, key="incoming/profile.jsonl"))
            profile.disable()
            elapsed = time.perf_counter() - started
        finally:
            dynamodb.stop()
            aws.stop()
    print(
        f"{count} articles, status {outcome.status}, {elapsed:.1f} s, {count / elapsed:.1f} articles/s (profiled)"
    )
    for order in ("cumulative", "tottime"):
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats(order).print_stats(args.top)
        print(f"--- top {args.top} by {order}")
        print("\n".join(line for line in out.getvalue().splitlines() if line.strip())[:12000])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
