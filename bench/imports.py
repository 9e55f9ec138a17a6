"""Cold import time of each Lambda handler next to `import boto3`, each in a fresh interpreter (python -X importtime)."""

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


def interpreter_startup(repeats: int) -> float:
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def run(repeats: int = 5) -> dict[str, Any]:
    figures: dict[str, Any] = {"interpreter_startup_ms": round(interpreter_startup(repeats), 1)}
    for module in MODULES:
        import_once(module)  # the first run compiles .pyc files; cold means a new process, not a new checkout
        samples = [import_once(module) for _ in range(repeats)]
        figures[module] = {
            "import_ms": round(statistics.median(s[0] for s in samples), 1),
            "process_ms": round(statistics.median(s[1] for s in samples), 1),
        }
    return figures


def main() -> None:
    print(json.dumps(run()))


if __name__ == "__main__":
    main()
