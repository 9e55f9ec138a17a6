"""One chunk of a fanned-out bundle in one invocation: from its checkpoint to a continuation or its result.

A chunk invocation takes no lease. It starts at the chunk's checkpoint (``chunk_progress.<n>`` on the bundle
record: the chunk's members already taken, their counts and errors, the posting windows used), writes its
articles with the same idempotent puts as any ingest and, when Lambda time runs short, hands the rest of the
chunk to a continuation as a single invocation does: it sends the message first, then moves the checkpoint
with a conditional update (only from where it started, so of two copies one moves it). The invocation that
reaches the chunk's end records its result once, conditionally on the checkpoint it started from: a copy
that started before a later checkpoint records nothing.

A message behind the checkpoint is stale (the message for the checkpoint was sent before the checkpoint was
written) and is dropped. A message ahead of it is a continuation whose sender has not checkpointed yet: it
waits a moment, then goes back to SQS once; delivered again (after the visibility timeout, longer than any
invocation) and still ahead, its sender died before checkpointing (its own message is redelivered and does
the work again) or lost to a copy (whose chain carries the chunk on), so it is dropped.
"""

from __future__ import annotations

import posixpath
import time
from dataclasses import asdict, dataclass, field, replace
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from newsdrop.bundles.chunks import Chunk, Plan, iter_chunk
from newsdrop.errors import BundleError, ConditionFailed, NotFound
from newsdrop.ingest.bodies import Bodies
from newsdrop.ingest.clock import iso
from newsdrop.ingest.records import FINAL_STATES, PROCESSING, Counts, ErrorEntry, ObjectRef, Progress
from newsdrop.ingest.writer import ArticleWriter
from newsdrop.observe import logger

if TYPE_CHECKING:
    from collections.abc import Callable

    from newsdrop.ingest.fanout import FanOut
    from newsdrop.ingest.pipeline import Outcome


class ChunkBeforePlan(ConditionFailed):
    """A chunk message reached a bundle whose record holds no plan (it cannot happen in order: the plan is
    stored before any chunk is sent); SQS delivers it again."""

    code = "chunk_before_plan"


class ChunkAhead(ConditionFailed):
    """A chunk's continuation arrived before its sender's checkpoint; SQS delivers it again."""

    code = "chunk_ahead"


@dataclass(slots=True)
class ChunkCheckpoint:
    """Where a chunk's earlier invocations left it: the chunk's members taken and what they added up to."""

    resume_at: int = 0
    progress: Progress = field(default_factory=Progress)
    windows: int = 0  # posting windows written: the next invocation numbers its own from here
    duration_ms: int = 0
    cpu_ms: int = 0

    @classmethod
    def of(cls, record: dict[str, Any], index: int) -> ChunkCheckpoint:
        item = (record.get("chunk_progress") or {}).get(str(index))
        if not item:
            return cls()
        counts = Counts(**{k: int(v) for k, v in (item.get("counts") or {}).items() if k in Counts.__slots__})
        errors = [
            ErrorEntry(str(e["member"]), str(e["code"]), str(e["reason"])) for e in item.get("errors") or []
        ]
        chrome = item.get("chrome")
        progress = Progress(
            counts=counts,
            errors=errors,
            errors_total=int(item.get("errors_total") or 0),
            chrome=None if chrome is None else [str(key) for key in chrome],
        )
        return cls(
            resume_at=int(item["resume_at"]),
            progress=progress,
            windows=int(item.get("windows") or 0),
            duration_ms=int(item.get("duration_ms") or 0),
            cpu_ms=int(item.get("cpu_ms") or 0),
        )


def _tally(progress: Progress) -> dict[str, Any]:
    """A chunk's counts and errors as stored, in its checkpoint and in its result alike (read by ``ChunkCheckpoint.of``)."""
    return {
        "counts": asdict(progress.counts),
        "errors": [asdict(error) for error in progress.errors],
        "errors_total": progress.errors_total,
    }


