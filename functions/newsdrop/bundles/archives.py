"""Zip and tar archives: classify each entry by path and content, read it within the limits, never extract."""

from __future__ import annotations

import bz2
import copy
import lzma
import posixpath
import re
import stat
import struct
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from newsdrop.bundles.detect import looks_binary
from newsdrop.bundles.streams import (
    CHUNK,
    RATIO_FLOOR_BYTES,
    Budget,
    CountingReader,
    Readable,
    SpoolFull,
    read_bounded,
    spool,
)
from newsdrop.config import MiB
from newsdrop.errors import CorruptBundle, LimitExceeded
from newsdrop.models import Member, MemberProblem

ARTICLE_EXTENSIONS = frozenset({"", ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"})
BUNDLE_EXTENSIONS = frozenset(
    {
        ".json",
        ".jsonl",
        ".ndjson",
        ".csv",
        ".tsv",
        ".zip",
        ".tar",
        ".tgz",
        ".tbz",
        ".tbz2",
        ".txz",
        ".gz",
        ".bz2",
        ".xz",
    }
)
BINARY_EXTENSIONS = frozenset(
    {
        ".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".ico", ".svgz",
        ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".epub",
        ".mp3", ".mp4", ".m4a", ".wav", ".ogg", ".mov", ".avi", ".webm",
        ".exe", ".dll", ".so", ".dylib", ".bin", ".class", ".pyc", ".woff", ".woff2", ".ttf", ".otf",
        ".7z", ".rar", ".sqlite", ".db",
    }
)  # fmt: skip
JUNK_FILES = frozenset({".ds_store", "thumbs.db", "desktop.ini", ".localized", "icon\r"})
JUNK_DIRECTORIES = frozenset(
    {"__macosx", ".git", ".svn", ".hg", ".trash", ".trashes", ".fseventsd", ".spotlight-v100"}
)
_DRIVE = re.compile(r"^[A-Za-z]:")

# The callback that splits a nested bundle: (seekable file, its path inside this archive) -> members.
OpenNested = Callable[[BinaryIO, str], Iterator[Member | MemberProblem]]


@dataclass(frozen=True, slots=True)
class ArchiveScope:
    """Where an archive sits: ``prefix`` is prepended to member paths (``"inner.zip!"`` when nested)."""

    prefix: str
    depth: int
    max_nesting: int
    max_member_bytes: int
    max_bundle_bytes: int


def normalize_path(raw: str) -> str:
    return raw.replace("\\", "/").removeprefix("./")


def classify(path: str, *, is_dir: bool = False) -> MemberProblem | str:
    """``"article"``, ``"bundle"`` or ``"other"`` for a path, or the problem that rules it out."""
    if path.startswith("/") or _DRIVE.match(path) or ".." in path.split("/"):
        return MemberProblem(
            path,
            "unsafe_path",
            f"member path {path!r} is absolute or climbs out of the archive; "
            "re-create the archive with relative paths",
        )
    parts = [part.lower() for part in path.rstrip("/").split("/") if part]
    base = parts[-1] if parts else ""
    if is_dir or path.endswith("/") or not parts:
        return MemberProblem(path, "junk", "a directory entry, not a file", skipped=True)
    if JUNK_DIRECTORIES.intersection(parts[:-1]) or base in JUNK_FILES or base.startswith("._"):
        return MemberProblem(
            path, "junk", "operating-system or version-control metadata, not an article", True
        )
    extension = posixpath.splitext(base)[1]
    if extension in BINARY_EXTENSIONS:
        return _binary(path)
    if extension in BUNDLE_EXTENSIONS:
        return "bundle"
    if extension in ARTICLE_EXTENSIONS:
        return "article"
    return "other"


def _binary(path: str) -> MemberProblem:
    return MemberProblem(
        path, "binary", f"{path} is binary (an image, document or program), not article text; leave it out"
    )


def article_from_bytes(path: str, data: bytes) -> Member | MemberProblem:
    if not data.strip():
        return MemberProblem(path, "empty", f"{path} is empty; remove it or add the article text")
    if looks_binary(data):
        return _binary(path)
    return Member(name=path, content=data)


def _too_large(path: str, limit: int) -> MemberProblem:
    return MemberProblem(
        path, "too_large", f"{path} is larger than {limit} bytes; split it into smaller files"
    )


def _unsafe_member(name: str) -> MemberProblem:
    return MemberProblem(
        name, "unsafe_member", f"{name} is a link or device, not a regular file; archive the files themselves"
    )


def _ratio_problem(path: str, ratio: int) -> MemberProblem:
    return MemberProblem(
        path,
        "compression_ratio",
        f"{path} expands more than {ratio} times (a compression bomb?); leave it out or store it uncompressed",
    )


def _nested(
    source: Readable, path: str, scope: ArchiveScope, budget: Budget, open_nested: OpenNested
) -> Iterator[Member | MemberProblem]:
    if scope.depth >= scope.max_nesting:
        name = scope.prefix + path
        yield MemberProblem(
            name,
            "nested_too_deep",
            f"{name} is a bundle inside a bundle inside a bundle; unpack one level and upload again",
        )
        return
    bounded = CountingReader(source, limit=scope.max_bundle_bytes, what=path)
    try:
        with spool(bounded, budget, what=scope.prefix + path) as spooled:
            yield from open_nested(spooled, path)  # type: ignore[arg-type]
    except (
        SpoolFull
    ) as exc:  # this bundle inside the archive is too big to copy aside; its neighbours are not
        yield MemberProblem(scope.prefix + path, exc.code, f"{exc} ({exc.hint})")


# --- zip -----------------------------------------------------------------------------------------
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
        yield _unsafe_member(name)
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
                yield from _nested(metered, path, scope, budget, open_nested)
                return
            data = read_bounded(metered, scope.max_member_bytes)
    except _ZipMemberRatio:
        yield _ratio_problem(name, budget.limits.max_compression_ratio)
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
        yield _too_large(name, scope.max_member_bytes)
    else:
        yield article_from_bytes(name, data)


# --- tar -----------------------------------------------------------------------------------------
# Long-name and pax headers are read whole by tarfile; real ones are a few hundred bytes.
_EXTENDED_HEADER_TYPES = (
    tarfile.GNUTYPE_LONGNAME,
    tarfile.GNUTYPE_LONGLINK,
    tarfile.XHDTYPE,
    tarfile.XGLTYPE,
    tarfile.SOLARIS_XHDTYPE,
)
MAX_EXTENDED_HEADER_BYTES = 1 * MiB


class _GuardedTarInfo(tarfile.TarInfo):
    """Bounds extended headers, and remembers why a tar stream ended (tarfile ends quietly at a
    damaged or missing header)."""

    def _proc_member(self, archive: tarfile.TarFile) -> tarfile.TarInfo:
        # tarfile documents _proc_member as the hook for subclasses.
        if self.type in _EXTENDED_HEADER_TYPES and self.size > MAX_EXTENDED_HEADER_BYTES:
            raise LimitExceeded(
                f"the tar archive has a {self.size}-byte extended header (names and attributes are far smaller)",
                hint="re-create the archive with a standard tar tool and upload it again",
            )
        return super()._proc_member(archive)  # type: ignore[misc]

    @classmethod
    def fromtarfile(cls, archive: tarfile.TarFile) -> tarfile.TarInfo:  # type: ignore[override]
        try:
            return super().fromtarfile(archive)
        except (tarfile.InvalidHeaderError, tarfile.TruncatedHeaderError) as exc:
            archive.newsdrop_bad_end = f"a damaged header ({exc})"  # type: ignore[attr-defined]
            raise
        except tarfile.EmptyHeaderError:
            archive.newsdrop_bad_end = "no end-of-archive marker"  # type: ignore[attr-defined]
            raise


def iter_tar(
    source: BinaryIO, scope: ArchiveScope, budget: Budget, open_nested: OpenNested
) -> Iterator[Member | MemberProblem]:
    """Entries of an (already decompressed) tar stream, read strictly forward."""
    try:
        archive = tarfile.open(  # noqa: SIM115 - closed by the with below
            fileobj=source, mode="r|", tarinfo=_GuardedTarInfo
        )
    except tarfile.TarError as exc:
        raise CorruptBundle(
            f"the tar archive cannot be read ({exc})", hint="re-create the archive and upload it again"
        ) from exc
    yielded = 0
    with archive:
        while True:
            try:
                info = archive.next()
            except tarfile.TarError as exc:
                raise CorruptBundle(
                    f"the tar archive is corrupt or truncated after {yielded} members ({exc})",
                    hint="re-create the archive and upload it again",
                ) from exc
            if info is None:
                bad_end = getattr(archive, "newsdrop_bad_end", None)
                if bad_end is not None:
                    raise CorruptBundle(
                        f"the tar archive is truncated or damaged after {yielded} members: {bad_end}",
                        hint="re-create the archive and upload it again",
                    )
                return
            # Stream mode still remembers every header; forget them so memory stays flat.
            archive.members.clear()
            for item in _tar_entry(archive, info, scope, budget, open_nested):
                yielded += 1
                yield item


def _tar_entry(
    archive: tarfile.TarFile,
    info: tarfile.TarInfo,
    scope: ArchiveScope,
    budget: Budget,
    open_nested: OpenNested,
) -> Iterator[Member | MemberProblem]:
    path = normalize_path(info.name)
    name = scope.prefix + path
    kind = classify(path, is_dir=info.isdir())
    if isinstance(kind, MemberProblem):
        yield MemberProblem(name, kind.code, kind.reason, kind.skipped)
        return
    if not info.isreg():
        yield _unsafe_member(name)
        return
    if info.issparse():
        # A sparse member's holes read back as zeros: a few bytes in the archive can stand for gigabytes.
        yield MemberProblem(
            name,
            "sparse_member",
            f"{name} is a sparse file (its holes would expand to {info.size} bytes); "
            "archive it without --sparse (-S) and upload again",
        )
        return
    if info.size == 0:
        yield MemberProblem(name, "empty", f"{name} is empty; remove it or add the article text")
        return
    member = archive.extractfile(info)
    if member is None:
        yield MemberProblem(name, "unsafe_member", f"{name} cannot be read as a file; archive it as a file")
        return
    try:
        with member:
            if kind == "bundle":
                yield from _nested(member, path, scope, budget, open_nested)
                return
            data = read_bounded(member, scope.max_member_bytes)
    except tarfile.TarError as exc:
        raise CorruptBundle(
            f"the tar archive is truncated inside {name} ({exc})",
            hint="re-create the archive and upload it again",
        ) from exc
    if data is None:
        yield _too_large(name, scope.max_member_bytes)
    else:
        yield article_from_bytes(name, data)
