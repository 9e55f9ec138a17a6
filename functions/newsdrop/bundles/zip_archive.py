"""Zip archives: read each entry within the limits and the compression-ratio bound, never extract."""

from __future__ import annotations

import bz2
import copy
import lzma
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from newsdrop.bundles.archive_entries import (
    ArchiveScope,
    OpenNested,
    article_from_bytes,
    classify,
    normalize_path,
    ratio_problem,
    read_nested,
    too_large_problem,
    unsafe_member_problem,
)
from newsdrop.bundles.streams import (
    CHUNK,
    RATIO_FLOOR_BYTES,
    Budget,
    Readable,
    read_bounded,
)
from newsdrop.config import MiB
from newsdrop.errors import CorruptBundle, LimitExceeded
from newsdrop.models import Member, MemberProblem


class _ZipMemberRatio(Exception):
    """A zip member expanded past the allowed ratio while being read as a nested bundle."""


class _MeteredZipMember:
    """A zip member's decompressed bytes, metered against the bundle budget and the member's own ratio."""

    def __init__(self, source: Readable, compressed_size: int, budget: Budget) -> None:
        self._source = source
        self._compressed_size = max(compressed_size, 1)
        self._budget = budget
        self.produced = 0

    def ratio_exceeded(self) -> bool:
        ratio = self._budget.limits.max_compression_ratio
        return self.produced > RATIO_FLOOR_BYTES and self.produced > ratio * self._compressed_size

    def read(self, size: int = -1, /) -> bytes:
        data = self._source.read(size)
        self.produced += len(data)
        self._budget.add_uncompressed(len(data))
        if self.ratio_exceeded():
            raise _ZipMemberRatio
        return data


def iter_zip(
    source: BinaryIO,
    scope: ArchiveScope,
    budget: Budget,
    open_nested: OpenNested,
    *,
    entries: range | None = None,
    max_entries: int | None = None,
) -> Iterator[Member | MemberProblem]:
    """Entries of a zip in central-directory order; ``source`` must be seekable.

    ``entries`` (a chunk of a fanned-out bundle) limits the read to those directory positions: the
    members outside it are never read. ``max_entries``: how many the directory may list (by default the
    members one read may hold; a chunk reads a share of a directory its plan bounded).
    """
    _check_zip_directory(source, max_entries or budget.limits.max_members)
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise CorruptBundle(
            f"the zip archive cannot be opened ({exc})", hint="re-create the archive and upload it again"
        ) from exc
    with archive:
        for position, info in enumerate(archive.infolist()):
            if entries is not None and position not in entries:
                continue
            path = normalize_path(info.filename)
            yield from _zip_entry(archive, info, path, scope, budget, open_nested)


# zipfile reads the whole central directory and keeps a ZipInfo (~500 bytes) per entry: a directory this
# large, or listing more entries than a bundle may have members, is refused before zipfile parses it.
CENTRAL_DIRECTORY_BOUND = 32 * MiB


def _check_zip_directory(source: BinaryIO, max_members: int) -> None:
    """Refuse a zip whose central directory, as zipfile itself will read it, is too large.

    The end record is found by zipfile's own routine (exact end first, then the comment search, then
    Zip64), so a crafted archive cannot show this check one record and zipfile another.
    """
    try:
        # Private but stable since Python 2: the function ZipFile runs next. Parsing alike is the point.
        end = zipfile._EndRecData(source)  # type: ignore[attr-defined]
    except OSError:
        end = None
    source.seek(0)
    if not end:
        return  # zipfile reports the damage with its own message
    entries = end[zipfile._ECD_ENTRIES_TOTAL]  # type: ignore[attr-defined]
    directory_size = end[zipfile._ECD_SIZE]  # type: ignore[attr-defined]
    if directory_size > CENTRAL_DIRECTORY_BOUND or entries > max_members:
        raise LimitExceeded(
            f"the zip archive lists {entries} entries in a {directory_size}-byte directory, over the "
            f"{max_members}-member limit or the {CENTRAL_DIRECTORY_BOUND}-byte directory bound",
            hint="split it into several smaller archives and upload them separately",
        )


# zipfile bounds its own output for these (Deflate decompresses with max_length); not for bzip2 and LZMA,
# which it inflates a whole compressed read at a time (4 KB of bzip2 can be hundreds of MiB).
_ZIPFILE_BOUNDED = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})


class _UnsupportedZipMethod(Exception):
    """A member compressed with a method whose output cannot be bounded here (anything but Stored, Deflate,
    bzip2 and LZMA): the member gets an error, its neighbours are still read."""


