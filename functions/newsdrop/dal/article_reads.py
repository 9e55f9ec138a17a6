"""Access patterns of the lookup API: an article, listings by bundle, outlet, month and group, and postings."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from newsdrop.dal import items, keys
from newsdrop.dal.expressions import ARTICLE_SUMMARY, StartKey, projection
from newsdrop.dal.paging import TablePatterns
from newsdrop.dal.table import Item, to_wire


class ArticleReads(TablePatterns):
    """Reads that answer lookups; each is one Query or batch read, or a bounded run of them."""

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
            **projection(ARTICLE_SUMMARY),
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
            **projection(ARTICLE_SUMMARY),
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
            **projection((*ARTICLE_SUMMARY, "sig")),
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
            **projection((*items.BUNDLE_GROUP_FIELDS, "group_id")),
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
