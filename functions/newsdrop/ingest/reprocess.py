"""Reprocess a stored bundle: re-split its kept object version, re-clean it, update its articles in place.

A run is keyed by the cleaner version that does it (``<version>`` or ``<version>#dry``): the bundle record
holds the run, its lease, its checkpoint (``reprocess_resume_at``) and its report (``reprocess``). Each
member is mapped to its stored article through the bundle's link items (member -> article id), so ids never
change; only articles this bundle stored first (its META names this bundle and member) are rewritten.

Per flush, for every changed article and in this order: a relocated body to S3, the article's links in
every bundle that lists it (refiled when its date changed), then the content item of its new text
(``CONTENT#<content key>``, unless another article already has that text), group member items and band
heads, META (with ``content_key``, ``cleaner_version``, the posting block of its new search terms in
``index_block``, and group fields), then the old text's content item is deleted (META names it in
``replaced_content_key`` until then), and last the posting blocks. Every step is a put or delete of a key
derived from the bundle, run and member order, so a redelivered message rewrites the same items; an
article META already marks as written by this run (``index_block`` under the run's prefix) is written
again with the change kinds it recorded, so a resumed run reports what the fault-free run reports.
"""

from __future__ import annotations

import posixpath
import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from newsdrop.adapters.bucket import DropBucket, ObjectInfo
from newsdrop.bundles import iter_members
from newsdrop.config import Settings
from newsdrop.dal import ReprocessClaim, Store
from newsdrop.errors import BundleError, ConditionFailed, NotFound
from newsdrop.ingest.bodies import Bodies
from newsdrop.ingest.clock import iso, utc_now
from newsdrop.ingest.records import DONE, FAILED, FINAL_STATES, PROCESSING
from newsdrop.ingest.reprocess_records import (
    CONTINUE_WHEN_SECONDS_LEFT,
    PROGRESS_EVERY_SECONDS,
    REPROCESSABLE,
    ReprocessOutcome,
    ReprocessRequest,
    RunProgress,
    run_key,
)
from newsdrop.ingest.rewriter import ArticleRewriter
from newsdrop.models import MemberProblem
from newsdrop.observe import logger
from newsdrop.text import cleaner as cleaner_module


class ReprocessBusy(ConditionFailed):
    """The bundle is being ingested, or another invocation holds its reprocessing lease; SQS retries later."""

    code = "reprocess_busy"


