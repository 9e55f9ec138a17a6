"""Adapter for the drop bucket: object metadata, seekable ranged reads, quarantine copies, body storage."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from botocore.exceptions import ClientError

from newsdrop.errors import AccessDenied, NotFound, StorageError

# Each ranged GET fetches this much; memory per open object is one chunk, whatever the object's size.
READ_CHUNK = 8 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ObjectInfo:
    key: str
    size: int
    etag: str
    version_id: str | None


def _translate(exc: ClientError, what: str) -> StorageError:
    # ``what`` names the key, never the bucket: messages end up in bundle records the API shows.
    code = str(exc.response.get("Error", {}).get("Code", ""))
    if code in ("NoSuchKey", "404", "NoSuchVersion", "NotFound"):
        return NotFound(f"{what}: object not found", hint="it was deleted or overwritten before ingest ran")
    if code in ("AccessDenied", "403", "AllAccessDisabled"):
        return AccessDenied(
            f"{what}: access denied", hint="check the function's IAM policy and bucket policy"
        )
    if code == "NoSuchBucket":
        return NotFound(f"{what}: bucket not found", hint="check BUCKET_NAME and that the stack is deployed")
    message = exc.response.get("Error", {}).get("Message", str(exc))
    return StorageError(f"{what}: {code} {message}", hint="retried later by SQS")


class RangedObjectReader(io.RawIOBase):
    """A seekable, read-only file over one S3 object version, fetched with ranged GETs.

    Zip archives keep their directory at the end, so they need seeking; ranged reads give that
    without downloading or holding the whole object.
    """

    def __init__(
        self, client: Any, bucket: str, info: ObjectInfo, on_read: Callable[[int], None] | None = None
    ) -> None:
        super().__init__()
        self._client = client
        self._on_read = on_read
        self._bucket = bucket
        self._info = info
        self._pos = 0
        self.requests = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._info.size}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._pos >= self._info.size or len(view) == 0:
            return 0
        end = min(self._pos + len(view), self._info.size) - 1
        kwargs: dict[str, Any] = {
            "Bucket": self._bucket,
            "Key": self._info.key,
            "Range": f"bytes={self._pos}-{end}",
        }
        if self._info.version_id:
            kwargs["VersionId"] = self._info.version_id
        try:
            self.requests += 1
            body = self._client.get_object(**kwargs)["Body"]
            data = body.read()
        except ClientError as exc:
            raise _translate(exc, f"GetObject {self._info.key}") from exc
        view[: len(data)] = data
        self._pos += len(data)
        if self._on_read is not None:
            self._on_read(len(data))
        return len(data)


class DropBucket:
    """The drop bucket: incoming bundles, their quarantine copies and relocated article bodies."""

    def __init__(self, client: Any, bucket_name: str) -> None:
        self._client = client
        self.name = bucket_name
        self.bytes_read = 0  # bundle bytes fetched by open() readers (the ingest's BytesRead metric)

    def head(self, key: str, version_id: str | None = None) -> ObjectInfo:
        kwargs: dict[str, Any] = {"Bucket": self.name, "Key": key}
        if version_id:
            kwargs["VersionId"] = version_id
        try:
            reply = self._client.head_object(**kwargs)
        except ClientError as exc:
            raise _translate(exc, f"HeadObject {key}") from exc
        return ObjectInfo(
            key=key,
            size=int(reply["ContentLength"]),
            etag=str(reply.get("ETag", "")).strip('"'),
            version_id=reply.get("VersionId") or version_id,
        )

    def open(self, info: ObjectInfo, *, chunk: int = READ_CHUNK) -> io.BufferedReader:
        return io.BufferedReader(
            RangedObjectReader(self._client, self.name, info, self._count_read), buffer_size=chunk
        )

    def open_range(
        self, info: ObjectInfo, start: int, end: int, *, chunk: int = READ_CHUNK
    ) -> io.BufferedReader:
        """Bytes ``start`` to ``end`` (exclusive) of the object: ranged GETs never ask for a byte outside them."""
        reader = RangedObjectReader(
            self._client, self.name, replace(info, size=min(end, info.size)), self._count_read
        )
        reader.seek(start)
        return io.BufferedReader(reader, buffer_size=chunk)

    def _count_read(self, size: int) -> None:
        self.bytes_read += size

    def copy(self, info: ObjectInfo, dest_key: str) -> None:
        source: dict[str, Any] = {"Bucket": self.name, "Key": info.key}
        if info.version_id:
            source["VersionId"] = info.version_id
        try:
            self._client.copy_object(Bucket=self.name, Key=dest_key, CopySource=source)
        except ClientError as exc:
            raise _translate(exc, f"CopyObject to {dest_key}") from exc

    def put_bytes(self, key: str, data: bytes, *, content_type: str = "application/octet-stream") -> None:
        try:
            self._client.put_object(Bucket=self.name, Key=key, Body=data, ContentType=content_type)
        except ClientError as exc:
            raise _translate(exc, f"PutObject {key}") from exc

    def get_bytes(self, key: str) -> bytes:
        try:
            return self._client.get_object(Bucket=self.name, Key=key)["Body"].read()
        except ClientError as exc:
            raise _translate(exc, f"GetObject {key}") from exc
