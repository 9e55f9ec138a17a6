"""Byte-stream wrappers the splitter reads through: counting, metering decompression, re-reading a head."""

from __future__ import annotations

import codecs
import io
import lzma
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO, Protocol

from newsdrop.config import Limits, MiB
from newsdrop.errors import CorruptBundle, LimitExceeded

CHUNK = 64 * 1024
# What a non-seekable zip may occupy in memory while it is spooled; the rest goes to a temporary file.
SPOOL_MEMORY_BYTES = 64 * MiB
# Compression ratios are judged only past this size: small, very repetitive texts compress well legitimately.
RATIO_FLOOR_BYTES = 1 * MiB

_DECOMPRESSION_ERRORS = (OSError, EOFError, zlib.error, lzma.LZMAError)


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class Decompressing(Readable, Protocol):
    def read1(self, size: int = -1, /) -> bytes: ...


class SpoolFull(LimitExceeded):
    """Spooling an archive would take more temporary space than the function has (/tmp)."""

    code = "too_large"


class Budget:
    """Running totals for one bundle, shared by every nesting level, checked against ``Limits``."""

    # What the budget covers, as its errors name it, and what to do about crossing a limit.
    scope = "the bundle"
    advice = "split it into several smaller bundles and upload them separately"

    def __init__(self, limits: Limits, *, scope: str | None = None, advice: str | None = None) -> None:
        self.limits = limits
        self.scope = scope or self.scope
        self.advice = advice or self.advice
        self.members = 0
        self.uncompressed = 0
        self.spooled = 0  # bytes in spools open right now (memory first, then /tmp)

    def add_spooled(self, size: int, what: str) -> None:
        self.spooled += size
        if self.spooled > self.limits.max_spool_bytes:
            raise SpoolFull(
                f"{what} needs more than {self.limits.max_spool_bytes} bytes of temporary space to be read "
                "(a zip has to be copied aside before it can be opened)",
                hint="upload the archive itself, not compressed again or inside another archive, "
                "or split it into smaller bundles",
            )

    def count_member(self) -> None:
        self.members += 1
        if self.members > self.limits.max_members:
            raise LimitExceeded(
                f"{self.scope} holds more than {self.limits.max_members} members", hint=self.advice
            )

    def add_uncompressed(self, size: int) -> None:
        self.uncompressed += size
        if self.uncompressed > self.limits.max_uncompressed_bytes:
            raise LimitExceeded(
                f"{self.scope} decompresses to more than {self.limits.max_uncompressed_bytes} bytes",
                hint=self.advice,
            )


class _Reader(io.RawIOBase):
    """A raw, forward-only reader; subclasses implement ``_read``."""

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def _read(self, size: int) -> bytes:
        raise OSError("subclasses implement _read")

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        data = self._read(len(buffer))
        size = len(data)
        buffer[:size] = data
        return size


class CountingReader(_Reader):
    """Counts the bytes read from ``source``; more than ``limit`` raises ``LimitExceeded``.

    ``mark()`` starts a new record: ``record_limit`` bounds the bytes read between two marks, so a
    single enormous JSON value fails fast instead of being assembled in memory.
    """

    def __init__(
        self, source: Readable, *, limit: int, what: str = "the bundle", record_limit: int | None = None
    ) -> None:
        super().__init__()
        self._source = source
        self._limit = limit
        self._what = what
        self._record_limit = record_limit
        self._mark = 0
        self.count = 0

    def mark(self) -> None:
        self._mark = self.count

    def _read(self, size: int) -> bytes:
        data = self._source.read(size)
        self.count += len(data)
        if self.count > self._limit:
            raise LimitExceeded(
                f"{self._what} is larger than the {self._limit}-byte limit",
                hint="split it into several smaller bundles and upload them separately",
            )
        if self._record_limit is not None and self.count - self._mark > self._record_limit:
            raise LimitExceeded(
                f"one record in {self._what} is larger than the {self._record_limit}-byte member limit",
                hint="split that article or upload it as a separate file",
            )
        return data


