"""Chunks of a big bundle (pure): record-aligned byte ranges of JSON Lines and CSV, entry ranges of a zip.

A chunk starts right after the first record end at or after its nominal offset (a multiple of the chunk
size): for JSON Lines that is the first newline, for CSV the first newline outside a quoted field. The
plan also counts the records before each chunk, so a chunk names its members exactly as a read of the
whole bundle does (``name#ordinal``), and the articles a chunk stores are those one invocation stores.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any, BinaryIO

from newsdrop.bundles.detect import csv_header, wide_encoding
from newsdrop.bundles.records import iter_csv, iter_jsonl
from newsdrop.bundles.split import (
    _archive_scope,
    _is_utf8_prefix,
    _named_within_bounds,
    _nested_opener,
    _Scope,
)
from newsdrop.bundles.streams import CHUNK, Budget, PrefixedReader, buffered
from newsdrop.bundles.zip_archive import iter_zip
from newsdrop.config import Limits
from newsdrop.errors import LimitExceeded
from newsdrop.models import Member, MemberProblem

# Formats whose chunks can be read on their own; compressed streams and tar have no cheap entry points.
FANOUT_FORMATS = frozenset({"jsonl", "csv", "zip"})
# Chunks of one bundle at most: each chunk's counts and errors live on the bundle record (400 KB item).
MAX_CHUNKS = 64


class NotSplittable(Exception):
    """The bundle cannot be cut at record boundaries here; it is ingested by one invocation instead."""


class TooManyChunks(LimitExceeded):
    """Chunks within the per-chunk limits would number more than MAX_CHUNKS: the bundle is refused whole."""

    info: Any = None  # the object refused (ingest/fanout.py sets it), which the ingest quarantines


@dataclass(frozen=True, slots=True)
class Chunk:
    """``start``/``end``: bytes (JSON Lines, CSV) or zip directory positions; ``first``: records before it."""

    start: int
    end: int
    first: int

    def as_item(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end, "first": self.first}

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Chunk:
        return cls(start=int(item["start"]), end=int(item["end"]), first=int(item["first"]))


@dataclass(frozen=True, slots=True)
class Plan:
    """How a bundle is cut; ``header`` is the CSV header row's byte range, read again by every later chunk."""

    format: str
    chunks: list[Chunk]
    header: tuple[int, int] | None = None


