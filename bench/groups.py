"""Reads per page of GET /bundles/{id}/groups at 1,000 articles a bundle, and the write units grouping adds.

`python -m bench.groups` on moto (in-process): a first bundle of 200 stories, then a bundle of 1,000 articles
holding a second version of those 200, 300 stories in two versions and 200 lone ones. Prints, per page of 20
groups, the DynamoDB calls made; then WRU per new article by item kind. Prints figures, asserts nothing.
"""

from __future__ import annotations

import os
from collections import Counter
from typing import Any

import boto3
from moto import mock_aws

from bench.storage import distinct_articles, jsonl, moto_stack


def edited(record: dict[str, Any], n: int) -> dict[str, Any]:
    """Another outlet's version: a few words changed, its own headline."""
    return dict(
        record,
        id=f"{record['id']}-copy{n}",
        title=f"Copy: {record['title']}",
        text=record["text"].replace(" the ", " this ", 3),
    )


def main() -> None:
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        os.environ.setdefault(name, value)
    os.environ.pop("AWS_ENDPOINT_URL", None)
    with mock_aws():
        stack = moto_stack(boto3.session.Session(region_name="us-east-1"))
        stories = list(distinct_articles(700, seed=31))
        earlier, pairs, lone = stories[:200], stories[200:500], stories[500:]
        stack.ingest("incoming/earlier.jsonl", jsonl(earlier))
        big = [edited(r, 1) for r in earlier] + [v for r in pairs for v in (r, edited(r, 2))] + lone
        before = len(stack.meter.writes)
        record = stack.ingest("incoming/big.jsonl", jsonl(big))
        print(f"bundle of {int(record['counts']['articles'])} articles: {dict(record['counts'])}")

        calls: Counter[str] = Counter()
        table = stack.store.table._table
        real_call = table._call

        def counted(what: str, fn: Any, **kwargs: Any) -> Any:
            calls[what] += 1
            return real_call(what, fn, **kwargs)

        table._call = counted
        lookup, cursor, pages, groups = stack.lookup(), None, 0, 0
        worst: Counter[str] = Counter()
        while True:
            calls.clear()
            page = lookup.bundle_groups(record["bundle_id"], limit=20, cursor=cursor)
            pages += 1
            groups += len(page["items"])
            worst = Counter({k: max(worst[k], calls[k]) for k in set(worst) | set(calls)})
            cursor = page["next_cursor"]
            if cursor is None:
                break
        print(
            f"{groups} groups in {pages} pages of 20; most calls in one page: {dict(sorted(worst.items()))}"
        )

        kinds: Counter[str] = Counter()
        units: Counter[str] = Counter()
        for kind, _, wru in stack.meter.writes[before:]:
            kinds[kind] += 1
            units[kind] += wru
        new = int(record["counts"]["new"])
        total = sum(units.values())
        print(f"big bundle: {total / new:.2f} WRU per new article ({new} new)")
        for kind in ("bundle group", "group member", "bundle link", "band head"):
            print(f"  {kind}: {kinds[kind]} items, {units[kind] / new:.2f} WRU per new article")


if __name__ == "__main__":
    main()
