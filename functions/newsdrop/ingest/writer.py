"""Buffers a bundle's cleaned articles and writes them in batches, deciding new versus duplicate per article."""

from __future__ import annotations

from typing import Any

from newsdrop import articles
from newsdrop.dal import Store, items
from newsdrop.ingest.bodies import Bodies
from newsdrop.ingest.grouping import NewArticle, group
from newsdrop.ingest.postings import PostingWindow
from newsdrop.ingest.records import ObjectRef, Progress
from newsdrop.models import CleanArticle, Member, MemberProblem
from newsdrop.text.members import BundleCleaner, CleanedMember

ARTICLES_PER_FLUSH = 25


class ArticleWriter:
    """Cleans members, then per flush: one read of which articles exist, one batch of item writes.

    Per new article it writes META (body compressed, first sighting, group), a bundle link, its band heads
    and a share of the window's posting blocks; per duplicate a sighting and a bundle link. An article of a
    group of two or more is also filed under its group in the bundle (``_filings``). Every write is a put
    of a key derived from content, bundle and member, so a redelivered message rewrites the same items.
    """

    def __init__(
        self, store: Store, bodies: Bodies, ref: ObjectRef, progress: Progress, *, now: str, received_at: str
    ) -> None:
        self.store = store
        self.bodies = bodies
        self.ref = ref
        self.progress = progress
        self.pending: list[tuple[str, CleanArticle, str]] = []
        self.seen: set[str] = set()
        self.now = now
        self.cleaner = BundleCleaner(known_chrome=progress.chrome)
        self.window = PostingWindow(
            store, received_at=received_at, bundle_id=ref.bundle_id, resume_at=ref.resume_at
        )

    def add(self, member: Member) -> None:
        self._take(self.cleaner.add(member))

    def finish(self) -> None:
        """Clean the members held for the chrome sample, write everything, and note the chrome learned."""
        self._take(self.cleaner.finish())
        self.progress.chrome = self.cleaner.chrome_for_record()
        self.flush()
        self.window.close()

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
        existing = self.store.stored_articles(aid for _, _, aid in self.pending if aid not in self.seen)
        batch: list[dict[str, Any]] = []
        new: list[NewArticle] = []
        links: list[dict[str, Any]] = []  # the flush's bundle links, filed under their groups once known
        counts = self.progress.counts
        for member, article, aid in self.pending:
            counts.articles += 1
            sighting = items.sighting_item(aid, bundle_id=bid, key=key, member=member, now=self.now)
            if aid in self.seen:
                counts.duplicates += 1
                batch.append(sighting)
                continue
            self.seen.add(aid)
            stored_before = existing.get(aid)
            # Written before by this very member (an earlier attempt at this bundle): still "new" to it.
            first_seen_here = stored_before is not None and (
                stored_before.get("first_bundle"),
                stored_before.get("first_member"),
            ) == (bid, member)
            link = items.bundle_link_item(article, aid, bundle_id=bid, member=member)
            links.append(link)
            if stored_before is not None and not first_seen_here:
                counts.duplicates += 1
                batch += [sighting, link]
                continue
            counts.new += 1
            meta: dict[str, Any] | None = None
            if stored_before is None:
                stored = self.bodies.store(article, aid)
                meta = items.article_item(
                    article, aid, stored, bundle_id=bid, key=key, member=member, now=self.now
                )
                batch.append(meta)
            elif not stored_before.get("first_key"):
                batch.append(sighting)  # a layout-1 META keeps its first sighting in a SEEN# item
            batch.append(link)
            new.append(NewArticle(aid, article, meta, stored_before))
        assigned: dict[str, str] = {}
        founders: dict[str, dict[str, Any]] = {}
        batch += group(self.store, new, assigned, founders)
        batch += self._filings(links, assigned, founders, existing)
        self.store.put_items(batch)
        self.pending.clear()
        for entry in new:  # after their META: a posting never names an article the table lacks
            self.window.add(entry.aid, entry.article.title, entry.article.body)
