"""Split a bundle stream into members: detect the format, unwrap compression, hand off to a splitter."""

from __future__ import annotations

import bz2
import codecs
import gzip
import hashlib
import io
import lzma
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from newsdrop.bundles.archive_entries import ArchiveScope, OpenNested
from newsdrop.bundles.detect import COMPRESSIONS, HEAD_BYTES, detect_format, wide_encoding
from newsdrop.bundles.records import iter_csv, iter_json, iter_jsonl
from newsdrop.bundles.streams import (
    Budget,
    CountingReader,
    DecompressedReader,
    PrefixedReader,
    TranscodingReader,
    buffered,
    is_seekable,
    spool,
)
from newsdrop.bundles.tar_archive import iter_tar
from newsdrop.bundles.textsplit import iter_text
from newsdrop.bundles.zip_archive import iter_zip
from newsdrop.config import Limits
from newsdrop.errors import BundleError, EmptyBundle, LimitExceeded, UndecodableText, UnknownFormat
from newsdrop.models import Member, MemberProblem
from newsdrop.text.decode import decode_bytes

_COMPRESSED_SUFFIXES = (".gz", ".bz2", ".xz", ".gzip")
# Member names end up in DynamoDB items (400 KB each) and bundle records: S3's own key limit is a fair cap.
MAX_MEMBER_NAME_BYTES = 1024
SHOWN_NAME_CHARS = 120


@dataclass(frozen=True, slots=True)
class _Scope:
    """``label`` names records (``label#n``); ``prefix`` is prepended to archive paths; ``depth`` counts nesting."""

    label: str
    prefix: str
    depth: int


def iter_members(stream: BinaryIO, *, name: str, limits: Limits) -> Iterator[Member | MemberProblem]:
    """Yield every member of a bundle, in order, as a Member or a MemberProblem.

    Whole-bundle failures raise a ``BundleError`` (after the members read so far were yielded).
    """
    budget = Budget(limits)
    produced = 0
    for item in _split(stream, _Scope(label=name, prefix="", depth=0), limits, budget):
        budget.count_member()
        produced += 1
        yield _named_within_bounds(item)
    if produced == 0:
        raise EmptyBundle(
            f"{name} holds no articles (an empty archive, array or table)",
            hint="check the export and upload a bundle that contains articles",
        )


def short_name(name: str) -> str:
    """A long member name shortened for records and messages: its start, its length, a hash of the whole."""
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{name[:SHOWN_NAME_CHARS]}…({len(name)} characters, sha256 {digest})"


def _named_within_bounds(item: Member | MemberProblem) -> Member | MemberProblem:
    """A member whose name (archive path, pax name, record id) is too long to store becomes a problem."""
    if len(item.name.encode("utf-8", "surrogatepass")) <= MAX_MEMBER_NAME_BYTES:
        return item
    shown = short_name(item.name)
    return MemberProblem(
        shown,
        "name_too_long",
        f"{shown} has a name longer than {MAX_MEMBER_NAME_BYTES} bytes; rename it (a path or id of a few "
        "hundred characters at most) and upload again",
    )


def _split(
    stream: BinaryIO, scope: _Scope, limits: Limits, budget: Budget
) -> Iterator[Member | MemberProblem]:
    seekable = is_seekable(stream)
    start = 0
    if seekable:
        start = stream.tell()
        size = stream.seek(0, io.SEEK_END) - start
        stream.seek(start)
        if size > limits.max_bundle_bytes:
            raise LimitExceeded(
                f"{scope.label} is {size} bytes, over the {limits.max_bundle_bytes}-byte bundle limit",
                hint="split it into several smaller bundles and upload them separately",
            )
    source = buffered(CountingReader(stream, limit=limits.max_bundle_bytes, what=scope.label))
    head = _read_head(source)
    fmt = detect_format(head, scope.label)
    if fmt == "zip":
        if seekable:
            stream.seek(start)
            yield from iter_zip(
                stream, _archive_scope(scope, limits), budget, _nested_opener(scope, limits, budget)
            )
        else:
            with spool(source, budget, head=head, what=scope.label) as spooled:
                yield from iter_zip(
                    spooled,  # type: ignore[arg-type]
                    _archive_scope(scope, limits),
                    budget,
                    _nested_opener(scope, limits, budget),
                )
        return
    yield from _split_sequential(fmt, head, source, scope, limits, budget, compressed=False)


def _read_head(source: io.BufferedReader) -> bytes:
    """The first bytes for detection; leading whitespace beyond one head is skipped."""
    head = source.read(HEAD_BYTES)
    while len(head) == HEAD_BYTES and not head.strip():
        head = source.read(HEAD_BYTES)
    return head


def _archive_scope(scope: _Scope, limits: Limits) -> ArchiveScope:
    return ArchiveScope(
        prefix=scope.prefix,
        depth=scope.depth,
        max_nesting=limits.max_nesting,
        max_member_bytes=limits.max_member_bytes,
        max_bundle_bytes=limits.max_bundle_bytes,
    )


