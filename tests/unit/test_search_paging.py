"""Search paging over posting blocks, against an in-memory store: work bound, short pages, exact cursors."""

from __future__ import annotations

from typing import Any

from newsdrop.dal import items
from newsdrop.lookup.cursor import CursorCodec
from newsdrop.lookup.search import MAX_BLOCKS_PER_PAGE
from newsdrop.lookup.service import Lookup


def aid(n: int) -> str:
    return f"{n:032x}"


class BlockStore:
    """Posting blocks by term (sort key -> ids in member order) and a summary for every id; counts block reads."""

    def __init__(self, blocks: dict[str, dict[str, list[str]]]) -> None:
        self.blocks = blocks
        self.read = 0

    def postings_of_term(self, term: str, *, start: str | None, inclusive: bool, limit: int):
        keys = sorted(self.blocks.get(term, {}), reverse=True)
        if start is not None:
            keys = [k for k in keys if k <= start] if inclusive else [k for k in keys if k < start]
        page = [items.posting_block_item(term, sk, self.blocks[term][sk]) for sk in keys[:limit]]
        self.read += len(page)
        return page, len(keys) > limit

    def postings_at(self, term: str, block_sks: list[str]) -> dict[str, dict[str, Any]]:
        own = self.blocks.get(term, {})
        return {sk: items.posting_block_item(term, sk, own[sk]) for sk in block_sks if sk in own}

    def article_summaries(self, ids):
        return {
            i: {"id": i, "title": f"t{i}", "published": None, "source": None, "word_count": 1} for i in ids
        }


def walk(service: Lookup, q: str, limit: int) -> tuple[list[str], list[int]]:
    ids, sizes, cursor = [], [], None
    while True:
        page = service.search(q, limit=limit, cursor=cursor)
        assert page.complete
        ids += [item["id"] for item in page.items]
        sizes.append(len(page.items))
        cursor = page.next_cursor
        if cursor is None:
            return ids, sizes


def test_a_common_word_pages_through_every_block_newest_first_without_gaps_or_repeats():
    blocks = {"port": {f"w{b:04d}": [aid(b * 100 + i) for i in range(100)] for b in range(30)}}
    ids, sizes = walk(Lookup(BlockStore(blocks), CursorCodec(b"k")), "port", limit=37)  # type: ignore[arg-type]
    expected = [i for b in reversed(range(30)) for i in reversed(blocks["port"][f"w{b:04d}"])]
    assert ids == expected
    assert sizes[:-1] == [37] * (len(sizes) - 1)


def test_words_that_rarely_meet_give_short_pages_within_the_work_bound_and_still_every_match():
    blocks = {
        "port": {f"w{b:04d}": [aid(b * 10 + i) for i in range(10)] for b in range(450)},
        "strike": {"w0003": [aid(31)], "w0400": [aid(4005)]},
    }
    store = BlockStore(blocks)
    service = Lookup(store, CursorCodec(b"k"))  # type: ignore[arg-type]
    # "strike" leads (fewer entries in its first blocks): one page, two blocks of "port" checked.
    page = service.search("port strike", limit=5, cursor=None)
    assert [i["id"] for i in page.items] == [aid(4005), aid(31)] and page.next_cursor is None
    only_port = {"port": blocks["port"], "strike": {f"w{b:04d}": [aid(999_999)] for b in range(450)}}
    bounded = Lookup(BlockStore(only_port), CursorCodec(b"k"))  # type: ignore[arg-type]
    first = bounded.search("port strike", limit=5, cursor=None)
    assert first.items == [] and first.next_cursor, (
        "no match in the first blocks: a short page that carries on"
    )
    assert bounded.store.read <= MAX_BLOCKS_PER_PAGE + 8 * 2  # the probes of both words, then the bound
    _, sizes = walk(bounded, "port strike", limit=5)
    assert sum(sizes) == 0 and len(sizes) == 3  # 450 blocks / 200 per page
