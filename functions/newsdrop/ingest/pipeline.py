"""Ingest one dropped object: split, clean, deduplicate and write its articles, keeping the bundle record current."""

from __future__ import annotations

import json
import logging
import posixpath
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from newsdrop import articles, keys
from newsdrop.adapters.bucket import DropBucket, ObjectInfo
from newsdrop.adapters.table import ArticleTable, to_wire
from newsdrop.bundles import detect_format, iter_members
from newsdrop.config import Settings
from newsdrop.errors import (
    AccessDenied,
    BundleError,
    ConditionFailed,
    EmptyBundle,
    LimitExceeded,
    NotFound,
    StorageError,
)
from newsdrop.ingest.records import (
    FAILED,
    FINAL_STATES,
    PROCESSING,
    ErrorEntry,
    ObjectRef,
    Progress,
    new_record,
)
from newsdrop.models import CleanArticle, Member, MemberProblem
from newsdrop.text.cleaner import CLEANER_VERSION
from newsdrop.text.members import BundleCleaner, CleanedMember
from newsdrop.text.similar import Head, assign_groups, band_keys, signature, unpack

logger = logging.getLogger(__name__)

ARTICLES_PER_FLUSH = 25
PROGRESS_EVERY_SECONDS = 5.0
# A continuation is queued when an invocation has less than this left: time to flush one batch.
CONTINUE_WHEN_SECONDS_LEFT = 60.0
HEAD_BYTES = 4096
# A continuation can reach a new invocation before its sender's checkpoint (the next UpdateItem) lands.
CLAIM_WAIT_SECONDS = 3.0
CLAIM_WAIT_STEP_SECONDS = 0.2


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


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
    """Runs the ingest of one object version against the table and bucket adapters it is given."""

    def __init__(
        self,
        table: ArticleTable,
        bucket: DropBucket,
        settings: Settings,
        *,
        clock: Callable[[], datetime] = utc_now,
        lease_seconds: int = 900,
        on_progress: Callable[[Progress], None] | None = None,
        continue_later: Callable[[ObjectRef], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.table = table
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
        pk = keys.bundle_pk(ref.bundle_id)
        record = self.table.get(pk, keys.STATUS_SK, consistent=True)
        if record and record["status"] in FINAL_STATES and not record.get("retryable"):
            return None
        checkpoint = int(record.get("resume_at") or 0) if record else 0
        if ref.resume_at < checkpoint:
            logger.info("stale message for a bundle that moved on", extra={"bundle_id": ref.bundle_id})
            return None
        # A message ahead of the checkpoint is a continuation whose sender died before checkpointing:
        # it is claimed like any other once the sender's lease ran out, and resumes where the record says.
        if record is None:
            self.table.put_if_absent(new_record(ref, now=iso(self.clock()), cleaner_version=CLEANER_VERSION))
        now = self.clock()
        try:
            return self.table.update(
                pk,
                keys.STATUS_SK,
                UpdateExpression=(
                    "SET #s = :processing, started_at = if_not_exists(started_at, :now), lease_until = :lease, cleaner_version = :cv "
                    "ADD attempts :one REMOVE retryable, last_error"
                ),
                ConditionExpression=(
                    "(#s IN (:received, :processing) OR retryable = :true) "
                    "AND (attribute_not_exists(lease_until) OR lease_until < :now) "
                    "AND (attribute_not_exists(resume_at) OR resume_at = :resume)"
                ),
                ExpressionAttributeNames={"#s": "status"},
                ExpressionAttributeValues={
                    ":processing": {"S": PROCESSING},
                    ":received": {"S": "RECEIVED"},
                    ":now": {"S": iso(now)},
                    ":lease": {"S": iso(now + timedelta(seconds=self.lease_seconds))},
                    ":cv": {"S": CLEANER_VERSION},
                    ":one": {"N": "1"},
                    ":true": {"BOOL": True},
                    ":resume": {"N": str(checkpoint)},
                },
            )
        except ConditionFailed:
            latest = self.table.get(pk, keys.STATUS_SK, consistent=True) or {}
            if latest.get("status") in FINAL_STATES and not latest.get("retryable"):
                return None
            busy = BundleBusy(
                f"bundle {ref.bundle_id} is being ingested by another invocation",
                hint="nothing to do: SQS delivers the message again after the visibility timeout",
            )
            busy.ahead = ref.resume_at > checkpoint
            raise busy from None

    def _save(self, ref: ObjectRef, attributes: dict[str, Any]) -> dict[str, Any]:
        names, values, sets = {}, {}, []
        for i, (name, value) in enumerate(attributes.items()):
            names[f"#a{i}"] = name
            values[f":v{i}"] = value
            sets.append(f"#a{i} = :v{i}")
        return self.table.update(
            keys.bundle_pk(ref.bundle_id),
            keys.STATUS_SK,
            UpdateExpression="SET " + ", ".join(sets),
            ExpressionAttributeNames=names,
            ExpressionAttributeValues=to_wire(values),
        )

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
        claimed = self._claim_waiting(ref)
        if claimed is None:
            record = self.table.get(keys.bundle_pk(ref.bundle_id), keys.STATUS_SK) or {}
            logger.info("bundle already processed", extra={"bundle_id": ref.bundle_id, "key": ref.key})
            return Outcome(ref.bundle_id, record.get("status", ""), record, skipped_as_duplicate=True)
        started = time.monotonic()
        ref = replace(ref, resume_at=int(claimed.get("resume_at") or 0))  # the record is the checkpoint
        progress = Progress.restore(claimed) if ref.resume_at else Progress()
        info: ObjectInfo | None
        try:
            info, resume_at = self._run(ref, progress, time_left)
        except NotFound as exc:
            progress.bundle_error = _entry("(bundle)", exc)
            info, resume_at = None, None
        except Exception as exc:
            self._record_transient_failure(ref, progress, exc, receive_count, max_receives)
            raise
        if resume_at is not None:
            return self._hand_over(ref, progress, resume_at)
        quarantine_key = None
        if progress.bundle_error and info is not None:
            try:
                quarantine_key = self._quarantine(ref, info, progress)
            except Exception as exc:
                self._record_transient_failure(ref, progress, exc, receive_count, max_receives)
                raise
        status = progress.final_status()
        finished = self.clock()
        attributes = {
            "status": status,
            "finished_at": iso(finished),
            "duration_ms": _millis_between(
                claimed.get("started_at"), finished, fallback=time.monotonic() - started
            ),
            "format": progress.format,
            "quarantine_key": quarantine_key,
            "lease_until": iso(finished),
            **progress.as_attributes(),
        }
        if info is not None:
            attributes["size"] = info.size
        record = self._save(ref, {k: v for k, v in attributes.items() if v is not None})
        logger.info(
            "bundle ingested",
            extra={
                "bundle_id": ref.bundle_id,
                "key": ref.key,
                "status": status,
                "counts": record.get("counts"),
            },
        )
        return Outcome(ref.bundle_id, status, record)

    def _run(
        self, ref: ObjectRef, progress: Progress, time_left: Callable[[], float] | None
    ) -> tuple[ObjectInfo, int | None]:
        """Split and write the bundle from member ``ref.resume_at`` on.

        Returns the object and, when time ran short, the member index a continuation starts at.
        A BundleError is recorded on ``progress`` after keeping what was read.
        """
        info = self.bucket.head(ref.key, ref.version_id)
        writer = _ArticleWriter(self, ref, progress)
        can_continue = time_left is not None and self.continue_later is not None
        try:
            self._check_size(info)
            last_report = time.monotonic()
            with self.bucket.open(info) as stream:
                progress.format = detect_format(stream.peek(HEAD_BYTES)[:HEAD_BYTES], ref.key)
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
    def _take(member: Member | MemberProblem, progress: Progress, writer: _ArticleWriter) -> None:
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

    def _quarantine(self, ref: ObjectRef, info: ObjectInfo, progress: Progress) -> str | None:
        """Copy an unreadable bundle aside with an error report; the original is never touched."""
        relative = ref.key.removeprefix(self.settings.incoming_prefix)
        dest = f"{self.settings.quarantine_prefix}{ref.bundle_id}/{relative}"
        report = {
            "bundle_id": ref.bundle_id,
            "source": {"bucket": ref.bucket, "key": ref.key, "version_id": info.version_id},
            "error": progress.as_attributes()["errors"][0] if progress.bundle_error else None,
            "counts": progress.as_attributes()["counts"],
            "errors": progress.as_attributes()["errors"],
            "what_to_do": "fix the bundle as the error says and drop it again under "
            f"{self.settings.incoming_prefix}",
        }
        try:
            self.bucket.copy(info, dest)  # an empty object too: the key the record names must exist
            self.bucket.put_bytes(
                f"{dest}.error.json",
                json.dumps(report, indent=2, ensure_ascii=False).encode(),
                content_type="application/json",
            )
        except (AccessDenied, NotFound):  # lasting: the record still carries the error, without a copy
            logger.exception("quarantine copy failed", extra={"bundle_id": ref.bundle_id})
            return None
        # Anything else (throttling, a 5xx) propagates: SQS retries, and the copy is made like a clean run's.
        return dest

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
            )
        attributes["lease_until"] = iso(self.clock())
        try:
            self._save(ref, attributes)
        except Exception:  # the table itself may be what is failing; the message still goes back to SQS
            logger.exception("could not record the failure", extra={"bundle_id": ref.bundle_id})


def _millis_between(start_iso: str | None, end: datetime, *, fallback: float) -> int:
    """Wall time since the first invocation started (continuations included)."""
    try:
        start = datetime.fromisoformat(str(start_iso).replace("Z", "+00:00"))
    except ValueError:
        return int(fallback * 1000)
    return max(0, int((end - start).total_seconds() * 1000))


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


class _ArticleWriter:
    """Buffers cleaned articles and writes them in batches, deciding new versus duplicate per article."""

    def __init__(self, ingestor: Ingestor, ref: ObjectRef, progress: Progress) -> None:
        self.ingestor = ingestor
        self.ref = ref
        self.progress = progress
        self.pending: list[tuple[str, CleanArticle, str]] = []
        self.seen: set[str] = set()
        self.now = iso(ingestor.clock())
        self.cleaner = BundleCleaner(known_chrome=progress.chrome)

    def add(self, member: Member) -> None:
        self._take(self.cleaner.add(member))

    def finish(self) -> None:
        """Clean the members held for the chrome sample, write everything, and note the chrome learned."""
        self._take(self.cleaner.finish())
        self.progress.chrome = self.cleaner.chrome_for_record()
        self.flush()

    def _take(self, results: list[CleanedMember | MemberProblem]) -> None:
        for result in results:
            if isinstance(result, MemberProblem):
                self._fail(result.name, result.code, result.reason)
                continue
            self.pending.append((result.name, result.article, articles.article_id(result.article)))
            if len(self.pending) >= ARTICLES_PER_FLUSH:
                self.flush()

    def _fail(self, name: str, code: str, reason: str) -> None:
        self.progress.counts.failed += 1
        self.progress.add_error(name, code, reason)

    def flush(self) -> None:
        if not self.pending:
            return
        table, bid = self.ingestor.table, self.ref.bundle_id
        fresh_ids = {aid for _, _, aid in self.pending if aid not in self.seen}
        existing = table.batch_get([(keys.article_pk(aid), keys.ARTICLE_SK) for aid in sorted(fresh_ids)])
        items: list[dict[str, Any]] = []
        grouping: list[_NewArticle] = []
        counts = self.progress.counts
        for member, article, aid in self.pending:
            counts.articles += 1
            sighting = articles.sighting_item(
                aid, bundle_id=bid, key=self.ref.key, member=member, now=self.now
            )
            if aid in self.seen:
                counts.duplicates += 1
                items.append(sighting)
                continue
            self.seen.add(aid)
            stored_before = existing.get((keys.article_pk(aid), keys.ARTICLE_SK))
            # Written before by this very member (an earlier attempt at this bundle): still "new" to it.
            first_seen_here = stored_before is not None and (
                stored_before.get("first_bundle"),
                stored_before.get("first_member"),
            ) == (bid, member)
            if stored_before is not None and not first_seen_here:
                counts.duplicates += 1
                items += [sighting, articles.bundle_link_item(article, aid, bundle_id=bid, member=member)]
                continue
            counts.new += 1
            meta: dict[str, Any] | None = None
            if stored_before is None:
                stored = articles.store_body(article, aid, self.ingestor.settings.bodies_prefix)
                if stored.s3_key and stored.s3_payload is not None:
                    self.ingestor.bucket.put_bytes(
                        stored.s3_key, stored.s3_payload, content_type="application/gzip"
                    )
                meta = articles.article_item(article, aid, stored, bundle_id=bid, member=member, now=self.now)
                items.append(meta)
            # Terms go out even when an earlier attempt wrote META: its flush may have died with only
            # some chunks written, and the terms are the chunks most likely to be the missing ones.
            items.extend(articles.term_items(article, aid))
            items += [sighting, articles.bundle_link_item(article, aid, bundle_id=bid, member=member)]
            grouping.append(_NewArticle(aid, article, meta, stored_before))
        items += self._group(grouping)
        table.batch_put(items)
        self.pending.clear()

    def _group(self, new: list[_NewArticle]) -> list[dict[str, Any]]:
        """Put the flush's new articles into near-duplicate groups: one batch_get of their band heads.

        Sets ``group_id`` and ``sig`` on the META items about to be written and returns the band heads
        and group member items. An article whose META an earlier attempt wrote keeps the group stored on
        it, so a retry rewrites the same member item instead of adding one to another group.
        """
        table = self.ingestor.table
        signed = [(entry, sig) for entry in new if (sig := signature(entry.article.body)) is not None]
        if not signed:
            return []
        bands = {key for _, sig in signed for key in band_keys(sig)}
        # BatchGetItem takes 100 keys: the adapter splits the flush's (up to 400) keys into requests.
        stored_heads = table.batch_get([(keys.band_pk(key), keys.BAND_HEAD_SK) for key in sorted(bands)])
        found = {
            key: Head(item["id"], item["group_id"], unpack(bytes(item["sig"])))
            for key in bands
            if (item := stored_heads.get((keys.band_pk(key), keys.BAND_HEAD_SK))) is not None
        }
        groups, heads = assign_groups(
            [(e.aid, sig, (e.stored_before or {}).get("group_id")) for e, sig in signed], found
        )
        items: list[dict[str, Any]] = []
        for entry, sig in signed:
            group_id = groups[entry.aid]
            fields = articles.group_fields(group_id, sig)
            if entry.meta is not None:
                entry.meta.update(fields)
            elif entry.stored_before is not None and "group_id" not in entry.stored_before:
                # META from before grouping existed (a bundle retried across the deploy): mark it too.
                self._set_group(entry.aid, fields)
            items.append(articles.group_member_item(entry.article, entry.aid, group_id=group_id, sig=sig))
        items += [articles.band_head_item(key, head) for key, head in heads.items()]
        return items

    def _set_group(self, aid: str, fields: dict[str, Any]) -> None:
        self.ingestor.table.update(
            keys.article_pk(aid),
            keys.ARTICLE_SK,
            UpdateExpression="SET group_id = :g, sig = :s",
            ExpressionAttributeValues=to_wire({":g": fields["group_id"], ":s": fields["sig"]}),
        )


@dataclass(frozen=True, slots=True)
class _NewArticle:
    """A new article of a flush: its META item when this flush writes it, and what was stored before."""

    aid: str
    article: CleanArticle
    meta: dict[str, Any] | None
    stored_before: dict[str, Any] | None
