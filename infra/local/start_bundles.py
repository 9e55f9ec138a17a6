"""The bundles the local stack uploads as it starts: the mirror replayed or restored, and the seed bundle."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any

from infra.local.api_client import FINAL_STATES, LocalApiClient
from infra.local.awsserver import LocalAws
from infra.local.mirror import BundleMirror
from infra.local.state import seed_bundle
from infra.provision import StackResources

logger = logging.getLogger("newsdrop.local")

SEED_KEY = "incoming/seeds.zip"
INCOMING_PREFIX = "incoming/"


def replay(mirror: BundleMirror, s3: Any, bucket: str) -> list[str]:
    """Upload every mirrored bundle again, in arrival order; ingest is idempotent, article ids are content hashes."""
    keys = []
    for entry, path in mirror.replayable():
        s3.upload_file(str(path), bucket, entry.key)
        keys.append(entry.key)
    return keys


def restore(
    mirror: BundleMirror, aws: LocalAws, s3: Any, resources: StackResources, api: LocalApiClient
) -> list[str]:
    """Put the kept objects back in S3 without ingesting them: the table on disk already holds their articles.

    A bundle whose newest record is not final (the stack stopped during its ingest) is uploaded once
    more, so it is ingested again; that is safe because ingest is idempotent.
    """
    bundles: dict[str, Path] = {}
    for entry, path in mirror.replayable():
        aws.put_quietly(
            resources.account_id, resources.region, resources.bucket, entry.key, path.read_bytes()
        )
        if entry.key.startswith(INCOMING_PREFIX):
            bundles[entry.key] = path
    unfinished = []
    for key, path in bundles.items():
        if api.newest_status(key) not in FINAL_STATES:
            s3.upload_file(str(path), resources.bucket, key)
            unfinished.append(key)
    if unfinished:
        logger.info("ingesting again %d bundle(s) stopped before they finished", len(unfinished))
    return unfinished


def upload_seed(mirror: BundleMirror, s3: Any, bucket: str) -> list[str]:
    """Drop the sample bundle unless the mirror already holds it (then the replay brought it back)."""
    data = seed_bundle()
    if mirror.has(SEED_KEY, hashlib.sha256(data).hexdigest()):
        return []
    s3.put_object(Bucket=bucket, Key=SEED_KEY, Body=data)
    return [SEED_KEY]
