"""The scale benchmark's storage cost: a segmented Scan of the table, items and write units per article by kind."""

from __future__ import annotations

import math
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from infra.local.process import LocalStackProcess


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


def folder_bytes(folder: Path) -> int:
    """Bytes of every file under ``folder`` (the LevelDB store: it must stay near the data's size)."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def _kind(item: dict[str, Any]) -> str:
    pk = item.get("pk", {}).get("S", "")
    sk = item.get("sk", {}).get("S", "")
    # Sort keys that start with a date or a number (posting blocks, months) are one kind, not one each.
    return f"{pk.split('#', 1)[0]}#/{'<value>' if sk[:1].isdigit() else sk.split('#', 1)[0]}"
