"""The lookup queries: every read is a GetItem or a Query on a key or index of the table, never a Scan."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from newsdrop.articles import heavy_fields_of, holds_heavy, source_lines
from newsdrop.dal import Store, keys
from newsdrop.dal.store import (
    ARTICLE_SUMMARY,
    BUNDLE_SUMMARY,
    MAX_QUERIES_PER_PAGE,
    BadStartKey,
    check_start_key,
)
from newsdrop.lookup.cursor import CursorCodec
from newsdrop.lookup.errors import BadParameter, InvalidCursor, NoSuchItem
from newsdrop.lookup.groups import BundleGroups
from newsdrop.lookup.page import Page
from newsdrop.lookup.params import DateRange, month_index, month_label, pick
from newsdrop.lookup.search import KeywordSearch
from newsdrop.text.similar import MIN_TOKENS, signature, similarity, unpack

__all__ = ["MAX_QUERIES_PER_PAGE", "Lookup", "Page"]

# --- bounds on the work one request may do (documented in docs/api.md) ---------------------
FLOOR_MONTHS = 360  # unfiltered and until-only listings walk at most 30 years of month partitions
FUTURE_MONTHS = 1  # ... starting one month ahead, so articles dated "tomorrow" in any zone are listed
MAX_SIGHTINGS = 1000  # bundles listed per article
UNDATED_SLOT = -1  # the month position meaning the PUB#undated partition
MAX_KEY_BYTES = 1024

BUNDLE_DETAIL = (
    *BUNDLE_SUMMARY,
    "version_id",
    "etag",
    "errors",
    "errors_truncated",
    "cleaner_version",
    "attempts",
    "quarantine_key",
    "resume_at",
    "last_error",
    "retryable",
    "chrome",
    "reprocess",
    "reprocess_request",
)
ARTICLE_DETAIL = (
    "id",
    "title",
    "published",
    "published_text",
    "source",
    "news_id",
    "kicker",
    "language",
    "word_count",
    "byline",
    "caption",
    "subheadings",
    "url",
    "first_seen",
    "cleaner_version",
)


def _start_key(position: dict[str, Any], field: str = "k") -> dict[str, Any] | None:
    """The table key a verified cursor resumes after; InvalidCursor when it is not one."""
    try:
        return check_start_key(position.get(field))
    except BadStartKey as exc:
        raise InvalidCursor(str(exc)) from None


class Lookup:
    """The lookup API's reads, each a named access pattern of Store; ``fetch`` reads bodies relocated to S3."""

    def __init__(
        self,
        store: Store,
        codec: CursorCodec,
        *,
        fetch: Callable[[str], bytes] | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        floor_months: int = FLOOR_MONTHS,
    ) -> None:
        self.store = store
        self.codec = codec
        self.fetch = fetch
        self.now = now
        self.floor_months = floor_months

    # --- paging ------------------------------------------------------------------------------
    def _position(self, cursor: str | None, scope: str) -> dict[str, Any]:
        return {} if cursor is None else self.codec.decode(cursor, scope)

    # --- articles ------------------------------------------------------------------------------
    def get_article(self, article_id: str) -> dict[str, Any]:
        """One article with body, removed lines and every bundle member it was seen in."""
        meta, sightings, truncated = self.store.article_with_sightings(
            article_id, max_sightings=MAX_SIGHTINGS
        )
        if meta is None:
            raise NoSuchItem(
                f"no article with id {article_id}", hint="ids come from GET /articles or GET /search"
            )
        heavy = self._heavy(meta)
        article = pick(meta, ARTICLE_DETAIL)
        article["body"] = heavy.get("body", "")
        article["removed"] = [pick(line, ("n", "text", "role", "rule")) for line in heavy.get("removed", [])]
        article["lines"] = source_lines(heavy)
        article["bundles"] = [pick(s, ("bundle_id", "key", "member", "seen_at")) for s in sightings]
        article["bundles_truncated"] = truncated
        return article

    def _heavy(self, meta: dict[str, Any]) -> dict[str, Any]:
        """Body and audit trail: on META, or on the content item META names (``dal.items.place_heavy``)."""
        if holds_heavy(meta) or not meta.get("content_key"):
            return heavy_fields_of(meta, self.fetch)
        text = self.store.article_text(str(meta["content_key"]))
        if text is None or not holds_heavy(text):
            # Written in META's batch, ahead of it: only an attempt that died mid-batch leaves it out, until its retry.
            raise NoSuchItem(
                f"article {meta.get('id')} is still being stored",
                hint="its bundle is being ingested or retried: ask again in a minute",
            )
        return heavy_fields_of(dict(text), self.fetch)

    def list_articles(
        self,
        *,
        bundle: str | None,
        source: str | None,
        dates: DateRange,
        limit: int,
        cursor: str | None,
    ) -> Page:
        """Article summaries, newest first, each filter answered by a key or an index."""
        source_pk = None
        if source is not None:
            source_pk = keys.source_key(source)
            if source_pk == keys.source_key(""):
                raise BadParameter("source", "source must not be blank: give an outlet name such as Press TV")
            # Folding can expand a character many times over; DynamoDB keys stop at 2048 bytes.
            if len(source_pk.encode("utf-8")) > MAX_KEY_BYTES:
                raise BadParameter(
                    "source", "source is too long once case and accents are folded; shorten it"
                )
        scope = f"articles\x1f{bundle}\x1f{source_pk}\x1f{dates.since}\x1f{dates.until}"
        position = self._position(cursor, scope)
        if bundle is not None:
            return self._bundle_articles(bundle, source_pk, dates, limit, position, scope)
        if source_pk is not None:
            return self._source_articles(source_pk, dates, limit, position, scope)
        return self._month_articles(dates, limit, position, scope)

    def _finish(self, items: list[dict[str, Any]], names: tuple[str, ...], position: Any, scope: str) -> Page:
        return Page(
            items=[pick(item, names) for item in items],
            next_cursor=None if position is None else self.codec.encode(position, scope),
        )

    def _bundle_articles(
        self,
        bundle_id: str,
        source_pk: str | None,
        dates: DateRange,
        limit: int,
        position: dict[str, Any],
        scope: str,
    ) -> Page:
        keep = None
        if source_pk is not None:
            # Within one bundle the source is compared folded, exactly as the source index key is built.
            def keep(item: dict[str, Any]) -> bool:
                return bool(item.get("source")) and keys.source_key(item["source"]) == source_pk

        found, last = self.store.articles_of_bundle_between(
            bundle_id,
            dates.sort_key_bounds() if dates.given else None,
            start=_start_key(position),
            limit=limit,
            keep=keep,
        )
        return self._finish(found, (*ARTICLE_SUMMARY, "member"), None if last is None else {"k": last}, scope)

    def _source_articles(
        self, source_pk: str, dates: DateRange, limit: int, position: dict[str, Any], scope: str
    ) -> Page:
        found, last = self.store.articles_of_source_between(
            source_pk,
            dates.sort_key_bounds() if dates.given else None,
            start=_start_key(position),
            limit=limit,
        )
        return self._finish(found, ARTICLE_SUMMARY, None if last is None else {"k": last}, scope)

    def _month_articles(self, dates: DateRange, limit: int, position: dict[str, Any], scope: str) -> Page:
        """Walk the PUB#yyyy-mm partitions of gsi2 newest first between the bounds, then PUB#undated."""
        now = self.now()
        newest = now.year * 12 + now.month - 1 + FUTURE_MONTHS
        # A far-future until would otherwise make clients page through centuries of empty months.
        top = min(month_index(dates.until), newest) if dates.until else newest
        floor = month_index(dates.since) if dates.since else top - self.floor_months
        include_undated = not dates.given
        if floor > top:  # since lies beyond the newest month listed: nothing can match
            return Page(items=[], next_cursor=None)
        month = position.get("m", top)
        if type(month) is not int or not (month == UNDATED_SLOT or 0 <= month <= top):
            raise InvalidCursor("cursor month is outside this query's range")
        key = _start_key(position)
        low, high = dates.sort_key_bounds()
        items: list[dict[str, Any]] = []
        for _ in range(MAX_QUERIES_PER_PAGE):
            page, key = self.store.articles_of_month(
                None if month == UNDATED_SLOT else month_label(month),
                (low, high),
                start=key,
                limit=limit - len(items),
            )
            items.extend(page)
            if key is None:  # this partition is exhausted: move to the next older one
                if month == UNDATED_SLOT or (month <= floor and not include_undated):
                    return self._finish(items, ARTICLE_SUMMARY, None, scope)
                month = UNDATED_SLOT if month <= floor else month - 1
            if len(items) >= limit:
                break
        return self._finish(items, ARTICLE_SUMMARY, {"m": month, "k": key}, scope)

    # --- near-duplicates -----------------------------------------------------------------------
    def similar(self, article_id: str, *, limit: int, cursor: str | None) -> dict[str, Any]:
        """The other members of the article's near-duplicate group, in the group partition's order.

        One GetItem of META, then Queries of ``GROUP#<group id>`` (sort key ``ART#<id>``, so by article
        id, not by similarity: ranking would mean reading the whole group). ``similarity`` is the MinHash
        estimate between the article and each member, rounded to 3 decimals.
        """
        scope = f"similar\x1f{article_id}"
        position = self._position(cursor, scope)
        meta = self.store.article(article_id)
        if meta is None:
            raise NoSuchItem(
                f"no article with id {article_id}", hint="ids come from GET /articles or GET /search"
            )
        answer: dict[str, Any] = {
            "article_id": article_id,
            "group_id": None,
            "items": [],
            "next_cursor": None,
        }
        group_id, packed = meta.get("group_id"), meta.get("sig")
        if group_id is None or packed is None:
            return {**answer, "reason": self._ungrouped_reason(meta)}
        own = unpack(bytes(packed))
        members, last = self.store.group_members(
            group_id, start=_start_key(position), limit=limit, keep=lambda item: item.get("id") != article_id
        )
        return {
            **answer,
            "group_id": group_id,
            "items": [
                dict(
                    pick(item, ARTICLE_SUMMARY),
                    similarity=round(similarity(own, unpack(bytes(item["sig"]))), 3),
                )
                for item in members
            ],
            "next_cursor": None if last is None else self.codec.encode({"k": last}, scope),
        }

    def _ungrouped_reason(self, meta: dict[str, Any]) -> str:
        """Why an article has no group: its body is too short, or it was stored before grouping existed."""
        body = self._heavy(meta).get("body", "")
        if signature(body) is None:
            return (
                f"the body is too short to compare with other articles: near-duplicate detection needs "
                f"at least {MIN_TOKENS} words"
            )
        return "the article was stored before near-duplicate grouping existed, so it is in no group"

    # --- search ------------------------------------------------------------------------------
    def search(self, q: str, *, limit: int, cursor: str | None) -> Page:
        """Articles whose search scope holds every word of ``q``, most recently stored first
        (``newsdrop.lookup.search``)."""
        return KeywordSearch(self.store, self.codec).page(q, limit=limit, cursor=cursor)

    # --- bundles -------------------------------------------------------------------------------
    def get_bundle(self, bundle_id: str) -> dict[str, Any]:
        item = self.store.bundle(bundle_id)
        if item is None:
            raise NoSuchItem(
                f"no bundle with id {bundle_id}",
                hint="bundle ids come from GET /bundles or GET /bundles?key=",
            )
        return pick(item, BUNDLE_DETAIL)

    def bundle_groups(self, bundle_id: str, *, limit: int, cursor: str | None) -> dict[str, Any]:
        """The bundle's near-duplicate groups, shared ones first (``newsdrop.lookup.groups``)."""
        return BundleGroups(self.store, self.codec).page(bundle_id, limit=limit, cursor=cursor)

    def list_bundles(self, *, key: str | None, limit: int, cursor: str | None) -> Page:
        """Bundle records newest first: all of them (gsi2 BUNDLES) or those of one object key (gsi1)."""
        scope = f"bundles\x1f{key}"
        position = self._position(cursor, scope)
        found, last = self.store.bundles(key=key, start=_start_key(position), limit=limit)
        return self._finish(found, BUNDLE_SUMMARY, None if last is None else {"k": last}, scope)
