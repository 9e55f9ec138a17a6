"""Buffers a bundle's cleaned articles and writes them in batches, deciding new versus duplicate per article."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsdrop import articles
from newsdrop.articles import StoredBody
from newsdrop.dal import Store, items
from newsdrop.ingest.bodies import Bodies
from newsdrop.ingest.grouping import NewArticle, group
from newsdrop.ingest.postings import PostingWindow
from newsdrop.ingest.records import ObjectRef, Progress
from newsdrop.models import CleanArticle, Member, MemberProblem
from newsdrop.text.cleaner import CLEANER_VERSION
from newsdrop.text.members import BundleCleaner, CleanedMember

ARTICLES_PER_FLUSH = 25


@dataclass(frozen=True, slots=True)
class Pending:
    """A cleaned member waiting for its flush: its source id and the content key of its cleaned text."""

    member: str
    article: CleanArticle
    source_id: str
    content_key: str


class ArticleWriter:
    """Cleans members, then per flush: one read of which articles exist, one batch of item writes.

    An article's id comes from its source (``articles.source_id``); whether it is new comes from its id and
    its cleaned text: an article already stored under the id, or with the same text (``CONTENT#`` item, or
    a layout-2 article whose id is that text's content key), makes it a duplicate of that article. Per new
    article it writes META (first sighting, group, cleaner version) and its content item, the compressed
    body on whichever of the two that costs fewer write units, a bundle link, its band heads and a share of
    the window's posting blocks; per duplicate a sighting and a bundle link. An article of a group of two or
    more is also filed under its group in the bundle (``_filings``). Every write is a put of a key derived
    from source, content, bundle and member, so a redelivered message rewrites the same items.
    """

    def __init__(
        self,
        store: Store,
        bodies: Bodies,
        ref: ObjectRef,
        progress: Progress,
        *,
        now: str,
        received_at: str,
        first_window: int = 0,
    ) -> None:
        self.store = store
        self.bodies = bodies
        self.ref = ref
        self.progress = progress
        self.pending: list[Pending] = []
        # What this bundle already resolved, by source id and by content key: the id it went to.
        self.seen: dict[str, str] = {}
        self.seen_content: dict[str, str] = {}
        self.source_ids = articles.SourceIds(key=ref.key)
        self.now = now
        self.cleaner = BundleCleaner(known_chrome=progress.chrome)
        self.window = PostingWindow(
            store,
            received_at=received_at,
            bundle_id=ref.bundle_id,
            resume_at=ref.resume_at,
            first_window=first_window,
        )

    def add(self, member: Member) -> None:
        self.source_ids.add(member)
        self._take(self.cleaner.add(member))

    def finish(self) -> None:
        """Clean the members held for the chrome sample, write everything, and note the chrome learned."""
        self._take(self.cleaner.finish())
        self.progress.chrome = self.cleaner.chrome_for_record()
        self.flush()
        self.window.close()

    def _take(self, results: list[CleanedMember | MemberProblem]) -> None:
        for result in results:
            sid = self.source_ids.take(result.name)
            if isinstance(result, MemberProblem):
                self._fail(result.name, result.code, result.reason)
                continue
            ckey = articles.content_key(result.article)
            self.pending.append(Pending(result.name, result.article, sid, ckey))
            if len(self.pending) >= ARTICLES_PER_FLUSH:
                self.flush()

    def _fail(self, name: str, code: str, reason: str) -> None:
        self.progress.counts.failed += 1
        self.progress.add_error(name, code, reason)

    def _stored(self) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
        """The stored articles and content owners the pending articles may be duplicates of."""
        unresolved = [p for p in self.pending if p.source_id not in self.seen]
        stored, owners = self.store.dedup_candidates(
            [id_ for p in unresolved for id_ in (p.source_id, p.content_key)],
            [p.content_key for p in unresolved],
        )
        # An owner whose META is missing (its bundle crashed before writing it) is no duplicate target.
        unread = {owner for owner in owners.values() if owner not in stored}
        if unread:
            stored |= self.store.stored_articles(unread)
        return stored, owners

    def _resolve(
        self, entry: Pending, stored: dict[str, dict[str, Any]], owners: dict[str, str]
    ) -> tuple[str, dict[str, Any] | None]:
        """The id the entry's article is stored under, and its META when the table holds it already.

        Its own id first (the same source again), then a layout-2 article with its text (id = content
        key), then the article first stored with its text; else it is new under its own id.
        """
        for candidate in (entry.source_id, entry.content_key, owners.get(entry.content_key)):
            if candidate is not None and candidate in stored:
                return candidate, stored[candidate]
        return entry.source_id, None

    def _article_items(self, entry: Pending, aid: str) -> tuple[dict[str, Any], dict[str, Any]]:
        """A new article's META and content item, its body on the one where it costs less to write."""
        stored = self.bodies.store(entry.article, aid)
        light = items.article_item(
            entry.article,
            aid,
            StoredBody(attributes={}),
            bundle_id=self.ref.bundle_id,
            key=self.ref.key,
            member=entry.member,
            now=self.now,
            content_key=entry.content_key,
            cleaner_version=CLEANER_VERSION,
        )
        return items.place_heavy(light, stored.attributes, entry.content_key, aid)

    def _filings(
        self,
        links: list[dict[str, Any]],
        assigned: dict[str, str],
        founders: dict[str, dict[str, Any]],
        existing: dict[str, dict[str, Any]],
    ) -> list[dict[str, Any]]:
        """Bundle group items: what GET /bundles/{id}/groups reads, written only for near-duplicates.

        A lone article costs none. Filed are: an article that joined a group; the founder of a group joined
        in this flush, here if it came in this flush, else in the bundle that first stored it; and every
        duplicate of a stored article that has a group (the listing skips the lone ones). A founder seen
        again in a bundle before its group was first joined is not filed in that bundle.
        """
        joined = {gid for aid, gid in assigned.items() if gid != aid}
        out: list[dict[str, Any]] = []
        for link in links:
            aid = link["id"]
            if aid in assigned:
                gid = assigned[aid]
                if gid == aid and gid not in joined:
                    continue  # a lone story, for now
            else:  # a duplicate: the group stored on its META (none for a short body)
                gid = (existing.get(aid) or {}).get("group_id")
                if gid is None:
                    continue
            out.append(
                items.bundle_group_item(
                    link, bundle_id=link["bundle_id"], member=link["member"], group_id=gid
                )
            )
        for gid, stored in founders.items():
            if stored.get("first_bundle"):  # layout-1 META names no first bundle
                out.append(
                    items.bundle_group_item(
                        stored,
                        bundle_id=str(stored["first_bundle"]),
                        member=str(stored.get("first_member") or ""),
                        group_id=gid,
                    )
                )
        return out

    def flush(self) -> None:
        if not self.pending:
            return
        bid, key = self.ref.bundle_id, self.ref.key
        stored, owners = self._stored()
        batch: list[dict[str, Any]] = []
        texts: list[dict[str, Any]] = []
        new: list[NewArticle] = []
        links: list[dict[str, Any]] = []  # the flush's bundle links, filed under their groups once known
        counts = self.progress.counts
        for entry in self.pending:
            member, article = entry.member, entry.article
            counts.articles += 1
            known = self.seen.get(entry.source_id) or self.seen_content.get(entry.content_key)
            if known is not None:  # an earlier member of this bundle: a sighting of the same article
                counts.duplicates += 1
                self.seen[entry.source_id] = self.seen_content[entry.content_key] = known
                batch.append(items.sighting_item(known, bundle_id=bid, key=key, member=member, now=self.now))
                continue
            aid, stored_before = self._resolve(entry, stored, owners)
            self.seen[entry.source_id] = self.seen_content[entry.content_key] = aid
            sighting = items.sighting_item(aid, bundle_id=bid, key=key, member=member, now=self.now)
            # Written before by this very member (an earlier attempt at this bundle): still "new" to it.
            first_seen_here = stored_before is not None and (
                stored_before.get("first_bundle"),
                stored_before.get("first_member"),
            ) == (bid, member)
            link = items.bundle_link_item(article, aid, bundle_id=bid, member=member)
            if stored_before is not None and not first_seen_here:
                counts.duplicates += 1
                # A copy earlier in this very bundle (another chunk, a continuation) holds the bundle's link.
                same_bundle = stored_before.get("first_bundle") == bid
                batch += [sighting] if same_bundle else [sighting, link]
                links += [] if same_bundle else [link]
                continue
            counts.new += 1
            meta: dict[str, Any] | None = None
            if stored_before is None:
                meta, content = self._article_items(entry, aid)
                texts.append(content)
                batch.append(meta)
            elif aid != entry.content_key:
                # META stored by an earlier attempt: its content item again (it may be the write that died).
                texts.append(self._article_items(entry, aid)[1])
            if stored_before is not None and not stored_before.get("first_key"):
                batch.append(sighting)  # a layout-1 META keeps its first sighting in a SEEN# item
            batch.append(link)
            links.append(link)
            new.append(NewArticle(aid, article, meta, stored_before))
        assigned: dict[str, str] = {}
        founders: dict[str, dict[str, Any]] = {}
        batch += group(self.store, new, assigned, founders)
        batch += self._filings(links, assigned, founders, stored)
        # Content items first: an item holding a body is written no later than the META that needs it.
        self.store.put_items(texts + batch)
        self.pending.clear()
        for fresh in new:  # after their META: a posting never names an article the table lacks
            self.window.add(fresh.aid, fresh.article.title, fresh.article.body)
