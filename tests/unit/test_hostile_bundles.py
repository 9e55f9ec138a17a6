"""Hostile bundles from the #11 audit: bzip2/LZMA zip bombs, a hidden zip end record, sparse tar members,
huge member names and spools past /tmp each end as a member or bundle error, in bounded memory."""

from __future__ import annotations

import gzip
import io
import struct
import tarfile
import tracemalloc
import zipfile
from functools import cache

import pytest
from bundle_factory import load_seeds, tar_bytes, zip_bytes

from newsdrop.bundles import iter_members, zip_archive
from newsdrop.config import Limits, MiB
from newsdrop.errors import LimitExceeded
from newsdrop.ingest.records import Progress
from newsdrop.models import Member, MemberProblem

SEEDS = load_seeds()
ARTICLE = b"A short article about a city.\n\nIt has two paragraphs."
BOMB_BYTES = 24 * MiB


def split(data: bytes, name: str, limits: Limits | None = None) -> list[Member | MemberProblem]:
    return list(iter_members(io.BytesIO(data), name=name, limits=limits or Limits()))


def summary(members: list) -> list[tuple[str, str]]:
    return [(m.name, "member" if isinstance(m, Member) else m.code) for m in members]


def zip_with(method: int, files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@cache
def bomb_zip(method: int, name: str) -> bytes:
    """24 MiB of one letter: bzip2 packs it into ~150 bytes, LZMA into ~4 KB (one zipfile read)."""
    return zip_with(method, {name: b"A" * BOMB_BYTES, "ok.txt": ARTICLE})


def peak_bytes_while(fn) -> tuple[object, int]:
    tracemalloc.start()
    try:
        result = fn()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# --- 1. zip methods zipfile does not bound ------------------------------------------------------
@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA], ids=["bzip2", "lzma"])
@pytest.mark.parametrize("name", ["bomb.txt", "bomb.jsonl"], ids=["article", "nested"])
def test_a_bzip2_or_lzma_bomb_member_is_a_problem_and_memory_stays_small(method, name):
    data = bomb_zip(method, name)
    members, peak = peak_bytes_while(lambda: split(data, "bomb.zip"))

    assert summary(members) == [(name, "compression_ratio"), ("ok.txt", "member")]
    assert peak < 16 * MiB, f"peak {peak / MiB:.1f} MiB: the member was inflated in one piece"


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA], ids=["bzip2", "lzma"])
def test_bzip2_and_lzma_members_read_back_exactly(method):
    members = split(zip_with(method, SEEDS), "seeds.zip")

    assert {m.name: m.content for m in members} == SEEDS


def test_a_bzip2_member_with_a_wrong_crc_is_a_corrupt_member():
    data = bytearray(zip_with(zipfile.ZIP_BZIP2, {"a.txt": ARTICLE, "b.txt": ARTICLE}))
    # The CRC of a.txt sits at offset 14 of its local header and of its central directory entry.
    central = data.index(b"PK\x01\x02")
    for at in (14, central + 16):
        data[at] ^= 0xFF

    assert summary(split(bytes(data), "crc.zip")) == [("a.txt", "corrupt_member"), ("b.txt", "member")]


def test_a_zip_method_without_a_bounded_reader_is_refused_for_that_member():
    data = bytearray(zip_with(zipfile.ZIP_DEFLATED, {"a.txt": ARTICLE, "b.txt": ARTICLE}))
    central = data.index(b"PK\x01\x02")
    for at in (8, central + 10):  # compression method of a.txt -> 9 (Deflate64)
        data[at : at + 2] = struct.pack("<H", 9)

    assert summary(split(bytes(data), "d64.zip")) == [
        ("a.txt", "unsupported_compression"),
        ("b.txt", "member"),
    ]


# --- 4. the end record is read the way zipfile reads it ----------------------------------------
def test_an_end_record_hiding_its_signature_cannot_bypass_the_directory_bound(monkeypatch):
    monkeypatch.setattr(zip_archive, "CENTRAL_DIRECTORY_BOUND", 64 * 1024)
    files = {f"d/{n:05d}.txt": ARTICLE for n in range(2000)}  # a ~100 KB central directory
    data = bytearray(zip_with(zipfile.ZIP_STORED, files))
    assert data[-22:-18] == b"PK\x05\x06"
    # Entry counts 0x4B50 and 0x0605 spell "PK\x05\x06" inside the real end record: a search from the
    # back finds that copy first, too close to the end to hold a record; zipfile reads the real one.
    data[-14:-10] = b"PK\x05\x06"
    assert zipfile.ZipFile(io.BytesIO(bytes(data))).testzip() is None, "zipfile opens it all"

    with pytest.raises(LimitExceeded, match="directory"):
        split(bytes(data), "crafted.zip")


