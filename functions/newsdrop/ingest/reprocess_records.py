"""A reprocess run's message, progress and outcome: what travels on the queue and sits on the bundle record."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from newsdrop.ingest import changes
from newsdrop.ingest.records import DONE, FAILED, PARTIAL, ErrorEntry

REPROCESS = "reprocess"  # the message's "newsdrop" field
ARTICLES_PER_FLUSH = 25
PROGRESS_EVERY_SECONDS = 5.0
CONTINUE_WHEN_SECONDS_LEFT = 60.0
MAX_ERRORS_KEPT = 20
# META attributes that come from the cleaner: rebuilt on a rewrite; everything else on META is kept.
INDEX_ATTRIBUTES = ("gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk")
# Bundles whose ingest ended: reprocessing one never overlaps its ingest (a retryable failure is excluded).
REPROCESSABLE = (DONE, PARTIAL, FAILED)


class BadReprocessMessage(ValueError):
    """A reprocess message without a usable bundle id; it fails so it ends in the dead-letter queue."""


@dataclass(frozen=True, slots=True)
class ReprocessRequest:
    """One reprocess message: ``{"newsdrop": "reprocess", "bundle_id": ..., "dry_run": false, ...}``."""

    bundle_id: str
    dry_run: bool = False
    request: str = ""  # chosen by the sender (the CLI waits for the record to name it)
    resume_at: int = 0  # members handled by earlier invocations of the run (a continuation)

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> ReprocessRequest:
        bundle_id = payload.get("bundle_id")
        if not isinstance(bundle_id, str) or not bundle_id.strip():
            raise BadReprocessMessage(
                'a reprocess message needs "bundle_id" (a string: ids come from GET /bundles or `newsdrop '
                'status`), e.g. {"newsdrop": "reprocess", "bundle_id": "0f3c...", "dry_run": false}'
            )
        dry_run, resume_at = payload.get("dry_run", False), payload.get("resume_at", 0)
        if not isinstance(dry_run, bool) or type(resume_at) is not int or resume_at < 0:
            raise BadReprocessMessage(
                '"dry_run" must be true or false and "resume_at" a member count (leave it out: only '
                "continuations set it)"
            )
        return cls(bundle_id.strip(), dry_run, str(payload.get("request") or ""), resume_at)

    def as_payload(self) -> dict[str, Any]:
        return {"newsdrop": REPROCESS, **asdict(self)}


@dataclass(slots=True)
class RunCounts:
    members: int = 0  # members read from the object (problems included)
    changed: int = 0  # articles whose cleaning changed
    unchanged: int = 0  # articles the current cleaner leaves as they were
    failed: int = 0  # stored articles the current cleaner gives nothing for (kept as they were)
    skipped: int = 0  # members that are not this bundle's stored articles (duplicates, problems)


@dataclass(slots=True)
class RunProgress:
    """What a run has done so far; the checkpoint a continuation resumes from."""

    counts: RunCounts = field(default_factory=RunCounts)
    summary: changes.ChangeSummary = field(default_factory=changes.ChangeSummary)
    errors: list[ErrorEntry] = field(default_factory=list)
    chrome: list[str] | None = None

    @classmethod
    def restore(cls, checkpoint: Mapping[str, Any] | None) -> RunProgress:
        if not checkpoint:
            return cls()
        counts = RunCounts(
            **{k: int(v) for k, v in (checkpoint.get("counts") or {}).items() if k in RunCounts.__slots__}
        )
        errors = [
            ErrorEntry(str(e["member"]), str(e["code"]), str(e["reason"]))
            for e in checkpoint.get("errors") or []
        ]
        chrome = checkpoint.get("chrome")
        return cls(
            counts,
            changes.ChangeSummary.restore(checkpoint),
            errors,
            None if chrome is None else list(chrome),
        )

    def fail(self, member: str, code: str, reason: str) -> None:
        self.counts.failed += 1
        if len(self.errors) < MAX_ERRORS_KEPT:
            self.errors.append(ErrorEntry(member, code, reason[:500]))

    def as_attributes(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "counts": asdict(self.counts),
            **self.summary.as_attributes(),
            "errors": [asdict(e) for e in self.errors],
        }
        if self.chrome is not None:
            out["chrome"] = self.chrome
        return out


@dataclass(frozen=True, slots=True)
class ReprocessOutcome:
    bundle_id: str
    status: str  # the run's status: PROCESSING (continued), DONE, FAILED, or SKIPPED (nothing to do)
    report: dict[str, Any]
    continued: bool = False


def run_key(cleaner_version: str, dry_run: bool) -> str:
    return f"{cleaner_version}#dry" if dry_run else cleaner_version