def _nested_opener(scope: _Scope, limits: Limits, budget: Budget) -> OpenNested:
    def open_nested(spooled: BinaryIO, path: str) -> Iterator[Member | MemberProblem]:
        child = _Scope(label=f"{scope.label}!{path}", prefix=f"{scope.prefix}{path}!", depth=scope.depth + 1)
        try:
            yield from _split(spooled, child, limits, budget)
        except LimitExceeded:
            raise
        except BundleError as exc:
            # A broken bundle inside an archive spoils only itself.
            yield MemberProblem(scope.prefix + path, exc.code, str(exc))

    return open_nested


def _split_sequential(
    fmt: str,
    head: bytes,
    source: io.BufferedReader,
    scope: _Scope,
    limits: Limits,
    budget: Budget,
    *,
    compressed: bool,
) -> Iterator[Member | MemberProblem]:
    body = buffered(PrefixedReader(head, source))
    if fmt in COMPRESSIONS:
        if compressed:
            raise UnknownFormat(
                f"{scope.label} is compressed twice",
                hint="compress the bundle once (e.g. .tar.gz) and upload it again",
            )
        yield from _split_compressed(fmt, body, scope, limits, budget)
        return
    if fmt == "zip":
        with spool(body, budget, what=scope.label) as spooled:
            yield from iter_zip(
                spooled,  # type: ignore[arg-type]
                _archive_scope(scope, limits),
                budget,
                _nested_opener(scope, limits, budget),
            )
        return
    if fmt == "tar":
        yield from iter_tar(
            body, _archive_scope(scope, limits), budget, _nested_opener(scope, limits, budget)
        )
        return
    text = _as_utf8_or_raw(body, head, fmt)
    if fmt == "json":
        yield from iter_json(text, scope.label, limits)
    elif fmt == "jsonl":
        yield from iter_jsonl(text, scope.label, limits)
    elif fmt == "csv":
        yield from iter_csv(text, scope.label, limits)
    else:
        yield from iter_text(text, scope.label, limits)


def _split_compressed(
    fmt: str, body: io.BufferedReader, scope: _Scope, limits: Limits, budget: Budget
) -> Iterator[Member | MemberProblem]:
    counted = CountingReader(body, limit=limits.max_bundle_bytes, what=scope.label)
    decompressor: gzip.GzipFile | bz2.BZ2File | lzma.LZMAFile
    if fmt == "gzip":
        decompressor = gzip.GzipFile(fileobj=counted, mode="rb")
    elif fmt == "bzip2":
        decompressor = bz2.BZ2File(counted)
    else:
        decompressor = lzma.LZMAFile(counted)  # noqa: SIM115 - closed by the with below, like the others
    with decompressor:
        yield from _split_decompressed(decompressor, counted, fmt, scope, limits, budget)


def _split_decompressed(
    decompressor: gzip.GzipFile | bz2.BZ2File | lzma.LZMAFile,
    counted: CountingReader,
    fmt: str,
    scope: _Scope,
    limits: Limits,
    budget: Budget,
) -> Iterator[Member | MemberProblem]:
    inner = buffered(DecompressedReader(decompressor, counted, budget, fmt))
    inner_head = _read_head(inner)
    if not inner_head.strip():
        raise EmptyBundle(
            f"{scope.label} decompresses to nothing (or only whitespace)",
            hint="check the export finished and upload the bundle again",
        )
    inner_name = scope.label
    for suffix in _COMPRESSED_SUFFIXES:
        if inner_name.lower().endswith(suffix):
            inner_name = inner_name[: -len(suffix)]
            break
    inner_fmt = detect_format(inner_head, inner_name)
    yield from _split_sequential(inner_fmt, inner_head, inner, scope, limits, budget, compressed=True)


def _as_utf8_or_raw(body: io.BufferedReader, head: bytes, fmt: str) -> io.BufferedReader:
    """Text formats read UTF-8: UTF-16/32 is transcoded, a UTF-8 BOM dropped; JSON/CSV in a legacy
    encoding is transcoded too, while plain text keeps its bytes (cleaning decodes each article)."""
    wide = wide_encoding(head)
    if wide is not None:
        return buffered(TranscodingReader(body, wide))
    if head.startswith(codecs.BOM_UTF8):
        body.read(len(codecs.BOM_UTF8))
        return body
    if fmt == "text" or _is_utf8_prefix(head):
        return body
    return buffered(TranscodingReader(body, _guess_encoding(head)))


def _is_utf8_prefix(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut by the end of the head is still UTF-8.
        return exc.start >= len(head) - 3 and exc.reason == "unexpected end of data"
    return True


def _guess_encoding(head: bytes) -> str:
    try:
        return decode_bytes(head)[1]
    except UndecodableText:
        return "cp1252"