class ChunkRun:
    """Runs chunk invocations for one FanOut (its ingestor's store, bucket, settings, clock and queue)."""

    def __init__(self, fan: FanOut) -> None:
        self.fan = fan
        self.ingestor = fan.ingestor

    def run(
        self,
        ref: ObjectRef,
        *,
        receive_count: int,
        max_receives: int,
        time_left: Callable[[], float] | None = None,
    ) -> Outcome:
        from newsdrop.ingest.pipeline import Outcome

        ingestor = self.ingestor
        bid, index = ref.bundle_id, int(ref.chunk or 0)
        found = self._record_at(ref, index, receive_count)
        if isinstance(found, Outcome):
            return found
        record = found
        plan = Plan(
            str(record["chunk_format"]),
            [Chunk.from_item(item) for item in record["chunks"]],
            tuple(int(b) for b in record["chunk_header"]) if record.get("chunk_header") else None,  # type: ignore[arg-type]
        )
        checkpoint = ChunkCheckpoint.of(record, index)
        progress = checkpoint.progress
        progress.format = record.get("format")
        # Chunk 0 samples the chrome itself, exactly as a single invocation does; the others share it.
        if index:
            progress.chrome = [str(key) for key in record.get("chrome") or []]
        started, cpu_started = time.monotonic(), time.process_time()
        offset = windows = None
        try:
            offset, windows = self._read(ref, record, plan, index, checkpoint, time_left)
        except NotFound as exc:
            progress.bundle_error = ErrorEntry("(bundle)", exc.code, str(exc))
        except Exception as exc:
            if receive_count < max_receives:
                raise
            # The last delivery: the chunk is recorded as given up, so the bundle still ends (PARTIAL).
            logger.exception("chunk gave up", extra={"bundle_id": bid, "chunk": index})
            progress.bundle_error = ErrorEntry(
                "(bundle)",
                "gave_up",
                f"chunk {index} gave up after {receive_count} attempts ({type(exc).__name__}); "
                "drop the bundle again to retry it",
            )
        # Per-chunk throughput over all its invocations, in wall and CPU time (bench/fanout.py reads them).
        timing = {
            "duration_ms": checkpoint.duration_ms + int((time.monotonic() - started) * 1000),
            "cpu_ms": checkpoint.cpu_ms + int((time.process_time() - cpu_started) * 1000),
        }
        if offset is not None:
            return self._hand_over(ref, index, progress, (checkpoint.resume_at, offset, windows or 0), timing)
        result = {
            **_tally(progress),
            "bundle_error": asdict(progress.bundle_error) if progress.bundle_error else None,
            **timing,
        }
        updated = ingestor.store.finish_chunk(
            bid,
            index,
            result,
            asdict(progress.counts),
            processing=PROCESSING,
            lease_until=iso(ingestor.clock() + timedelta(seconds=ingestor.lease_seconds)),
            resume_at=checkpoint.resume_at,
        )
        if updated is None:  # a copy of this chunk was recorded first; it counted the same members
            latest = ingestor.store.bundle(bid, consistent=True) or record
            return Outcome(bid, str(latest.get("status")), latest, skipped_as_duplicate=True)
        logger.info("chunk ingested", extra={"bundle_id": bid, "chunk": index, "counts": result["counts"]})
        if int(updated.get("chunks_done") or 0) >= len(plan.chunks):
            return self.fan._finish(ref, updated)
        return Outcome(bid, PROCESSING, updated, continued=True)

    def _record_at(self, ref: ObjectRef, index: int, receive_count: int) -> dict[str, Any] | Outcome:
        """The bundle record when the chunk is checkpointed where ``ref`` starts; else what to answer."""
        from newsdrop.ingest.pipeline import CLAIM_WAIT_SECONDS, CLAIM_WAIT_STEP_SECONDS, Outcome

        ingestor, bid = self.ingestor, ref.bundle_id
        deadline = time.monotonic() + CLAIM_WAIT_SECONDS
        while True:
            record = ingestor.store.bundle(bid, consistent=True)
            if record is None or not record.get("chunks"):
                raise ChunkBeforePlan(
                    f"chunk {ref.chunk} of bundle {bid} arrived before the bundle's plan",
                    hint="nothing to do: SQS delivers the message again after the visibility timeout",
                )
            done = record.get("chunk_results") or {}
            if record.get("status") in FINAL_STATES or str(index) in done:
                if record.get("status") == PROCESSING and len(done) >= len(record["chunks"]):
                    return self.fan._finish(ref, record)  # the invocation that counted the last chunk died
                logger.info("chunk already ingested", extra={"bundle_id": bid, "chunk": index})
                return Outcome(bid, str(record.get("status")), record, skipped_as_duplicate=True)
            at = ChunkCheckpoint.of(record, index).resume_at
            if ref.resume_at == at:
                return record
            if ref.resume_at < at:  # the message for the checkpoint was sent before it was written
                logger.info("stale chunk message", extra={"bundle_id": bid, "chunk": index, "at": at})
                return Outcome(bid, PROCESSING, record, skipped_as_duplicate=True)
            if time.monotonic() >= deadline:
                break
            ingestor.sleep(CLAIM_WAIT_STEP_SECONDS)
        if receive_count > 1:
            logger.info(
                "chunk continuation dropped: its sender never checkpointed it",
                extra={"bundle_id": bid, "chunk": index, "resume_at": ref.resume_at, "at": at},
            )
            return Outcome(bid, PROCESSING, record, skipped_as_duplicate=True)
        raise ChunkAhead(
            f"chunk {index} of bundle {bid} continues at member {ref.resume_at}, checkpointed at {at} so far",
            hint="nothing to do: SQS delivers the message again after the visibility timeout",
        )

    def _read(
        self,
        ref: ObjectRef,
        record: dict[str, Any],
        plan: Plan,
        index: int,
        checkpoint: ChunkCheckpoint,
        time_left: Callable[[], float] | None,
    ) -> tuple[int | None, int]:
        """Take the chunk's members from the checkpoint on; returns the member a continuation starts at (None
        at the chunk's end) and the posting windows used so far."""
        from newsdrop.ingest.pipeline import CONTINUE_WHEN_SECONDS_LEFT

        ingestor = self.ingestor
        bucket, settings = ingestor.bucket, ingestor.settings
        chunk, progress = plan.chunks[index], checkpoint.progress
        info = bucket.head(ref.key, ref.version_id)
        writer = ArticleWriter(
            ingestor.store,
            Bodies(bucket, settings.bodies_prefix),
            # Posting blocks are keyed by the records before the chunk; its invocations number windows on.
            replace(ref, resume_at=chunk.first),
            progress,
            now=iso(ingestor.clock()),
            received_at=str(record.get("received_at") or iso(ingestor.clock())),
            first_window=checkpoint.windows,
        )
        # A record planned before checkpoints existed has no map to hold one: its chunks run to the end.
        can_continue = (
            time_left is not None and ingestor.continue_later is not None and "chunk_progress" in record
        )
        name = posixpath.basename(ref.key) or ref.key
        header = b""
        if plan.header is not None and chunk.start:
            with bucket.open_range(info, *plan.header) as stream:
                header = stream.read()
        opened = (
            bucket.open(info) if plan.format == "zip" else bucket.open_range(info, chunk.start, chunk.end)
        )
        try:
            with opened as stream:
                members = iter_chunk(stream, plan, chunk, name=name, limits=settings.limits, header=header)
                for offset, member in enumerate(members):
                    if offset < checkpoint.resume_at:
                        continue  # taken by an earlier invocation of this chunk
                    ingestor._take(member, progress, writer)
                    if (
                        can_continue
                        # Not while the first chunk holds its chrome sample: it is cleaned as one invocation's.
                        and writer.cleaner.chrome_for_record() is not None
                        and time_left() < CONTINUE_WHEN_SECONDS_LEFT  # type: ignore[misc]
                    ):
                        writer.finish()
                        return offset + 1, writer.window.window
        except BundleError as exc:
            progress.bundle_error = ErrorEntry("(bundle)", exc.code, str(exc))
        writer.finish()
        return None, writer.window.window

    def _hand_over(
        self,
        ref: ObjectRef,
        index: int,
        progress: Progress,
        moves: tuple[int, int, int],
        timing: dict[str, int],
    ) -> Outcome:
        """Queue the rest of the chunk, then move its checkpoint (the pipeline's order: a crash in between
        leaves a continuation ahead of the checkpoint, never a checkpoint no message resumes).

        ``moves``: the checkpoint it started from, the member the continuation starts at, windows used.
        """
        from newsdrop.ingest.pipeline import Outcome

        ingestor, bid = self.ingestor, ref.bundle_id
        at, offset, windows = moves
        assert ingestor.continue_later is not None
        ingestor.continue_later(replace(ref, resume_at=offset))
        item: dict[str, Any] = {"resume_at": offset, **_tally(progress), "windows": windows, **timing}
        if index == 0 and progress.chrome is not None:
            item["chrome"] = progress.chrome  # what chunk 0 learned from its sample
        updated = ingestor.store.checkpoint_chunk(
            bid,
            index,
            item,
            expected=at,
            processing=PROCESSING,
            lease_until=iso(ingestor.clock() + timedelta(seconds=ingestor.lease_seconds)),
        )
        if updated is None:  # a copy of this chunk moved the checkpoint first; its chain carries on
            latest = ingestor.store.bundle(bid, consistent=True) or {}
            return Outcome(bid, str(latest.get("status")), latest, skipped_as_duplicate=True)
        logger.info(
            "chunk continues in a new invocation",
            extra={"bundle_id": bid, "chunk": index, "resume_at": offset},
        )
        return Outcome(bid, PROCESSING, updated, continued=True)
