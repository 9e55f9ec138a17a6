"""The local stack: moto server, dynalite table, resources from template.yaml, ingest worker, API gateway, drop folder."""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import boto3
from botocore.config import Config

from infra.local.api_client import LocalApiClient
from infra.local.apigw import ApiServer, LocalApiGateway
from infra.local.apigw_config import api_config
from infra.local.awsserver import LocalAws
from infra.local.dropfolder import DropFolder
from infra.local.dynamodb import LocalDynamoDB
from infra.local.events import EventPrinter, record_events
from infra.local.mirror import BundleMirror
from infra.local.start_bundles import INCOMING_PREFIX, replay, restore, upload_seed
from infra.local.state import function_environment, load_or_create_api_key, resolve_dynamic_references
from infra.local.sweeploop import SweepLoop
from infra.local.worker import IngestWorkerConfig, IngestWorkers
from infra.provision import (
    DEFAULT_STACK,
    LOOKUP_FUNCTION_ID,
    StackResources,
    drain_queue,
    provision,
    stack_resolver,
)
from infra.template import DEFAULT_ACCOUNT_ID, DEFAULT_REGION, REPO_ROOT, TEMPLATE_PATH

logger = logging.getLogger("newsdrop.local")

LOCAL_JSON = "local.json"
# The lookup handler's GET /health reads it (newsdrop.handlers.lookup.READY_ENV): false until replay is done.
READY_ENV = "NEWSDROP_READY"
# Fake credentials: everything this process calls is the local moto server, never real AWS.
_LOCAL_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}


@dataclass
class LocalOptions:
    """How to run the local stack; every port and path can be changed so tests can run beside `make run`."""

    host: str = "127.0.0.1"
    aws_port: int = 4566
    api_port: int = 3000
    state_dir: Path = Path(".newsdrop")
    drop_dir: Path = Path("drop")
    stack: str = DEFAULT_STACK
    account_id: str = DEFAULT_ACCOUNT_ID
    region: str = DEFAULT_REGION
    template: Path = TEMPLATE_PATH
    parameters: dict[str, str] = field(default_factory=dict)
    seed: bool = True
    replay: bool = True
    retry_visibility: int | None = None
    api_key: str | None = None
    drop_interval: float = 1.0
    function_log_level: str | None = None  # overrides the template's POWERTOOLS_LOG_LEVEL (e.g. WARNING)
    trace: bool = (
        False  # X-Ray segments to AWS_XRAY_DAEMON_ADDRESS (default 127.0.0.1:2000), off unless asked
    )
    print_events: bool = True  # one line per Bundle Finished event on stdout
    sweep_interval: float = 60.0  # the template schedules the sweeper every 5 minutes; locally more often
    # "dynalite": the table on disk under <state_dir>/dynamodb, kept across restarts (nothing is ingested
    # again); "moto": in memory in the local AWS, rebuilt at each start by ingesting the kept bundles again.
    dynamodb: str = "dynalite"
    dynamodb_port: int = 0
    # Ingest worker processes polling the queue (Lambda's concurrent invocations): the chunks of a big
    # bundle run side by side. One per core, at most 4 (2 on the 2-core machines the docs measure on).
    ingest_workers: int = field(default_factory=lambda: max(1, min(4, os.cpu_count() or 1)))


def _reset_newsdrop_caches() -> None:
    """Settings, clients and services are cached per process: forget any built before the environment was set."""
    from newsdrop import wiring

    wiring.reset()
    from newsdrop.handlers import sweeper

    sweeper.sweeper.cache_clear()


