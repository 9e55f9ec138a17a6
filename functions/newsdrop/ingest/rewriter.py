"""Rewrites a reprocessed bundle's stored articles in place, a flush at a time (see ingest/reprocess.py)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from newsdrop import articles
from newsdrop.dal import Store, items, keys
from newsdrop.ingest import changes
from newsdrop.ingest.bodies import Bodies
from newsdrop.ingest.grouping import NewArticle, group
from newsdrop.ingest.postings import WINDOW_ARTICLES
from newsdrop.ingest.reprocess_records import (
    ARTICLES_PER_FLUSH,
    INDEX_ATTRIBUTES,
    RunProgress,
)
from newsdrop.models import CleanArticle, Member, MemberProblem
from newsdrop.terms import index_terms
from newsdrop.text.members import BundleCleaner, CleanedMember
from newsdrop.text.similar import band_keys, pack, signature


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