# --- 5. sparse tar members ---------------------------------------------------------------------
def gnu_sparse_tar(name: str, stored: bytes, real_size: int, neighbours: dict[str, bytes]) -> bytes:
    """An old-GNU sparse member (type S): ``stored`` at offset 0, then a hole up to ``real_size``."""
    info = tarfile.TarInfo(name)
    info.type = tarfile.GNUTYPE_SPARSE
    info.size = len(stored)
    header = bytearray(info.tobuf(format=tarfile.GNU_FORMAT))
    header[386:398] = tarfile.itn(0, 12, tarfile.GNU_FORMAT)
    header[398:410] = tarfile.itn(len(stored), 12, tarfile.GNU_FORMAT)
    header[483:495] = tarfile.itn(real_size, 12, tarfile.GNU_FORMAT)
    header[148:156] = b" " * 8  # the checksum counts its own field as spaces
    header[148:155] = b"%06o\0" % sum(header[:512])
    padding = b"\0" * (-len(stored) % 512)
    rest = tar_bytes(neighbours)
    return bytes(header[:512]) + stored + padding + rest


@pytest.mark.parametrize("name", ["holes.txt", "holes.jsonl"])
def test_a_sparse_tar_member_is_refused_and_its_neighbours_are_read(name):
    data = gnu_sparse_tar(name, b'{"text": "x"}\n', 64 * MiB, {"ok.txt": ARTICLE})
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        first = archive.next()
    assert first is not None and first.issparse() and first.size == 64 * MiB

    members = split(data, "sparse.tar")

    assert summary(members) == [(name, "sparse_member"), ("ok.txt", "member")]
    assert "--sparse" in members[0].reason


def test_a_sparse_member_inside_a_compressed_tar_is_refused():
    data = gzip.compress(gnu_sparse_tar("a.jsonl", b"{}\n", 64 * MiB, {"ok.txt": ARTICLE}))

    assert summary(split(data, "sparse.tar.gz")) == [("a.jsonl", "sparse_member"), ("ok.txt", "member")]


# --- 6. member names ---------------------------------------------------------------------------
def test_a_420000_character_member_name_is_a_problem_and_its_neighbours_ingest():
    long_name = "n" * 420_000 + ".txt"
    data = tar_bytes({long_name: ARTICLE, "ok.txt": ARTICLE})  # the name travels in a pax header

    members = split(data, "names.tar")

    assert summary(members)[1:] == [("ok.txt", "member")]
    problem = members[0]
    assert isinstance(problem, MemberProblem) and problem.code == "name_too_long"
    assert len(problem.name) < 300 and len(problem.reason) < 600
    assert "420004 characters" in problem.name and "rename it" in problem.reason


def test_a_long_name_in_a_zip_is_a_problem_too():
    members = split(zip_bytes({"z" * 5000 + ".txt": ARTICLE, "ok.txt": ARTICLE}), "names.zip")

    assert [code for _, code in summary(members)] == ["name_too_long", "member"]


def test_error_entries_are_clipped_so_the_bundle_record_stays_small():
    progress = Progress()
    for n in range(150):
        progress.add_error("m" * 100_000 + str(n), "binary", "r" * 100_000)

    assert len(str(progress.as_attributes())) < 400_000


# --- spools stay below /tmp --------------------------------------------------------------------
def test_a_compressed_zip_larger_than_the_spool_bound_fails_the_bundle_with_a_reason():
    data = gzip.compress(zip_bytes(SEEDS))

    with pytest.raises(LimitExceeded, match="temporary space"):
        split(data, "seeds.zip.gz", Limits(max_spool_bytes=4096))


def test_a_nested_bundle_larger_than_the_spool_bound_is_a_member_problem():
    inner = zip_bytes(SEEDS)
    data = zip_bytes({"inner.zip": inner, "ok.txt": ARTICLE})

    members = split(data, "outer.zip", Limits(max_spool_bytes=len(inner) - 1))

    assert summary(members) == [("inner.zip", "too_large"), ("ok.txt", "member")]
    assert "temporary space" in members[0].reason


def test_spools_within_the_bound_release_their_space_for_the_next():
    inner = zip_bytes(SEEDS)
    data = zip_bytes({"one.zip": inner, "two.zip": inner})

    members = split(data, "outer.zip", Limits(max_spool_bytes=len(inner) + 10))

    assert sum(isinstance(m, Member) for m in members) == 2 * len(SEEDS)
