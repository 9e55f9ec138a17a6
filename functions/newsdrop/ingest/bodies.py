"""Where a new article's body goes: inline (compressed when that helps) or, past 300 KB compressed, to S3."""

from __future__ import annotations

from newsdrop import articles
from newsdrop.adapters.bucket import DropBucket
from newsdrop.articles import StoredBody
from newsdrop.models import CleanArticle


class Bodies:
    """Puts relocated bodies under ``bodies/<id>.json.gz`` before the article item that points at them."""

    def __init__(self, bucket: DropBucket, prefix: str) -> None:
        self.bucket = bucket
        self.prefix = prefix

    def store(self, article: CleanArticle, aid: str) -> StoredBody:
        """The body's attributes for META; an S3 copy is written first (same key on a retry: idempotent)."""
        stored = articles.store_body(article, aid, self.prefix)
        if stored.s3_key and stored.s3_payload is not None:
            self.bucket.put_bytes(stored.s3_key, stored.s3_payload, content_type="application/gzip")
        return stored
