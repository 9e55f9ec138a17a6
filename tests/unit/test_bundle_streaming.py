"""Bundle safety while streaming: flat memory on large streams, damaged streams and archives, absurd headers."""

from __future__ import annotations

import io
import json
import random
import tarfile
import tracemalloc
import zipfile
import zlib
from collections.abc import Iterator

import pytest
from bundle_factory import (
    KINDS,
    ChunkStream,
    load_seeds,
    make_bundle,
    non_seekable,
    split,
    split_until_error,
    summary,
    tar_bytes,
    zip_bytes,
)

from newsdrop.bundles import iter_members
from newsdrop.config import Limits, MiB
from newsdrop.errors import BundleError, CorruptBundle, LimitExceeded
from newsdrop.models import Member, MemberProblem

SEEDS = load_seeds()
NAMES = list(SEEDS)
ARTICLE = b"A short article about a city.\n\nIt has two paragraphs."


TARGET_BYTES = 50 * MiB
PEAK_BOUND_BYTES = 4 * MiB


def jsonl_chunks(total: int) -> Iterator[bytes]:
    body = " ".join(["word"] * 600)
    produced = n = 0
    while produced < total:
        n += 1
        line = json.dumps({"id": n, "title": f"Article {n}", "text": f"{n} {body}"}).encode() + b"\n"
        produced += len(line)
        yield line


def tar_chunks(total: int) -> Iterator[bytes]:
    body = (" ".join(["word"] * 2000)).encode()
    produced = n = 0
    while produced < total:
        n += 1
        info = tarfile.TarInfo(f"articles/{n:06d}.txt")
        content = f"{n} ".encode() + body
        info.size = len(content)
        block = info.tobuf(format=tarfile.GNU_FORMAT) + content + bytes(-len(content) % 512)
        produced += len(block)
        yield block
    yield bytes(1024)


def text_chunks(total: int) -> Iterator[bytes]:
    body = (" ".join(["word"] * 2000)).encode()
    produced = n = 0
    while produced < total:
        n += 1
        block = f"=== {n:06d}.txt\n".encode() + body + b"\n"
        produced += len(block)
        yield block


def json_array_chunks(total: int) -> Iterator[bytes]:
    yield b"["
    for n, line in enumerate(jsonl_chunks(total)):
        yield (b"," if n else b"") + line
    yield b"]"


def tar_gz_chunks(total: int) -> Iterator[bytes]:
    compressor = zlib.compressobj(1, wbits=31)
    for block in tar_chunks(total):
        yield compressor.compress(block)
    yield compressor.flush()


def members_generated(chunks: Iterator[bytes]) -> int:
    """One chunk per member, less the tar end-of-archive block."""
    return sum(1 for chunk in chunks if chunk.strip(b"\x00"))


@pytest.mark.parametrize(
    ("make_chunks", "name"),
    [
        (jsonl_chunks, "big.jsonl"),
        (json_array_chunks, "big.json"),
        (tar_chunks, "big.tar"),
        (tar_gz_chunks, "big.tar.gz"),
        (text_chunks, "big.txt"),
    ],
    ids=["jsonl", "json-array", "tar", "tar.gz", "text-headers"],
)
def test_memory_stays_flat_while_splitting_a_large_stream(make_chunks, name):
    base = {"big.json": jsonl_chunks, "big.tar.gz": tar_chunks}.get(name, make_chunks)
    expected_count = members_generated(base(TARGET_BYTES))
    tracemalloc.start()
    try:
        count = total = 0
        for member in iter_members(ChunkStream(make_chunks(TARGET_BYTES)), name=name, limits=Limits()):
            assert isinstance(member, Member)
            count += 1
            total += len(member.content)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert count == expected_count
    assert total > TARGET_BYTES * 0.9
    assert peak < PEAK_BOUND_BYTES


def test_a_csv_field_far_over_the_member_limit_stops_the_csv():
    data = b'title,text\nA,ok\nB,"' + b"x" * 200_000 + b'"\nC,never read\n'
    items, error = split_until_error(data, "b.csv", Limits(max_member_bytes=10_000))

    assert [m.content for m in items] == ["ok"]
    assert isinstance(error, LimitExceeded)


