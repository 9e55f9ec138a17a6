"""The scale benchmark's lookups: every route with realistic parameters, timed idle and under a concurrent load."""

from __future__ import annotations

import math
import random
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from bench.scale_corpus import SOURCES
from infra.local.process import LocalStackProcess


def route_plan(
    stack: LocalStackProcess, bundle_ids: list[str], keys: list[str], words: list[str]
) -> dict[str, Callable[[random.Random], str]]:
    """Each lookup route with a generator of realistic parameters."""
    ids: list[str] = []
    for bundle_id in bundle_ids[:: max(1, len(bundle_ids) // 10)]:
        ids += [a["id"] for a in stack.get_json("/articles", bundle=bundle_id, limit=100)["items"]]
    if not ids:
        raise RuntimeError("no article ids to look up: the ingest stored nothing")

    def q(path: str, **query: Any) -> str:
        return stack.url(path, **query)[len(stack.info["api_url"].rstrip("/")) :]

    return {
        "GET /articles/{id}": lambda rng: q(f"/articles/{rng.choice(ids)}"),
        "GET /articles/{id}/similar": lambda rng: q(f"/articles/{rng.choice(ids)}/similar"),
        "GET /articles": lambda rng: q("/articles", limit=20),
        "GET /articles?source=": lambda rng: q("/articles", source=rng.choice(SOURCES), limit=20),
        "GET /articles?bundle=": lambda rng: q("/articles", bundle=rng.choice(bundle_ids), limit=20),
        "GET /articles?since=&until=": lambda rng: q(
            "/articles", **dict(zip(("since", "until"), _date_range(rng), strict=True)), limit=20
        ),
        "GET /search?q=": lambda rng: q("/search", q=rng.choice(words), limit=20),
        "GET /bundles/{id}": lambda rng: q(f"/bundles/{rng.choice(bundle_ids)}"),
        "GET /bundles?key=": lambda rng: q("/bundles", key=rng.choice(keys), limit=1),
        "GET /health": lambda rng: q("/health"),
    }


def _date_range(rng: random.Random) -> tuple[str, str]:
    """A since/until pair inside the corpus's ten years, since first."""
    first, last = sorted(rng.sample(range(2015, 2025), 2))
    return f"{first}-03-01", f"{last}-09-30"


def call(stack: LocalStackProcess, path: str) -> tuple[float, int]:
    started = time.perf_counter()
    try:
        status = stack.get(path, timeout=60).status
    except OSError:
        status = 0  # no answer in 60 s, or the connection failed
    return (time.perf_counter() - started) * 1000, status


def percentiles(values: list[float]) -> dict[str, Any]:
    if not values:
        return {"n": 0}
    ordered = sorted(values)

    def pct(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, math.ceil(q * len(ordered)) - 1)], 1)

    return {"n": len(ordered), "p50_ms": pct(0.50), "p99_ms": pct(0.99), "max_ms": round(ordered[-1], 1)}


def lookups_idle(
    stack: LocalStackProcess, plan: dict[str, Callable[[random.Random], str]], requests: int
) -> dict[str, Any]:
    rng = random.Random(1)
    result = {}
    for route, make in plan.items():
        latencies, errors = [], Counter()
        for _ in range(requests):
            ms, status = call(stack, make(rng))
            if status == 200:
                latencies.append(ms)
            else:
                errors[status] += 1
        result[route] = {**percentiles(latencies), "errors": dict(errors)}
    return result


class LookupLoad:
    """Two client threads calling every route in turn until stopped: what a team does while a bundle lands."""

    def __init__(
        self, stack: LocalStackProcess, plan: dict[str, Callable[[random.Random], str]], threads: int = 2
    ) -> None:
        self.stack = stack
        self.plan = plan
        self.stop_event = threading.Event()
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, Counter[int]] = defaultdict(Counter)
        self.threads = [
            threading.Thread(target=self._run, args=(seed,), daemon=True) for seed in range(threads)
        ]

    def _run(self, seed: int) -> None:
        rng = random.Random(100 + seed)
        routes = list(self.plan.items())
        i = seed
        while not self.stop_event.is_set():
            route, make = routes[i % len(routes)]
            ms, status = call(self.stack, make(rng))
            if status == 200:
                self.latencies[route].append(ms)
            else:
                self.errors[route][status] += 1
            i += 1

    def __enter__(self) -> LookupLoad:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop_event.set()
        for thread in self.threads:
            thread.join(timeout=120)

    def summary(self) -> dict[str, Any]:
        return {
            route: {**percentiles(self.latencies[route]), "errors": dict(self.errors[route])}
            for route in self.plan
        }
