"""Zip and tar archives: classify each entry by path and content, read it within the limits, never extract."""

from __future__ import annotations

import io
import posixpath
import re
import stat
import struct
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from newsdrop.bundles.detect import looks_binary
from newsdrop.bundles.streams import (
    RATIO_FLOOR_BYTES,
    Budget,
    CountingReader,
    Readable,
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
    source: Readable, path: str, scope: ArchiveScope, open_nested: OpenNested
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
    with spool(bounded) as spooled:
        yield from open_nested(spooled, path)  # type: ignore[arg-type]


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
    source: BinaryIO, scope: ArchiveScope, budget: Budget, open_nested: OpenNested
) -> Iterator[Member | MemberProblem]:
    """Entries of a zip in central-directory order; ``source`` must be seekable."""
    _check_zip_directory(source, budget.limits.max_members)
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise CorruptBundle(
            f"the zip archive cannot be opened ({exc})", hint="re-create the archive and upload it again"
        ) from exc
    with archive:
        for info in archive.infolist():
            path = normalize_path(info.filename)
            yield from _zip_entry(archive, info, path, scope, budget, open_nested)


# zipfile holds every directory entry in memory; a directory this large is refused before it is parsed.
CENTRAL_DIRECTORY_BOUND = 32 * MiB
_EOCD = struct.Struct("<4s4H2LH")
_ZIP64_LOCATOR = struct.Struct("<4sLQL")
_ZIP64_EOCD = struct.Struct("<4sQ2H2L4Q")
_EOCD_SEARCH = _EOCD.size + 0xFFFF  # the record may be followed by a comment of up to 64 KiB


def _check_zip_directory(source: BinaryIO, max_members: int) -> None:
    """Refuse a zip whose central directory (as its end record declares) is absurdly large.

    Smaller excesses are caught member by member, after the members within the limit were yielded.
    """
    end = source.seek(0, io.SEEK_END)
    start = max(0, end - _EOCD_SEARCH)
    source.seek(start)
    tail = source.read(end - start)
    source.seek(0)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < _EOCD.size:
        return  # zipfile reports the damage with its own message
    _, _, _, _, entries, directory_size, _, _ = _EOCD.unpack_from(tail, at)
    locator_at = at - _ZIP64_LOCATOR.size
    if locator_at >= 0 and tail[locator_at : locator_at + 4] == b"PK\x06\x07":
        _, _, zip64_offset, _ = _ZIP64_LOCATOR.unpack_from(tail, locator_at)
        source.seek(zip64_offset)
        record = source.read(_ZIP64_EOCD.size)
        source.seek(0)
        if len(record) == _ZIP64_EOCD.size and record.startswith(b"PK\x06\x06"):
            entries, directory_size = _ZIP64_EOCD.unpack(record)[7:9]
    if directory_size > CENTRAL_DIRECTORY_BOUND or entries > 10 * max_members:
        raise LimitExceeded(
            f"the zip archive lists {entries} entries in a {directory_size}-byte directory, "
            f"far over the {max_members}-member limit",
            hint="split it into several smaller archives and upload them separately",
        )


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
        with archive.open(info) as raw:
            metered = _MeteredZipMember(raw, info.compress_size, budget)
            if kind == "bundle":
                yield from _nested(metered, path, scope, open_nested)
                return
            data = read_bounded(metered, scope.max_member_bytes)
    except _ZipMemberRatio:
        yield _ratio_problem(name, budget.limits.max_compression_ratio)
        return
    except NotImplementedError as exc:
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
            for item in _tar_entry(archive, info, scope, open_nested):
                yielded += 1
                yield item


def _tar_entry(
    archive: tarfile.TarFile, info: tarfile.TarInfo, scope: ArchiveScope, open_nested: OpenNested
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
                yield from _nested(member, path, scope, open_nested)
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