class LocalStack:
    """Starts every part in order and stops them in reverse; ``info`` is what local.json holds."""

    def __init__(self, options: LocalOptions) -> None:
        self.options = options
        self.state_dir = options.state_dir.resolve()
        self.aws = LocalAws(options.host, options.aws_port)
        self.resources: StackResources | None = None
        self.sweeper: SweepLoop | None = None
        self.dynamodb = (
            LocalDynamoDB(self.state_dir / "dynamodb", options.host, options.dynamodb_port)
            if options.dynamodb == "dynalite"
            else None
        )
        self.worker: IngestWorkers | None = None
        self.api: ApiServer | None = None
        self._api_client: LocalApiClient | None = None
        self.drop: DropFolder | None = None
        self.events: EventPrinter | None = None
        self.events_log_group = ""
        self.mirror = BundleMirror(self.state_dir / "bundles")
        self.api_key = ""
        self.uploaded_at_start: list[str] = []
        self._clients: dict[str, Any] = {}
        # Set once every bundle uploaded at start (replay, seed) is final; GET /health says ready: true from then.
        self.ready = threading.Event()
        self._stopping = threading.Event()

    # -- lifecycle
    def start(self) -> None:
        self.state_dir.mkdir(parents=True, exist_ok=True)
        (self.state_dir / LOCAL_JSON).unlink(missing_ok=True)
        self.api_key = load_or_create_api_key(self.state_dir, self.options.api_key)
        self.aws.start()
        try:
            if self.dynamodb is not None:
                self.dynamodb.start()
            self._start_services()
        except BaseException:
            self.stop()
            raise

    def _start_services(self) -> None:
        self._configure_process_environment()
        os.environ[READY_ENV] = "false"
        resources = self._provision()
        functions_dir = str(REPO_ROOT / "functions")
        if functions_dir not in sys.path:
            sys.path.insert(0, functions_dir)
        _reset_newsdrop_caches()
        from newsdrop.handlers import sweeper as sweeper_handler

        self.sweeper = SweepLoop(sweeper_handler.sweep_once, interval=self.options.sweep_interval)
        self.sweeper.start()
        self._start_api(resources)
        if self.options.print_events:
            self.events = EventPrinter(
                self._clients["logs"],
                self.events_log_group,
                since_ms=int(time.time() * 1000),
                write=lambda line: print(line, flush=True),
            )
            self.events.start()
        if self.options.replay and self.dynamodb is not None:
            self.uploaded_at_start += restore(
                self.mirror, self.aws, self._clients["s3"], resources, self.api_client
            )
        self._start_ingest(resources, functions_dir)
        self.drop = DropFolder(
            self.options.drop_dir.resolve(),
            self._clients["s3"],
            resources.bucket,
            INCOMING_PREFIX,
            interval=self.options.drop_interval,
            on_upload=lambda key, path: logger.info(
                "drop folder: uploaded %s as s3://%s/%s", path.name, resources.bucket, key
            ),
        )
        self.drop.start()
        if self.options.replay and self.dynamodb is None:
            self.uploaded_at_start += replay(self.mirror, self._clients["s3"], resources.bucket)
        if self.options.seed:
            self.uploaded_at_start += upload_seed(self.mirror, self._clients["s3"], resources.bucket)
        self.write_local_json()
        threading.Thread(target=self._await_ready, name="local-ready", daemon=True).start()

    def _provision(self) -> StackResources:
        """The template's resources in the local engines, and both functions' environment in this process."""
        session = boto3.session.Session(region_name=self.options.region)
        config = Config(retries={"max_attempts": 5, "mode": "standard"})
        self._clients = {
            name: session.client(name, endpoint_url=self.endpoint(name), config=config)
            for name in ("s3", "sqs", "dynamodb")
        }
        self.resources = provision(
            self._clients,
            self.options.template,
            self.options.stack,
            self.options.account_id,
            self.options.region,
            self.options.parameters,
            # Generated secrets (the cursor key) are kept with the state: cursors outlive a restart.
            secret_value=lambda logical_id: resolve_dynamic_references(
                f"{{{{resolve:secretsmanager:{logical_id}}}}}", self.state_dir / "secrets"
            ),
        )
        drain_queue(self._clients["sqs"], self.resources.queue_url)  # moto's s3:TestEvent
        os.environ.update(function_environment(self.resources, self.state_dir / "secrets"))
        self._record_events()
        # After the template's variables: an AWS_ENDPOINT_URL placeholder there must not hide the local AWS.
        self._configure_process_environment()
        if self.options.function_log_level:
            os.environ["POWERTOOLS_LOG_LEVEL"] = self.options.function_log_level
        # Powertools traces only in Lambda; --trace asks newsdrop.observe for them here too.
        os.environ["NEWSDROP_TRACE"] = "true" if self.options.trace else "false"
        return self.resources

    def _start_api(self, resources: StackResources) -> None:
        """The lookup function behind the template's API, in this process."""
        from newsdrop.handlers import lookup as lookup_handler

        resolver = stack_resolver(
            self.options.template,
            self.options.stack,
            self.options.account_id,
            self.options.region,
            self.options.parameters,
        )
        gateway = LocalApiGateway(
            api_config(resolver, LOOKUP_FUNCTION_ID),
            lookup_handler.lambda_handler,
            self.api_key,
            region=resources.region,
            account_id=resources.account_id,
        )
        self.api = ApiServer(gateway, self.options.host, self.options.api_port)
        self.api.start()
        self._api_client = LocalApiClient(self.api.url, self.api_key)
        # Bundle Finished events link into this gateway, not the cloud URL the template builds.
        os.environ["API_URL"] = self.api.url
        from newsdrop import wiring

        wiring.announcer.cache_clear()

    def _start_ingest(self, resources: StackResources, functions_dir: str) -> None:
        """The ingest function's worker processes polling the queue, with the template's batch, timeout and memory."""
        from newsdrop.config import Settings

        self.worker = IngestWorkers(
            IngestWorkerConfig(
                environ=dict(os.environ),
                queue_url=resources.queue_url,
                queue_arn=resources.queue_arn,
                bucket=resources.bucket,
                function_name=f"{resources.stack}-ingest",
                batch_size=resources.ingest_batch_size,
                timeout_seconds=resources.ingest_timeout,
                memory_mb=resources.ingest_memory,
                region=resources.region,
                account_id=resources.account_id,
                retry_visibility=self.options.retry_visibility,
                mirror_root=self.mirror.root,
                incoming_prefix=INCOMING_PREFIX,
                bodies_prefix=Settings.from_env(os.environ).bodies_prefix,
                functions_dir=functions_dir,
                log_level=logging.getLevelName(logging.getLogger().getEffectiveLevel()),
            ),
            self.options.ingest_workers,
        )
        self.worker.start()

    def _await_ready(self) -> None:
        """Ready once the bundles uploaded at start are final: until then a script sees partial data."""
        self.api_client.wait_for_bundles(self.uploaded_at_start, timeout=float("inf"), stop=self._stopping)
        if not self._stopping.is_set():
            os.environ[READY_ENV] = "true"
            self.ready.set()

    def _configure_process_environment(self) -> None:
        # The handlers build their clients from the environment, so it must name the local AWS first.
        for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN"):
            os.environ.pop(name, None)
        os.environ.update(_LOCAL_CREDENTIALS)
        # The handlers' clients take the region from here: a shell's own AWS_REGION would send them elsewhere.
        os.environ["AWS_DEFAULT_REGION"] = self.options.region
        os.environ["AWS_REGION"] = self.options.region
        os.environ["AWS_ENDPOINT_URL"] = self.aws.endpoint
        if self.dynamodb is not None:
            os.environ["AWS_ENDPOINT_URL_DYNAMODB"] = self.dynamodb.endpoint
        else:
            os.environ.pop("AWS_ENDPOINT_URL_DYNAMODB", None)

    def endpoint(self, service: str) -> str:
        """Where a boto3 client for ``service`` goes: dynalite for DynamoDB when it runs, else the local AWS."""
        if service == "dynamodb" and self.dynamodb is not None:
            return self.dynamodb.endpoint
        return self.aws.endpoint

    def stop(self) -> None:
        self._stopping.set()
        for part in (self.drop, self.api, self.sweeper, self.worker, self.events):
            if part is not None:
                try:
                    part.stop()
                except Exception:
                    logger.exception("stopping %s failed", type(part).__name__)
        self.drop = self.api = self.worker = self.sweeper = self.events = None
        self.aws.stop()
        if self.dynamodb is not None:
            self.dynamodb.stop()
        (self.state_dir / LOCAL_JSON).unlink(missing_ok=True)

    # -- bundles
    def _record_events(self) -> None:
        """The rule that keeps every Bundle Finished event in a log group (read by `newsdrop events`)."""
        assert self.resources is not None
        session = boto3.session.Session(region_name=self.options.region)
        for name in ("events", "logs"):
            self._clients[name] = session.client(name, endpoint_url=self.aws.endpoint)
        bus = function_environment(self.resources).get("EVENT_BUS_NAME") or "default"
        self.events_log_group = record_events(
            self._clients["events"],
            self._clients["logs"],
            stack=self.resources.stack,
            bus=bus,
            region=self.resources.region,
            account_id=self.resources.account_id,
        )

    # -- what others read
    @property
    def api_url(self) -> str:
        assert self.api is not None
        return self.api.url

    @property
    def api_client(self) -> LocalApiClient:
        """The local API as a script holding the key reads it (bundle statuses, articles)."""
        assert self._api_client is not None
        return self._api_client

    def info(self) -> dict[str, Any]:
        assert self.resources is not None and self.api is not None
        resources = self.resources
        return {
            "aws_endpoint": self.aws.endpoint,
            "dynamodb": self.options.dynamodb,
            "dynamodb_endpoint": self.endpoint("dynamodb"),
            "api_url": self.api.url,
            "api_key": self.api_key,
            "stage": self.api.gateway.config.stage,
            "bucket": resources.bucket,
            "table": resources.table,
            "queue": resources.queue_url,
            "dlq": resources.dlq_url,
            "region": resources.region,
            "account_id": resources.account_id,
            "stack": resources.stack,
            "incoming_prefix": INCOMING_PREFIX,
            "drop_dir": str(self.options.drop_dir.resolve()),
            "events_log_group": self.events_log_group,
            "state_dir": str(self.state_dir),
            "retry_visibility": self.options.retry_visibility,
            "ingest": {
                "batch_size": resources.ingest_batch_size,
                "timeout": resources.ingest_timeout,
                "memory": resources.ingest_memory,
            },
            "pid": os.getpid(),
            "ingest_pid": self.worker.pid if self.worker is not None else None,
            "ingest_pids": self.worker.pids if self.worker is not None else [],
        }

    def write_local_json(self) -> Path:
        path = self.state_dir / LOCAL_JSON
        temp = path.with_suffix(".json.tmp")
        temp.write_text(json.dumps(self.info(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
        temp.chmod(0o600)  # it holds the API key
        os.replace(temp, path)
        return path
