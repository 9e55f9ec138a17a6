"""Every access pattern of the articles table, by name: the only place that writes expressions or keys."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newsdrop.dal import items, keys
from newsdrop.dal.table import ArticleTable, Item, to_wire
from newsdrop.errors import ConditionFailed

LAYOUT_VERSION = 3
ARTICLE_SUMMARY = items.ARTICLE_SUMMARY
BUNDLE_SUMMARY = (
    "bundle_id",
    "key",
    "status",
    "format",
    "size",
    "received_at",
    "started_at",
    "finished_at",
    "duration_ms",
    "counts",
)
# Attributes the two GSIs project (template.yaml lists the same): the summaries their listings return.
GSI_PROJECTION = (*ARTICLE_SUMMARY, *BUNDLE_SUMMARY)
# Work bound of one read: Query calls a page of items may spend (lookup documents the bound).
MAX_QUERIES_PER_PAGE = 48
_KEY_ATTRIBUTES = frozenset({"pk", "sk", "gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk"})
# What ingest reads back of an article it may already hold: who stored it first and its group.
_DEDUP_FIELDS = ("id", "first_bundle", "first_key", "first_member", "group_id")
_GROUPING_FIELDS = (*ARTICLE_SUMMARY, "group_id", "sig", "first_bundle", "first_member")

StartKey = dict[str, Any]


class BadStartKey(ValueError):
    """A paging position that is not a key of this table (a forged or corrupted cursor)."""


def _projection(names: Sequence[str]) -> dict[str, Any]:
    """ProjectionExpression over ``names`` (aliased: several are DynamoDB reserved words)."""
    aliases = {f"#a{i}": name for i, name in enumerate(names)}
    return {"ProjectionExpression": ", ".join(aliases), "ExpressionAttributeNames": aliases}


def _set_clauses(attributes: Mapping[str, Any]) -> tuple[dict[str, str], dict[str, Any], list[str]]:
    """Aliased ``SET`` clauses for ``attributes`` (any name may be a reserved word)."""
    names, values, sets = {}, {}, []
    for i, (name, value) in enumerate(attributes.items()):
        names[f"#a{i}"] = name
        values[f":v{i}"] = value
        sets.append(f"#a{i} = :v{i}")
    return names, values, sets


def _at_checkpoint(resume_at: int, values: dict[str, Any]) -> str:
    """The condition that chunk ``#k`` is checkpointed at ``resume_at`` (0: never checkpointed)."""
    if not resume_at:
        return "attribute_not_exists(chunk_progress.#k)"
    values[":at"] = resume_at
    return "chunk_progress.#k.resume_at = :at"


def check_start_key(key: Any) -> StartKey | None:
    """A LastEvaluatedKey from a verified cursor, re-checked so a leaked secret still cannot inject input."""
    if key is None:
        return None
    if not isinstance(key, dict) or not key or not set(key) <= _KEY_ATTRIBUTES:
        raise BadStartKey("cursor position is not a table key")
    for value in key.values():
        if not (isinstance(value, dict) and set(value) == {"S"} and isinstance(value["S"], str)):
            raise BadStartKey("cursor position is not a table key")
    return key


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