class _Cutter:
    """Picks chunk starts among record ends, in order of the bundle."""

    def __init__(self, size: int, chunk_bytes: int, min_first: int, max_records: int | None = None) -> None:
        self.size = size
        # Never more than MAX_CHUNKS by bytes: a larger bundle gets larger chunks.
        self.chunk_bytes = max(chunk_bytes, -(-size // MAX_CHUNKS))
        self.min_first = min_first
        # Records one chunk may hold (Limits.max_members): a chunk is read by one invocation's budget.
        self.max_records = max_records
        self.target = self.chunk_bytes
        self.starts: list[tuple[int, int]] = [(0, 0)]

    @property
    def first(self) -> int:
        """Records before the chunk being cut."""
        return self.starts[-1][1]

    def record_end(self, end: int, ordinal: int, *, mark: int | None = None, full: bool = False) -> None:
        """A record ends at byte ``end`` with ``ordinal`` records before ``end``; it ends a chunk when its
        ``mark`` (by default its newline, ``end - 1``) is at or past the next nominal offset, when the chunk
        holds ``max_records`` records, or when the caller says the chunk is ``full``."""
        mark = end - 1 if mark is None else mark
        full = full or (self.max_records is not None and ordinal - self.first >= self.max_records)
        if (mark < self.target and not full) or end >= self.size or ordinal < self.min_first:
            return
        self.starts.append((end, ordinal))
        while self.target <= mark:
            self.target += self.chunk_bytes

    def chunks(self, records: int, *, bound: str = "") -> list[Chunk]:
        """The chunks cut; more than MAX_CHUNKS (cut by the per-chunk limits) raises TooManyChunks.

        ``records``: how many the bundle holds; ``bound``: the per-chunk limits besides ``max_records``.
        """
        ends = [start for start, _ in self.starts[1:]] + [self.size]
        chunks = [Chunk(start, end, first) for (start, first), end in zip(self.starts, ends, strict=True)]
        if len(chunks) > MAX_CHUNKS:
            raise TooManyChunks(
                f"the bundle holds {records} records: cut where records end into chunks of about "
                f"{self.chunk_bytes} bytes and at most {self.max_records} records (MAX_MEMBERS{bound}), what one "
                f"invocation may read, it needs more than {MAX_CHUNKS} chunks",
                hint="split it into smaller bundles with fewer records each and upload them separately",
            )
        return chunks


def _lines(blocks: Iterable[bytes], start: int = 0) -> Iterator[tuple[bytes, int]]:
    """Every line of the byte stream (newline kept) with the offset just past it."""
    offset = start
    carry = b""
    for block in blocks:
        data = carry + block if carry else block
        lines = data.split(b"\n")
        carry = lines.pop()
        for line in lines:
            offset += len(line) + 1
            yield line + b"\n", offset
    if carry:
        yield carry, offset + len(carry)


def _without_bom(blocks: Iterable[bytes]) -> tuple[Iterator[bytes], int]:
    """The blocks with a leading UTF-8 BOM removed (the splitter drops it too) and its length."""
    iterator = iter(blocks)
    first = next(iterator, b"")
    skipped = len(codecs.BOM_UTF8) if first.startswith(codecs.BOM_UTF8) else 0

    def rest() -> Iterator[bytes]:
        yield first[skipped:]
        yield from iterator

    return rest(), skipped


def plan_jsonl(
    blocks: Iterable[bytes],
    *,
    size: int,
    chunk_bytes: int,
    min_first: int = 0,
    max_records: int | None = None,
) -> Plan:
    """Cut a JSON Lines bundle (read as ``blocks``) after newlines; records are its non-blank lines.

    ``max_records``: records one chunk may hold; TooManyChunks when that takes more than MAX_CHUNKS chunks.
    """
    cutter = _Cutter(size, chunk_bytes, min_first, max_records)
    stream, start = _without_bom(blocks)
    ordinal = 0
    for line, end in _lines(stream, start):
        if line.strip():
            ordinal += 1
        if line.endswith(b"\n"):
            cutter.record_end(end, ordinal)
    return Plan("jsonl", cutter.chunks(ordinal))


def plan_csv(
    blocks: Iterable[bytes], *, size: int, chunk_bytes: int, limits: Limits, min_first: int = 0
) -> Plan:
    """Cut a CSV bundle after rows (a newline inside a quoted field is not a row end), as ``iter_csv`` reads it.

    Raises NotSplittable when the rows cannot be told apart the way ``iter_csv`` tells them (no header,
    old-Mac line ends, a line or field past the member limit).
    """
    field_limit = limits.max_member_bytes + CHUNK
    stream, start = _without_bom(blocks)
    lines = _lines(stream, start)
    header: tuple[int, int] | None = None
    delimiter = ","
    for line, end in lines:
        _check_line_end(line)
        if line.strip():
            found = csv_header(line.decode("utf-8", "replace").rstrip("\r\n"), known_needed=1)
            if found is None:
                raise NotSplittable("no CSV header row")
            delimiter = found[0]
            header = (end - len(line), end)
            break
    if header is None:
        raise NotSplittable("no CSV header row")
    position = header[1]

    def texts() -> Iterator[str]:
        nonlocal position
        for line, end in lines:
            _check_line_end(line)
            text = line.decode("utf-8", "replace")
            if len(text) > field_limit:
                raise NotSplittable("a line longer than the member limit")
            position = end
            yield text

    cutter = _Cutter(size, chunk_bytes, min_first, limits.max_members)
    csv.field_size_limit(field_limit)  # as iter_csv sets it
    rows = csv.reader(texts(), delimiter=delimiter)
    ordinal = 0
    while True:
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as exc:
            if "field limit" in str(exc):
                raise NotSplittable("a field larger than the member limit") from exc
            ordinal += 1
        else:
            if any(cell.strip() for cell in row):
                ordinal += 1
        cutter.record_end(position, ordinal)
    return Plan("csv", cutter.chunks(ordinal), header=header)


def _check_line_end(line: bytes) -> None:
    """iter_csv also ends lines at a lone CR (universal newlines); cuts here are made at LF only."""
    body = line[:-2] if line.endswith(b"\r\n") else line
    if b"\r" in body:
        raise NotSplittable("a carriage return that is not part of a CRLF line end")


def plan_zip(
    compressed_sizes: Sequence[int],
    *,
    chunk_bytes: int,
    min_first: int = 0,
    sizes: Sequence[int] | None = None,
    limits: Limits | None = None,
) -> Plan:
    """Cut a zip's directory into entry ranges of about ``chunk_bytes`` compressed bytes each.

    With ``limits``, a chunk also holds at most ``max_members`` entries and, by the directory's
    uncompressed ``sizes``, at most ``max_uncompressed_bytes``: what one invocation's budget allows.
    """
    total = sum(compressed_sizes)
    cutter = _Cutter(total, chunk_bytes, min_first, limits.max_members if limits else None)
    cap = limits.max_uncompressed_bytes if limits and sizes is not None else None
    seen = held = 0
    for position, compressed in enumerate(compressed_sizes, start=1):
        seen += compressed
        held += sizes[position - 1] if sizes is not None else 0
        if position < len(compressed_sizes):
            first = cutter.first
            full = cap is not None and sizes is not None and held + sizes[position] > cap
            cutter.record_end(seen, position, mark=seen, full=full)
            if cutter.first != first:
                held = 0
    bound = f", {cap} uncompressed bytes, MAX_UNCOMPRESSED_BYTES" if cap is not None else ""
    chunks = cutter.chunks(len(compressed_sizes), bound=bound)
    # Entry positions rather than bytes: entry i of the plan starts where the byte cut fell.
    bounds = [chunk.first for chunk in chunks] + [len(compressed_sizes)]
    return Plan("zip", [Chunk(start, end, start) for start, end in pairwise(bounds)])


def fanned_out_limits(limits: Limits) -> Limits:
    """The limits of a read that sees the whole bundle fanned out (its chrome sample, a zip's directory):
    MAX_MEMBERS bounds each of up to MAX_CHUNKS chunks. Memory stays bounded: a zip's directory, parsed whole
    by every chunk, is also held to ``zip_archive.CENTRAL_DIRECTORY_BOUND`` bytes."""
    return replace(limits, max_members=limits.max_members * MAX_CHUNKS)


def text_is_splittable(head: bytes) -> bool:
    """JSON Lines and CSV are cut as UTF-8 bytes; other encodings are transcoded and read in one go."""
    return wide_encoding(head) is None and (head.startswith(codecs.BOM_UTF8) or _is_utf8_prefix(head))


def iter_chunk(
    stream: BinaryIO, plan: Plan, chunk: Chunk, *, name: str, limits: Limits, header: bytes = b""
) -> Iterator[Member | MemberProblem]:
    """The members of one chunk, named as a read of the whole bundle names them.

    ``stream``: the chunk's bytes (JSON Lines, CSV) or the whole seekable zip; ``header``: the CSV header row.
    """
    # A chunk is one invocation's read: the member, uncompressed and spool limits hold for it alone.
    budget = Budget(
        limits,
        scope=f"chunk {plan.chunks.index(chunk) if chunk in plan.chunks else '?'} of the fanned-out bundle "
        f"(one invocation's read, after the bundle's first {chunk.first} "
        f"{'entries' if plan.format == 'zip' else 'records'})",
        advice="its members up to the limit and the bundle's other chunks were ingested; to ingest the rest, "
        "split the bundle into smaller bundles, or lower FanOutChunkBytes so each chunk holds fewer members, "
        "and upload it again",
    )
    for item in _chunk_items(stream, plan, chunk, name, limits, budget, header):
        budget.count_member()
        yield _named_within_bounds(item)


def _chunk_items(
    stream: BinaryIO, plan: Plan, chunk: Chunk, name: str, limits: Limits, budget: Budget, header: bytes
) -> Iterator[Member | MemberProblem]:
    scope = _Scope(label=name, prefix="", depth=0)
    if plan.format == "zip":
        yield from iter_zip(
            stream,
            _archive_scope(scope, limits),
            budget,
            _nested_opener(scope, limits, budget),
            entries=range(chunk.start, chunk.end),
            max_entries=fanned_out_limits(limits).max_members,
        )
        return
    body = stream if isinstance(stream, io.BufferedReader) else buffered(stream)  # type: ignore[arg-type]
    if chunk.start == 0 and body.peek(len(codecs.BOM_UTF8)).startswith(codecs.BOM_UTF8):
        body.read(len(codecs.BOM_UTF8))
    if plan.format == "jsonl":
        yield from iter_jsonl(body, name, limits, first_ordinal=chunk.first)
        return
    if chunk.start:
        body = buffered(PrefixedReader(header, body))
    yield from iter_csv(body, name, limits, first_ordinal=chunk.first)
