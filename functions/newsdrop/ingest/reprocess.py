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
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from newsdrop import articles
from newsdrop.adapters.bucket import DropBucket, ObjectInfo
from newsdrop.bundles import iter_members
from newsdrop.config import Settings
from newsdrop.dal import ReprocessClaim, Store, items, keys
from newsdrop.errors import BundleError, ConditionFailed, NotFound
from newsdrop.ingest import changes
from newsdrop.ingest.bodies import Bodies
from newsdrop.ingest.clock import iso, utc_now
from newsdrop.ingest.grouping import NewArticle, group
from newsdrop.ingest.postings import WINDOW_ARTICLES
from newsdrop.ingest.records import DONE, FAILED, FINAL_STATES, PARTIAL, PROCESSING, ErrorEntry
from newsdrop.models import CleanArticle, Member, MemberProblem
from newsdrop.observe import logger
from newsdrop.terms import index_terms
from newsdrop.text import cleaner as cleaner_module
from newsdrop.text.members import BundleCleaner, CleanedMember
from newsdrop.text.similar import band_keys, pack, signature

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


class ReprocessBusy(ConditionFailed):
    """The bundle is being ingested, or another invocation holds its reprocessing lease; SQS retries later."""

    code = "reprocess_busy"


def run_key(cleaner_version: str, dry_run: bool) -> str:
    return f"{cleaner_version}#dry" if dry_run else cleaner_version


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


class RewriteWindow:
    """Posting blocks of a run's changed articles: ``WINDOW_ARTICLES`` per block key, in member order."""

    def __init__(self, store: Store, prefix: str, resume_at: int) -> None:
        self.store = store
        self.prefix = prefix
        self.resume_at = resume_at
        self.window = 0
        self.postings: dict[str, list[str]] = {}
        self.count = 0
        self.full: list[tuple[str, dict[str, list[str]]]] = []

    def place(self, aid: str, article: CleanArticle) -> str:
        """The block the article's terms go to (its META names it before the block is written)."""
        block = keys.reprocess_block_sk(self.prefix, self.resume_at, self.window)
        for term in index_terms(article.title, article.body):
            self.postings.setdefault(term, []).append(aid)
        self.count += 1
        if self.count >= WINDOW_ARTICLES:
            self.full.append((block, self.postings))
            self.postings, self.count, self.window = {}, 0, self.window + 1
        return block

    def write_full(self) -> None:
        for block, postings in self.full:
            self.store.put_postings(block, postings)
        self.full.clear()

    def close(self) -> None:
        self.write_full()
        if self.count:
            self.store.put_postings(
                keys.reprocess_block_sk(self.prefix, self.resume_at, self.window), self.postings
            )
            self.postings, self.count, self.window = {}, 0, self.window + 1


@dataclass(slots=True)
class _Rewrite:
    member: str
    aid: str
    article: CleanArticle
    before: dict[str, Any]
    kinds: list[str]
    redone: bool  # META already written by an earlier attempt of this run
    heavy_inline: bool  # the stored META holds the body (else the content item of its text does)


def _replaced_key(rw: _Rewrite) -> str:
    """The content key of the text the article had before this run (what an earlier attempt noted)."""
    before = rw.before.get("replaced_content_key") if rw.redone else rw.before.get("content_key")
    return str(before or "")


