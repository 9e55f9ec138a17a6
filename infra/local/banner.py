"""What `make run` prints once the local stack is up: endpoints, key, resource names and the bundles ingested."""

from __future__ import annotations

import urllib.error
from collections.abc import Mapping
from typing import Any

from infra.local.stack import INCOMING_PREFIX, LOCAL_JSON, LocalStack


def describe(stack: LocalStack, records: Mapping[str, dict[str, Any] | None]) -> str:
    """What `make run` prints: endpoints, key, names, and each bundle ingested at start with its articles."""
    info = stack.info()
    lines = [
        "newsdrop local stack",
        f"  API           {info['api_url']}   (docs: {info['api_url']}docs)",
        f"  API key       {info['api_key']}   (header x-api-key)",
        f"  AWS endpoint  {info['aws_endpoint']}   (AWS_ENDPOINT_URL; any access key)",
        f"  DynamoDB      {info['dynamodb_endpoint']}   ({info['dynamodb']}; AWS_ENDPOINT_URL_DYNAMODB)",
        f"  bucket        s3://{info['bucket']}/{INCOMING_PREFIX}",
        f"  table         {info['table']}",
        f"  queue         {info['queue']}",
        f"  dead letters  {info['dlq']}",
        f"  drop folder   {info['drop_dir']}  (files copied here are uploaded to {INCOMING_PREFIX})",
        f"  settings      {stack.state_dir / LOCAL_JSON}",
    ]
    if stack.options.retry_visibility is None:
        lines.append(
            "  retries       failed bundles come back after the queue's visibility timeout (template)"
        )
    else:
        lines.append(
            f"  retries       failed bundles come back after {stack.options.retry_visibility} s (--retry-visibility)"
        )
    if records:
        lines.append("")
        lines.append("ingested at start:")
    titles: list[str] = []
    for key, record in records.items():
        if record is None:
            lines.append(f"  {key}: still processing (follow it with GET /bundles?key={key})")
            continue
        counts = record.get("counts") or {}
        summary = ", ".join(
            f"{name} {counts[name]}"
            for name in ("members", "articles", "new", "duplicates", "failed")
            if name in counts
        )
        lines.append(f"  {key}: {record.get('status')} ({summary}) bundle {record.get('bundle_id')}")
        for error in (record.get("errors") or [])[:5]:
            lines.append(f"    ! {error.get('member')}: {error.get('code')}: {error.get('reason')}")
        try:
            articles = stack.api_client.get("/articles", bundle=record.get("bundle_id"), limit=100).get(
                "items", []
            )
        except (urllib.error.URLError, OSError, ValueError):
            articles = []
        for article in articles:
            titles.append(article.get("title") or "")
            # An article whose text has no headline line gets none (the cleaner never invents one): say so.
            lines.append(f"    {article.get('id')}  {article.get('title') or '(no headline in the text)'}")
    word = max((w for t in titles for w in t.split() if w.isalpha()), key=len, default="news")
    example = f"curl -H 'x-api-key: {info['api_key']}' '{info['api_url']}search?q={word.lower()}'"
    lines += [
        "",
        f"try: {example}",
        (
            "Ctrl-C stops the stack; the table and the dropped bundles stay in the state directory for the next start."
            if stack.dynamodb is not None
            else "Ctrl-C stops the stack; bundles are kept in the state directory and ingested again at start."
        ),
    ]
    return "\n".join(lines)
