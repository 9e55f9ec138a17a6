"""Search after a reprocessing run: an article rewritten into a new posting block is found by its new terms,
once, and no longer by terms only its old block holds."""

from __future__ import annotations

from newsdrop.dal import keys
from newsdrop.lookup.cursor import CursorCodec
from newsdrop.lookup.service import Lookup
from tests.unit.test_search_paging import BlockStore, aid

OLD = "2026-12-01T00:00:00.000Z#b1#000000000#000000"
NEW = keys.reprocess_block_sk(
    keys.reprocess_block_prefix("2026-12-01T00:00:00.000Z", "b1", "2099.01.01-1"), 0, 0
)


class RewrittenStore(BlockStore):
    """Article 1 was rewritten: its META names the reprocess block; article 2 was left as ingest stored it."""

    def article_summaries(self, ids):
        found = super().article_summaries(ids)
        if aid(1) in found:
            found[aid(1)]["index_block"] = NEW
        return found


def search(q: str) -> list[str]:
    blocks = {
        "reservoir": {OLD: [aid(1), aid(2)]},  # the old cleaning's term: article 1 no longer has it
        "water": {OLD: [aid(1), aid(2)], NEW: [aid(1)]},  # kept by the new cleaning
        "lake": {NEW: [aid(1)]},  # the new cleaning's term
        "towns": {OLD: [aid(2)]},
    }
    service = Lookup(RewrittenStore(blocks), CursorCodec(b"k"))  # type: ignore[arg-type]
    return [item["id"] for item in service.search(q, limit=10, cursor=None).items]


def test_the_reprocess_block_sorts_after_the_bundles_own_blocks():
    assert NEW > OLD and NEW.startswith("2026-12-01T00:00:00.000Z#b1#R")


def test_new_terms_find_the_rewritten_article_and_dropped_terms_do_not():
    assert search("lake") == [aid(1)]
    assert search("reservoir") == [aid(2)], "the stale posting of article 1 is left out"
    assert search("water") == [aid(1), aid(2)], "listed once, from its current block"
    assert search("lake water") == [aid(1)], "every word of the article sits in its one current block"
    assert search("water towns") == [aid(2)]


def test_a_stale_posting_met_first_does_not_hide_the_current_one():
    """A later run's block may sort before an earlier run's (versions are not always in string order)."""
    later = keys.reprocess_block_sk(
        keys.reprocess_block_prefix("2026-12-01T00:00:00.000Z", "b1", "2026.12.10-1"), 0, 0
    )
    earlier = keys.reprocess_block_sk(
        keys.reprocess_block_prefix("2026-12-01T00:00:00.000Z", "b1", "2026.12.9-1"), 0, 0
    )
    assert earlier > later

    class Store(BlockStore):
        def article_summaries(self, ids):
            found = super().article_summaries(ids)
            found[aid(1)]["index_block"] = later
            return found

    blocks = {"water": {earlier: [aid(1)], later: [aid(1)], OLD: [aid(1), aid(2)]}}
    service = Lookup(Store(blocks), CursorCodec(b"k"))  # type: ignore[arg-type]
    assert [item["id"] for item in service.search("water", limit=10, cursor=None).items] == [aid(1), aid(2)]