class ArticleRewriter:
    """Cleans members with a fresh bundle chrome and rewrites this bundle's stored articles, a flush at a time."""

    def __init__(
        self,
        store: Store,
        bodies: Bodies,
        record: Mapping[str, Any],
        *,
        run: str,
        resume_at: int,
        progress: RunProgress,
        dry_run: bool,
        cleaner_version: str,
        fetch: Callable[[str], bytes],
    ) -> None:
        self.store = store
        self.bodies = bodies
        self.bundle_id = str(record["bundle_id"])
        self.progress = progress
        self.dry_run = dry_run
        self.cleaner_version = cleaner_version
        self.fetch = fetch
        self.cleaner = BundleCleaner(known_chrome=progress.chrome)
        self.prefix = keys.reprocess_block_prefix(str(record.get("received_at") or ""), self.bundle_id, run)
        self.window = RewriteWindow(store, self.prefix, resume_at)
        # member -> article id, from the links ingest wrote for every member that gave an article.
        self.links = {str(link["member"]): str(link["id"]) for link in store.bundle_links(self.bundle_id)}
        self.pending: list[CleanedMember | MemberProblem] = []

    def add(self, member: Member) -> None:
        self._take(self.cleaner.add(member))

    def finish(self) -> None:
        self._take(self.cleaner.finish())
        self.progress.chrome = self.cleaner.chrome_for_record()
        self.flush()
        if not self.dry_run:
            self.window.close()

    def _take(self, results: list[CleanedMember | MemberProblem]) -> None:
        self.pending += results
        if len(self.pending) >= ARTICLES_PER_FLUSH:
            self.flush()

    def _owned(self, member: str, meta: Mapping[str, Any]) -> bool:
        """True when this bundle's ``member`` first stored the article (layout-1 META: its link says so)."""
        if not meta.get("first_bundle"):
            return True
        return (meta.get("first_bundle"), meta.get("first_member")) == (self.bundle_id, member)

    def flush(self) -> None:
        if not self.pending:
            return
        results, self.pending = self.pending, []
        metas = self.store.article_items(self.links[r.name] for r in results if r.name in self.links)
        # Since layout 3 an article's body may sit on the content item of its text rather than on META.
        texts = self.store.content_items(
            str(m["content_key"])
            for m in metas.values()
            if m.get("content_key") and not articles.holds_heavy(m)
        )
        whole = {aid: items.with_text(m, texts.get(str(m.get("content_key")))) for aid, m in metas.items()}
        counts = self.progress.counts
        rewrites: list[_Rewrite] = []
        unchanged: list[dict[str, Any]] = []
        for result in results:
            aid = self.links.get(result.name)
            meta = metas.get(aid) if aid else None
            if meta is None or not self._owned(result.name, meta):
                counts.skipped += 1  # no stored article, or a duplicate of one another bundle stored first
                continue
            if isinstance(result, MemberProblem):
                self.progress.fail(result.name, result.code, result.reason)
                continue
            assert aid is not None
            rewrite = self._compare(result, aid, whole[aid], heavy_inline=articles.holds_heavy(meta))
            if rewrite is None:
                counts.unchanged += 1
                if meta.get("cleaner_version") != self.cleaner_version:
                    unchanged.append({**meta, "cleaner_version": self.cleaner_version})
                continue
            counts.changed += 1
            rewrites.append(rewrite)
        if self.dry_run:
            return
        self._write(rewrites, unchanged)

    def _compare(
        self, result: CleanedMember, aid: str, meta: dict[str, Any], *, heavy_inline: bool
    ) -> _Rewrite | None:
        """The rewrite a changed article needs (None when unchanged); a dry run samples its diff instead.

        ``meta`` carries the heavy fields wherever they are stored; ``heavy_inline`` says they are on META.
        """
        old = changes.stored_view(meta, articles.heavy_fields_of(meta, self.fetch))
        new = changes.fresh_view(result.article)
        kinds = changes.changed_kinds(old, new)
        redone = str(meta.get("index_block") or "").startswith(self.prefix)
        if redone:
            kinds = [str(k) for k in meta.get("reprocess_changes") or kinds]  # written by an earlier attempt
        elif not kinds:
            return None
        sample = None
        if self.dry_run and self.progress.summary.wants_sample():
            sample = {
                "id": aid,
                "member": result.name,
                "diff": changes.unified_diff(old, new, name=result.name),
            }
        self.progress.summary.add(kinds, sample=sample)
        return _Rewrite(result.name, aid, result.article, meta, kinds, redone, heavy_inline)

    def _write(self, rewrites: list[_Rewrite], unchanged: list[dict[str, Any]]) -> None:
        new_keys = {rw.aid: articles.content_key(rw.article) for rw in rewrites}
        replaced = {rw.aid: _replaced_key(rw) for rw in rewrites}
        owners = self.store.content_items([*new_keys.values(), *filter(None, replaced.values())])
        metas: list[dict[str, Any]] = []
        contents: list[dict[str, Any]] = []
        for rw in rewrites:
            stored = self.bodies.store(rw.article, rw.aid)  # S3 first: META never points at a missing body
            self._move_links(rw)
            meta, content = self._meta(rw, stored, new_keys[rw.aid], owners.get(new_keys[rw.aid]))
            metas.append(meta)
            contents += content
        # Content and group items before the METAs they belong to, in a call of their own (the chunks of one
        # call go out side by side): a body is never missing for its META, and until META is written a retry
        # groups the article again.
        grouping = self._grouping(rewrites, metas)
        self.store.put_items([*contents, *grouping])
        self.store.put_items([*unchanged, *metas])
        # The old text's content item, once no META names it: only when this article owns it.
        stale = [
            old
            for rw in rewrites
            if (old := replaced[rw.aid])
            and old != new_keys[rw.aid]
            and str((owners.get(old) or {}).get("id")) == rw.aid
        ]
        if stale:
            self.store.delete_content_items(stale)
        self.window.write_full()  # after their META: a block never names an article the table lacks

    def _move_links(self, rw: _Rewrite) -> None:
        """Refile the article's links (this bundle's and those of bundles that saw it again) with the new summary."""
        new_summary = items.summary(rw.article, rw.aid)
        if {k: rw.before.get(k) for k in new_summary} == new_summary:
            return  # nothing a link shows changed (or an earlier attempt moved them already)
        bundles = {self.bundle_id} | self.store.sighting_bundles(rw.aid)
        links = self.store.links_of_article(rw.aid, rw.before.get("published"), bundles)
        self.store.move_links(links, published=rw.article.published, summary=new_summary)

    def _meta(
        self, rw: _Rewrite, stored: articles.StoredBody, content_key: str, owner: Mapping[str, Any] | None
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """The rewritten META and the content item of its new text (none when another article has that text)."""
        before = rw.before
        fresh = items.article_item(
            rw.article,
            rw.aid,
            articles.StoredBody(attributes={}),
            bundle_id=str(before.get("first_bundle") or self.bundle_id),
            key=str(before.get("first_key") or ""),
            member=str(before.get("first_member") or rw.member),
            now=str(before.get("first_seen") or ""),
            content_key=content_key,
            cleaner_version=self.cleaner_version,
        )
        derived = set(fresh) | set(articles.HEAVY_FIELDS) | set(INDEX_ATTRIBUTES)
        kept = {k: v for k, v in before.items() if k not in derived or k.startswith("first_")}
        light = {**{k: v for k, v in fresh.items() if not k.startswith("first_")}, **kept}
        light.update(
            index_block=self.window.place(rw.aid, rw.article),
            reprocess_changes=rw.kinds,
            replaced_content_key=_replaced_key(rw) or None,
        )
        light = {k: v for k, v in light.items() if v is not None}
        if owner is not None and str(owner.get("id")) != rw.aid:
            # Another article was stored with this very text: it keeps the content item, the body stays here.
            return {**light, **stored.attributes}, []
        if before.get("content_key") == content_key:
            # The same content item as before, written ahead of META: the body stays where the stored META
            # reads it, so a crash between the two never leaves that META without its body.
            if rw.heavy_inline:
                return {**light, **stored.attributes}, [items.content_item(content_key, rw.aid)]
            return light, [items.content_item(content_key, rw.aid, stored.attributes)]
        meta, content = items.place_heavy(light, stored.attributes, content_key, rw.aid)
        return meta, [content]

    def _grouping(self, rewrites: list[_Rewrite], metas: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Keep each article's near-duplicate group; refresh its signature, member item and free band heads.

        An article with a group stays in it (a group is what ingest recognised as one story); its member
        item, if it has one, gets the new summary and signature. An article stored without a group (its body
        was too short to sign) is grouped now, as ingest groups a new article.
        """
        out: list[dict[str, Any]] = []
        regroup: list[NewArticle] = []
        grouped: list[tuple[_Rewrite, dict[str, Any], bytes, list[str]]] = []
        for rw, meta in zip(rewrites, metas, strict=True):
            sig = signature(rw.article.body)
            if sig is None:
                continue  # too short to compare now: the stored group and signature stay
            if meta.get("group_id"):
                meta["sig"] = pack(sig)
                grouped.append((rw, meta, meta["sig"], band_keys(sig)))
            else:
                regroup.append(NewArticle(rw.aid, rw.article, meta, {"id": rw.aid}))
        if grouped:
            members = self.store.group_member_items((str(m["group_id"]), rw.aid) for rw, m, _, _ in grouped)
            existing = {(str(i["group_id"]), str(i["id"])) for i in members}
            heads = self.store.band_heads({k for *_, bands in grouped for k in bands})
            for rw, meta, packed, bands in grouped:
                gid = str(meta["group_id"])
                if (gid, rw.aid) in existing:
                    out.append(
                        items.group_member_item(
                            items.summary(rw.article, rw.aid), rw.aid, group_id=gid, packed_sig=packed
                        )
                    )
                out += [items.band_head_item(k, rw.aid, gid) for k in bands if k not in heads]
        if regroup:
            out += group(self.store, regroup)
        return out
