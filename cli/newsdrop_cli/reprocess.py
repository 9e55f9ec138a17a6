"""`newsdrop reprocess`: choose bundles, send reprocess messages to the ingest queue, follow the runs to the end."""

from __future__ import annotations

import json
import re
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsdrop_cli.api import ApiClient
from newsdrop_cli.errors import CliError, UsageProblem

REPROCESSABLE = ("DONE", "PARTIAL", "FAILED")
RUN_FINAL = ("DONE", "FAILED")
MAX_BUNDLES = 10_000  # bundles --all and --older-than read through GET /bundles
SEND_BATCH = 10  # SendMessageBatch takes at most 10 messages
RUN_COUNTS = ("members", "changed", "unchanged", "failed", "skipped")


def new_request_id() -> str:
    return uuid.uuid4().hex[:16]


def version_key(version: str) -> tuple[int, ...]:
    """A cleaner version ("2026.12.05-1") as numbers, so "2026.12.10-1" sorts after "2026.12.9-2"."""
    return tuple(int(part) for part in re.findall(r"\d+", version))


def is_older(version: str | None, than: str) -> bool:
    """True for a bundle cleaned before ``than`` (a record without a version predates versions)."""
    return version is None or version_key(version) < version_key(than)


def reprocessable(record: dict[str, Any]) -> bool:
    """Only a bundle whose ingest ended can be reprocessed; a retryable failure must be redriven first."""
    return record.get("status") in REPROCESSABLE and not record.get("retryable")


def select(
    api: ApiClient, *, bundle_id: str | None, every: bool, older_than: str | None
) -> list[dict[str, Any]]:
    """The bundle records to reprocess: one by id, or every finished bundle (older than a version)."""
    if bundle_id:
        record = api.bundle(bundle_id)
        if not reprocessable(record):
            raise UsageProblem(
                f"bundle {bundle_id} is {record.get('status')}{' (retryable)' if record.get('retryable') else ''}"
                ": only a bundle whose ingest ended can be reprocessed",
                hint="wait for it with `newsdrop status ID`; a retryable failure is redriven from the "
                "dead-letter queue first",
            )
        return [record]
    if not every and older_than is None:
        raise UsageProblem(
            "say which bundles to reprocess", hint="pass --bundle ID, --all or --older-than VERSION"
        )
    records = [api.bundle(summary["bundle_id"]) for summary in api.bundles(limit=MAX_BUNDLES)]
    chosen = [r for r in records if reprocessable(r)]
    if older_than is not None:
        chosen = [r for r in chosen if is_older(r.get("cleaner_version"), older_than)]
    return chosen


def messages(bundle_ids: Iterable[str], *, dry_run: bool, request: str) -> list[dict[str, Any]]:
    """The reprocess messages (docs/operations.md, Reprocessing) for these bundles."""
    return [
        {"newsdrop": "reprocess", "bundle_id": bid, "dry_run": dry_run, "request": request}
        for bid in bundle_ids
    ]


def send(sqs: Any, queue_url: str, payloads: Sequence[dict[str, Any]]) -> None:
    """SendMessageBatch, ten at a time; a message SQS refuses is an error that names it."""
    from botocore.exceptions import BotoCoreError, ClientError

    for start in range(0, len(payloads), SEND_BATCH):
        chunk = payloads[start : start + SEND_BATCH]
        entries = [{"Id": str(i), "MessageBody": json.dumps(p)} for i, p in enumerate(chunk)]
        try:
            reply = sqs.send_message_batch(QueueUrl=queue_url, Entries=entries)
        except (ClientError, BotoCoreError) as exc:
            raise CliError(
                f"could not send reprocess messages to {queue_url}: {exc}",
                hint="check that your AWS credentials may sqs:SendMessage to the ingest queue "
                "(the stack's IngestQueueUrl output)",
            ) from None
        failed = reply.get("Failed") or []
        if failed:
            bundle = chunk[int(failed[0]["Id"])]["bundle_id"]
            raise CliError(
                f"SQS refused the reprocess message of bundle {bundle}: {failed[0].get('Message')}",
                hint="run the command again: a bundle already reprocessed by this cleaner is skipped",
            )


@dataclass(slots=True)
class RunView:
    """What the command shows of the runs it started: members read of the total, and which have ended."""

    total: int
    done: int
    finished: int
    bundles: int

    @property
    def ended(self) -> bool:
        return self.finished == self.bundles


def run_of(record: dict[str, Any], request: str) -> dict[str, Any] | None:
    """The record's run report once it answers this request (None while an older run still shows)."""
    if record.get("reprocess_request") != request:
        return None
    return record.get("reprocess") or {}


def view(records: Sequence[dict[str, Any]], request: str) -> RunView:
    """Progress over the runs: members reprocessed of the members their ingest read."""
    total = done = finished = 0
    for record in records:
        members = int((record.get("counts") or {}).get("members") or 0)
        total += members
        run = run_of(record, request)
        if run is None:
            continue
        if run.get("status") in RUN_FINAL:
            finished += 1
            done += members
        else:
            done += min(members, int((run.get("counts") or {}).get("members") or 0))
    return RunView(total=total, done=done, finished=finished, bundles=len(records))


@dataclass(slots=True)
class Totals:
    """The runs added up: counts, articles per kind of change, failed runs and a few sample diffs."""

    counts: Counter[str] = field(default_factory=Counter)
    changes: Counter[str] = field(default_factory=Counter)
    failed_runs: list[tuple[str, str]] = field(default_factory=list)
    samples: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "counts": {name: self.counts[name] for name in RUN_COUNTS},
            "changes": dict(self.changes.most_common()),
            "failed_runs": [{"bundle_id": b, "error": e} for b, e in self.failed_runs],
            "samples": self.samples,
        }


def totals(records: Sequence[dict[str, Any]], request: str, *, max_samples: int = 5) -> Totals:
    out = Totals()
    for record in records:
        run = run_of(record, request) or {}
        out.counts.update({k: int(v) for k, v in (run.get("counts") or {}).items() if k in RUN_COUNTS})
        out.changes.update({k: int(v) for k, v in (run.get("changes") or {}).items()})
        if run.get("status") == "FAILED":
            out.failed_runs.append((str(record.get("bundle_id")), str(run.get("error") or "failed")))
        for sample in run.get("samples") or []:
            if len(out.samples) < max_samples:
                out.samples.append({"bundle_id": str(record.get("bundle_id")), **sample})
    return out


def follow(
    api: ApiClient,
    bundle_ids: Sequence[str],
    request: str,
    *,
    timeout: float,
    on_update: Callable[[RunView], None],
    interval: float = 1.0,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] | None = None,
) -> list[dict[str, Any]]:
    """Poll GET /bundles/{id} until every run of ``request`` ended; returns the records."""
    sleep = sleep or time.sleep  # looked up per call: tests replace time.sleep
    deadline = clock() + timeout
    while True:
        records = [api.bundle(bid) for bid in bundle_ids]
        current = view(records, request)
        on_update(current)
        if current.ended:
            return records
        if clock() >= deadline:
            raise CliError(
                f"gave up waiting after {timeout:.0f} s: {current.finished} of {current.bundles} bundles "
                "reprocessed",
                hint="the runs carry on: follow them with `newsdrop status ID` (its reprocess field), or check "
                "that `make run` is running",
            )
        sleep(interval)
