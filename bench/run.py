"""`make bench`: every performance figure of docs/bench.md, each part in its own process; prints, asserts nothing."""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def machine() -> dict[str, Any]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = float("nan")
    memory = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(),
        "cpu": model,
        "memory": memory,
        "python": platform.python_version(),
        "os": f"{platform.system()} {platform.release()}",
        "load_average_1m_at_start": round(load, 2),
    }


def part(module: str, *args: str) -> dict[str, Any]:
    """Run ``python -m bench.<module>`` and parse the JSON it prints last; an error is reported, not raised."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", f"bench.{module}", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "POWERTOOLS_LOG_LEVEL": "WARNING"},
        check=False,
    )
    elapsed = round(time.perf_counter() - started, 1)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        # The frames in bench/ say where it broke; the last line says what.
        trace = done.stderr.strip().splitlines()
        where = [line.strip() for line in trace if "/bench/" in line]
        what = trace[-1] if trace else "no output"
        return {
            "error": f"bench.{module} exited {done.returncode}: {what} (at {'; '.join(where[-3:])})",
            "wall_s": elapsed,
        }
    return {**json.loads(lines[-1]), "wall_s": elapsed}


def failures(errors: dict[str, int]) -> str:
    """`no errors`, or e.g. `3 with no answer in 120 s, 1 HTTP 429`."""
    if not errors:
        return "no errors"
    return ", ".join(
        f"{count} with no answer in 120 s" if str(code) == "0" else f"{count} HTTP {code}"
        for code, count in errors.items()
    )


def summary(figures: dict[str, Any]) -> str:
    """The figures as the Markdown table docs/bench.md keeps."""
    rows: list[tuple[str, str]] = []

    def add(label: str, value: str) -> None:
        rows.append((label, value))

    m = figures["machine"]
    t = figures.get("split_clean", {})
    if "error" not in t:
        add(
            f"split + clean, one core ({t['articles']:,} articles, {t['bundle_mb']} MB JSON Lines)",
            f"{t['mb_per_s']} MB/s, {t['articles_per_s']:,} articles/s (CPU-time: {t['mb_per_cpu_s']} MB/s, "
            f"{t['articles_per_cpu_s']:,} articles/s)",
        )
    e = figures.get("end_to_end", {})
    if "error" not in e:
        i, d, lk = e["ingest_local_stack"], e["dynamodb"], e["lookup"]
        add(
            f"end-to-end ingest into the local stack ({i['articles']} articles, upload to DONE seen over the API)",
            f"{i['articles_per_s']} articles/s ({i['upload_to_done_s']} s; function {i['function_duration_s']} s)",
        )
        add(
            "DynamoDB requests per 1,000 articles (all new; HTTP requests incl. retries)",
            f"{d['dynamodb_requests_per_1000_articles']:,} ("
            + ", ".join(f"{k} {v:,}" for k, v in d["by_operation_per_1000_articles"].items())
            + ")",
        )
        add(
            f"lookup latency at {lk['rate_per_s']:g} req/s open-loop ({lk['requests']} requests, local API)",
            f"p50 {lk['p50_ms']:,.0f} ms, p99 {lk['p99_ms']:,.0f} ms ({failures(lk['errors'])})",
        )
        add(
            "lookup p50 by route",
            ", ".join(f"{route} {ms:,.0f} ms" for route, ms in lk["p50_ms_by_route"].items()),
        )
        add(
            "lookup p50 by route, one request at a time (no queue)",
            ", ".join(
                f"{route} {ms:,.0f} ms" for route, ms in lk.get("one_at_a_time_p50_ms_by_route", {}).items()
            ),
        )
        unfiltered = lk["unfiltered_listing_ms"]
        add(
            "unfiltered GET /articles (month walk), one request",
            f"{unfiltered} ms" if isinstance(unfiltered, int | float) else str(unfiltered),
        )
    st = figures.get("storage", {})
    if "error" not in st and st:
        add(
            f"DynamoDB writes per new article ({st['new_articles']:,} distinct articles of {st['article_kb']} KB, "
            f"bundles of {st['new_articles'] // st['bundles']:,}; GSI copies included)",
            f"{st['wru_per_new_article']} WRU, {st['items_per_new_article']} items ("
            + ", ".join(f"{k} {v['wru']}" for k, v in st["by_kind_per_new_article"].items())
            + f"); ${st['usd_per_million_articles_writes']} per million articles, "
            f"${st['usd_per_million_articles_stored_per_month']} per million per month stored",
        )
        s = st["search"]
        add(
            "search recall (single words)",
            f"{s['recall_in_scope']} against its scope (title words + 8 key terms, {s['index_terms_per_article']} "
            f"terms per article), {s['recall_every_word']} against every word of title and body "
            f"({s['recall_every_word_weighted_by_articles']} weighted by articles, "
            f"{s['recall_every_word_10_most_common']} for the 10 most common words)",
        )
    rp = figures.get("reprocess", {})
    if "error" not in rp and rp:
        add(
            f"reprocessing one bundle in place on moto ({rp['articles']:,} articles; ingest "
            f"{rp['ingest_articles_per_s']} articles/s)",
            ", ".join(
                f"{label} {rp[key]['articles_per_s']} articles/s ({rp[key]['dynamodb_requests_per_article']} "
                "DynamoDB requests per article)"
                for key, label in (
                    ("dry_run", "dry run"),
                    ("changed", "every body changed"),
                    ("unchanged", "nothing changed"),
                )
            ),
        )
    fo = figures.get("fanout", {})
    if "error" not in fo and fo:
        one, many, aws = fo["single"], fo["fanned"], fo.get("aws_projection") or {}
        add(
            f"fan-out speed-up, local stack ({fo['bundle_mb']} MB JSON Lines, {fo['articles']:,} articles, "
            f"{many.get('chunks')} chunks, {fo['workers']} ingest workers on {fo['cpus']} CPUs)",
            f"**{fo['speedup']}x** (one invocation {one['upload_to_done_s']} s, fanned out "
            f"{many['upload_to_done_s']} s; same counts: {fo['same_counts']}; load average "
            f"{one['load_1m_before']} -> {many['load_1m_after']})",
        )
        cap = fo.get("ceiling") or {}
        if cap:
            add(
                f"fan-out ceiling on this machine ({cap['cores']} cores; CPU seconds per process in "
                "bench.fanout's cpu_s)",
                f"**{cap['speedup_max']}x** at most: the fanned-out run needs {cap['fanned_cpu_s']} CPU-s "
                f"(one invocation's run {cap['single_cpu_s']}) against {cap['single_wall_s']} s for one "
                f"invocation; 3x needs {cap['cores_for_3x']} cores"
                + ("" if cap["3x_possible_with_more_cores"] else f" and less CPU in {cap['serial_process']}"),
            )
        if aws:
            add(
                f"projected AWS wall time, {aws['bundle_gib']} GiB in {aws['chunks']} chunks of {aws['chunk_mb']:g} MB "
                f"({aws['lambda_mb_per_s_per_invocation']} MB/s per invocation at 1,024 MB)",
                ", ".join(f"{n}-way {s:,} s" for n, s in aws["wall_s_by_concurrency"].items())
                + f" (one invocation {aws['single_invocation_s']:,} s)",
            )
    for label in ("memory_50", "memory_500"):
        r = figures.get(label, {})
        if "error" not in r and r:
            add(
                f"peak RSS of the ingest process, {r['bundle_mb']} MB bundle ({r['articles']:,} articles of "
                f"{r['article_kb']} KB)",
                f"{r['peak_rss_mb']} MB (before ingest {r['rss_before_mb']} MB; {r['mb_per_s']} MB/s, "
                f"{r['status']})",
            )
    imports = figures.get("imports", {})
    if "error" not in imports and imports:
        add(
            "cold import (python -X importtime, median of 9 fresh processes, ratio per round)",
            f"boto3 {imports['boto3']['import_ms']} ms, "
            + ", ".join(
                f"{name} {imports[name]['import_ms']} ms ({imports[name].get('ratio_to_boto3', '?')}x boto3; "
                f"ready for the first AWS call {imports[name].get('ready_ms', '?')} ms)"
                for name in ("newsdrop.handlers.ingest", "newsdrop.handlers.lookup")
            )
            + f"; interpreter start {imports['interpreter_startup_ms']} ms",
        )
    errors = [f"{k}: {v['error']}" for k, v in figures.items() if isinstance(v, dict) and "error" in v]
    lines = [
        f"Machine: {m['nproc']} CPUs ({m['cpu']}), {m['memory']} RAM, Python {m['python']}, {m['os']}, "
        f"{m['date']}, load average {m['load_average_1m_at_start']} at start.",
        "",
        "| figure | value |",
        "| --- | --- |",
        *[f"| {label} | {value} |" for label, value in rows],
    ]
    if errors:
        lines += ["", "Parts that failed:", *[f"- {line}" for line in errors]]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, to check that every part runs")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args()
    quick = args.quick
    figures: dict[str, Any] = {"machine": machine()}
    steps = [
        ("split_clean", "throughput", ["--articles", "500" if quick else "10000"]),
        ("imports", "imports", []),
        (
            "end_to_end",
            "e2e",
            ["--articles", "50", "--seconds", "5"]
            if quick
            else ["--articles", "200", "--seconds", "60", "--rate", "1"],
        ),
        (
            "storage",
            "storage",
            ["--articles", "200", "--bundles", "1", "--words", "20"]
            if quick
            else ["--articles", "1000", "--bundles", "2", "--words", "100"],
        ),
        ("reprocess", "reprocess", ["--articles", "100" if quick else "1000"]),
        (
            "fanout",
            "fanout",
            ["--mb", "2", "--chunk-mb", "0.5"] if quick else ["--mb", "32", "--chunk-mb", "4"],
        ),
        ("memory_50", "ingest_memory", ["--mb", "5" if quick else "50", "--join", "10"]),
        ("memory_500", "ingest_memory", ["--mb", "10" if quick else "500", "--join", "10"]),
    ]
    for label, module, module_args in steps:
        print(f"== {label}: python -m bench.{module} {' '.join(module_args)}", file=sys.stderr, flush=True)
        figures[label] = part(module, *module_args)
        print(json.dumps(figures[label]), flush=True)
    print()
    print(summary(figures))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
