"""Ingest one dropped object: claim its record, split and write its articles, finish or continue the record."""

from __future__ import annotations

import posixpath
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from newsdrop.adapters.bucket import DropBucket, ObjectInfo
from newsdrop.bundles import format_label, iter_members
from newsdrop.bundles.chunks import TooManyChunks
from newsdrop.config import Settings
from newsdrop.dal import Claim, Store
from newsdrop.errors import (
    BundleError,
    ConditionFailed,
    EmptyBundle,
    LimitExceeded,
    NotFound,
    StorageError,
)
from newsdrop.ingest.announce import pending_marker
from newsdrop.ingest.bodies import Bodies
from newsdrop.ingest.clock import iso, millis_between, utc_now
from newsdrop.ingest.quarantine import quarantine
from newsdrop.ingest.records import (
    FAILED,
    FINAL_STATES,
    PROCESSING,
    RECEIVED,
    ErrorEntry,
    ObjectRef,
    Progress,
    log_ingested,
    new_record,
)
from newsdrop.ingest.writer import ArticleWriter
from newsdrop.models import Member, MemberProblem
from newsdrop.observe import logger
from newsdrop.text.cleaner import CLEANER_VERSION

if TYPE_CHECKING:
    from newsdrop.ingest.fanout import FanOut

__all__ = ["BundleBusy", "Ingestor", "Outcome", "iso", "utc_now"]

ARTICLES_PER_FLUSH = 25
PROGRESS_EVERY_SECONDS = 5.0
# A continuation is queued when an invocation has less than this left: time to flush one batch.
CONTINUE_WHEN_SECONDS_LEFT = 60.0
HEAD_BYTES = 4096
# A continuation can reach a new invocation before its sender's checkpoint (the next UpdateItem) lands.
CLAIM_WAIT_SECONDS = 3.0
CLAIM_WAIT_STEP_SECONDS = 0.2


class BundleBusy(ConditionFailed):
    """Another invocation holds the lease on this bundle; SQS retries the message later."""

    code = "bundle_busy"
    ahead = False  # the message is a continuation its sender has not checkpointed yet


@dataclass(frozen=True, slots=True)
class Outcome:
    bundle_id: str
    status: str
    record: dict[str, Any]
    skipped_as_duplicate: bool = False
    continued: bool = False


