"""What an archive entry is (article, nested bundle, junk, binary, unsafe) and the problems zip and tar report."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from newsdrop.bundles.detect import looks_binary
from newsdrop.bundles.streams import (
    Budget,
    CountingReader,
    Readable,
    SpoolFull,
    spool,
)
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
        return binary_problem(path)
    if extension in BUNDLE_EXTENSIONS:
        return "bundle"
    if extension in ARTICLE_EXTENSIONS:
        return "article"
    return "other"


def binary_problem(path: str) -> MemberProblem:
    return MemberProblem(
        path, "binary", f"{path} is binary (an image, document or program), not article text; leave it out"
    )


def article_from_bytes(path: str, data: bytes) -> Member | MemberProblem:
    if not data.strip():
        return MemberProblem(path, "empty", f"{path} is empty; remove it or add the article text")
    if looks_binary(data):
        return binary_problem(path)
    return Member(name=path, content=data)


def too_large_problem(path: str, limit: int) -> MemberProblem:
    return MemberProblem(
        path, "too_large", f"{path} is larger than {limit} bytes; split it into smaller files"
    )


def unsafe_member_problem(name: str) -> MemberProblem:
    return MemberProblem(
        name, "unsafe_member", f"{name} is a link or device, not a regular file; archive the files themselves"
    )


def ratio_problem(path: str, ratio: int) -> MemberProblem:
    return MemberProblem(
        path,
        "compression_ratio",
        f"{path} expands more than {ratio} times (a compression bomb?); leave it out or store it uncompressed",
    )


def read_nested(
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