@pytest.mark.parametrize(
    "data",
    [
        b"\x1f\x8b\x08\x00" + b"not deflate data at all" * 10,
        b"BZh91AY&SY" + b"garbage" * 20,
        b"\xfd7zXZ\x00" + bytes(50),
    ],
    ids=["gzip", "bzip2", "xz"],
)
def test_a_damaged_compressed_stream_raises_corrupt_bundle(data):
    with pytest.raises(CorruptBundle, match="corrupt or truncated"):
        split(data, "broken")


def test_a_tar_with_a_damaged_header_mid_archive_raises_after_the_members_before_it():
    data = bytearray(tar_bytes(SEEDS))
    third_header = data.index(NAMES[2].encode())
    data[third_header + 148 : third_header + 156] = b"9999999\x00"  # an impossible checksum
    items, error = split_until_error(bytes(data), "b.tar")

    assert [m.name for m in items] == NAMES[:2]
    assert isinstance(error, CorruptBundle) and "damaged header" in str(error)


def test_a_tar_cut_between_members_raises_after_them():
    data = tar_bytes(SEEDS)
    items, error = split_until_error(data[: data.index(NAMES[2].encode())], "b.tar")

    assert [m.name for m in items] == NAMES[:2]
    assert isinstance(error, CorruptBundle) and "end-of-archive" in str(error)


def test_a_zip_symlink_is_an_unsafe_member():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        link = zipfile.ZipInfo("link.txt")
        link.external_attr = (0o120777 << 16) | 0x20
        archive.writestr(link, "/etc/passwd")
        archive.writestr("ok.txt", ARTICLE)

    assert summary(split(buffer.getvalue(), "b.zip")) == [("link.txt", "unsafe_member"), ("ok.txt", "member")]


def test_a_zip_declaring_an_absurd_entry_count_is_refused_before_parsing():
    data = bytearray(zip_bytes(SEEDS))
    end = data.rindex(b"PK\x05\x06")
    data[end + 8 : end + 12] = (60_000).to_bytes(2, "little") * 2  # entries on this disk, entries in total

    with pytest.raises(LimitExceeded, match="60000 entries"):
        split(bytes(data), "b.zip", Limits(max_members=100))


def test_memory_stays_flat_while_splitting_a_large_zip_from_a_seekable_file(tmp_path):
    path = tmp_path / "big.zip"
    paragraph = b"The council met on Tuesday and agreed the budget for next year. " * 1600
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        for n in range(TARGET_BYTES // len(paragraph)):
            archive.writestr(f"articles/{n:05d}.txt", f"{n} ".encode() + paragraph)

    tracemalloc.start()
    try:
        with path.open("rb") as stream:
            count = sum(
                1 for m in iter_members(stream, name="big.zip", limits=Limits()) if isinstance(m, Member)
            )
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert count == TARGET_BYTES // len(paragraph)
    assert peak < PEAK_BOUND_BYTES


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "single-text"])
def test_damaged_bundles_fail_only_with_bundle_errors(kind):
    """Cut and flipped bytes of every kind: members or problems come out, or a BundleError, nothing else."""
    data = make_bundle(kind, SEEDS)
    rng = random.Random(kind)
    for _ in range(40):
        damaged = bytearray(data[: rng.randrange(1, len(data) + 1)])
        for _ in range(rng.randrange(0, 6)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        try:
            for item in iter_members(non_seekable(bytes(damaged)), name=f"b.{kind}", limits=Limits()):
                assert isinstance(item, Member | MemberProblem)
        except BundleError as exc:
            assert exc.hint or "again" in str(exc) or "upload" in str(exc)


def test_an_oversized_tar_extended_header_is_refused_before_it_is_read():
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        info = tarfile.TarInfo("a.txt")
        info.size = len(ARTICLE)
        info.pax_headers = {"comment": "x" * (2 * MiB)}
        archive.addfile(info, io.BytesIO(ARTICLE))

    with pytest.raises(LimitExceeded, match="extended header"):
        split(buffer.getvalue(), "b.tar")
