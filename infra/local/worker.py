"""The ingest runtime in a process of its own, so lookups served by the stack's process never stall an ingest."""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import sys
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

logger = logging.getLogger("newsdrop.local")


@dataclass(frozen=True)
class IngestWorkerConfig:
    """Everything the worker needs, picklable: the functions' environment, the queue and the mirror."""

    environ: dict[str, str]
    queue_url: str
    queue_arn: str
    bucket: str
    function_name: str
    batch_size: int
    timeout_seconds: int
    memory_mb: int
    region: str
    account_id: str
    retry_visibility: int | None
    mirror_root: Path
    incoming_prefix: str
    bodies_prefix: str
    functions_dir: str
    log_level: str


def run_worker(config: IngestWorkerConfig, parent: Connection) -> None:
    """The worker process: an SQS poller invoking the ingest handler until the parent says stop or goes away."""
    # Ctrl-C reaches the whole process group; the stack's process decides when the worker stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ.update(config.environ)
    logging.basicConfig(level=config.log_level, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    logging.getLogger("botocore").setLevel(logging.WARNING)
    if config.functions_dir not in sys.path:
        sys.path.insert(0, config.functions_dir)
    import boto3
    from botocore.config import Config

    from infra.local.mirror import BundleMirror, notified_keys
    from infra.local.poller import SqsPoller
    from newsdrop.handlers import ingest as ingest_handler

    session = boto3.session.Session(region_name=config.region)
    retries = Config(retries={"max_attempts": 5, "mode": "standard"})
    sqs = session.client("sqs", config=retries)
    s3 = session.client("s3", config=retries)
    mirror = BundleMirror(config.mirror_root)

    def mirror_bundles(batch: list[dict[str, Any]]) -> None:
        for key, version_id in notified_keys(batch, config.bucket, config.incoming_prefix):
            mirror.store_object(s3, config.bucket, key, version_id)

    def mirror_bodies(batch: list[dict[str, Any]]) -> None:
        # Bodies too large for an item live in S3 only; kept on disk they come back at the next start.
        mirror.store_prefix(s3, config.bucket, config.bodies_prefix)

    poller = SqsPoller(
        sqs,
        config.queue_url,
        config.queue_arn,
        ingest_handler.lambda_handler,
        function_name=config.function_name,
        batch_size=config.batch_size,
        timeout_seconds=config.timeout_seconds,
        memory_mb=config.memory_mb,
        region=config.region,
        account_id=config.account_id,
        retry_visibility=config.retry_visibility,
        before_invoke=mirror_bundles,
        after_invoke=mirror_bodies,
    )
    poller.start()
    with contextlib.suppress(EOFError, OSError):  # end of file: the stack's process died without saying so
        parent.recv()  # "stop"
    poller.stop()


class IngestWorker:
    """Starts and stops the worker process (spawned: a fresh interpreter, no threads inherited)."""

    def __init__(self, config: IngestWorkerConfig) -> None:
        self.config = config
        context = multiprocessing.get_context("spawn")
        # A pipe rather than an Event: a worker killed while waiting cannot leave a lock held, and the
        # worker sees the stack's process die (end of file) and stops instead of running on as an orphan.
        reader, self._writer = context.Pipe(duplex=False)
        self._process = context.Process(
            target=run_worker, args=(config, reader), name="newsdrop-ingest", daemon=True
        )

    @property
    def pid(self) -> int | None:
        return self._process.pid

    def start(self) -> None:
        self._process.start()

    def is_alive(self) -> bool:
        return self._process.is_alive()

    def stop(self) -> None:
        """Ask the poller to stop; an invocation under way finishes first, within the function's timeout."""
        if self._process.pid is None:
            return
        with contextlib.suppress(OSError):  # the worker is gone already
            self._writer.send("stop")
        self._writer.close()
        self._process.join(timeout=self.config.timeout_seconds + 10)
        if self._process.is_alive():
            logger.warning("the ingest worker did not stop in time; terminating it")
            self._process.terminate()
            self._process.join(timeout=10)


class IngestWorkers:
    """Several worker processes on the one ingest queue, like concurrent Lambda invocations: the chunks of a
    fanned-out bundle (and separate bundles) are ingested side by side. Processes, not threads: cleaning is
    CPU-bound Python, which threads of one process would run one at a time."""

    def __init__(self, config: IngestWorkerConfig, count: int) -> None:
        if count < 1:
            raise ValueError(
                f"ingest workers must be at least 1, not {count}: pass --ingest-workers 1 or more"
            )
        self.workers = [IngestWorker(config) for _ in range(count)]

    @property
    def pid(self) -> int | None:
        return self.workers[0].pid

    @property
    def pids(self) -> list[int | None]:
        return [worker.pid for worker in self.workers]

    def start(self) -> None:
        for worker in self.workers:
            worker.start()

    def is_alive(self) -> bool:
        return all(worker.is_alive() for worker in self.workers)

    def stop(self) -> None:
        for worker in self.workers:
            worker.stop()
