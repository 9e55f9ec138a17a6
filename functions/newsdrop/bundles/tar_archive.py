"""Tar archives (plain or compressed): read each entry within the limits, headers bounded, never extract."""

from __future__ import annotations

import tarfile
from collections.abc import Iterator
from typing import BinaryIO

from newsdrop.bundles.archive_entries import (
    ArchiveScope,
    OpenNested,
    article_from_bytes,
    classify,
    normalize_path,
    read_nested,
    too_large_problem,
    unsafe_member_problem,
)
from newsdrop.bundles.streams import (
    Budget,
    read_bounded,
)
from newsdrop.config import MiB
from newsdrop.errors import CorruptBundle, LimitExceeded
from newsdrop.models import Member, MemberProblem

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
        yield unsafe_member_problem(name)
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
                yield from read_nested(member, path, scope, budget, open_nested)
                return
            data = read_bounded(member, scope.max_member_bytes)
    except tarfile.TarError as exc:
        raise CorruptBundle(
            f"the tar archive is truncated inside {name} ({exc})",
            hint="re-create the archive and upload it again",
        ) from exc
    if data is None:
        yield too_large_problem(name, scope.max_member_bytes)
    else:
        yield article_from_bytes(name, data)
