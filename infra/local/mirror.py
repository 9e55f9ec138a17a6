"""Raw bundles kept on disk as they arrive, so a restarted local stack can ingest them again."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote_plus

from botocore.exceptions import ClientError

logger = logging.getLogger("newsdrop.local.mirror")

_COPY_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class MirroredBundle:
    key: str
    sha256: str
    size: int


def notified_keys(batch: list[dict[str, Any]], bucket: str, prefix: str) -> list[tuple[str, str | None]]:
    """(key, version id) of every object-created record under ``prefix`` in a batch of SQS messages."""
    found: list[tuple[str, str | None]] = []
    for message in batch:
        try:
            payload = json.loads(message["Body"])
        except (ValueError, KeyError):
            continue
        if not isinstance(payload, dict):
            continue
        for record in payload.get("Records") or []:
            if not str(record.get("eventName", "")).startswith("ObjectCreated"):
                continue
            s3 = record.get("s3") or {}
            if (s3.get("bucket") or {}).get("name") != bucket:
                continue
            obj = s3.get("object") or {}
            key = unquote_plus(str(obj.get("key", "")))
            if key.startswith(prefix):
                found.append((key, obj.get("versionId")))
    return found


class BundleMirror:
    """Content-addressed copies under ``<root>/objects/<sha256>`` and an append-only ``index.jsonl``.

    The same content under the same key is kept once, so replaying (which uploads again and is
    notified again) never grows the mirror.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.objects = root / "objects"
        self.index = root / "index.jsonl"
        self._lock = threading.Lock()

    def entries(self) -> list[MirroredBundle]:
        if not self.index.exists():
            return []
        entries = []
        for line in self.index.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                entries.append(MirroredBundle(str(item["key"]), str(item["sha256"]), int(item["size"])))
            except (ValueError, KeyError, TypeError):
                logger.warning("skipping a damaged line of %s", self.index)
        return entries

    def has(self, key: str, sha256: str) -> bool:
        return any(e.key == key and e.sha256 == sha256 for e in self.entries())

    def store_object(self, s3: Any, bucket: str, key: str, version_id: str | None) -> MirroredBundle | None:
        """Copy one object version to disk; None when it cannot be read (it will fail ingest with a reason)."""
        self.objects.mkdir(parents=True, exist_ok=True)
        request: dict[str, Any] = {"Bucket": bucket, "Key": key}
        if version_id:
            request["VersionId"] = version_id
        try:
            body = s3.get_object(**request)["Body"]
        except ClientError as exc:
            logger.warning("not mirroring s3://%s/%s: %s", bucket, key, exc.response.get("Error", {}))
            return None
        digest = hashlib.sha256()
        size = 0
        handle, temp_name = tempfile.mkstemp(dir=self.objects, prefix=".incoming-")
        try:
            with os.fdopen(handle, "wb") as out:
                for chunk in iter(lambda: body.read(_COPY_CHUNK), b""):
                    digest.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
            entry = MirroredBundle(key, digest.hexdigest(), size)
            # Several ingest worker processes mirror bodies: the file lock keeps the index free of repeats.
            with self._lock, self._locked_index():
                target = self.objects / entry.sha256
                if target.exists():
                    os.unlink(temp_name)
                else:
                    os.replace(temp_name, target)
                if not self.has(entry.key, entry.sha256):
                    with self.index.open("a", encoding="utf-8") as index:
                        index.write(json.dumps({"key": key, "sha256": entry.sha256, "size": size}) + "\n")
            return entry
        finally:
            if os.path.exists(temp_name):
                os.unlink(temp_name)

    @contextlib.contextmanager
    def _locked_index(self) -> Iterator[None]:
        with (self.root / ".index.lock").open("a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def store_prefix(self, s3: Any, bucket: str, prefix: str) -> int:
        """Copy every object under ``prefix`` not kept yet (article bodies too large for an item); how many.

        Body keys are article ids (content hashes), so a key already kept never needs copying again.
        """
        known = {entry.key for entry in self.entries()}
        copied = 0
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
            for item in page.get("Contents", []):
                if item["Key"] not in known and self.store_object(s3, bucket, item["Key"], None) is not None:
                    copied += 1
        return copied

    def replayable(self) -> Iterator[tuple[MirroredBundle, Path]]:
        """Mirrored bundles in arrival order, with the file holding each one's bytes."""
        for entry in self.entries():
            path = self.objects / entry.sha256
            if path.exists():
                yield entry, path
            else:
                logger.warning("mirror of %s is missing (%s); it cannot be replayed", entry.key, path)
