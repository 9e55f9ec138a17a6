"""The bundle status record: counts, per-member errors and the state machine RECEIVED -> PROCESSING -> end."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

from newsdrop.observe import logger

RECEIVED, PROCESSING, DONE, PARTIAL, FAILED = "RECEIVED", "PROCESSING", "DONE", "PARTIAL", "FAILED"
FINAL_STATES = frozenset({DONE, PARTIAL, FAILED})
MAX_ERRORS_KEPT = 100  # bounds the record far below DynamoDB's 400 KB item limit
MAX_ERROR_TEXT = 1500  # characters of one error's member name or reason (100 errors stay under 400 KB)


def _clip(text: str) -> str:
    return text if len(text) <= MAX_ERROR_TEXT else f"{text[:MAX_ERROR_TEXT]}… ({len(text)} characters)"


@dataclass(frozen=True, slots=True)
class ObjectRef:
    """One dropped object version, as an S3 notification names it."""

    bucket: str
    key: str
    version_id: str | None = None
    etag: str | None = None
    size: int | None = None
    sequencer: str | None = None
    resume_at: int = 0  # members already handled by earlier invocations (a continuation)
    chunk: int | None = None  # one chunk of a fanned-out bundle (ingest/fanout.py)

    @property
    def bundle_id(self) -> str:
        """Stable per object version: a duplicated notification or a retry maps to the same record."""
        marker = self.version_id or self.etag or self.sequencer or ""
        digest = hashlib.sha256(f"{self.bucket}/{self.key}#{marker}".encode()).hexdigest()
        return digest[:24]


@dataclass(slots=True)
class Counts:
    members: int = 0
    articles: int = 0
    new: int = 0
    duplicates: int = 0
    skipped: int = 0
    failed: int = 0


@dataclass(frozen=True, slots=True)
class ErrorEntry:
    member: str
    code: str
    reason: str


@dataclass(slots=True)
class Progress:
    """What one ingest attempt has done so far."""

    counts: Counts = field(default_factory=Counts)
    errors: list[ErrorEntry] = field(default_factory=list)
    errors_total: int = 0
    bundle_error: ErrorEntry | None = None
    format: str | None = None
    # The bundle's chrome lines once learned, kept on the record so a continuation cleans alike.
    chrome: list[str] | None = None

    @classmethod
    def restore(cls, record: dict[str, Any]) -> Progress:
        """The progress a checkpointed record holds, so a continuation carries on counting.

        Counts come from the ``checkpoint`` saved together with ``resume_at``: the record's own counts
        may include members past ``resume_at`` that a crashed attempt reported and a redelivery reads again.
        Records checkpointed before ``checkpoint`` existed fall back to their own fields.
        """
        record = record.get("checkpoint") or record
        counts = Counts(
            **{k: int(v) for k, v in (record.get("counts") or {}).items() if k in Counts.__slots__}
        )
        errors = [
            ErrorEntry(str(e["member"]), str(e["code"]), str(e["reason"])) for e in record.get("errors") or []
        ]
        return cls(
            counts=counts,
            errors=errors,
            errors_total=len(errors) + int(record.get("errors_truncated") or 0),
            format=record.get("format"),
            chrome=None if record.get("chrome") is None else [str(key) for key in record["chrome"]],
        )

    def add_error(self, member: str, code: str, reason: str) -> None:
        # One line per failed member, also past the 100 the record keeps.
        logger.warning("member failed", extra={"member": member, "code": code, "reason": reason})
        self.errors_total += 1
        if len(self.errors) < MAX_ERRORS_KEPT:
            self.errors.append(ErrorEntry(member=_clip(member), code=code, reason=_clip(reason)))

    def final_status(self) -> str:
        if self.counts.articles == 0:
            return FAILED
        if self.counts.failed or self.bundle_error:
            return PARTIAL
        return DONE

    def as_attributes(self) -> dict[str, Any]:
        errors = [asdict(e) for e in self.errors]
        if self.bundle_error:
            error = self.bundle_error
            errors.insert(0, {"member": error.member, "code": error.code, "reason": _clip(error.reason)})
        attributes: dict[str, Any] = {
            "counts": asdict(self.counts),
            "errors": errors,
            "errors_truncated": max(0, self.errors_total - len(self.errors)),
        }
        if self.chrome is not None:
            attributes["chrome"] = self.chrome
        return attributes


def new_record(ref: ObjectRef, *, now: str, cleaner_version: str) -> dict[str, Any]:
    """The attributes of a bundle's first record (``Store.create_bundle`` adds its keys)."""
    bid = ref.bundle_id
    return {
        "type": "bundle",
        "bundle_id": bid,
        "bucket": ref.bucket,
        "key": ref.key,
        "version_id": ref.version_id,
        "etag": ref.etag,
        "size": ref.size,
        "status": RECEIVED,
        "received_at": now,
        "attempts": 0,
        "resume_at": 0,
        "cleaner_version": cleaner_version,
        "counts": asdict(Counts()),
        "errors": [],
        "errors_truncated": 0,
        # Its articles are also filed under their near-duplicate groups (bundle group items): GET
        # /bundles/{id}/groups lists them; a record without the flag predates those items.
        "group_links": True,
    }


def log_ingested(ref: ObjectRef, status: str, record: dict[str, Any], **more: Any) -> None:
    """The one log line of a bundle's end: its final status, counts (as numbers) and duration."""
    logger.info(
        "bundle ingested",
        extra={
            "bundle_id": ref.bundle_id,
            "key": ref.key,
            "status": status,
            **more,
            "counts": {name: int(value) for name, value in (record.get("counts") or {}).items()},
            "duration_ms": int(record.get("duration_ms") or 0),
        },
    )
