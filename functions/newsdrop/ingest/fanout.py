"""Fan-out of a big bundle: plan its chunks once, ingest every chunk in its own invocation, end the bundle once.

The invocation that claims a bundle of at least ``Settings.fanout_bytes`` learns the bundle's chrome from
the first sample of members (as a single invocation would), plans chunks at record boundaries, stores the
plan and the chrome on the bundle record, then sends one message per chunk through the ingest queue.

A chunk invocation (``ingest/chunk_run.py``) takes no lease: it writes its articles with the same idempotent
puts as any ingest, hands the rest of the chunk to a continuation when time runs short (checkpointed on the
record), then records its result on the bundle record with one conditional update (``chunk_results.<n>``
must not exist yet), which also adds its counts. A redelivered or concurrent copy of a chunk therefore counts
nothing twice. The update that counts the last chunk returns the record with every result, and its
invocation ends the bundle, conditionally on it still being PROCESSING: the final status and the
Bundle Finished marker are written once. A crash after a chunk was recorded but before the end is
finished by that chunk's redelivery (or the sweeper's resend), which finds every chunk done.
"""

from __future__ import annotations

import posixpath
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from newsdrop.adapters.bucket import ObjectInfo
from newsdrop.bundles import HEAD_BYTES, detect_format, format_label, iter_members
from newsdrop.bundles.chunks import (
    FANOUT_FORMATS,
    NotSplittable,
    Plan,
    TooManyChunks,
    fanned_out_limits,
    plan_csv,
    plan_jsonl,
    plan_zip,
    text_is_splittable,
)
from newsdrop.errors import BundleError, ConditionFailed, NotFound
from newsdrop.ingest.announce import pending_marker
from newsdrop.ingest.chunk_run import ChunkBeforePlan, ChunkCheckpoint, ChunkRun
from newsdrop.ingest.clock import iso, millis_between
from newsdrop.ingest.quarantine import quarantine
from newsdrop.ingest.records import (
    MAX_ERRORS_KEPT,
    PROCESSING,
    Counts,
    ErrorEntry,
    ObjectRef,
    Progress,
    log_ingested,
)
from newsdrop.models import Member
from newsdrop.observe import logger
from newsdrop.text.members import BundleCleaner

if TYPE_CHECKING:
    from newsdrop.ingest.pipeline import Ingestor, Outcome


__all__ = ["ChunkBeforePlan", "FanOut"]

# The pipeline labels the format from this many bytes (pipeline.HEAD_BYTES): the record reads the same.
LABEL_HEAD_BYTES = 4096


