"""`newsdrop drop`: upload bundles to the drop bucket and follow each one to a final status through the API."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsdrop.ingest.records import FINAL_STATES, ObjectRef
from newsdrop_cli.api import ApiClient
from newsdrop_cli.errors import CliError, NotFound, Unreachable, UsageProblem

INCOMING = "incoming/"
MULTIPART_THRESHOLD = 16 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Uploaded:
    key: str
    size: int
    bundle_id: str | None  # derived like ingest derives it; None when the object version is unknown
    before: frozenset[str]  # bundle ids of this key that existed before the upload


def object_key(path: Path, prefix: str = INCOMING) -> str:
    """incoming/[folder/]<file name>: ingest only watches incoming/."""
    folder = prefix.strip("/") + "/"
    if not folder.startswith(INCOMING) or ".." in folder.split("/"):
        raise UsageProblem(
            f"--prefix {prefix!r} is outside {INCOMING}",
            hint=f"ingest only watches {INCOMING}; use {INCOMING} or {INCOMING}<folder>/",
        )
    return folder + path.name


def expected_bundle_id(bucket: str, key: str, head: dict[str, Any]) -> str | None:
    """The bundle id ingest will give this object version (bucket, key and version id, else the ETag)."""
    version = head.get("VersionId")
    etag = (head.get("ETag") or "").strip('"') or None
    if version in (None, "null") and etag is None:
        return None
    return ObjectRef(
        bucket=bucket, key=key, version_id=None if version == "null" else version, etag=etag
    ).bundle_id


def upload(
    s3: Any, api: ApiClient, bucket: str, path: Path, key: str, on_bytes: Callable[[int], None]
) -> Uploaded:
    """Multipart upload (boto3 upload_file) reporting bytes sent; remembers which bundles of the key existed."""
    from boto3.s3.transfer import TransferConfig
    from botocore.exceptions import BotoCoreError, ClientError

    before = frozenset(b["bundle_id"] for b in api.bundles(key=key, limit=100))
    config = TransferConfig(multipart_threshold=MULTIPART_THRESHOLD, multipart_chunksize=MULTIPART_THRESHOLD)
    try:
        s3.upload_file(str(path), bucket, key, Callback=on_bytes, Config=config)
        head = s3.head_object(Bucket=bucket, Key=key)
    except ClientError as exc:
        raise CliError(
            f"upload of {path} to s3://{bucket}/{key} failed: {exc.response['Error'].get('Message', exc)}",
            hint="check that your AWS credentials may write to the drop bucket (s3:PutObject on incoming/*)",
        ) from None
    except (BotoCoreError, OSError) as exc:
        raise Unreachable(
            f"upload of {path} to s3://{bucket}/{key} failed: {exc}",
            hint="start the local stack with `make run`, or check your network and --stack",
        ) from None
    return Uploaded(
        key=key, size=path.stat().st_size, bundle_id=expected_bundle_id(bucket, key, head), before=before
    )


def find_bundle(api: ApiClient, uploaded: Uploaded) -> dict[str, Any] | None:
    """This upload's bundle among the key's bundles: the expected id, else one that was not there before."""
    listed = api.bundles(key=uploaded.key, limit=100)
    for summary in listed:
        if uploaded.bundle_id and summary.get("bundle_id") == uploaded.bundle_id:
            return summary
    fresh = [s for s in listed if s.get("bundle_id") not in uploaded.before]
    return fresh[0] if fresh else None


def follow(
    api: ApiClient,
    uploaded: Uploaded,
    *,
    timeout: float,
    on_update: Callable[[dict[str, Any]], None],
    interval: float = 1.0,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> dict[str, Any]:
    """Poll GET /bundles?key= until the bundle reaches DONE, PARTIAL or FAILED; returns its full record."""
    deadline = clock() + timeout
    summary: dict[str, Any] | None = None
    while True:
        summary = find_bundle(api, uploaded)
        if summary is not None:
            on_update(summary)
            if summary.get("status") in FINAL_STATES:
                try:
                    return api.bundle(summary["bundle_id"])
                except NotFound:
                    return summary
        if clock() >= deadline:
            seen = f"it is {summary.get('status')}" if summary else "no bundle record appeared"
            raise CliError(
                f"{uploaded.key}: gave up waiting after {timeout:.0f} s ({seen})",
                hint="ingest may be slow or stopped: run `newsdrop status` later, or check that `make run` is running",
            )
        sleep(interval)
