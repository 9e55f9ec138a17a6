"""The storage benchmark's write meter: every DynamoDB write of the ingest counted in items and WRU, by kind."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

KB = 1024


def kind_of(pk: str, sk: str) -> str:
    """The item kind as the storage table of README.md names it."""
    from newsdrop.dal import keys

    if pk.startswith(keys.article_pk("")):
        return "article" if sk == keys.ARTICLE_SK else "sighting"
    if pk.startswith(keys.bundle_pk("")):
        if sk == keys.STATUS_SK:
            return "bundle record"
        return "bundle group" if sk.startswith(keys.BUNDLE_GROUP_PREFIX) else "bundle link"
    if pk.startswith(keys.term_pk("")):
        return "posting block"
    if pk.startswith(keys.band_pk("")):
        return "band head"
    if pk.startswith(keys.group_pk("")):
        return "group member"
    if pk.startswith(keys.content_pk("")):
        return "content owner"
    return "other"


def wru(size: int) -> int:
    """Write request units of one item write: one per started KB."""
    return max(1, math.ceil(size / KB))


@dataclass
class WriteMeter:
    """Every item written, with its size, write units and the write units of its GSI copies.

    Each write is also charged to the articles it serves: its ``id``, or the ids of a posting block shared
    evenly; bundle records are charged to no article (``per_article`` leaves them out).
    """

    writes: list[tuple[str, int, int]] = field(default_factory=list)  # (kind, bytes, wru) incl. "gsiN copy"
    charged: dict[str, float] = field(default_factory=dict)  # article id -> WRU, in order of first write

    def record(self, item: Mapping[str, Any]) -> None:
        from newsdrop.dal.items import block_ids, item_size
        from newsdrop.dal.store import GSI_PROJECTION

        kind = kind_of(item["pk"], item["sk"])
        size = item_size(dict(item))
        units = wru(size)
        self.writes.append((kind, size, units))
        for index in ("gsi1", "gsi2"):
            if item.get(f"{index}pk") is None:
                continue
            names = ("pk", "sk", f"{index}pk", f"{index}sk", *GSI_PROJECTION)
            copy = item_size({k: item[k] for k in names if item.get(k) is not None})
            self.writes.append((f"{index} copy", copy, wru(copy)))
            units += wru(copy)
        if kind == "bundle record":
            return
        ids = block_ids(dict(item)) if kind == "posting block" else [str(item.get("id") or item["pk"])]
        for aid in ids:
            self.charged[aid] = self.charged.get(aid, 0.0) + units / len(ids)

    def per_article(self) -> list[float]:
        """WRU charged to each article, in the order the articles were first written."""
        return list(self.charged.values())

    def total(self) -> int:
        return sum(w for _, _, w in self.writes)

    def by_kind(self) -> dict[str, tuple[int, int, int]]:
        """kind -> (items, bytes, wru)."""
        out: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for kind, size, units in self.writes:
            row = out[kind]
            row[0] += 1
            row[1] += size
            row[2] += units
        return {k: (v[0], v[1], v[2]) for k, v in sorted(out.items(), key=lambda kv: -kv[1][2])}


class MeteredTable:
    """An ArticleTable that also tells a WriteMeter about every item it writes (updates as their new item)."""

    def __init__(self, table: Any, meter: WriteMeter) -> None:
        self._table = table
        self.meter = meter

    def __getattr__(self, name: str) -> Any:
        return getattr(self._table, name)

    def batch_put(self, items: Iterable[Mapping[str, Any]]) -> int:
        unique = {(i["pk"], i["sk"]): i for i in items}  # the adapter writes a repeated key once
        for item in unique.values():
            self.meter.record(item)
        return self._table.batch_put(unique.values())

    def put(self, item: Mapping[str, Any]) -> None:
        self.meter.record(item)
        self._table.put(item)

    def put_if_absent(self, item: Mapping[str, Any]) -> bool:
        created = self._table.put_if_absent(item)
        self.meter.record(item)  # a failed condition still costs the write
        return created

    def update(self, pk: str, sk: str, **kwargs: Any) -> dict[str, Any]:
        after = self._table.update(pk, sk, **kwargs)
        self.meter.record(after)
        return after