class PrefixedReader(_Reader):
    """Replays ``head`` (already read for format detection), then continues with ``source``."""

    def __init__(self, head: bytes, source: Readable) -> None:
        super().__init__()
        self._head = head
        self._source = source

    def _read(self, size: int) -> bytes:
        if self._head:
            data, self._head = self._head[:size], self._head[size:]
            return data
        return self._source.read(size)


class DecompressedReader(_Reader):
    """Reads a decompressor's output, metering bytes and the ratio to the compressed bytes consumed.

    Decompressor failures (bad or truncated data) become ``CorruptBundle``.
    """

    def __init__(
        self, decompressed: Decompressing, compressed: CountingReader, budget: Budget, kind: str
    ) -> None:
        super().__init__()
        self._decompressed = decompressed
        self._compressed = compressed
        self._budget = budget
        self._kind = kind
        self.produced = 0
        self._failure: CorruptBundle | None = None

    def _read(self, size: int) -> bytes:
        if self._failure is not None:
            raise self._failure
        try:
            # read1: one underlying read, so bytes decoded before a truncation point reach us.
            data = self._decompressed.read1(size)
        except _DECOMPRESSION_ERRORS as exc:
            # Report end-of-data once and raise on the next read: a BufferedReader above us would
            # otherwise drop the bytes it already gathered, losing the members before the break.
            self._failure = CorruptBundle(
                f"the {self._kind} stream is corrupt or truncated ({exc})",
                hint="re-create the compressed file and upload it again",
            )
            self._failure.__cause__ = exc
            if self.produced == 0:
                raise self._failure from exc
            return b""
        self.produced += len(data)
        self._budget.add_uncompressed(len(data))
        ratio_limit = self._budget.limits.max_compression_ratio
        if self.produced > RATIO_FLOOR_BYTES and self.produced > ratio_limit * max(self._compressed.count, 1):
            raise LimitExceeded(
                f"the {self._kind} stream expands more than {ratio_limit} times (a compression bomb?)",
                hint="upload the articles uncompressed or in a normally compressed archive",
            )
        return data


class TranscodingReader(_Reader):
    """Re-encodes a text stream from ``encoding`` to UTF-8 as it is read, chunk by chunk."""

    def __init__(self, source: Readable, encoding: str) -> None:
        super().__init__()
        self._source = source
        self._decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        self._pending = b""
        self._done = False

    def _read(self, size: int) -> bytes:
        while len(self._pending) < size and not self._done:
            chunk = self._source.read(CHUNK)
            if chunk:
                self._pending += self._decoder.decode(chunk).encode("utf-8")
            else:
                self._pending += self._decoder.decode(b"", final=True).encode("utf-8")
                self._done = True
        data, self._pending = self._pending[:size], self._pending[size:]
        return data


def buffered(raw: io.RawIOBase) -> io.BufferedReader:
    return io.BufferedReader(raw, buffer_size=CHUNK)


def is_seekable(stream: BinaryIO | io.IOBase) -> bool:
    try:
        return bool(stream.seekable())
    except (AttributeError, ValueError, OSError):
        return False


@contextmanager
def spool(
    source: Readable, budget: Budget, *, head: bytes = b"", what: str = "the bundle"
) -> Iterator[tempfile.SpooledTemporaryFile[bytes]]:
    """Copy a stream into a seekable spool (memory first, then /tmp), closed and released on exit.

    Every open spool of a bundle counts against ``max_spool_bytes``, which stays below the function's
    /tmp: past it the copy stops with ``SpoolFull`` instead of an ``OSError`` from a full disk.
    """
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_MEMORY_BYTES) as spooled:
        written = 0
        try:
            chunk = head or source.read(CHUNK)
            while chunk:
                budget.add_spooled(len(chunk), what)
                written += len(chunk)
                spooled.write(chunk)
                chunk = source.read(CHUNK)
            spooled.seek(0)
            yield spooled
        finally:
            budget.spooled -= written


def read_bounded(source: Readable, limit: int) -> bytes | None:
    """Read a member of at most ``limit`` bytes; None when it is larger (at most ``limit + 1`` bytes are read)."""
    parts: list[bytes] = []
    total = 0
    while total <= limit:
        chunk = source.read(min(CHUNK, limit + 1 - total))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
    if total > limit:
        return None
    return b"".join(parts)
