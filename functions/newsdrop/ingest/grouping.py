"""Near-duplicate grouping of a flush's new articles: band heads read in one batch, signatures from META."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsdrop.dal import Store, items
from newsdrop.models import CleanArticle
from newsdrop.text.similar import Head, Signature, assign_groups, band_keys, pack, signature, unpack


@dataclass(frozen=True, slots=True)
class NewArticle:
    """A new article of a flush: its META item when this flush writes it, and what was stored before."""

    aid: str
    article: CleanArticle
    meta: dict[str, Any] | None
    stored_before: dict[str, Any] | None


def group(
    store: Store,
    new: Sequence[NewArticle],
    assigned: dict[str, str] | None = None,
    joined_founders: dict[str, dict[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """Put the flush's new articles into near-duplicate groups; returns the band heads and member items.

    Sets ``group_id`` and ``sig`` on the META items about to be written. A head names the newest article
    under its band key; that article's signature is read from its META (stored once, not on each head).
    When an article joins another's group, it and the group's founder get member items, so every group of
    two or more has one item per member and a lone article costs no member item. An article whose META an
    earlier attempt wrote keeps the group stored on it, so a retry rewrites the same items. ``assigned``,
    if given, receives each signed article's group id; ``joined_founders`` the stored fields (summary, first
    bundle and member) of each stored founder whose group an article of this flush joined.
    """
    signed = [(entry, sig) for entry in new if (sig := signature(entry.article.body)) is not None]
    if not signed:
        return []
    own = {entry.aid: (entry, sig) for entry, sig in signed}
    stored_heads = store.band_heads({key for _, sig in signed for key in band_keys(sig)})
    head_ids = {head["id"] for head in stored_heads.values() if "sig" not in head}
    fields = store.grouping_fields(head_ids)
    found: dict[str, Head] = {}
    for key, head in stored_heads.items():
        packed = head.get("sig") or (fields.get(head["id"]) or {}).get("sig")  # layout 1 kept it on the head
        if packed is not None:
            found[key] = Head(head["id"], head["group_id"], unpack(bytes(packed)))
    groups, heads = assign_groups(
        [(e.aid, sig, (e.stored_before or {}).get("group_id")) for e, sig in signed], found
    )
    founders = {gid for aid, gid in groups.items() if gid != aid and gid not in own and gid not in fields}
    fields |= store.grouping_fields(founders)
    out: list[dict[str, Any]] = []
    for entry, sig in signed:
        group_id = groups[entry.aid]
        if assigned is not None:
            assigned[entry.aid] = group_id
        packed = pack(sig)
        if entry.meta is not None:
            entry.meta.update(group_id=group_id, sig=packed)
        elif entry.stored_before is not None and "group_id" not in entry.stored_before:
            # META from before grouping existed (a bundle retried across the deploy): mark it too.
            store.set_group(entry.aid, group_id, packed)
        if group_id == entry.aid:
            continue  # founded its own group: a member item only once another article joins
        out.append(
            items.group_member_item(
                items.summary(entry.article, entry.aid), entry.aid, group_id=group_id, packed_sig=packed
            )
        )
        out.extend(_founder_item(group_id, own, fields))
        if joined_founders is not None and group_id not in own and group_id in fields:
            joined_founders[group_id] = fields[group_id]
    out += [items.band_head_item(key, head.id, head.group_id) for key, head in heads.items()]
    return out


def _founder_item(
    group_id: str, own: dict[str, tuple[NewArticle, Signature]], fields: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """The founder's member item (rewritten on each join: idempotent), from this flush or its META."""
    if group_id in own:
        entry, sig = own[group_id]
        return [
            items.group_member_item(
                items.summary(entry.article, group_id), group_id, group_id=group_id, packed_sig=pack(sig)
            )
        ]
    stored = fields.get(group_id)
    if stored is None:
        return []  # a founder stored without a signature (layout 1 before grouping): nothing to compare
    return [
        items.group_member_item(
            stored, group_id, group_id=group_id, packed_sig=pack(unpack(bytes(stored["sig"])))
        )
    ]
