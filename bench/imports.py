"""Cold import time of each Lambda handler next to `import boto3`, each in a fresh interpreter (python -X importtime).

Also "ready": the import plus what the first invocation loads before its first AWS call (the handlers
defer boto3 and the domain to first use), timed in-process, so the deferred cost stays visible.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from typing import Any

from bench.corpus import REPO

MODULES = ("boto3", "newsdrop.handlers.ingest", "newsdrop.handlers.lookup")


def import_once(module: str) -> tuple[float, float]:
    """(cumulative import time of ``module`` from -X importtime, wall time of the whole process), in ms."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO / "functions"), str(REPO)]),
        "POWERTOOLS_TRACE_DISABLED": "true",
    }
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    wall = (time.perf_counter() - started) * 1000
    cumulative = 0.0
    for line in done.stderr.splitlines():
        # "import time:  self [us] | cumulative | imported package"
        parts = [p.strip() for p in line.removeprefix("import time:").split("|")]
        if len(parts) == 3 and parts[2] == module:
            cumulative = int(parts[1]) / 1000
    return cumulative, wall


# What each handler's first invocation loads and builds before it sends anything (no network needed).
READY = {
    "newsdrop.handlers.ingest": (
        "from newsdrop import wiring; wiring.ingestor(); wiring.announcer(); "
        "import newsdrop.ingest.service, aws_lambda_powertools.utilities.batch; handler.processor()"
    ),
    "newsdrop.handlers.lookup": "from newsdrop import wiring; wiring.lookup()",
}


def ready_once(module: str) -> float:
    """Milliseconds from the import of ``module`` to a handler ready for its first AWS call, in a fresh process."""
    code = (
        "import time; started = time.perf_counter(); "
        f"import {module} as handler; {READY[module]}; "
        "print((time.perf_counter() - started) * 1000)"
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO / "functions"), str(REPO)]),
        "POWERTOOLS_TRACE_DISABLED": "true",
        "AWS_DEFAULT_REGION": "us-east-1",
        # Settings require the names the template gives; nothing is called, so any will do.
        "TABLE_NAME": os.environ.get("TABLE_NAME", "bench-articles"),
        "BUCKET_NAME": os.environ.get("BUCKET_NAME", "bench-drop"),
    }
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def interpreter_startup(repeats: int) -> float:
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def run(repeats: int = 9) -> dict[str, Any]:
    figures: dict[str, Any] = {"interpreter_startup_ms": round(interpreter_startup(repeats), 1)}
    for module in MODULES:
        import_once(module)  # the first run compiles .pyc files; cold means a new process, not a new checkout
    # Rounds of boto3 then each handler, so a change in machine load hits both sides of a ratio alike
    # (other processes share these 2 cores); each ratio is the median of the per-round ratios.
    samples: dict[str, list[tuple[float, float]]] = {module: [] for module in MODULES}
    ratios: dict[str, list[float]] = {module: [] for module in MODULES[1:]}
    for _ in range(repeats):
        for module in MODULES:
            samples[module].append(import_once(module))
        for module in MODULES[1:]:
            ratios[module].append(samples[module][-1][0] / samples["boto3"][-1][0])
    for module in MODULES:
        figures[module] = {
            "import_ms": round(statistics.median(s[0] for s in samples[module]), 1),
            "process_ms": round(statistics.median(s[1] for s in samples[module]), 1),
        }
        if module in READY:
            figures[module]["ready_ms"] = round(
                statistics.median(ready_once(module) for _ in range(repeats)), 1
            )
        if module in ratios:
            figures[module]["ratio_to_boto3"] = round(statistics.median(ratios[module]), 2)
    return figures


def main() -> None:
    print(json.dumps(run()))


if __name__ == "__main__":
    main()
