"""The search index as ingest writes it: posting blocks, one per term per write window of new articles.

A window is the next ``WINDOW_ARTICLES`` new articles of one invocation (from its ``resume_at``), in member
order; it closes when full, when the bundle ends and before a continuation is queued. Its boundaries depend
only on the bundle's content and the invocation's ``resume_at``, never on timing, so a redelivered message
rewrites the same block keys with the same ids (or, after a continuation took over part of it, with a prefix
of them, the rest being written by the continuation's own windows). Blocks are written after the articles
they name, so a crash between the two leaves articles the retry indexes again, never a posting to nothing.
"""

from __future__ import annotations

from newsdrop.dal import Store
from newsdrop.dal.keys import posting_block_sk
from newsdrop.terms import index_terms

# Articles per window: postings of a term shared by many articles of a window cost one write together, so
# larger windows write less (measured in bench.storage); 1,000 ids of 16 bytes fit one 16 KB block.
WINDOW_ARTICLES = 1000


class PostingWindow:
    """Collects the search terms of new articles and writes one block per term when the window closes."""

    def __init__(
        self, store: Store, *, received_at: str, bundle_id: str, resume_at: int, first_window: int = 0
    ) -> None:
        self.store = store
        self.received_at = received_at
        self.bundle_id = bundle_id
        self.resume_at = resume_at
        # A continuation inside a chunk keeps the chunk's key and numbers its windows on from the checkpoint.
        self.window = first_window
        self.postings: dict[str, list[str]] = {}
        self.articles = 0

    def add(self, aid: str, title: str | None, body: str) -> None:
        for term in index_terms(title, body):
            self.postings.setdefault(term, []).append(aid)
        self.articles += 1
        if self.articles >= WINDOW_ARTICLES:
            self.close()

    def close(self) -> None:
        """Write the window's blocks (nothing when it is empty) and start the next window."""
        if self.articles:
            block = posting_block_sk(self.received_at, self.bundle_id, self.resume_at, self.window)
            self.store.put_postings(block, self.postings)
        self.window += 1 if self.articles else 0
        self.postings = {}
        self.articles = 0