def _open_zip_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Any:
    """A readable over the member's decompressed bytes that never returns more than was asked for."""
    if info.compress_type in _ZIPFILE_BOUNDED:
        return archive.open(info)
    if info.compress_type not in (zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
        raise _UnsupportedZipMethod(f"compression method {info.compress_type}")
    # zipfile still finds, checks and frames the member; only its decompression is replaced: open the
    # compressed bytes as if stored (no CRC check on them: the decompressed bytes are checked below).
    raw_info = copy.copy(info)
    raw_info.compress_type = zipfile.ZIP_STORED
    raw_info.file_size = info.compress_size
    del raw_info.CRC
    return _BoundedZipDecompression(archive.open(raw_info), info)


class _BoundedZipDecompression:
    """bzip2 or LZMA zip member data decompressed ``max_length`` at a time, with zipfile's CRC check."""

    def __init__(self, raw: Any, info: zipfile.ZipInfo) -> None:
        self._raw = raw
        self._name = info.filename
        self._expected_crc = info.CRC
        self._crc = 0
        self._done = False
        self._decompressor: Any = (
            bz2.BZ2Decompressor() if info.compress_type == zipfile.ZIP_BZIP2 else self._lzma_decompressor()
        )

    def _lzma_decompressor(self) -> Any:
        # zip's LZMA framing (APPNOTE 5.8.8): 2-byte version, 2-byte properties size, properties, raw LZMA1.
        header = self._raw.read(4)
        if len(header) < 4:
            raise EOFError("the LZMA header is truncated")
        (props_size,) = struct.unpack("<H", header[2:4])
        props = self._raw.read(props_size)
        if len(props) < props_size:
            raise EOFError("the LZMA properties are truncated")
        lzma1 = lzma._decode_filter_properties(lzma.FILTER_LZMA1, props)  # type: ignore[attr-defined]
        return lzma.LZMADecompressor(lzma.FORMAT_RAW, filters=[lzma1])

    def __enter__(self) -> _BoundedZipDecompression:
        return self

    def __exit__(self, *exc: object) -> None:
        self._raw.close()

    def read(self, size: int = -1, /) -> bytes:
        size = CHUNK if size is None or size < 0 else size
        while not self._done:
            if self._decompressor.eof:
                self._finish()
                break
            compressed = self._raw.read(CHUNK) if self._decompressor.needs_input else b""
            if self._decompressor.needs_input and not compressed:
                self._finish()  # LZMA without an end marker ends with its data; bzip2 fails the CRC
                break
            data = self._decompressor.decompress(compressed, size)
            if data:
                self._crc = zlib.crc32(data, self._crc)
                return data
            if not compressed:  # no input given and no output: nothing more will come
                self._finish()
        return b""

    def _finish(self) -> None:
        self._done = True
        if self._crc != self._expected_crc:
            raise zipfile.BadZipFile(f"Bad CRC-32 for file {self._name!r}")


def _is_zip_link(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def _zip_entry(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    path: str,
    scope: ArchiveScope,
    budget: Budget,
    open_nested: OpenNested,
) -> Iterator[Member | MemberProblem]:
    name = scope.prefix + path
    kind = classify(path, is_dir=info.is_dir())
    if isinstance(kind, MemberProblem):
        yield MemberProblem(name, kind.code, kind.reason, kind.skipped)
        return
    if _is_zip_link(info):
        yield unsafe_member_problem(name)
        return
    if info.flag_bits & 0x1:
        yield MemberProblem(
            name, "encrypted", f"{name} is password-protected; zip it again without a password"
        )
        return
    try:
        with _open_zip_member(archive, info) as raw:
            metered = _MeteredZipMember(raw, info.compress_size, budget)
            if kind == "bundle":
                yield from read_nested(metered, path, scope, budget, open_nested)
                return
            data = read_bounded(metered, scope.max_member_bytes)
    except _ZipMemberRatio:
        yield ratio_problem(name, budget.limits.max_compression_ratio)
        return
    except _UnsupportedZipMethod as exc:
        yield MemberProblem(
            name,
            "unsupported_compression",
            f"{name} uses a compression zip cannot read here ({exc}); "
            "re-create the archive with the standard Deflate method",
        )
        return
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError) as exc:
        yield MemberProblem(
            name, "corrupt_member", f"{name} is damaged in the archive ({exc}); re-create the archive"
        )
        return
    if data is None:
        yield too_large_problem(name, scope.max_member_bytes)
    else:
        yield article_from_bytes(name, data)
