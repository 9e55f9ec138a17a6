"""Access patterns of bundle records: status, leases, fan-out chunks, the sweeper's reads and reprocessing claims."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newsdrop.dal import items, keys
from newsdrop.dal.expressions import BUNDLE_SUMMARY, StartKey, at_checkpoint, projection, set_clauses
from newsdrop.dal.paging import TablePatterns
from newsdrop.dal.table import Item, to_wire
from newsdrop.errors import ConditionFailed

LAYOUT_VERSION = 3


@dataclass(frozen=True, slots=True)
class Claim:
    """What claiming a bundle sets: the lease, the cleaner, and the continuation it must match."""

    now: str
    lease_until: str
    cleaner_version: str
    resume_at: int


@dataclass(frozen=True, slots=True)
class ReprocessClaim:
    """What claiming a bundle for reprocessing sets; ``fresh`` is the report a new run starts with."""

    now: str
    lease_until: str
    run: str
    resume_at: int
    request: str
    fresh: Mapping[str, Any] | None = None


class BundleRecords(TablePatterns):
    """The bundle record's patterns, and the table's layout marker."""

    # --- layout ---------------------------------------------------------------------------------
    def layout_version(self) -> int | None:
        """The layout the table was marked with; None for a table written before markers (layout 1) or empty."""
        item = self.table.get(keys.LAYOUT_PK, keys.LAYOUT_SK)
        return None if item is None else int(item["version"])

    def mark_layout(self, version: int = LAYOUT_VERSION) -> None:
        self.table.put({"pk": keys.LAYOUT_PK, "sk": keys.LAYOUT_SK, "version": version})

    # --- bundle records -------------------------------------------------------------------------
    def bundle(self, bundle_id: str, *, consistent: bool = False) -> Item | None:
        return self.table.get(keys.bundle_pk(bundle_id), keys.STATUS_SK, consistent=consistent)

    def create_bundle(self, bundle_id: str, key: str, received_at: str, attributes: dict[str, Any]) -> bool:
        """Create the bundle's record unless one exists; True when this call created it."""
        return self.table.put_if_absent(items.bundle_record_item(bundle_id, key, received_at, attributes))

    def claim_bundle(self, bundle_id: str, claim: Claim, *, received: str, processing: str) -> Item:
        """Move the record to ``processing`` under a lease; ConditionFailed when another invocation holds it.

        Allowed from ``received``/``processing`` or a retryable failure, once the lease has lapsed, and only for
        the continuation the record expects (``resume_at``).
        """
        return self.table.update(
            keys.bundle_pk(bundle_id),
            keys.STATUS_SK,
            UpdateExpression=(
                "SET #s = :processing, started_at = if_not_exists(started_at, :now), lease_until = :lease, "
                "cleaner_version = :cv ADD attempts :one REMOVE retryable, last_error"
            ),
            ConditionExpression=(
                "(#s IN (:received, :processing) OR retryable = :true) "
                "AND (attribute_not_exists(lease_until) OR lease_until < :now) "
                "AND (attribute_not_exists(resume_at) OR resume_at = :resume)"
            ),
            ExpressionAttributeNames={"#s": "status"},
            ExpressionAttributeValues={
                ":processing": {"S": processing},
                ":received": {"S": received},
                ":now": {"S": claim.now},
                ":lease": {"S": claim.lease_until},
                ":cv": {"S": claim.cleaner_version},
                ":one": {"N": "1"},
                ":true": {"BOOL": True},
                ":resume": {"N": str(claim.resume_at)},
            },
        )

    def save_bundle(self, bundle_id: str, attributes: Mapping[str, Any]) -> Item:
        """Set ``attributes`` on the bundle's record; returns the whole record."""
        return self._set_on_record(bundle_id, attributes)

    def _set_on_record(
        self, bundle_id: str, attributes: Mapping[str, Any], *, condition: str | None = None, **bound: Any
    ) -> Item:
        """SET ``attributes`` on the bundle's record, if ``condition`` holds (``bound``: its ``:`` values)."""
        names, values, sets = set_clauses(attributes)
        if condition is not None and "#status_now" in condition:
            names["#status_now"] = "status"  # DynamoDB refuses a name no expression uses
        values.update({f":{name}": value for name, value in bound.items()})
        extra = {"ConditionExpression": condition} if condition is not None else {}
        return self.table.update(
            keys.bundle_pk(bundle_id),
            keys.STATUS_SK,
            UpdateExpression="SET " + ", ".join(sets),
            ExpressionAttributeNames=names,
            ExpressionAttributeValues=to_wire(values),
            **extra,
        )

    # --- fanned-out bundles (docs/fanout.md) ---------------------------------------------------------
    def plan_bundle(self, bundle_id: str, attributes: Mapping[str, Any]) -> Item:
        """Store a fan-out plan (``chunks`` and what every chunk shares); ConditionFailed if one is stored."""
        return self._set_on_record(bundle_id, attributes, condition="attribute_not_exists(chunks)")

    def finish_chunk(
        self,
        bundle_id: str,
        index: int,
        result: Mapping[str, Any],
        counts: Mapping[str, int],
        *,
        processing: str,
        lease_until: str,
        resume_at: int = 0,
    ) -> Item | None:
        """Record chunk ``index``'s result once, add its ``counts`` to the record's and count it done; the
        lease is renewed, so the sweeper leaves a bundle alone while its chunks keep finishing.

        ``resume_at``: where the invocation started in the chunk; the chunk's checkpoint must still be there
        (``checkpoint_chunk``), so a copy that started before a later checkpoint records nothing.
        None (nothing written) when the chunk was recorded before, a redelivery, or the bundle has ended.
        """
        names = {"#k": str(index), "#s": "status"}
        values: dict[str, Any] = {
            ":r": dict(result),
            ":one": 1,
            ":processing": processing,
            ":lease": lease_until,
        }
        condition = "attribute_not_exists(chunk_results.#k) AND #s = :processing AND " + at_checkpoint(
            resume_at, values
        )
        sets = ["chunk_results.#k = :r", "lease_until = :lease"]
        for i, (name, value) in enumerate(counts.items()):
            names[f"#c{i}"] = name
            values[f":c{i}"] = int(value)
            sets.append(f"counts.#c{i} = counts.#c{i} + :c{i}")
        try:
            return self.table.update(
                keys.bundle_pk(bundle_id),
                keys.STATUS_SK,
                # A recorded chunk's checkpoint is read no more: dropped, it keeps the record small.
                UpdateExpression="SET "
                + ", ".join(sets)
                + " ADD chunks_done :one"
                + (" REMOVE chunk_progress.#k" if resume_at else ""),
                ConditionExpression=condition,
                ExpressionAttributeNames=names,
                ExpressionAttributeValues=to_wire(values),
            )
        except ConditionFailed:
            return None

    def checkpoint_chunk(
        self,
        bundle_id: str,
        index: int,
        checkpoint: Mapping[str, Any],
        *,
        expected: int,
        processing: str,
        lease_until: str,
    ) -> Item | None:
        """Move chunk ``index``'s checkpoint from ``expected`` to ``checkpoint`` (its ``resume_at`` and the
        counts so far) and renew the lease, only while the chunk is unrecorded and still checkpointed at
        ``expected``: of two copies of one chunk invocation, one moves it. None when nothing was written.
        """
        values: dict[str, Any] = {":cp": dict(checkpoint), ":processing": processing, ":lease": lease_until}
        try:
            return self.table.update(
                keys.bundle_pk(bundle_id),
                keys.STATUS_SK,
                UpdateExpression="SET chunk_progress.#k = :cp, lease_until = :lease",
                ConditionExpression="attribute_not_exists(chunk_results.#k) AND #s = :processing AND "
                + at_checkpoint(expected, values),
                ExpressionAttributeNames={"#k": str(index), "#s": "status"},
                ExpressionAttributeValues=to_wire(values),
            )
        except ConditionFailed:
            return None

    def end_fanned_out_bundle(
        self, bundle_id: str, attributes: Mapping[str, Any], *, processing: str
    ) -> Item | None:
        """Set the final ``attributes`` once, while the record is still ``processing``; None if it ended already."""
        try:
            return self._set_on_record(
                bundle_id, attributes, condition="#status_now = :processing", processing=processing
            )
        except ConditionFailed:
            return None

    def clear_bundle_flag(self, bundle_id: str, flag: str, *, finished_at: Any) -> None:
        """Remove ``flag`` from the record only while it still ends at ``finished_at``; ConditionFailed otherwise."""
        self.table.update(
            keys.bundle_pk(bundle_id),
            keys.STATUS_SK,
            UpdateExpression="REMOVE #f",
            ConditionExpression="finished_at = :finished",
            ExpressionAttributeNames={"#f": flag},
            ExpressionAttributeValues=to_wire({":finished": finished_at}),
        )

    def unfinished_bundle_ids(
        self, *, since: str, unfinished: Sequence[str], page_size: int, max_pages: int
    ) -> tuple[list[str], int]:
        """Ids of bundles received since ``since`` whose status is one of ``unfinished`` (gsi2 BUNDLES, newest
        first, never a Scan); also the number of pages read (at most ``max_pages``)."""
        names = {f":s{i}": status for i, status in enumerate(unfinished)}
        query: dict[str, Any] = {
            "IndexName": "gsi2",
            "KeyConditionExpression": "gsi2pk = :bundles AND gsi2sk >= :since",
            "FilterExpression": f"#s IN ({', '.join(names)})",
            "ExpressionAttributeNames": {"#s": "status"},
            "ExpressionAttributeValues": to_wire({":bundles": keys.BUNDLES_PK, ":since": since, **names}),
            "ScanIndexForward": False,
            "Limit": page_size,
        }
        found: list[str] = []
        pages = 0
        while pages < max_pages:
            page, last = self.table.query(**query)
            pages += 1
            found += [str(item["bundle_id"]) for item in page if item.get("bundle_id")]
            if not last:
                break
            query["ExclusiveStartKey"] = last
        return found, pages

    def _untouched_since(
        self, seen_lease: str | None, unfinished: Sequence[str]
    ) -> tuple[str, dict[str, Any]]:
        """A condition that holds only while the record is unfinished and no invocation touched its lease."""
        names = {f":u{i}": status for i, status in enumerate(unfinished)}
        condition = f"#s IN ({', '.join(names)}) AND "
        if seen_lease is None:
            return condition + "attribute_not_exists(lease_until)", names
        return condition + "lease_until = :seen_lease", {**names, ":seen_lease": seen_lease}

    def mark_bundle_swept(
        self, bundle_id: str, *, until: str, seen_lease: str | None, unfinished: Sequence[str]
    ) -> None:
        """Note that a sweep resumed the bundle (``swept_until``, ``sweeps`` + 1); ConditionFailed if it moved on."""
        condition, values = self._untouched_since(seen_lease, unfinished)
        self.table.update(
            keys.bundle_pk(bundle_id),
            keys.STATUS_SK,
            UpdateExpression="SET swept_until = :until ADD sweeps :one",
            ConditionExpression=condition,
            ExpressionAttributeNames={"#s": "status"},
            ExpressionAttributeValues=to_wire({":until": until, ":one": 1, **values}),
        )

    def fail_stuck_bundle(
        self,
        bundle_id: str,
        *,
        now: str,
        failed: str,
        error: Mapping[str, Any],
        seen_lease: str | None,
        unfinished: Sequence[str],
    ) -> None:
        """End a stuck bundle ``failed`` (retryable) with ``error`` first; ConditionFailed if it moved on."""
        condition, values = self._untouched_since(seen_lease, unfinished)
        self.table.update(
            keys.bundle_pk(bundle_id),
            keys.STATUS_SK,
            UpdateExpression=(
                "SET #s = :failed, finished_at = :now, lease_until = :now, retryable = :true, "
                "errors = list_append(:stuck, if_not_exists(errors, :none))"
            ),
            ConditionExpression=condition,
            ExpressionAttributeNames={"#s": "status"},
            ExpressionAttributeValues=to_wire(
                {
                    ":failed": failed,
                    ":now": now,
                    ":true": True,
                    ":stuck": [dict(error)],
                    ":none": [],
                    **values,
                }
            ),
        )

    def bundles(self, *, key: str | None, start: StartKey | None, limit: int) -> tuple[list[Item], Any]:
        """Bundle records newest first: all of them (gsi2 BUNDLES) or those of one object key (gsi1)."""
        if key is None:
            index, condition, values = "gsi2", "gsi2pk = :pk", {":pk": keys.BUNDLES_PK}
        else:
            index, condition, values = "gsi1", "gsi1pk = :pk", {":pk": keys.object_key_pk(key)}
        query = {
            "IndexName": index,
            "KeyConditionExpression": condition,
            "ExpressionAttributeValues": to_wire(values),
            "ScanIndexForward": False,
            **projection(BUNDLE_SUMMARY),
        }
        return self._collect(query, start, limit)

    # --- reprocessing ---------------------------------------------------------------------------
    def claim_reprocess(self, bundle_id: str, claim: ReprocessClaim, *, finished: Sequence[str]) -> Item:
        """Take the bundle's reprocessing lease for ``claim.run``; ConditionFailed when it is not free.

        Only a finished ingest (one of ``finished``, not a retryable failure) can be reprocessed, so a
        reprocess and an ingest of the same bundle never overlap. The same run resumes only from the
        checkpoint the record holds; another run (a newer cleaner, or a dry run) starts over.
        """
        values: dict[str, Any] = {
            ":now": claim.now,
            ":lease": claim.lease_until,
            ":run": claim.run,
            ":resume": claim.resume_at,
            ":request": claim.request,
            **{f":end{i}": status for i, status in enumerate(finished)},
        }
        sets = [
            "reprocess_run = :run",
            "reprocess_lease_until = :lease",
            "reprocess_resume_at = :resume",
            "reprocess_request = :request",
        ]
        if claim.fresh is None:
            run_condition = "reprocess_run = :run AND reprocess_resume_at = :resume"
        else:
            run_condition = "(attribute_not_exists(reprocess_run) OR reprocess_run <> :run)"
            sets.append("reprocess = :fresh")
            values[":fresh"] = dict(claim.fresh)
        return self.table.update(
            keys.bundle_pk(bundle_id),
            keys.STATUS_SK,
            UpdateExpression="SET "
            + ", ".join(sets)
            + (" REMOVE reprocess_checkpoint" if claim.fresh else ""),
            ConditionExpression=(
                f"#s IN ({', '.join(f':end{i}' for i in range(len(finished)))}) AND attribute_not_exists(retryable) "
                "AND (attribute_not_exists(reprocess_lease_until) OR reprocess_lease_until < :now) "
                f"AND {run_condition}"
            ),
            ExpressionAttributeNames={"#s": "status"},
            ExpressionAttributeValues=to_wire(values),
        )
