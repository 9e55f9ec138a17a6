"""Access patterns that write articles: ingest's dedup reads and puts, and reprocessing's rewrites."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from newsdrop.dal import items, keys
from newsdrop.dal.expressions import DEDUP_FIELDS, GROUPING_FIELDS, projection
from newsdrop.dal.paging import TablePatterns
from newsdrop.dal.table import Item, to_wire


class ArticleWrites(TablePatterns):
    """What ingest and reprocessing read back of stored articles, and how they write them."""

    # --- articles: ingest -----------------------------------------------------------------------
    def stored_articles(self, article_ids: Iterable[str]) -> dict[str, Item]:
        """Who first stored each of these articles, and its group, for those the table holds."""
        found = self.table.batch_get(
            [(keys.article_pk(aid), keys.ARTICLE_SK) for aid in sorted(set(article_ids))],
            projection=DEDUP_FIELDS,
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
        found = self.table.batch_get([*article_keys, *content], projection=DEDUP_FIELDS)
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
            projection=GROUPING_FIELDS,
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

    # --- articles: reprocessing ----------------------------------------------------------------
    def bundle_links(self, bundle_id: str) -> list[Item]:
        """Every article link of a bundle (which member gave which article id), all pages."""
        query: dict[str, Any] = {
            "KeyConditionExpression": "pk = :pk AND begins_with(sk, :art)",
            "ExpressionAttributeValues": to_wire(
                {":pk": keys.bundle_pk(bundle_id), ":art": keys.ARTICLE_LINK_PREFIX}
            ),
            **projection(("pk", "sk", "id", "member")),
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
            **projection(("bundle_id",)),
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
