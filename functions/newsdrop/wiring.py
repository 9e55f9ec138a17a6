"""Builds the store, the ingestor and the lookup service from Settings, each once per process; ``reset`` forgets all."""

from __future__ import annotations

from dataclasses import asdict
from functools import cache
from typing import TYPE_CHECKING

from newsdrop.adapters import aws
from newsdrop.adapters.bucket import DropBucket
from newsdrop.config import Settings, get_settings
from newsdrop.dal import ArticleTable, Store

if TYPE_CHECKING:  # imported where built: the lookup function's cold start never loads the ingest pipeline
    from newsdrop.ingest.announce import Announcer
    from newsdrop.ingest.pipeline import Ingestor
    from newsdrop.ingest.reprocess import Reprocessor
    from newsdrop.lookup.service import Lookup

# BatchWriteItem requests in flight at once: the index writes of one flush are independent, and
# latency, not CPU, bounds a sequential writer.
WRITE_CONCURRENCY = 8
CONTINUATION = "newsdrop.continue"


def settings() -> Settings:
    """The process's Settings, read from the environment on first use (``Settings.from_env``)."""
    return get_settings()


def store(*, writers: int = 1) -> Store:
    """A Store over the configured table; ``writers`` BatchWriteItem requests may run side by side."""
    return Store(ArticleTable(aws.client("dynamodb"), settings().table_name, writers=writers))


def bucket() -> DropBucket:
    return DropBucket(aws.client("s3"), settings().bucket_name)


@cache
def ingestor() -> Ingestor:
    """The ingest of this process: continuations go to the ingest queue when INGEST_QUEUE_URL is set."""
    from newsdrop.adapters.queue import IngestQueue
    from newsdrop.ingest.pipeline import Ingestor
    from newsdrop.ingest.records import ObjectRef

    current = settings()
    continue_later = None
    if current.queue_url:
        queue = IngestQueue(aws.client("sqs"), current.queue_url)

        def continue_later(ref: ObjectRef) -> None:
            queue.send({"type": CONTINUATION, **asdict(ref)})

    return Ingestor(store(writers=WRITE_CONCURRENCY), bucket(), current, continue_later=continue_later)


@cache
def reprocessor() -> Reprocessor:
    """Reprocess messages of this process: their continuations go to the ingest queue too."""
    from newsdrop.adapters.queue import IngestQueue
    from newsdrop.ingest.reprocess import Reprocessor, ReprocessRequest

    current = settings()
    continue_later = None
    if current.queue_url:
        queue = IngestQueue(aws.client("sqs"), current.queue_url)

        def continue_later(request: ReprocessRequest) -> None:
            queue.send(request.as_payload())

    return Reprocessor(store(writers=WRITE_CONCURRENCY), bucket(), current, continue_later=continue_later)


@cache
def announcer() -> Announcer:
    """Sends each finished bundle's event to EVENT_BUS_NAME, with links under API_URL (both from the template)."""
    import os

    from newsdrop.adapters.events import DEFAULT_BUS, EventBus
    from newsdrop.ingest.announce import Announcer

    return Announcer(
        EventBus(aws.client("events"), os.environ.get("EVENT_BUS_NAME") or DEFAULT_BUS),
        store(),
        api_url=os.environ.get("API_URL") or None,
    )


@cache
def lookup() -> Lookup:
    """The lookup service of this process; article bodies relocated to S3 are read from the drop bucket."""
    from newsdrop.lookup.cursor import CursorCodec, cursor_secret
    from newsdrop.lookup.service import Lookup

    def fetch(key: str) -> bytes:
        return bucket().get_bytes(key)

    def read(secret_id: str) -> str:
        from newsdrop.adapters.secrets import read_secret

        return read_secret(aws.client("secretsmanager"), secret_id)

    return Lookup(store(), CursorCodec(cursor_secret(read=read)), fetch=fetch)


def reset() -> None:
    """Forget Settings, boto3 clients, the ingestor, the announcer and the lookup service (the environment changed)."""
    get_settings.cache_clear()
    aws.reset_clients()
    ingestor.cache_clear()
    reprocessor.cache_clear()
    announcer.cache_clear()
    lookup.cache_clear()