class Ingestor:
    """Runs the ingest of one object version against the store and bucket it is given."""

    def __init__(
        self,
        store: Store,
        bucket: DropBucket,
        settings: Settings,
        *,
        clock: Callable[[], datetime] = utc_now,
        lease_seconds: int = 900,
        on_progress: Callable[[Progress], None] | None = None,
        continue_later: Callable[[ObjectRef], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.store = store
        self.bucket = bucket
        self.settings = settings
        self.clock = clock
        self.lease_seconds = lease_seconds
        self.on_progress = on_progress
        self.continue_later = continue_later
        self.sleep = sleep

    # --- bundle record -------------------------------------------------------------------
    def _claim_waiting(self, ref: ObjectRef) -> dict[str, Any] | None:
        """Claim; a continuation that overtook its sender's checkpoint waits a moment for it to land."""
        deadline = time.monotonic() + CLAIM_WAIT_SECONDS
        while True:
            try:
                return self._claim(ref)
            except BundleBusy as busy:
                if not busy.ahead or time.monotonic() >= deadline:
                    raise
            self.sleep(CLAIM_WAIT_STEP_SECONDS)

    def _claim(self, ref: ObjectRef) -> dict[str, Any] | None:
        """Move the record to PROCESSING under a lease; None when the bundle is already finished."""
        record = self.store.bundle(ref.bundle_id, consistent=True)
        if record and record["status"] in FINAL_STATES and not record.get("retryable"):
            return None
        checkpoint = int(record.get("resume_at") or 0) if record else 0
        if ref.resume_at < checkpoint:
            logger.info("stale message for a bundle that moved on", extra={"bundle_id": ref.bundle_id})
            return None
        # A message ahead of the checkpoint is a continuation whose sender died before checkpointing:
        # it is claimed like any other once the sender's lease ran out, and resumes where the record says.
        if record is None:
            received_at = iso(self.clock())
            self.store.create_bundle(
                ref.bundle_id,
                ref.key,
                received_at,
                new_record(ref, now=received_at, cleaner_version=CLEANER_VERSION),
            )
        now = self.clock()
        try:
            return self.store.claim_bundle(
                ref.bundle_id,
                Claim(
                    now=iso(now),
                    lease_until=iso(now + timedelta(seconds=self.lease_seconds)),
                    cleaner_version=CLEANER_VERSION,
                    resume_at=checkpoint,
                ),
                received=RECEIVED,
                processing=PROCESSING,
            )
        except ConditionFailed:
            latest = self.store.bundle(ref.bundle_id, consistent=True) or {}
            if latest.get("status") in FINAL_STATES and not latest.get("retryable"):
                return None
            busy = BundleBusy(
                f"bundle {ref.bundle_id} is being ingested by another invocation",
                hint="nothing to do: SQS delivers the message again after the visibility timeout",
            )
            busy.ahead = ref.resume_at > checkpoint
            raise busy from None

    def _save(self, ref: ObjectRef, attributes: dict[str, Any]) -> dict[str, Any]:
        return self.store.save_bundle(ref.bundle_id, attributes)

    def _with_version(self, ref: ObjectRef) -> ObjectRef:
        """S3 names the version in every notification of a versioned bucket; emulators may not, so ask."""
        if ref.version_id:
            return ref
        try:
            info = self.bucket.head(ref.key)
        except NotFound:
            return ref
        return replace(
            ref, version_id=info.version_id, etag=ref.etag or info.etag, size=ref.size or info.size
        )

    # --- main ------------------------------------------------------------------------------
    def ingest(
        self,
        ref: ObjectRef,
        *,
        receive_count: int = 1,
        max_receives: int | None = None,
        time_left: Callable[[], float] | None = None,
    ) -> Outcome:
        """Ingest one object version; with ``time_left`` (seconds), hand the rest to a continuation in time."""
        max_receives = max_receives or self.settings.max_receives
        ref = self._with_version(ref)
        if ref.chunk is not None:  # one chunk of a fanned-out bundle: no lease, its result counted once
            return self._fan_out().run_chunk(
                ref, receive_count=receive_count, max_receives=max_receives, time_left=time_left
            )
        claimed = self._claim_waiting(ref)
        if claimed is None:
            record = self.store.bundle(ref.bundle_id) or {}
            logger.info("bundle already processed", extra={"bundle_id": ref.bundle_id, "key": ref.key})
            return Outcome(ref.bundle_id, record.get("status", ""), record, skipped_as_duplicate=True)
        started = time.monotonic()
        ref = replace(ref, resume_at=int(claimed.get("resume_at") or 0))  # the record is the checkpoint
        progress = Progress.restore(claimed) if ref.resume_at else Progress()
        info: ObjectInfo | None
        try:
            fanned = None if ref.resume_at else self._fan_out_big(ref, claimed)
            if fanned is not None:
                return fanned
            info, resume_at = self._run(ref, progress, time_left, claimed)
        except NotFound as exc:
            progress.bundle_error = _entry("(bundle)", exc)
            info, resume_at = None, None
        except TooManyChunks as exc:  # past the per-chunk limits even fanned out: refused before any read
            progress.bundle_error = _entry("(bundle)", exc)
            info, resume_at = exc.info, None
        except Exception as exc:
            self._record_transient_failure(ref, progress, exc, receive_count, max_receives)
            raise
        if resume_at is not None:
            return self._hand_over(ref, progress, resume_at)
        quarantine_key = None
        if progress.bundle_error and info is not None:
            try:
                quarantine_key = quarantine(self.bucket, self.settings, ref, info, progress)
            except Exception as exc:
                self._record_transient_failure(ref, progress, exc, receive_count, max_receives)
                raise
        status = progress.final_status()
        finished = self.clock()
        attributes = {
            "status": status,
            "finished_at": iso(finished),
            "duration_ms": millis_between(
                claimed.get("started_at"), finished, fallback=time.monotonic() - started
            ),
            "format": progress.format,
            "quarantine_key": quarantine_key,
            "lease_until": iso(finished),
            **progress.as_attributes(),
            **pending_marker(),  # written with the final status: the Bundle Finished event is owed
        }
        if info is not None:
            attributes["size"] = info.size
        record = self._save(ref, {k: v for k, v in attributes.items() if v is not None})
        log_ingested(ref, status, record)
        return Outcome(ref.bundle_id, status, record)

    def _fan_out(self) -> FanOut:
        from newsdrop.ingest.fanout import FanOut

        return FanOut(self)

    def _fan_out_big(self, ref: ObjectRef, claimed: dict[str, Any]) -> Outcome | None:
        """A big bundle is planned into chunks sent through the queue; None: this invocation ingests it."""
        if self.continue_later is None:
            return None  # no queue to send chunks through (a plain S3 event): one invocation does it all
        return self._fan_out().plan_or_resend(ref, claimed)

    def _run(
        self,
        ref: ObjectRef,
        progress: Progress,
        time_left: Callable[[], float] | None,
        claimed: dict[str, Any],
    ) -> tuple[ObjectInfo, int | None]:
        """Split and write the bundle from member ``ref.resume_at`` on.

        Returns the object and, when time ran short, the member index a continuation starts at.
        A BundleError is recorded on ``progress`` after keeping what was read.
        """
        info = self.bucket.head(ref.key, ref.version_id)
        writer = ArticleWriter(
            self.store,
            Bodies(self.bucket, self.settings.bodies_prefix),
            ref,
            progress,
            now=iso(self.clock()),
            # The record's arrival time orders posting blocks; every attempt and continuation reads the same.
            received_at=str(claimed.get("received_at") or iso(self.clock())),
        )
        can_continue = time_left is not None and self.continue_later is not None
        try:
            self._check_size(info)
            last_report = time.monotonic()
            with self.bucket.open(info) as stream:
                progress.format = format_label(stream.peek(HEAD_BYTES)[:HEAD_BYTES], ref.key)
                name = posixpath.basename(ref.key) or ref.key
                members = iter_members(stream, name=name, limits=self.settings.limits)
                for index, member in enumerate(members):
                    if index < ref.resume_at:
                        continue  # counted by an earlier invocation
                    self._take(member, progress, writer)
                    if time.monotonic() - last_report >= PROGRESS_EVERY_SECONDS:
                        writer.flush()
                        self._report(ref, progress)
                        last_report = time.monotonic()
                    if can_continue and time_left() < CONTINUE_WHEN_SECONDS_LEFT:  # type: ignore[misc]
                        writer.finish()
                        return info, index + 1
        except BundleError as exc:
            progress.bundle_error = _entry("(bundle)", exc)
        writer.finish()  # also keeps every article read before an archive broke off
        return info, None

    @staticmethod
    def _take(member: Member | MemberProblem, progress: Progress, writer: ArticleWriter) -> None:
        progress.counts.members += 1
        if isinstance(member, MemberProblem):
            if member.skipped:
                progress.counts.skipped += 1
            else:
                progress.counts.failed += 1
                progress.add_error(member.name, member.code, member.reason)
        else:
            writer.add(member)

    def _hand_over(self, ref: ObjectRef, progress: Progress, resume_at: int) -> Outcome:
        """Queue the rest of the bundle for a fresh invocation, then checkpoint the counts it starts from.

        In this order a crash in between leaves a continuation ahead of the checkpoint, which resumes
        from the checkpoint; the other order could leave a checkpoint no message would ever resume.
        """
        assert self.continue_later is not None
        self.continue_later(replace(ref, resume_at=resume_at))
        attributes = progress.as_attributes()
        # Progress reports after this point overwrite "counts"; a redelivery restores from "checkpoint".
        checkpoint = {**attributes, "format": progress.format}
        record = self._save(
            ref,
            {
                **attributes,
                "checkpoint": {k: v for k, v in checkpoint.items() if v is not None},
                "resume_at": resume_at,
                "lease_until": iso(self.clock()),
            },
        )
        logger.info(
            "bundle continues in a new invocation", extra={"bundle_id": ref.bundle_id, "resume_at": resume_at}
        )
        return Outcome(ref.bundle_id, PROCESSING, record, continued=True)

    def _check_size(self, info: ObjectInfo) -> None:
        limit = self.settings.limits.max_bundle_bytes
        if info.size == 0:
            raise EmptyBundle(
                "the object is empty (0 bytes)", hint="upload the bundle again; check the upload finished"
            )
        if info.size > limit:
            raise LimitExceeded(
                f"the object is {info.size} bytes, over the {limit}-byte bundle limit",
                hint="split it into smaller bundles, or raise MaxBundleBytes in the stack parameters",
            )

    def _report(self, ref: ObjectRef, progress: Progress) -> None:
        self._save(ref, progress.as_attributes())
        if self.on_progress:
            self.on_progress(progress)

    def _record_transient_failure(
        self, ref: ObjectRef, progress: Progress, exc: Exception, receive_count: int, max_receives: int
    ) -> None:
        logger.exception("ingest attempt failed", extra={"bundle_id": ref.bundle_id})
        reason = _public_reason(exc)
        attributes: dict[str, Any] = {"last_error": reason, **progress.as_attributes()}
        if receive_count >= max_receives:
            attributes.update(
                status=FAILED,
                retryable=True,
                finished_at=iso(self.clock()),
                errors=[
                    {
                        "member": "(bundle)",
                        "code": "gave_up",
                        "reason": f"gave up after {receive_count} attempts: {reason}; the message is in the "
                        "dead-letter queue: fix the cause, then redrive it (aws sqs start-message-move-task)",
                    }
                ],
                **pending_marker(),
            )
        attributes["lease_until"] = iso(self.clock())
        try:
            self._save(ref, attributes)
        except Exception:  # the table itself may be what is failing; the message still goes back to SQS
            logger.exception("could not record the failure", extra={"bundle_id": ref.bundle_id})


def _public_reason(exc: Exception) -> str:
    """A transient failure as a bundle record may show it: the kind and the AWS error code, what to do.

    Raw AWS messages name buckets, ARNs and account ids; they stay in the function's logs.
    """
    cause = exc.__cause__ if getattr(exc.__cause__, "response", None) else exc
    code = (getattr(cause, "response", None) or {}).get("Error", {}).get("Code")
    if code is None and not isinstance(exc, StorageError):
        return f"{type(exc).__name__}: {str(exc)[:300]}"  # our own words, not an AWS reply
    kind = type(exc).__name__ + (f" ({code})" if code else "")
    hint = getattr(exc, "hint", None) or "SQS retries the bundle; the ingest function's logs have the details"
    return f"{kind}: {hint}"


def _entry(member: str, exc: Exception) -> ErrorEntry:
    return ErrorEntry(member=member, code=getattr(exc, "code", "error"), reason=str(exc))
