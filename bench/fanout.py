"""Fan-out speed-up: one JSON Lines bundle through the local stack in one invocation, then fanned out into chunks.

Each run starts its own local stack (``python -m infra.local``, fresh state, ``--ingest-workers`` processes
polling the queue) and times upload to final status as a client sees it. The fanned-out run also reads the
bundle record: the planning time and every chunk's own duration, from which the per-chunk throughput and
the projected AWS wall time with N concurrent invocations follow (docs/bench.md).
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil

from bench.corpus import write_jsonl
from bench.e2e import ingest_into_stack
from infra.local.process import LocalStackProcess
from newsdrop.bundles.chunks import plan_jsonl

MiB = 1024 * 1024
# Lambda at 1,024 MB gets about 0.58 of a vCPU (1,769 MB is one full vCPU).
LAMBDA_VCPU_AT_1024_MB = 1024 / 1769
# One sequential GET stream from S3 inside a region reads roughly this fast (an assumption, not measured here).
S3_STREAM_MB_PER_S = 90.0
# Processes that use one core at most whatever the machine has: one Node event loop, one GIL.
SERIAL_ROLES = ("dynalite (node)", "stack (moto S3/SQS, API, sweeper)")


def _record(stack: LocalStackProcess, bundle_id: str) -> dict[str, Any]:
    from boto3.dynamodb.types import TypeDeserializer

    reply = stack.client("dynamodb").get_item(
        TableName=stack.info["table"], Key={"pk": {"S": f"BUNDLE#{bundle_id}"}, "sk": {"S": "STATUS"}}
    )
    deserializer = TypeDeserializer()
    return {k: deserializer.deserialize(v) for k, v in reply.get("Item", {}).items()}


def _roles(stack: LocalStackProcess) -> dict[int, str]:
    """The stack's processes by role: moto, the API and the sweeper run in the stack's own process."""
    assert stack.process is not None
    workers = set(stack.info.get("ingest_pids") or [])
    roles = {stack.process.pid: "stack (moto S3/SQS, API, sweeper)"}
    for child in psutil.Process(stack.process.pid).children(recursive=True):
        with contextlib.suppress(psutil.Error):
            if child.pid in workers:
                roles[child.pid] = "ingest workers"
            elif "node" in os.path.basename(child.exe()):
                roles[child.pid] = "dynalite (node)"
            else:
                roles[child.pid] = "other"  # multiprocessing's resource tracker
    roles[os.getpid()] = "bench client"
    return roles


def _cpu_seconds(roles: dict[int, str]) -> dict[int, float]:
    """User + system CPU seconds of each process so far (from /proc/<pid>/stat through psutil)."""
    seconds = {}
    for pid in roles:
        with contextlib.suppress(psutil.Error):
            times = psutil.Process(pid).cpu_times()
            seconds[pid] = times.user + times.system
    return seconds


def _machine_busy() -> float:
    """CPU seconds the whole machine spent off idle (every process, the other sessions' included)."""
    times = psutil.cpu_times()
    return sum(times) - times.idle - getattr(times, "iowait", 0.0)


def cpu_split(
    roles: dict[int, str], before: dict[int, float], after: dict[int, float], busy: float, wall: float
) -> dict[str, Any]:
    """CPU seconds per role between upload and final status; ``others`` is the rest of the machine."""
    split: dict[str, float] = {}
    for pid, role in roles.items():
        split[role] = split.get(role, 0.0) + after.get(pid, before.get(pid, 0.0)) - before.get(pid, 0.0)
    ours = sum(split.values())
    return {
        "cpu_s": {role: round(value, 2) for role, value in sorted(split.items())},
        "cpu_s_total": round(ours, 2),
        # Busy CPU seconds of everything else on the machine in the same window (other sessions).
        "others_cpu_s": round(max(0.0, busy - ours), 2),
        "cores_used": round(ours / wall, 2) if wall else None,
    }


def one_run(
    bundle: Path, articles: int, root: Path, parameters: dict[str, int], workers: int
) -> dict[str, Any]:
    args = ["--no-replay", "--quiet", "--ingest-workers", str(workers)]
    for name, value in parameters.items():
        args += ["--parameter", f"{name}={value}"]
    load_before = os.getloadavg()[0]
    with LocalStackProcess(root / "state", root / "drop", args) as stack:
        roles = _roles(stack)
        before, busy_before = _cpu_seconds(roles), _machine_busy()
        result = ingest_into_stack(stack, bundle, articles)
        after, busy = _cpu_seconds(roles), _machine_busy() - busy_before
        record = _record(stack, str(result["bundle_id"]))
    result |= cpu_split(roles, before, after, busy, result["upload_s"] + result["upload_to_done_s"])
    result["cpu_ms_per_article"] = {
        role: round(seconds * 1000 / articles, 3) for role, seconds in result["cpu_s"].items()
    }
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


def ceiling(single: dict[str, Any], fanned: dict[str, Any], cores: int) -> dict[str, Any]:
    """The best speed-up this machine allows the fanned-out run, from the CPU it measurably needs.

    The fanned-out run cannot end before its processes' CPU seconds are spread over every core, nor before
    its busiest single-threaded process (dynalite is one Node thread; moto serves under one GIL) has had
    its own CPU seconds. Either bound against the single run's wall time caps the speed-up; the cores that
    3x needs follow from the first, and the second says whether cores alone can reach it.
    """
    stack_roles = {role: s for role, s in fanned["cpu_s"].items() if role != "bench client"}
    cpu = sum(stack_roles.values())
    single_wall = single["upload_s"] + single["upload_to_done_s"]
    serial = {role: stack_roles.get(role, 0.0) for role in SERIAL_ROLES}
    serial_role = max(serial, key=lambda role: serial[role])
    spread = cpu / cores
    bound = max(spread, serial[serial_role])
    target = single_wall / 3
    return {
        "fanned_cpu_s": round(cpu, 2),
        "single_cpu_s": round(sum(s for r, s in single["cpu_s"].items() if r != "bench client"), 2),
        "single_wall_s": round(single_wall, 2),
        "cores": cores,
        # speed-up <= single wall / (fanned CPU seconds / cores)
        "speedup_max_by_cores": round(single_wall / spread, 2) if spread else None,
        "serial_process": serial_role,
        "serial_process_cpu_s": round(serial[serial_role], 2),
        "speedup_max": round(single_wall / bound, 2) if bound else None,
        "cores_for_3x": math.ceil(cpu / target) if target else None,
        "3x_possible_with_more_cores": serial[serial_role] <= target,
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
        "ceiling": ceiling(single, fanned, os.cpu_count() or 1),
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