class Store:
    """Named reads and writes over one ArticleTable; callers never see keys, expressions or wire values."""

    def __init__(self, table: ArticleTable) -> None:
        self.table = table

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
        names, values, sets = _set_clauses(attributes)
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
        condition = "attribute_not_exists(chunk_results.#k) AND #s = :processing AND " + _at_checkpoint(
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
                + _at_checkpoint(expected, values),
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
            **_projection(BUNDLE_SUMMARY),
        }
        return self._collect(query, start, limit)

    # --- articles: ingest -----------------------------------------------------------------------
    def stored_articles(self, article_ids: Iterable[str]) -> dict[str, Item]:
        """Who first stored each of these articles, and its group, for those the table holds."""
        found = self.table.batch_get(
            [(keys.article_pk(aid), keys.ARTICLE_SK) for aid in sorted(set(article_ids))],
            projection=_DEDUP_FIELDS,
        )
        return {item["pk"].removeprefix("ART#"): item for item in found.values()}

    def dedup_candidates(
        self, article_ids: Iterable[str], content_keys: Iterable[str]
    ) -> tuple[dict[str, Item], dict[str, str]]:
        """In one batch read: the stored articles among ``article_ids`` (as ``stored_articles``), and the
        article id each of ``content_keys`` was first stored under (its ``CONTENT#`` item), where there is one.

        Pass the content keys among ``article_ids`` too: an article stored under layout 2 has its content
        key as id and no ``CONTENT#`` item.
        """
        article_keys = [(keys.article_pk(aid), keys.ARTICLE_SK) for aid in sorted(set(article_ids))]
        content = [(keys.content_pk(ck), keys.CONTENT_SK) for ck in sorted(set(content_keys))]
        found = self.table.batch_get([*article_keys, *content], projection=_DEDUP_FIELDS)
        articles = {
            pk.removeprefix(keys.article_pk("")): item
            for (pk, sk), item in found.items()
            if sk == keys.ARTICLE_SK
        }
        owners = {
            pk.removeprefix(keys.content_pk("")): str(item["id"])
            for (pk, sk), item in found.items()
            if sk == keys.CONTENT_SK and item.get("id")
        }
        return articles, owners

    def band_heads(self, band_keys: Iterable[str]) -> dict[str, Item]:
        """The head (newest article id and its group) under each band key that has one."""
        found = self.table.batch_get(
            [(keys.band_pk(key), keys.BAND_HEAD_SK) for key in sorted(set(band_keys))]
        )
        return {item["pk"].removeprefix("SIMBAND#"): item for item in found.values()}

    def grouping_fields(self, article_ids: Iterable[str]) -> dict[str, Item]:
        """Summary, group, packed signature and first sighting of stored articles (band heads, founders)."""
        found = self.table.batch_get(
            [(keys.article_pk(aid), keys.ARTICLE_SK) for aid in sorted(set(article_ids))],
            projection=_GROUPING_FIELDS,
        )
        return {item["pk"].removeprefix("ART#"): item for item in found.values() if item.get("sig")}

    def set_group(self, article_id: str, group_id: str, packed_sig: bytes) -> None:
        """Put an article stored before grouping existed into a group (a retry across the layout change)."""
        self.table.update(
            keys.article_pk(article_id),
            keys.ARTICLE_SK,
            UpdateExpression="SET group_id = :g, sig = :s",
            ExpressionAttributeValues=to_wire({":g": group_id, ":s": packed_sig}),
        )

    def put_items(self, batch: Iterable[Mapping[str, Any]]) -> int:
        """Write item shapes of ``dal.items`` (articles, links, sightings, heads, members): idempotent puts."""
        return self.table.batch_put(batch)

    def put_postings(self, block_sk: str, postings: Mapping[str, Sequence[str]]) -> int:
        """One posting block per term for one write window; rewriting the window writes the same keys."""
        return self.table.batch_put(
            items.posting_block_item(term, block_sk, ids) for term, ids in postings.items()
        )

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

    def bundle_links(self, bundle_id: str) -> list[Item]:
        """Every article link of a bundle (which member gave which article id), all pages."""
        query: dict[str, Any] = {
            "KeyConditionExpression": "pk = :pk AND begins_with(sk, :art)",
            "ExpressionAttributeValues": to_wire(
                {":pk": keys.bundle_pk(bundle_id), ":art": keys.ARTICLE_LINK_PREFIX}
            ),
            **_projection(("pk", "sk", "id", "member")),
        }
        found: list[Item] = []
        while True:
            page, last = self.table.query(**query)
            found += page
            if not last:
                return found
            query["ExclusiveStartKey"] = last

    def article_items(self, article_ids: Iterable[str]) -> dict[str, Item]:
        """Whole META items of stored articles by id (what reprocessing rewrites in place)."""
        found = self.table.batch_get(
            [(keys.article_pk(aid), keys.ARTICLE_SK) for aid in sorted(set(article_ids))]
        )
        return {item["pk"].removeprefix("ART#"): item for item in found.values()}

    def sighting_bundles(self, article_id: str) -> set[str]:
        """Ids of the bundles with a sighting item of the article (its later occurrences)."""
        query: dict[str, Any] = {
            "KeyConditionExpression": "pk = :pk AND begins_with(sk, :seen)",
            "ExpressionAttributeValues": to_wire(
                {":pk": keys.article_pk(article_id), ":seen": keys.SIGHTING_PREFIX}
            ),
            **_projection(("bundle_id",)),
        }
        found: set[str] = set()
        while True:
            page, last = self.table.query(**query)
            found |= {str(item["bundle_id"]) for item in page if item.get("bundle_id")}
            if not last:
                return found
            query["ExclusiveStartKey"] = last

    def links_of_article(
        self, article_id: str, published: str | None, bundle_ids: Iterable[str]
    ) -> list[Item]:
        """The article's link items in these bundles, as filed under its ``published`` date."""
        sk = keys.bundle_link_sk(published, article_id)
        found = self.table.batch_get([(keys.bundle_pk(bid), sk) for bid in sorted(set(bundle_ids))])
        return list(found.values())

    def move_links(self, links: Sequence[Item], *, published: str | None, summary: Mapping[str, Any]) -> None:
        """Rewrite link items with a new article summary, refiled under ``published``; the new ones first.

        Written before the article's META: a crash in between leaves the old META, and the retry moves the
        same links again (a put of the same item, a delete of one already gone).
        """
        moved = [
            {**link, **summary, "sk": keys.bundle_link_sk(published, str(summary["id"]))} for link in links
        ]
        self.table.batch_put(moved)
        stale = {(link["pk"], link["sk"]) for link in links} - {(m["pk"], m["sk"]) for m in moved}
        if stale:
            self.table.batch_delete(sorted(stale))

    def content_items(self, content_keys: Iterable[str]) -> dict[str, Item]:
        """Whole ``CONTENT#`` items by content key (the id each names, and heavy fields placed there)."""
        found = self.table.batch_get(
            [(keys.content_pk(ck), keys.CONTENT_SK) for ck in sorted(set(content_keys))]
        )
        return {pk.removeprefix(keys.content_pk("")): item for (pk, _), item in found.items()}

    def delete_content_items(self, content_keys: Iterable[str]) -> None:
        """Delete ``CONTENT#`` items (a text no article holds any more); a missing one is no error."""
        self.table.batch_delete([(keys.content_pk(ck), keys.CONTENT_SK) for ck in sorted(set(content_keys))])

    def group_member_items(self, members: Iterable[tuple[str, str]]) -> list[Item]:
        """The member items that exist of these (group id, article id) pairs."""
        found = self.table.batch_get(
            [(keys.group_pk(gid), keys.group_member_sk(aid)) for gid, aid in sorted(set(members))]
        )
        return list(found.values())

    # --- articles: lookup -----------------------------------------------------------------------
    def article(self, article_id: str) -> Item | None:
        return self.table.get(keys.article_pk(article_id), keys.ARTICLE_SK)

    def article_text(self, content_key: str) -> Item | None:
        """The content item of ``content_key``: the id it names and, when they were placed there, that
        article's heavy fields (``items.place_heavy``)."""
        return self.table.get(keys.content_pk(content_key), keys.CONTENT_SK)

    def article_with_sightings(
        self, article_id: str, *, max_sightings: int
    ) -> tuple[Item | None, list[Item], bool]:
        """META, every sighting (first one included) up to ``max_sightings``, and whether more were left."""
        meta: Item | None = None
        sightings: list[Item] = []
        start: StartKey | None = None
        truncated = False
        # META sorts before SEEN#, so one Query on the partition reads the article and then its sightings.
        while True:
            kwargs: dict[str, Any] = {
                "KeyConditionExpression": "pk = :pk",
                "ExpressionAttributeValues": to_wire({":pk": keys.article_pk(article_id)}),
            }
            if start is not None:
                kwargs["ExclusiveStartKey"] = start
            page, start = self.table.query(**kwargs)
            for item in page:
                if item["sk"] == keys.ARTICLE_SK:
                    meta = item
                elif item["sk"].startswith(keys.SIGHTING_PREFIX):
                    sightings.append(item)
            if start is None:
                break
            if len(sightings) >= max_sightings:
                truncated = True
                break
        first = items.first_sighting(meta) if meta else None
        if first is not None and not any(
            (s.get("bundle_id"), s.get("member")) == (first["bundle_id"], first["member"]) for s in sightings
        ):
            sightings.insert(0, first)
        return meta, sightings[:max_sightings], truncated or len(sightings) > max_sightings

    def articles_of_bundle_between(
        self,
        bundle_id: str,
        bounds: tuple[str, str] | None,
        *,
        start: StartKey | None,
        limit: int,
        keep: Callable[[Item], bool] | None = None,
    ) -> tuple[list[Item], Any]:
        """The bundle's article links newest first, published between ``bounds`` (sort-key strings) if given."""
        values: dict[str, Any] = {":pk": keys.bundle_pk(bundle_id)}
        if bounds is not None:
            condition = "pk = :pk AND sk BETWEEN :lo AND :hi"
            values.update(
                {":lo": keys.ARTICLE_LINK_PREFIX + bounds[0], ":hi": keys.ARTICLE_LINK_PREFIX + bounds[1]}
            )
        else:
            condition = "pk = :pk AND begins_with(sk, :art)"
            values[":art"] = keys.ARTICLE_LINK_PREFIX
        query = {
            "KeyConditionExpression": condition,
            "ExpressionAttributeValues": to_wire(values),
            "ScanIndexForward": False,
        }
        return self._collect(query, start, limit, keep)

    def articles_of_source_between(
        self, source_pk: str, bounds: tuple[str, str] | None, *, start: StartKey | None, limit: int
    ) -> tuple[list[Item], Any]:
        """Article summaries of one source (its folded key) newest first, from gsi1."""
        values: dict[str, Any] = {":pk": source_pk}
        condition = "gsi1pk = :pk"
        if bounds is not None:
            condition += " AND gsi1sk BETWEEN :lo AND :hi"
            values.update({":lo": bounds[0], ":hi": bounds[1]})
        query = {
            "IndexName": "gsi1",
            "KeyConditionExpression": condition,
            "ExpressionAttributeValues": to_wire(values),
            "ScanIndexForward": False,
            **_projection(ARTICLE_SUMMARY),
        }
        return self._collect(query, start, limit)

    def articles_of_month(
        self, month: str | None, bounds: tuple[str, str], *, start: StartKey | None, limit: int
    ) -> tuple[list[Item], Any]:
        """One Query of gsi2: summaries of a month (``yyyy-mm``; None for undated) newest first."""
        if month is None:
            condition, values = "gsi2pk = :pk", {":pk": keys.month_key(None)}
        else:
            condition = "gsi2pk = :pk AND gsi2sk BETWEEN :lo AND :hi"
            values = {":pk": keys.month_partition(month), ":lo": bounds[0], ":hi": bounds[1]}
        kwargs: dict[str, Any] = {
            "IndexName": "gsi2",
            "KeyConditionExpression": condition,
            "ExpressionAttributeValues": to_wire(values),
            "ScanIndexForward": False,
            "Limit": limit,
            **_projection(ARTICLE_SUMMARY),
        }
        if start is not None:
            kwargs["ExclusiveStartKey"] = start
        return self.table.query(**kwargs)

    def group_members(
        self, group_id: str, *, start: StartKey | None, limit: int, keep: Callable[[Item], bool] | None = None
    ) -> tuple[list[Item], Any]:
        """Members of a near-duplicate group (summary and packed signature), by article id."""
        query = {
            "KeyConditionExpression": "pk = :pk",
            "ExpressionAttributeValues": to_wire({":pk": keys.group_pk(group_id)}),
            **_projection((*ARTICLE_SUMMARY, "sig")),
        }
        return self._collect(query, start, limit, keep)

    def bundle_group_links(
        self, bundle_id: str, *, after_group: str | None, start: StartKey | None, limit: int
    ) -> tuple[list[Item], Any]:
        """One Query of the bundle's articles in group order (``GRP#`` items), after group ``after_group``.

        ``start`` (a LastEvaluatedKey of the previous call) carries on inside the same range.
        """
        low = keys.BUNDLE_GROUP_PREFIX if after_group is None else keys.bundle_group_after(after_group)
        kwargs: dict[str, Any] = {
            "KeyConditionExpression": "pk = :pk AND sk BETWEEN :lo AND :hi",
            "ExpressionAttributeValues": to_wire(
                {":pk": keys.bundle_pk(bundle_id), ":lo": low, ":hi": keys.BUNDLE_GROUPS_END}
            ),
            "Limit": limit,
            **_projection((*items.BUNDLE_GROUP_FIELDS, "group_id")),
        }
        if start is not None:
            kwargs["ExclusiveStartKey"] = start
        return self.table.query(**kwargs)

    def bundle_group_size(self, bundle_id: str, group_id: str, *, cap: int) -> int:
        """How many of the bundle's articles are in the group, counting at most ``cap`` (one Query)."""
        return self.table.count(
            KeyConditionExpression="pk = :pk AND sk BETWEEN :lo AND :hi",
            ExpressionAttributeValues=to_wire(
                {
                    ":pk": keys.bundle_pk(bundle_id),
                    ":lo": keys.bundle_group_start(group_id),
                    ":hi": keys.bundle_group_after(group_id),
                }
            ),
            Limit=cap,
        )

    def group_size(self, group_id: str, *, cap: int) -> int:
        """How many member items a near-duplicate group has, counting at most ``cap`` (one Query)."""
        return self.table.count(
            KeyConditionExpression="pk = :pk",
            ExpressionAttributeValues=to_wire({":pk": keys.group_pk(group_id)}),
            Limit=cap,
        )

    def groups_with_members(self, group_ids: Iterable[str]) -> set[str]:
        """The groups that have member items, i.e. two or more articles: their founder's item exists."""
        found = self.table.batch_get(
            [(keys.group_pk(gid), keys.group_member_sk(gid)) for gid in dict.fromkeys(group_ids)],
            projection=("group_id",),
        )
        return {pk.removeprefix("GROUP#") for pk, _ in found}

    def postings_of_term(
        self, term: str, *, start: str | None, inclusive: bool, limit: int
    ) -> tuple[list[Item], bool]:
        """Up to ``limit`` posting items of ``term`` newest first, from block ``start`` (or below it) on.

        True when more items follow. Blocks and layout-1 items (``ART#<id>``) share the partition.
        """
        values: dict[str, Any] = {":pk": keys.term_pk(term)}
        condition = "pk = :pk"
        if start is not None:
            condition += " AND sk <= :sk" if inclusive else " AND sk < :sk"
            values[":sk"] = start
        found, last = self.table.query(
            KeyConditionExpression=condition,
            ExpressionAttributeValues=to_wire(values),
            ScanIndexForward=False,
            Limit=limit,
        )
        return found, last is not None

    def postings_at(self, term: str, block_sks: Iterable[str]) -> dict[str, Item]:
        """The posting items of ``term`` under these block keys (sort key -> item), where they exist."""
        found = self.table.batch_get([(keys.term_pk(term), sk) for sk in block_sks])
        return {sk: item for (_, sk), item in found.items()}

    def article_summaries(self, article_ids: Iterable[str]) -> dict[str, Item]:
        """Summaries of stored articles by id, with ``index_block`` where a reprocessing run set it; ids without
        META (a posting whose write never finished) are absent."""
        found = self.table.batch_get(
            [(keys.article_pk(aid), keys.ARTICLE_SK) for aid in dict.fromkeys(article_ids)],
            projection=(*ARTICLE_SUMMARY, "index_block"),
        )
        return {item["pk"].removeprefix("ART#"): item for item in found.values()}

    # --- paging -----------------------------------------------------------------------------------
    def _collect(
        self,
        query: dict[str, Any],
        start: StartKey | None,
        limit: int,
        keep: Callable[[Item], bool] | None = None,
    ) -> tuple[list[Item], Any]:
        """Up to ``limit`` kept items from one partition and the key to resume after the last one read.

        Each Query asks for no more items than are still wanted, so the resume key never skips an item
        even when ``keep`` drops some.
        """
        found: list[Item] = []
        key = start
        for _ in range(MAX_QUERIES_PER_PAGE):
            kwargs = dict(query, Limit=limit - len(found))
            if key is not None:
                kwargs["ExclusiveStartKey"] = key
            page, key = self.table.query(**kwargs)
            found.extend(item for item in page if keep is None or keep(item))
            if key is None or len(found) >= limit:
                break
        return found, key
