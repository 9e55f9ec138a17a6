"""The sweeper: bundles left RECEIVED or PROCESSING past their lease are resumed, or failed with a reason.

An invocation that dies mid-bundle leaves its record PROCESSING under a lease; SQS normally delivers
the message again, but a message can be gone (deleted as stale, expired, moved to the DLQ). The sweeper
looks only at bundles received recently (one Query of the BUNDLES index, never a Scan), and sends a
continuation that resumes from the record's checkpoint, or ends the bundle FAILED when it keeps dying.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from newsdrop.dal import Store
from newsdrop.errors import ConditionFailed
from newsdrop.ingest.records import FAILED, PROCESSING, RECEIVED
from newsdrop.observe import logger
from newsdrop.wiring import CONTINUATION

# Bundles older than this have no message left anywhere (the DLQ keeps messages 14 days).
LOOKBACK = timedelta(days=14)
PAGE_SIZE = 100
MAX_PAGES = 50  # at most 5,000 recent bundles read per sweep
MAX_SWEEPS = 3  # resumes tried before the bundle is failed with a reason
UNFINISHED = (RECEIVED, PROCESSING)


@dataclass
class SweepReport:
    """What one sweep found and did."""

    stuck: int = 0
    resumed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    pages: int = 0


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Sweeper:
    """Finds stuck bundles among the recently received ones and resumes or fails each."""

    def __init__(
        self,
        store: Store,
        send: Callable[[dict[str, Any]], Any],
        *,
        max_receives: int,
        lease_seconds: int = 900,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.store = store
        self.send = send
        self.max_receives = max_receives
        self.lease_seconds = lease_seconds
        self.clock = clock

    def sweep(self) -> SweepReport:
        report = SweepReport()
        now = self.clock()
        for record in self._recent_unfinished(now, report):
            if not self._is_stuck(record, now):
                continue
            report.stuck += 1
            try:
                if (
                    int(record.get("attempts") or 0) >= self.max_receives
                    or int(record.get("sweeps") or 0) >= MAX_SWEEPS
                ):
                    self._fail(record, now)
                    report.failed.append(record["bundle_id"])
                else:
                    self._resume(record, now)
                    report.resumed.append(record["bundle_id"])
            except ConditionFailed:  # an invocation took the bundle (or ended it) since the Query
                logger.info("bundle moved on while sweeping", extra={"bundle_id": record["bundle_id"]})
        return report

    def _recent_unfinished(self, now: datetime, report: SweepReport) -> list[dict[str, Any]]:
        ids, report.pages = self.store.unfinished_bundle_ids(
            since=_iso(now - LOOKBACK), unfinished=UNFINISHED, page_size=PAGE_SIZE, max_pages=MAX_PAGES
        )
        # The index holds a summary; the lease fields are read from the record itself.
        return [record for bid in ids if (record := self.store.bundle(bid, consistent=True)) is not None]

    def _is_stuck(self, record: dict[str, Any], now: datetime) -> bool:
        stamp = _iso(now)
        if record.get("swept_until") and str(record["swept_until"]) > stamp:
            return False  # resumed by an earlier sweep; its continuation has a lease's time to start
        if record.get("last_error") and record.get("lease_until"):
            # The last attempt failed and said so: SQS redelivers that message itself. Resending it too
            # runs the bundle twice per retry (more attempts than receives); only a message lost for a
            # whole lease since the failure is stuck.
            return str(record["lease_until"]) < _iso(now - timedelta(seconds=self.lease_seconds))
        if record.get("lease_until"):
            return str(record["lease_until"]) < stamp
        # RECEIVED and never claimed: the claiming invocation died between its two writes.
        return str(record.get("received_at") or "") < _iso(now - timedelta(seconds=self.lease_seconds))

    def _resume(self, record: dict[str, Any], now: datetime) -> None:
        self.store.mark_bundle_swept(
            record["bundle_id"],
            until=_iso(now + timedelta(seconds=self.lease_seconds)),
            seen_lease=record.get("lease_until"),
            unfinished=UNFINISHED,
        )
        # Marked first, sent second: a crash in between leaves a mark that expires, and a later sweep sends.
        self.send(
            {
                "type": CONTINUATION,
                "bucket": record["bucket"],
                "key": record["key"],
                "version_id": record.get("version_id"),
                "etag": record.get("etag"),
                "size": None if record.get("size") is None else int(record["size"]),
                "resume_at": int(record.get("resume_at") or 0),
            }
        )
        logger.info("stuck bundle resumed", extra={"bundle_id": record["bundle_id"]})

    def _fail(self, record: dict[str, Any], now: datetime) -> None:
        attempts = int(record.get("attempts") or 0)
        reason = (
            f"ingest stopped without finishing {attempts} times (each invocation died or timed out); "
            "the bundle may be too slow or too large for one function: split it and drop the parts again, "
            "or drop it again as it is to retry"
        )
        self.store.fail_stuck_bundle(
            record["bundle_id"],
            now=_iso(now),
            failed=FAILED,
            error={"member": "(bundle)", "code": "stuck", "reason": reason},
            seen_lease=record.get("lease_until"),
            unfinished=UNFINISHED,
        )
        logger.warning("stuck bundle failed", extra={"bundle_id": record["bundle_id"]})
