"""The lookup queries: every read is a GetItem or a Query on a key or index of the table, never a Scan."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from newsdrop import keys
from newsdrop.adapters.table import ArticleTable, to_wire
from newsdrop.articles import heavy_fields_of, source_lines
from newsdrop.lookup.cursor import CursorCodec
from newsdrop.lookup.errors import BadParameter, InvalidCursor, NoSuchItem
from newsdrop.lookup.params import DateRange, month_index, month_label, pick, plain
from newsdrop.terms import query_terms
from newsdrop.text.similar import MIN_TOKENS, signature, similarity, unpack

# --- bounds on the work one request may do (documented in docs/api.md) ---------------------
MAX_QUERIES_PER_PAGE = (
    48  # Query calls one list page may spend (4 years of empty months); a page can then come back short
)
FLOOR_MONTHS = 360  # unfiltered and until-only listings walk at most 30 years of month partitions
FUTURE_MONTHS = 1  # ... starting one month ahead, so articles dated "tomorrow" in any zone are listed
MAX_SIGHTINGS = 1000  # bundles listed per article
MAX_POSTINGS_PER_TERM = 1000  # term items read per search word
MAX_SEARCH_TERMS = 8
UNDATED_SLOT = -1
MAX_KEY_BYTES = 1024  # the month position meaning the PUB#undated partition

ARTICLE_SUMMARY = ("id", "title", "published", "source", "word_count")
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
)
_KEY_ATTRIBUTES = frozenset({"pk", "sk", "gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk"})


@dataclass(frozen=True, slots=True)
class Page:
    items: list[dict[str, Any]]
    next_cursor: str | None
    complete: bool = True


def _projection(names: tuple[str, ...]) -> dict[str, Any]:
    """ProjectionExpression over ``names`` (aliased: several are DynamoDB reserved words)."""
    aliases = {f"#a{i}": name for i, name in enumerate(names)}
    return {"ProjectionExpression": ", ".join(aliases), "ExpressionAttributeNames": aliases}


def _start_key(position: dict[str, Any], field: str = "k") -> dict[str, Any] | None:
    """A LastEvaluatedKey from a verified cursor, re-checked so a leaked secret still cannot inject input."""
    key = position.get(field)
    if key is None:
        return None
    if not isinstance(key, dict) or not key or not set(key) <= _KEY_ATTRIBUTES:
        raise InvalidCursor("cursor position is not a table key")
    for value in key.values():
        if not (isinstance(value, dict) and set(value) == {"S"} and isinstance(value["S"], str)):
            raise InvalidCursor("cursor position is not a table key")
    return key


class Lookup:
    """Queries over ArticleTable for the lookup API; ``fetch`` reads article bodies relocated to S3."""

    def __init__(
        self,
        table: ArticleTable,
        codec: CursorCodec,
        *,
        fetch: Callable[[str], bytes] | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        floor_months: int = FLOOR_MONTHS,
    ) -> None:
        self.table = table
        self.codec = codec
        self.fetch = fetch
        self.now = now
        self.floor_months = floor_months

    # --- paging ------------------------------------------------------------------------------
    def _position(self, cursor: str | None, scope: str) -> dict[str, Any]:
        return {} if cursor is None else self.codec.decode(cursor, scope)

    def _collect(
        self,
        query: dict[str, Any],
        start: dict[str, Any] | None,
        limit: int,
        keep: Callable[[dict[str, Any]], bool] | None = None,
    ) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
        """Up to ``limit`` kept items from one partition and the key to resume after the last one read.

        Each Query asks for no more items than are still wanted, so the resume key never skips an item
        even when ``keep`` drops some.
        """
        items: list[dict[str, Any]] = []
        key = start
        for _ in range(MAX_QUERIES_PER_PAGE):
            kwargs = dict(query, Limit=limit - len(items))
            if key is not None:
                kwargs["ExclusiveStartKey"] = key
            page, key = self.table.query(**kwargs)
            items.extend(item for item in page if keep is None or keep(item))
            if key is None or len(items) >= limit:
                break
        return items, key

    # --- articles ------------------------------------------------------------------------------
    def get_article(self, article_id: str) -> dict[str, Any]:
        """One article with body, removed lines and every bundle member it was seen in."""
        meta: dict[str, Any] | None = None
        sightings: list[dict[str, Any]] = []
        start: dict[str, Any] | None = None
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
                elif item["sk"].startswith("SEEN#"):
                    sightings.append(item)
            if start is None:
                break
            if len(sightings) >= MAX_SIGHTINGS:
                truncated = True
                break
        if meta is None:
            raise NoSuchItem(
                f"no article with id {article_id}", hint="ids come from GET /articles or GET /search"
            )
        heavy = heavy_fields_of(meta, self.fetch)
        article = pick(meta, ARTICLE_DETAIL)
        article["body"] = heavy.get("body", "")
        article["removed"] = [pick(line, ("n", "text", "role", "rule")) for line in heavy.get("removed", [])]
        article["lines"] = source_lines(heavy)
        article["bundles"] = [
            pick(s, ("bundle_id", "key", "member", "seen_at")) for s in sightings[:MAX_SIGHTINGS]
        ]
        article["bundles_truncated"] = truncated
        return article

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
            if source_pk == "SRC#":
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
        values: dict[str, Any] = {":pk": keys.bundle_pk(bundle_id)}
        if dates.given:
            low, high = dates.sort_key_bounds()
            condition = "pk = :pk AND sk BETWEEN :lo AND :hi"
            values.update({":lo": f"ART#{low}", ":hi": f"ART#{high}"})
        else:
            condition = "pk = :pk AND begins_with(sk, :art)"
            values[":art"] = "ART#"
        query = {
            "KeyConditionExpression": condition,
            "ExpressionAttributeValues": to_wire(values),
            "ScanIndexForward": False,
        }
        keep = None
        if source_pk is not None:
            # Within one bundle the source is compared folded, exactly as the source index key is built.
            def keep(item: dict[str, Any]) -> bool:
                return bool(item.get("source")) and keys.source_key(item["source"]) == source_pk

        items, last = self._collect(query, _start_key(position), limit, keep)
        return self._finish(items, (*ARTICLE_SUMMARY, "member"), None if last is None else {"k": last}, scope)

    def _source_articles(
        self, source_pk: str, dates: DateRange, limit: int, position: dict[str, Any], scope: str
    ) -> Page:
        values: dict[str, Any] = {":pk": source_pk}
        condition = "gsi1pk = :pk"
        if dates.given:
            low, high = dates.sort_key_bounds()
            condition += " AND gsi1sk BETWEEN :lo AND :hi"
            values.update({":lo": low, ":hi": high})
        query = {
            "IndexName": "gsi1",
            "KeyConditionExpression": condition,
            "ExpressionAttributeValues": to_wire(values),
            "ScanIndexForward": False,
            **_projection(ARTICLE_SUMMARY),
        }
        items, last = self._collect(query, _start_key(position), limit)
        return self._finish(items, ARTICLE_SUMMARY, None if last is None else {"k": last}, scope)

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
            if month == UNDATED_SLOT:
                condition, values = "gsi2pk = :pk", {":pk": keys.month_key(None)}
            else:
                condition = "gsi2pk = :pk AND gsi2sk BETWEEN :lo AND :hi"
                values = {":pk": f"PUB#{month_label(month)}", ":lo": low, ":hi": high}
            kwargs: dict[str, Any] = {
                "IndexName": "gsi2",
                "KeyConditionExpression": condition,
                "ExpressionAttributeValues": to_wire(values),
                "ScanIndexForward": False,
                "Limit": limit - len(items),
                **_projection(ARTICLE_SUMMARY),
            }
            if key is not None:
                kwargs["ExclusiveStartKey"] = key
            page, key = self.table.query(**kwargs)
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
        meta = self.table.get(keys.article_pk(article_id), keys.ARTICLE_SK)
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
        query = {
            "KeyConditionExpression": "pk = :pk",
            "ExpressionAttributeValues": to_wire({":pk": keys.group_pk(group_id)}),
            **_projection((*ARTICLE_SUMMARY, "sig")),
        }
        items, last = self._collect(
            query, _start_key(position), limit, keep=lambda item: item.get("id") != article_id
        )
        return {
            **answer,
            "group_id": group_id,
            "items": [
                dict(
                    pick(item, ARTICLE_SUMMARY),
                    similarity=round(similarity(own, unpack(bytes(item["sig"]))), 3),
                )
                for item in items
            ],
            "next_cursor": None if last is None else self.codec.encode({"k": last}, scope),
        }

    def _ungrouped_reason(self, meta: dict[str, Any]) -> str:
        """Why an article has no group: its body is too short, or it was stored before grouping existed."""
        body = heavy_fields_of(meta, self.fetch).get("body", "")
        if signature(body) is None:
            return (
                f"the body is too short to compare with other articles: near-duplicate detection needs "
                f"at least {MIN_TOKENS} words"
            )
        return "the article was stored before near-duplicate grouping existed, so it is in no group"

    # --- search ------------------------------------------------------------------------------
    def _postings(self, term: str) -> tuple[dict[str, dict[str, Any]], bool]:
        """Up to MAX_POSTINGS_PER_TERM term items of ``term`` by article id, and whether that was all of them."""
        found: dict[str, dict[str, Any]] = {}
        query = {
            "KeyConditionExpression": "pk = :pk",
            "ExpressionAttributeValues": to_wire({":pk": keys.term_pk(term)}),
            **_projection(("sk", "weight", *ARTICLE_SUMMARY)),
        }
        items, last = self._collect(query, None, MAX_POSTINGS_PER_TERM)
        for item in items:
            found[item["sk"].removeprefix("ART#")] = item
        return found, last is None

    def search(self, q: str, *, limit: int, cursor: str | None) -> Page:
        """Articles containing every word of ``q``, best first (sum of term weights), then by id."""
        terms = query_terms(q)
        if not terms:
            raise BadParameter(
                "q",
                "q has no searchable word: use words of 2 to 40 letters that are not stop words like 'the'",
            )
        if len(terms) > MAX_SEARCH_TERMS:
            raise BadParameter("q", f"q has {len(terms)} distinct words; use at most {MAX_SEARCH_TERMS}")
        scope = "search\x1f" + " ".join(sorted(terms))
        offset = self._position(cursor, scope).get("o", 0)
        if not isinstance(offset, int) or offset < 0:
            raise InvalidCursor("cursor offset is not a non-negative integer")

        postings = {term: self._postings(term) for term in terms}
        complete_sets = [found for found, complete in postings.values() if complete]
        every_read = [found for found, _ in postings.values()]
        base = min(complete_sets or every_read, key=len)
        candidates = [aid for aid in base if all(aid in found for found in complete_sets)]
        exhaustive = bool(complete_sets)
        scores = {aid: 0 for aid in candidates}
        for term, (found, complete) in postings.items():
            if complete:
                for aid in candidates:
                    scores[aid] += plain(found[aid]["weight"])
                continue
            # A word with more postings than were read: ask for exactly the candidates' term items.
            hits = self.table.batch_get([(keys.term_pk(term), f"ART#{aid}") for aid in scores])
            matched = {pk_sk[1].removeprefix("ART#"): item for pk_sk, item in hits.items()}
            scores = {
                aid: score + plain(matched[aid]["weight"]) for aid, score in scores.items() if aid in matched
            }
        ranked = sorted(scores, key=lambda aid: (-scores[aid], aid))
        window = ranked[offset : offset + limit]
        items = [dict(pick(base[aid], ARTICLE_SUMMARY), score=scores[aid]) for aid in window]
        more = offset + limit < len(ranked)
        return Page(
            items=items,
            next_cursor=self.codec.encode({"o": offset + limit}, scope) if more else None,
            complete=exhaustive,
        )

    # --- bundles -------------------------------------------------------------------------------
    def get_bundle(self, bundle_id: str) -> dict[str, Any]:
        item = self.table.get(keys.bundle_pk(bundle_id), keys.STATUS_SK)
        if item is None:
            raise NoSuchItem(
                f"no bundle with id {bundle_id}",
                hint="bundle ids come from GET /bundles or GET /bundles?key=",
            )
        return pick(item, BUNDLE_DETAIL)

    def list_bundles(self, *, key: str | None, limit: int, cursor: str | None) -> Page:
        """Bundle records newest first: all of them (gsi2 BUNDLES) or those of one object key (gsi1)."""
        scope = f"bundles\x1f{key}"
        position = self._position(cursor, scope)
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
        items, last = self._collect(query, _start_key(position), limit)
        return self._finish(items, BUNDLE_SUMMARY, None if last is None else {"k": last}, scope)
