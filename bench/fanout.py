"""Fan-out speed-up: one JSON Lines bundle through the local stack in one invocation, then fanned out into chunks.

Each run starts its own local stack (``python -m infra.local``, fresh state, ``--ingest-workers`` processes
polling the queue) and times upload to final status as a client sees it. The fanned-out run also reads the
bundle record: the planning time and every chunk's own duration, from which the per-chunk throughput and
the projected AWS wall time with N concurrent invocations follow (docs/bench.md).
"""

from __future__ import annotations

import json
import math
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.corpus import write_jsonl
from bench.e2e import ingest_into_stack
from infra.local.process import LocalStackProcess
from newsdrop.bundles.chunks import plan_jsonl

MiB = 1024 * 1024
# Lambda at 1,024 MB gets about 0.58 of a vCPU (1,769 MB is one full vCPU).
LAMBDA_VCPU_AT_1024_MB = 1024 / 1769
# One sequential GET stream from S3 inside a region reads roughly this fast (an assumption, not measured here).
S3_STREAM_MB_PER_S = 90.0


def _record(stack: LocalStackProcess, bundle_id: str) -> dict[str, Any]:
    from boto3.dynamodb.types import TypeDeserializer

    reply = stack.client("dynamodb").get_item(
        TableName=stack.info["table"], Key={"pk": {"S": f"BUNDLE#{bundle_id}"}, "sk": {"S": "STATUS"}}
    )
    deserializer = TypeDeserializer()
    return {k: deserializer.deserialize(v) for k, v in reply.get("Item", {}).items()}


def one_run(
    bundle: Path, articles: int, root: Path, parameters: dict[str, int], workers: int
) -> dict[str, Any]:
    args = ["--no-replay", "--quiet", "--ingest-workers", str(workers)]
    for name, value in parameters.items():
        args += ["--parameter", f"{name}={value}"]
    load_before = os.getloadavg()[0]
    with LocalStackProcess(root / "state", root / "drop", args) as stack:
        result = ingest_into_stack(stack, bundle, articles)
        record = _record(stack, str(result["bundle_id"]))
    result["load_1m_before"] = round(load_before, 2)
    result["load_1m_after"] = round(os.getloadavg()[0], 2)
    chunks = record.get("chunk_results") or {}
    if chunks:
        ms = [int(c.get("duration_ms") or 0) for c in chunks.values()]
        cpu_ms = [int(c.get("cpu_ms") or 0) for c in chunks.values()]
        result["chunks"] = len(chunks)
        result["plan_s"] = round(int(record.get("plan_ms") or 0) / 1000, 2)
        result["chunk_s_max"] = round(max(ms) / 1000, 2)
        result["chunk_s_sum"] = round(sum(ms) / 1000, 2)
        result["chunk_cpu_s_sum"] = round(sum(cpu_ms) / 1000, 2)
        # One invocation's throughput on its chunk, by wall time (shared cores) and by its own CPU time
        # (what one full core does; a loaded machine makes the wall figure say more about the neighbours).
        result["per_chunk_mb_per_s"] = round(result["bundle_mb"] / (sum(ms) / 1000), 2) if sum(ms) else None
        result["per_chunk_mb_per_cpu_s"] = (
            round(result["bundle_mb"] / (sum(cpu_ms) / 1000), 2) if sum(cpu_ms) else None
        )
    result["counts"] = {k: int(v) for k, v in (record.get("counts") or {}).items()}
    return result


def scan_mb_per_s(bundle: Path) -> float:
    """How fast the planner finds record ends and counts records (one core, the file in memory)."""
    data = bundle.read_bytes()
    blocks = [data[i : i + MiB] for i in range(0, len(data), MiB)]
    started = time.process_time()
    plan_jsonl(blocks, size=len(data), chunk_bytes=32 * MiB)
    return round(len(data) / MiB / max(time.process_time() - started, 1e-6), 1)


def projection(
    fanned: dict[str, Any], scan: float, *, gib: float = 1.0, chunk_mb: float = 32.0
) -> dict[str, Any]:
    """AWS wall time for ``gib`` GiB with N concurrent invocations, from the measured per-chunk CPU throughput.

    Planning = the chrome sample (a fixed cost, measured: plan time less the scan of this bundle) plus one
    scan of the whole bundle, at the CPU rate or one S3 stream's rate, whichever is lower; then
    ceil(chunks / N) rounds of one chunk each (the cleaning is CPU-bound: S3 keeps up with 0.3 MB/s).
    """
    per_core = fanned["per_chunk_mb_per_cpu_s"]
    lambda_mb_s = per_core * LAMBDA_VCPU_AT_1024_MB
    size_mb = gib * 1024
    chunks = math.ceil(size_mb / chunk_mb)
    sample_s = max(0.0, fanned["plan_s"] - fanned["bundle_mb"] / scan)
    scan_mb_s = min(scan * LAMBDA_VCPU_AT_1024_MB, S3_STREAM_MB_PER_S)
    plan_s = sample_s / LAMBDA_VCPU_AT_1024_MB + size_mb / scan_mb_s
    chunk_s = chunk_mb / lambda_mb_s
    walls = {str(n): round(plan_s + math.ceil(chunks / n) * chunk_s) for n in (1, 4, 10, 32) if n <= chunks}
    return {
        "bundle_gib": gib,
        "chunk_mb": chunk_mb,
        "chunks": chunks,
        "lambda_mb_per_s_per_invocation": round(lambda_mb_s, 2),
        "plan_s": round(plan_s, 1),
        "chunk_s": round(chunk_s, 1),
        "single_invocation_s": round(size_mb / lambda_mb_s),
        "wall_s_by_concurrency": walls,
    }


def run(mb: int, chunk_mb: float, workers: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        bundle = root / f"fanout-{mb}mb.jsonl"
        articles = write_jsonl(bundle, target_bytes=mb * MiB)
        size = bundle.stat().st_size
        scan = scan_mb_per_s(bundle)
        single = one_run(bundle, articles, root / "single", {"FanOutBytes": size * 2}, workers)
        fanned = one_run(
            bundle,
            articles,
            root / "fanned",
            {"FanOutBytes": 1024 * 1024, "FanOutChunkBytes": int(chunk_mb * MiB)},
            workers,
        )
    speedup = single["upload_to_done_s"] / fanned["upload_to_done_s"] if fanned["upload_to_done_s"] else None
    return {
        "bundle_mb": round(size / MiB, 1),
        "articles": articles,
        "workers": workers,
        "cpus": os.cpu_count(),
        "single": single,
        "fanned": fanned,
        "speedup": round(speedup, 2) if speedup else None,
        "same_counts": single["counts"] == fanned["counts"],
        "planner_scan_mb_per_cpu_s": scan,
        "aws_projection": projection(fanned, scan) if fanned.get("per_chunk_mb_per_cpu_s") else None,
    }


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=32, help="size of the JSON Lines bundle")
    parser.add_argument("--chunk-mb", type=float, default=4.0, help="FanOutChunkBytes of the fanned-out run")
    parser.add_argument("--workers", type=int, default=max(1, min(4, os.cpu_count() or 1)))
    args = parser.parse_args()
    os.environ.setdefault("POWERTOOLS_LOG_LEVEL", "WARNING")
    started = time.perf_counter()
    figures = run(args.mb, args.chunk_mb, args.workers)
    figures["bench_wall_s"] = round(time.perf_counter() - started, 1)
    print(json.dumps(figures), flush=True)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