class Reprocessor:
    """Runs reprocess messages against the store and bucket it is given (the ingest function's)."""

    def __init__(
        self,
        store: Store,
        bucket: DropBucket,
        settings: Settings,
        *,
        clock: Callable[[], datetime] = utc_now,
        lease_seconds: int = 900,
        continue_later: Callable[[ReprocessRequest], None] | None = None,
    ) -> None:
        self.store = store
        self.bucket = bucket
        self.settings = settings
        self.clock = clock
        self.lease_seconds = lease_seconds
        self.continue_later = continue_later

    @property
    def cleaner_version(self) -> str:
        return cleaner_module.CLEANER_VERSION  # read at use: a test can stand in a changed cleaner

    # --- claim ----------------------------------------------------------------------------------
    def _claim(self, req: ReprocessRequest, record: dict[str, Any], run: str) -> dict[str, Any] | None:
        """The claimed record, or None when the run is finished or the message is stale."""
        same = record.get("reprocess_run") == run
        report = record.get("reprocess") or {}
        if same and report.get("status") in (DONE, FAILED):
            if req.request and record.get("reprocess_request") != req.request:
                self.store.save_bundle(
                    req.bundle_id, {"reprocess_request": req.request}
                )  # seen: the CLI stops
            return None
        checkpoint = int(record.get("reprocess_resume_at") or 0) if same else 0
        if same and req.resume_at < checkpoint:
            logger.info("stale reprocess message", extra={"bundle_id": req.bundle_id})
            return None
        now = self.clock()
        fresh = None
        if not same:
            fresh = {
                "run": run,
                "cleaner_version": self.cleaner_version,
                "dry_run": req.dry_run,
                "status": PROCESSING,
                "started_at": iso(now),
                **RunProgress().as_attributes(),
            }
        claim = ReprocessClaim(
            now=iso(now),
            lease_until=iso(now + timedelta(seconds=self.lease_seconds)),
            run=run,
            resume_at=checkpoint,
            request=req.request or str(record.get("reprocess_request") or ""),
            fresh=fresh,
        )
        try:
            return self.store.claim_reprocess(req.bundle_id, claim, finished=REPROCESSABLE)
        except ConditionFailed:
            raise ReprocessBusy(
                f"bundle {req.bundle_id} is being reprocessed by another invocation",
                hint="nothing to do: SQS delivers the message again after the visibility timeout",
            ) from None

    # --- main -----------------------------------------------------------------------------------
    def reprocess(
        self,
        req: ReprocessRequest,
        *,
        receive_count: int = 1,
        max_receives: int | None = None,
        time_left: Callable[[], float] | None = None,
    ) -> ReprocessOutcome:
        record = self.store.bundle(req.bundle_id, consistent=True)
        if record is None:
            logger.warning("reprocess of an unknown bundle", extra={"bundle_id": req.bundle_id})
            return ReprocessOutcome(req.bundle_id, "SKIPPED", {"reason": "no such bundle"})
        if record.get("status") not in FINAL_STATES:
            raise ReprocessBusy(
                f"bundle {req.bundle_id} is still being ingested ({record.get('status')})",
                hint="nothing to do: SQS delivers the message again, after the ingest ends",
            )
        if record.get("retryable"):
            return self._refuse(
                req,
                "the bundle's ingest failed and waits in the dead-letter queue: redrive it "
                "(aws sqs start-message-move-task), then reprocess",
            )
        run = run_key(self.cleaner_version, req.dry_run)
        claimed = self._claim(req, record, run)
        if claimed is None:
            return ReprocessOutcome(req.bundle_id, "SKIPPED", dict(record.get("reprocess") or {}))
        resume_at = int(claimed.get("reprocess_resume_at") or 0)
        progress = RunProgress.restore(claimed.get("reprocess_checkpoint")) if resume_at else RunProgress()
        try:
            handed_over = self._run(req, claimed, run, resume_at, progress, time_left)
        except NotFound as exc:
            return self._finish(req, claimed, progress, FAILED, error=f"{exc} ({getattr(exc, 'hint', '')})")
        except Exception as exc:
            self._release_after_failure(req, exc, receive_count, max_receives or self.settings.max_receives)
            raise
        if handed_over is not None:
            return self._hand_over(req, claimed, progress, handed_over)
        return self._finish(req, claimed, progress, DONE)

    def _run(
        self,
        req: ReprocessRequest,
        record: dict[str, Any],
        run: str,
        resume_at: int,
        progress: RunProgress,
        time_left: Callable[[], float] | None,
    ) -> int | None:
        """Re-split and rewrite from member ``resume_at``; the member a continuation starts at, if time ran short."""
        key = str(record["key"])
        info = self._kept_object(key, record.get("version_id"), record.get("etag"))
        rewriter = ArticleRewriter(
            self.store,
            Bodies(self.bucket, self.settings.bodies_prefix),
            record,
            run=run,
            resume_at=resume_at,
            progress=progress,
            dry_run=req.dry_run,
            cleaner_version=self.cleaner_version,
            fetch=self.bucket.get_bytes,
        )
        can_continue = time_left is not None and self.continue_later is not None
        last_report = time.monotonic()
        try:
            with self.bucket.open(info) as stream:
                name = posixpath.basename(key) or key
                for index, member in enumerate(iter_members(stream, name=name, limits=self.settings.limits)):
                    if index < resume_at:
                        continue
                    progress.counts.members += 1
                    if isinstance(member, MemberProblem):
                        progress.counts.skipped += 1  # gave no article at ingest either: nothing stored
                    else:
                        rewriter.add(member)
                    if time.monotonic() - last_report >= PROGRESS_EVERY_SECONDS:
                        rewriter.flush()
                        self.store.save_bundle(req.bundle_id, {"reprocess": self._report(record, progress)})
                        last_report = time.monotonic()
                    if can_continue and time_left() < CONTINUE_WHEN_SECONDS_LEFT:  # type: ignore[misc]
                        rewriter.finish()
                        return index + 1
        except BundleError as exc:
            # The object broke off where it did at ingest: what was read is reprocessed.
            logger.warning(
                "bundle ended early on reprocess", extra={"bundle_id": req.bundle_id, "reason": str(exc)}
            )
        rewriter.finish()
        return None

    def _kept_object(self, key: str, version: str | None, etag: str | None) -> ObjectInfo:
        """The object version the bundle was ingested from; when that version is gone, the current object if
        its ETag says it holds the same bytes (the local stack puts kept bundles back as new versions)."""
        try:
            return self.bucket.head(key, version)
        except NotFound:
            if not version or not etag:
                raise
            current = self.bucket.head(key)
            if current.etag != str(etag).strip('"'):
                raise NotFound(
                    f"object {key} version {version} is gone and the current version holds other bytes",
                    hint="restore that version in the drop bucket (it is versioned), or drop the bundle again",
                ) from None
            return current

    def _report(
        self, record: Mapping[str, Any], progress: RunProgress, *, final: bool = False
    ) -> dict[str, Any]:
        """The run's report for the record; sample diffs only once it ends (the checkpoint carries them
        meanwhile), so the record never holds them twice next to the ingest's errors and chrome."""
        base = dict(record.get("reprocess") or {})
        attributes = progress.as_attributes()
        attributes.pop("chrome", None)
        if not final:
            attributes["samples"] = []
        return {**base, **attributes}

    def _hand_over(
        self, req: ReprocessRequest, record: Mapping[str, Any], progress: RunProgress, resume_at: int
    ) -> ReprocessOutcome:
        """Queue the rest, then checkpoint (the ingest's order: a continuation ahead waits for its lease)."""
        assert self.continue_later is not None
        self.continue_later(replace(req, resume_at=resume_at))
        saved = self.store.save_bundle(
            req.bundle_id,
            {
                "reprocess": self._report(record, progress),
                "reprocess_checkpoint": progress.as_attributes(),
                "reprocess_resume_at": resume_at,
                "reprocess_lease_until": iso(self.clock()),
            },
        )
        return ReprocessOutcome(req.bundle_id, PROCESSING, dict(saved.get("reprocess") or {}), continued=True)

    def _finish(
        self,
        req: ReprocessRequest,
        record: Mapping[str, Any],
        progress: RunProgress,
        status: str,
        *,
        error: str | None = None,
    ) -> ReprocessOutcome:
        report = {
            **self._report(record, progress, final=True),
            "status": status,
            "finished_at": iso(self.clock()),
        }
        if error:
            report["error"] = error
        attributes: dict[str, Any] = {
            "reprocess": report,
            "reprocess_lease_until": iso(self.clock()),
            "reprocess_checkpoint": {},  # the run ended: nothing to resume
        }
        if status == DONE and not req.dry_run:
            attributes["cleaner_version"] = self.cleaner_version
        saved = self.store.save_bundle(req.bundle_id, attributes)
        logger.info(
            "bundle reprocessed",
            extra={
                "bundle_id": req.bundle_id,
                "status": status,
                "dry_run": req.dry_run,
                "counts": report["counts"],
            },
        )
        return ReprocessOutcome(req.bundle_id, status, dict(saved.get("reprocess") or {}))

    def _refuse(self, req: ReprocessRequest, reason: str) -> ReprocessOutcome:
        report = {
            "run": run_key(self.cleaner_version, req.dry_run),
            "cleaner_version": self.cleaner_version,
            "dry_run": req.dry_run,
            "status": FAILED,
            "error": reason,
            "finished_at": iso(self.clock()),
        }
        self.store.save_bundle(req.bundle_id, {"reprocess": report, "reprocess_request": req.request})
        return ReprocessOutcome(req.bundle_id, FAILED, report)

    def _release_after_failure(
        self, req: ReprocessRequest, exc: Exception, receive_count: int, max_receives: int
    ) -> None:
        """Let the redelivery claim at once; on the last delivery, end the run FAILED (the message goes to the DLQ)."""
        logger.exception("reprocess attempt failed", extra={"bundle_id": req.bundle_id})
        attributes: dict[str, Any] = {"reprocess_lease_until": iso(self.clock())}
        if receive_count >= max_receives:
            record = self.store.bundle(req.bundle_id) or {}
            attributes["reprocess"] = {
                **dict(record.get("reprocess") or {}),
                "status": FAILED,
                "error": f"gave up after {receive_count} attempts ({type(exc).__name__}): redrive the message "
                "from the dead-letter queue once the cause is fixed",
            }
        try:
            self.store.save_bundle(req.bundle_id, attributes)
        except Exception:  # the table may be what fails; SQS still redelivers
            logger.exception("could not record the reprocess failure", extra={"bundle_id": req.bundle_id})
