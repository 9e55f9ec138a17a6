"""Keyword search over the posting blocks: every word of the query must match; pages newest stored first."""

from __future__ import annotations

from typing import Any

from newsdrop.dal import Store
from newsdrop.dal.items import block_ids
from newsdrop.dal.store import ARTICLE_SUMMARY
from newsdrop.lookup.cursor import CursorCodec
from newsdrop.lookup.errors import BadParameter, InvalidCursor
from newsdrop.lookup.page import Page
from newsdrop.lookup.params import pick
from newsdrop.terms import query_terms, tokens

# --- bounds on the work one search page may do (documented in docs/api.md) ----------------------------------
MAX_SEARCH_TERMS = 8
# Posting blocks one search page may read of its leading word; a page that runs out of them comes back
# short, with a next_cursor that carries on (every match is still reached).
MAX_BLOCKS_PER_PAGE = 200
BLOCKS_PER_QUERY = 16  # at most 16 blocks x 7 other words = 112 keys: two BatchGetItem requests per round
PROBE_BLOCKS = 8  # blocks read of each word to pick the leading word of a several-word query
MAX_BLOCK_KEY_LENGTH = 200
TITLE_WEIGHT = 3  # a query word in the title scores this much more than one only in the body


def _current_posting(summary: dict[str, Any], block: str) -> bool:
    """False for a posting a reprocessing run replaced: the article now names the block of its new terms.

    Such a page comes back short; its next_cursor carries on as after any short page.
    """
    current = summary.get("index_block")
    return current is None or current == block


class KeywordSearch:
    """One page of a search: the leading word's posting blocks, intersected with the other words' blocks."""

    def __init__(self, store: Store, codec: CursorCodec) -> None:
        self.store = store
        self.codec = codec

    def _leading_word(self, terms: list[str]) -> str:
        """The word whose postings drive a several-word search: one fully read in a few blocks, else the sparsest."""
        if len(terms) == 1:
            return terms[0]
        probes = []
        for term in terms:
            page, more = self.store.postings_of_term(term, start=None, inclusive=True, limit=PROBE_BLOCKS)
            probes.append((more, sum(len(block_ids(item)) for item in page), term))
        return min(probes)[2]

    def _matching(self, blocks: list[dict[str, Any]], others: list[str]) -> dict[str, set[str]]:
        """Per block of the leading word, the ids that the other words' blocks under the same key also hold.

        Every word of one article is posted under the same block key (its write window), so one BatchGetItem
        per round answers for all of the round's blocks.
        """
        allowed = {item["sk"]: set(block_ids(item)) for item in blocks}
        for term in others:
            found = self.store.postings_at(term, list(allowed))
            for sk in allowed:
                other = found.get(sk)
                allowed[sk] &= set(block_ids(other)) if other is not None else set()
        return allowed

    def page(self, q: str, *, limit: int, cursor: str | None) -> Page:
        """Articles whose search scope holds every word of ``q``, most recently stored first.

        Reads the leading word's posting blocks newest first from the cursor's block and position on, keeps
        the ids every other word's block of the same window also holds, then reads their summaries. A page
        reads at most MAX_BLOCKS_PER_PAGE blocks; it may then be short, and its next_cursor carries on.
        """
        terms = query_terms(q)
        if not terms:
            raise BadParameter(
                "q",
                "q has no searchable word: use words of 2 to 40 letters that are not stop words like 'the'",
            )
        if len(terms) > MAX_SEARCH_TERMS:
            raise BadParameter("q", f"q has {len(terms)} distinct words; use at most {MAX_SEARCH_TERMS}")
        scope = "search\x1f" + " ".join(sorted(terms))
        position = {} if cursor is None else self.codec.decode(cursor, scope)
        lead, at, skip = position.get("t"), position.get("b"), position.get("o", 0)
        if cursor is not None and (
            lead not in terms
            or not isinstance(at, str)
            or len(at) > MAX_BLOCK_KEY_LENGTH
            or type(skip) is not int
            or skip < 0
        ):
            raise InvalidCursor("cursor position is not a block of this search")
        if lead is None:
            lead = self._leading_word(terms)
        others = [term for term in terms if term != lead]
        # (id, block) per hit: an article a reprocessing run moved is in two blocks, one of them stale.
        hits: list[tuple[str, str]] = []
        seen: set[tuple[str, str]] = set()
        read = 0
        inclusive = True
        next_position: dict[str, Any] | None = None
        rounds = 0
        while read < MAX_BLOCKS_PER_PAGE and next_position is None:
            # 1, 2, 4, ... blocks per round: a common word's first block (up to 1,000 ids) often fills the page.
            want = min(2**rounds, BLOCKS_PER_QUERY, MAX_BLOCKS_PER_PAGE - read)
            rounds += 1
            blocks, more = self.store.postings_of_term(lead, start=at, inclusive=inclusive, limit=want)
            allowed = self._matching(blocks, others)
            for item in blocks:
                read += 1
                ids = block_ids(item)
                first = skip if item["sk"] == at and inclusive else 0
                for index in range(first, len(ids)):
                    aid = ids[index]
                    if aid in allowed[item["sk"]] and (aid, item["sk"]) not in seen:
                        seen.add((aid, item["sk"]))
                        hits.append((aid, item["sk"]))
                        if len(hits) >= limit:
                            if index + 1 < len(ids) or more or item is not blocks[-1]:
                                next_position = {"t": lead, "b": item["sk"], "o": index + 1}
                            break
                if next_position is not None or len(hits) >= limit:
                    break
            if next_position is not None or len(hits) >= limit or not more:
                break
            at, inclusive, skip = blocks[-1]["sk"], False, 0
            if read >= MAX_BLOCKS_PER_PAGE:  # the work bound: a short page that carries on below this block
                next_position = {"t": lead, "b": at, "o": len(block_ids(blocks[-1]))}
        summaries = self.store.article_summaries(aid for aid, _ in hits)
        current = [aid for aid, block in hits if aid in summaries and _current_posting(summaries[aid], block)]
        found = [
            dict(pick(summaries[aid], ARTICLE_SUMMARY), score=self._score(summaries[aid], terms))
            for aid in dict.fromkeys(current)
        ]
        return Page(
            items=found,
            next_cursor=None if next_position is None else self.codec.encode(next_position, scope),
            complete=True,
        )

    @staticmethod
    def _score(summary: dict[str, Any], terms: list[str]) -> int:
        """One per query word, TITLE_WEIGHT more for each one the title holds (ordering stays newest first)."""
        title = set(tokens(summary.get("title") or ""))
        return sum(1 + (TITLE_WEIGHT if term in title else 0) for term in terms)