class FanOut:
    """The fan-out steps of one Ingestor (its store, bucket, settings, clock and queue)."""

    def __init__(self, ingestor: Ingestor) -> None:
        self.ingestor = ingestor

    # --- the claiming invocation ---------------------------------------------------------------
    def plan_or_resend(self, ref: ObjectRef, claimed: dict[str, Any]) -> Outcome | None:
        """Fan the bundle out (or send its unfinished chunks again); None: ingest it in this invocation."""
        if claimed.get("chunks"):
            return self._send(ref, claimed)  # a redelivery or the sweeper: the plan stands
        ingestor = self.ingestor
        settings = ingestor.settings
        info = ingestor.bucket.head(ref.key, ref.version_id)
        if not settings.fanout_bytes <= info.size <= settings.limits.max_bundle_bytes:
            return None
        started = time.monotonic()
        try:
            planned = self._plan(ref, info)
        except TooManyChunks as exc:  # refused before any member is read; the pipeline quarantines it
            exc.info = info
            raise
        if planned is None:
            return None
        plan, chrome, label = planned
        attributes: dict[str, Any] = {
            "chunks": [chunk.as_item() for chunk in plan.chunks],
            "chunk_format": plan.format,
            "chunk_results": {},
            "chunk_progress": {},  # checkpoints of chunks continued in a new invocation
            "chunks_done": 0,
            "chrome": chrome,
            "format": label,
            "size": info.size,
            **Progress().as_attributes(),
        }
        if plan.header is not None:
            attributes["chunk_header"] = list(plan.header)
        attributes["plan_ms"] = int((time.monotonic() - started) * 1000)  # bench/fanout.py reads it
        try:
            record = ingestor.store.plan_bundle(ref.bundle_id, attributes)
        except ConditionFailed:  # planned by an earlier attempt that died before sending: send its plan
            record = ingestor.store.bundle(ref.bundle_id, consistent=True) or {}
        logger.info(
            "bundle fans out",
            extra={
                "bundle_id": ref.bundle_id,
                "chunks": len(plan.chunks),
                "plan_ms": int((time.monotonic() - started) * 1000),
            },
        )
        return self._send(ref, record)

    def _plan(self, ref: ObjectRef, info: ObjectInfo) -> tuple[Plan, list[str], str] | None:
        """The plan, the chrome the first sample teaches and the format label; None when not splittable."""
        bucket, settings = self.ingestor.bucket, self.ingestor.settings
        name = posixpath.basename(ref.key) or ref.key
        with bucket.open(info, chunk=HEAD_BYTES) as stream:
            head = stream.read(HEAD_BYTES)
        try:
            fmt = detect_format(head, name)
        except BundleError:
            return None  # a single invocation reports it
        if fmt not in FANOUT_FORMATS or (fmt != "zip" and not text_is_splittable(head)):
            return None
        sampled = self._sample(info, name)
        if sampled is None:
            return None
        taken, chrome = sampled
        chunk_bytes = settings.fanout_chunk_bytes
        try:
            if fmt == "zip":
                with bucket.open(info) as stream, zipfile.ZipFile(stream) as archive:
                    entries = archive.infolist()
                # Each chunk within one invocation's limits (entries, uncompressed bytes), not the bundle.
                plan = plan_zip(
                    [entry.compress_size for entry in entries],
                    chunk_bytes=chunk_bytes,
                    min_first=taken,
                    sizes=[entry.file_size for entry in entries],
                    limits=settings.limits,
                )
            else:
                with bucket.open(info) as stream:
                    if fmt == "jsonl":
                        plan = plan_jsonl(
                            _blocks(stream),
                            size=info.size,
                            chunk_bytes=chunk_bytes,
                            min_first=taken,
                            max_records=settings.limits.max_members,
                        )
                    else:
                        plan = plan_csv(
                            _blocks(stream),
                            size=info.size,
                            chunk_bytes=chunk_bytes,
                            limits=settings.limits,
                            min_first=taken,
                        )
        except (NotSplittable, zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            logger.info("bundle not fanned out", extra={"bundle_id": ref.bundle_id, "reason": str(exc)})
            return None
        if len(plan.chunks) < 2:
            return None
        return plan, chrome, format_label(head[:LABEL_HEAD_BYTES], ref.key)

    def _sample(self, info: ObjectInfo, name: str) -> tuple[int, list[str]] | None:
        """Members read until the chrome sample is full, and the chrome it teaches (as the record keeps it).

        The first chunk holds at least these members, so it samples exactly what one invocation samples.
        """
        cleaner = BundleCleaner()
        taken = 0
        try:
            with self.ingestor.bucket.open(info) as stream:
                limits = fanned_out_limits(self.ingestor.settings.limits)  # a zip lists every chunk's entries
                for member in iter_members(stream, name=name, limits=limits):
                    taken += 1
                    if isinstance(member, Member) and cleaner.add(member):
                        return taken, cleaner.chrome_for_record() or []
        except BundleError:
            return None
        return None  # the whole bundle fits in the sample: nothing to share

    def _send(self, ref: ObjectRef, record: dict[str, Any]) -> Outcome:
        """One message per chunk not done yet; the lease then covers the chunks' run (no sweep meanwhile)."""
        from newsdrop.ingest.pipeline import Outcome

        ingestor = self.ingestor
        assert ingestor.continue_later is not None
        results = record.get("chunk_results") or {}
        total = len(record["chunks"])
        if len(results) >= total and record.get("status") == PROCESSING:
            return self._finish(ref, record)  # every chunk recorded, the end not written: write it
        for index in range(total):
            if str(index) not in results:  # from the chunk's checkpoint: a message behind it is dropped
                at = ChunkCheckpoint.of(record, index).resume_at
                ingestor.continue_later(replace(ref, resume_at=at, chunk=index))
        now = ingestor.clock()
        record = ingestor.store.save_bundle(
            ref.bundle_id, {"lease_until": iso(now + timedelta(seconds=ingestor.lease_seconds))}
        )
        return Outcome(ref.bundle_id, PROCESSING, record, continued=True)

    # --- a chunk invocation (ingest/chunk_run.py) ---------------------------------------------------
    def run_chunk(
        self,
        ref: ObjectRef,
        *,
        receive_count: int,
        max_receives: int,
        time_left: Callable[[], float] | None = None,
    ) -> Outcome:
        return ChunkRun(self).run(
            ref, receive_count=receive_count, max_receives=max_receives, time_left=time_left
        )

    # --- the end ---------------------------------------------------------------------------------
    def _finish(self, ref: ObjectRef, record: dict[str, Any]) -> Outcome:
        """Aggregate the chunks' results in bundle order and end the bundle, once."""
        from newsdrop.ingest.pipeline import Outcome

        ingestor = self.ingestor
        progress = Progress(
            format=record.get("format"), chrome=[str(key) for key in record.get("chrome") or []]
        )
        results = record.get("chunk_results") or {}
        for index in range(len(record["chunks"])):
            result = results[str(index)]
            for name, value in (result.get("counts") or {}).items():
                if name in Counts.__slots__:
                    setattr(progress.counts, name, getattr(progress.counts, name) + int(value))
            for error in result.get("errors") or []:
                if len(progress.errors) < MAX_ERRORS_KEPT:
                    progress.errors.append(
                        ErrorEntry(str(error["member"]), str(error["code"]), str(error["reason"]))
                    )
            progress.errors_total += int(result.get("errors_total") or 0)
            error = result.get("bundle_error")
            if error and progress.bundle_error is None:
                progress.bundle_error = ErrorEntry(
                    str(error["member"]), str(error["code"]), str(error["reason"])
                )
        quarantine_key = None
        if progress.bundle_error:
            try:
                info = ingestor.bucket.head(ref.key, ref.version_id)
            except NotFound:
                info = None
            if info is not None:
                quarantine_key = quarantine(ingestor.bucket, ingestor.settings, ref, info, progress)
        status = progress.final_status()
        finished = ingestor.clock()
        attributes = {
            "status": status,
            "finished_at": iso(finished),
            "duration_ms": millis_between(record.get("started_at"), finished, fallback=0.0),
            "quarantine_key": quarantine_key,
            "lease_until": iso(finished),
            **progress.as_attributes(),
            **pending_marker(),  # written with the final status: the Bundle Finished event is owed
        }
        ended = ingestor.store.end_fanned_out_bundle(
            ref.bundle_id, {k: v for k, v in attributes.items() if v is not None}, processing=PROCESSING
        )
        if ended is None:  # another invocation ended it first (a redelivered last chunk)
            latest = ingestor.store.bundle(ref.bundle_id, consistent=True) or record
            return Outcome(ref.bundle_id, str(latest.get("status")), latest, skipped_as_duplicate=True)
        log_ingested(ref, status, ended, chunks=len(record["chunks"]))
        return Outcome(ref.bundle_id, status, ended)


def _blocks(stream: Any) -> Iterator[bytes]:
    while block := stream.read(1024 * 1024):
        yield block
