"""Build every supported bundle kind in memory from a set of articles (for unit and integration tests)."""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import lzma
import tarfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

from newsdrop.bundles import iter_members
from newsdrop.config import Limits
from newsdrop.models import Member

SEEDS_DIR = Path(__file__).resolve().parent.parent / "data" / "seeds"

ARCHIVE_KINDS = ("zip", "tar", "tar.gz", "tar.bz2", "tar.xz")
RECORD_KINDS = ("gz-jsonl", "jsonl", "json-array", "json-object", "csv")
TEXT_KINDS = ("text-formfeed", "text-rule", "text-headers")
KINDS = (*ARCHIVE_KINDS, *RECORD_KINDS, *TEXT_KINDS, "single-text")

# File names a bundle of each kind would be uploaded under.
FILE_NAMES = {
    "zip": "bundle.zip",
    "tar": "bundle.tar",
    "tar.gz": "bundle.tar.gz",
    "tar.bz2": "bundle.tar.bz2",
    "tar.xz": "bundle.tar.xz",
    "gz-jsonl": "bundle.jsonl.gz",
    "jsonl": "bundle.jsonl",
    "json-array": "bundle.json",
    "json-object": "bundle.json",
    "csv": "bundle.csv",
    "text-formfeed": "bundle.txt",
    "text-rule": "bundle.txt",
    "text-headers": "bundle.txt",
    "single-text": "article.txt",
}


def load_seeds() -> dict[str, bytes]:
    """The seed articles by file name, as raw bytes (they do not end with a newline)."""
    return {path.name: path.read_bytes() for path in sorted(SEEDS_DIR.glob("*.txt"))}


def record_of(name: str, content: bytes) -> dict[str, str]:
    """The JSON/CSV record a structured bundle holds for one article."""
    text = content.decode("utf-8")
    return {
        "id": Path(name).stem,
        "title": text.strip().splitlines()[0].strip() if text.strip() else "",
        "url": f"https://news.example/{Path(name).stem}",
        "text": text,
    }


def zip_bytes(files: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def tar_bytes(files: dict[str, bytes], *, mode: str = "w") -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode) as archive:  # type: ignore[call-overload]
        for name, content in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            info.mtime = 1_700_000_000
            archive.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


def jsonl_bytes(articles: dict[str, bytes]) -> bytes:
    return b"".join(json.dumps(record_of(n, c)).encode("utf-8") + b"\n" for n, c in articles.items())


def csv_bytes(articles: dict[str, bytes]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=["id", "title", "url", "text"])
    writer.writeheader()
    for name, content in articles.items():
        writer.writerow(record_of(name, content))
    return buffer.getvalue().encode("utf-8")


def make_bundle(kind: str, articles: dict[str, bytes]) -> bytes:
    """Bytes of a bundle of ``kind`` (one of ``KINDS``) holding ``articles`` (file name -> raw bytes)."""
    if kind == "zip":
        return zip_bytes(articles)
    if kind == "tar":
        return tar_bytes(articles)
    if kind in ("tar.gz", "tar.bz2", "tar.xz"):
        return tar_bytes(articles, mode=f"w:{kind.split('.')[1]}")
    if kind == "gz-jsonl":
        return gzip.compress(jsonl_bytes(articles), mtime=0)
    if kind == "jsonl":
        return jsonl_bytes(articles)
    if kind == "json-array":
        return json.dumps([record_of(n, c) for n, c in articles.items()]).encode("utf-8")
    if kind == "json-object":
        document = {"source": "factory", "articles": [record_of(n, c) for n, c in articles.items()]}
        return json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8")
    if kind == "csv":
        return csv_bytes(articles)
    if kind == "text-formfeed":
        return b"\n\f\n".join(articles.values())
    if kind == "text-rule":
        return b"\n\n==========\n\n".join(articles.values())
    if kind == "text-headers":
        # What `for f in *.txt; do echo "=== $f"; cat "$f"; done` writes.
        return b"".join(
            b"=== " + name.encode("utf-8") + b"\n" + content for name, content in articles.items()
        )
    if kind == "single-text":
        if len(articles) != 1:
            raise ValueError(f"single-text holds exactly one article, got {len(articles)}")
        return next(iter(articles.values()))
    raise ValueError(f"unknown bundle kind {kind!r}; use one of {', '.join(KINDS)}")


def compress(data: bytes, codec: str) -> bytes:
    """``data`` compressed with gzip, bzip2 or xz (for bare compressed single files)."""
    if codec == "gzip":
        return gzip.compress(data, mtime=0)
    if codec == "bzip2":
        return bz2.compress(data)
    if codec == "xz":
        return lzma.compress(data)
    raise ValueError(f"unknown codec {codec!r}; use gzip, bzip2 or xz")


class ChunkStream(io.RawIOBase):
    """A forward-only, non-seekable binary stream over an iterator of byte chunks (nothing is kept)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        super().__init__()
        self._chunks = chunks
        self._pending = b""

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        while not self._pending:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._pending = chunk
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def non_seekable(data: bytes, chunk: int = 8192) -> ChunkStream:
    """``data`` as a stream that cannot seek (like a socket or a pipe)."""
    return ChunkStream(data[offset : offset + chunk] for offset in range(0, len(data), chunk))


def split(data: bytes, name: str = "bundle", limits: Limits | None = None, *, seekable: bool = True) -> list:
    stream = io.BytesIO(data) if seekable else non_seekable(data)
    return list(iter_members(stream, name=name, limits=limits or Limits()))


def split_until_error(data: bytes, name: str, limits: Limits | None = None) -> tuple[list, Exception | None]:
    """Members yielded before the bundle failed, and the failure (None when it did not fail)."""
    items: list = []
    try:
        for item in iter_members(io.BytesIO(data), name=name, limits=limits or Limits()):
            items.append(item)
    except Exception as exc:
        return items, exc
    return items, None


def summary(members: list) -> list[tuple[str, str]]:
    return [(m.name, "member" if isinstance(m, Member) else m.code) for m in members]
