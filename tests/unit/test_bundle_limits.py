"""Bundle safety: nesting, junk, binary and unsafe members, corrupt input, bombs, limits and flat memory."""

from __future__ import annotations

import gzip
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
    tar_bytes,
    zip_bytes,
)

from newsdrop.bundles import iter_members
from newsdrop.config import Limits, MiB
from newsdrop.errors import BundleError, CorruptBundle, EmptyBundle, LimitExceeded, UnknownFormat
from newsdrop.models import Member, MemberProblem

SEEDS = load_seeds()
NAMES = list(SEEDS)
ARTICLE = b"A short article about a city.\n\nIt has two paragraphs."


def split(data: bytes, name: str = "bundle", limits: Limits | None = None, *, seekable: bool = True) -> list:
    stream = io.BytesIO(data) if seekable else non_seekable(data)
    return list(iter_members(stream, name=name, limits=limits or Limits()))


def split_until_error(data: bytes, name: str, limits: Limits | None = None) -> tuple[list, Exception | None]:
    """Members yielded before the bundle failed, and the failure (None when it did not fail)."""
    items: list = []
    try:
        for item in iter_members(io.BytesIO(data), name=name, limits=limits or Limits()):
            items.append(item)
    except Exception as exc:
        return items, exc
    return items, None


def summary(members: list) -> list[tuple[str, str]]:
    return [(m.name, "member" if isinstance(m, Member) else m.code) for m in members]


def tar_with(entries: list[tarfile.TarInfo], contents: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        for info in entries:
            data = contents.get(info.name)
            if data is not None:
                info.size = len(data)
            archive.addfile(info, io.BytesIO(data) if data is not None else None)
    return buffer.getvalue()


# --- nesting -------------------------------------------------------------------------------------
def test_nested_bundles_inside_a_zip_are_split_and_named_by_path():
    inner_zip = zip_bytes({"a.txt": SEEDS[NAMES[0]], "b.txt": SEEDS[NAMES[1]]})
    outer = zip_bytes(
        {"inner.zip": inner_zip, "feed/inner.jsonl": make_bundle("jsonl", SEEDS), "top.txt": SEEDS[NAMES[2]]}
    )
    members = split(outer, "outer.zip")

    assert summary(members) == [
        ("inner.zip!a.txt", "member"),
        ("inner.zip!b.txt", "member"),
        *[(f"outer.zip!feed/inner.jsonl#{n}", "member") for n in range(1, 6)],
        ("top.txt", "member"),
    ]
    assert members[0].content == SEEDS[NAMES[0]]
    assert [m.content for m in members[2:7]] == [s.decode() for s in SEEDS.values()]


def test_a_nested_tar_gz_inside_a_tar_is_split():
    outer = tar_bytes({"batch.tar.gz": make_bundle("tar.gz", SEEDS)})

    assert [m.name for m in split(outer, "outer.tar")] == [f"batch.tar.gz!{n}" for n in NAMES]


def test_a_bundle_inside_a_nested_bundle_is_too_deep():
    deep = zip_bytes({"deep.txt": ARTICLE})
    middle = zip_bytes({"deep.zip": deep, "ok.txt": ARTICLE})
    members = split(zip_bytes({"middle.zip": middle}), "outer.zip")

    assert summary(members) == [("middle.zip!deep.zip", "nested_too_deep"), ("middle.zip!ok.txt", "member")]
    assert "unpack" in members[0].reason


def test_a_corrupt_nested_bundle_spoils_only_itself():
    outer = zip_bytes({"bad.zip": b"PK\x03\x04 this is not really a zip", "ok.txt": ARTICLE})

    assert summary(split(outer, "outer.zip")) == [("bad.zip", "corrupt_bundle"), ("ok.txt", "member")]


# --- member classification -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "path",
    [
        "__MACOSX/._a.txt",
        "__MACOSX/dir/a.txt",
        "._a.txt",
        "dir/.DS_Store",
        "Thumbs.db",
        "desktop.ini",
        ".git/config",
        "repo/.git/HEAD",
    ],
)
@pytest.mark.parametrize("container", ["zip", "tar"])
def test_junk_entries_are_skipped(path, container):
    files = {path: b"metadata", "a/article.txt": ARTICLE}
    data = zip_bytes(files) if container == "zip" else tar_bytes(files)
    members = split(data, f"b.{container}")

    assert summary(members) == [(path, "junk"), ("a/article.txt", "member")]
    assert members[0].skipped is True


@pytest.mark.parametrize("container", ["zip", "tar"])
def test_directory_entries_are_skipped_junk(container):
    if container == "zip":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(zipfile.ZipInfo("docs/"), b"")
            archive.writestr("docs/a.txt", ARTICLE)
        data = buffer.getvalue()
    else:
        directory = tarfile.TarInfo("docs")
        directory.type = tarfile.DIRTYPE
        data = tar_with([directory, tarfile.TarInfo("docs/a.txt")], {"docs/a.txt": ARTICLE})
    members = split(data, "b")

    assert [(m.code, m.skipped) for m in members if isinstance(m, MemberProblem)] == [("junk", True)]
    assert [m.name for m in members if isinstance(m, Member)] == ["docs/a.txt"]


@pytest.mark.parametrize(
    ("path", "content", "code"),
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(100), "binary"),
        ("paper.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary"),
        ("notes.txt", b"text\x00with\x00NULs" * 10, "binary"),
        ("program", bytes(range(256)), "binary"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\n \t", "empty"),
        ("page.html", b"<html><body><p>Article</p></body></html>", "member"),
        ("story.md", b"# Title\n\nBody.", "member"),
        ("README", b"An extensionless text file.", "member"),
    ],
)
@pytest.mark.parametrize("container", ["zip", "tar"])
def test_members_are_classified_by_path_and_content(path, content, code, container):
    data = zip_bytes({path: content}) if container == "zip" else tar_bytes({path: content})

    assert summary(split(data, "b")) == [(path, code)]


@pytest.mark.parametrize(
    "path", ["../evil.txt", "a/../../evil.txt", "/etc/passwd", "C:/evil.txt", "\\abs.txt"]
)
@pytest.mark.parametrize("container", ["zip", "tar"])
def test_unsafe_paths_are_problems_and_never_read(path, container):
    files = {path: ARTICLE, "ok.txt": ARTICLE}
    data = zip_bytes(files) if container == "zip" else tar_bytes(files)
    members = split(data, "b")

    assert isinstance(members[0], MemberProblem) and members[0].code == "unsafe_path"
    assert members[0].skipped is False
    assert summary(members[1:]) == [("ok.txt", "member")]


@pytest.mark.parametrize("link_type", [tarfile.SYMTYPE, tarfile.LNKTYPE, tarfile.CHRTYPE, tarfile.FIFOTYPE])
def test_links_and_devices_in_a_tar_are_unsafe_members(link_type):
    link = tarfile.TarInfo("link.txt")
    link.type = link_type
    link.linkname = "/etc/passwd"
    data = tar_with([link, tarfile.TarInfo("ok.txt")], {"ok.txt": ARTICLE})

    assert summary(split(data, "b.tar")) == [("link.txt", "unsafe_member"), ("ok.txt", "member")]


# --- whole-bundle failures -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "data",
    [b"", b"  \n\t\n ", b"[]", b'{"articles": []}', b"PK\x05\x06" + bytes(18), gzip.compress(b"")],
    ids=["zero-bytes", "whitespace", "empty-array", "empty-wrapper", "empty-zip", "empty-gzip"],
)
@pytest.mark.parametrize("seekable", [True, False], ids=["seekable", "stream"])
def test_empty_bundles_raise_empty_bundle(data, seekable):
    with pytest.raises(EmptyBundle) as caught:
        split(data, "empty", seekable=seekable)
    assert caught.value.hint


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n" + bytes(2000), bytes(range(256)) * 100, b"Rar!\x1a\x07\x00" + bytes(100)],
    ids=["png", "random", "rar"],
)
def test_unknown_binary_raises_unknown_format_listing_formats(data):
    with pytest.raises(UnknownFormat) as caught:
        split(data, "mystery.bin")
    assert "zip" in str(caught.value) and "JSON Lines" in str(caught.value)


@pytest.mark.parametrize("seekable", [True, False], ids=["seekable", "stream"])
def test_a_truncated_zip_raises_corrupt_bundle(seekable):
    data = zip_bytes(SEEDS)
    with pytest.raises(CorruptBundle) as caught:
        split(data[: len(data) // 2], "half.zip", seekable=seekable)
    assert "upload it again" in str(caught.value)


def test_a_damaged_zip_member_spoils_only_that_member():
    data = bytearray(zip_bytes({"a.txt": SEEDS[NAMES[0]], "b.txt": SEEDS[NAMES[1]]}))
    start = data.index(b"a.txt") + len(b"a.txt")  # the first local header's name, then its data
    data[start + 10 : start + 60] = bytes(50)

    assert summary(split(bytes(data), "b.zip")) == [("a.txt", "corrupt_member"), ("b.txt", "member")]


def truncated_tar_gz(files: dict[str, bytes], keep: int) -> bytes:
    """A tar.gz cut after ``keep`` bytes of the tar: a valid gzip start without its end."""
    tar = tar_bytes(files)
    compressor = zlib.compressobj(wbits=31)
    return compressor.compress(tar[:keep]) + compressor.flush(zlib.Z_SYNC_FLUSH)


def test_a_truncated_tar_gz_yields_the_complete_members_then_raises_corrupt_bundle():
    big = {f"{n}.txt": (SEEDS[name] * 10)[:30_000] for n, name in enumerate(NAMES)}
    keep = 3 * 512 + 2 * 30_208 + 15_000  # headers and padded data of two members, then half the third
    items, error = split_until_error(truncated_tar_gz(big, keep), "cut.tar.gz")

    assert [(m.name, m.content) for m in items] == [("0.txt", big["0.txt"]), ("1.txt", big["1.txt"])]
    assert isinstance(error, CorruptBundle)


def test_a_truncated_plain_tar_raises_corrupt_bundle_after_its_members():
    data = tar_bytes(SEEDS)
    cut = data.index(SEEDS[NAMES[2]]) + 100
    items, error = split_until_error(data[:cut], "cut.tar")

    assert [m.name for m in items] == NAMES[:2]
    assert isinstance(error, CorruptBundle)


def test_a_csv_named_file_without_known_headers_says_which_names_it_needs():
    with pytest.raises(CorruptBundle, match="text"):
        split(b"alpha,beta\n1,2\n", "table.csv")


# --- bombs and limits ----------------------------------------------------------------------------
def test_a_zip_member_with_a_bomb_ratio_is_a_problem_and_others_still_read():
    data = zip_bytes({"bomb.txt": bytes(50 * MiB), "ok.txt": ARTICLE})
    members = split(data, "bomb.zip")

    assert summary(members) == [("bomb.txt", "compression_ratio"), ("ok.txt", "member")]


def test_a_nested_bundle_with_a_bomb_ratio_is_a_problem():
    data = zip_bytes({"bomb.jsonl": b" " * (50 * MiB), "ok.txt": ARTICLE})

    assert summary(split(data, "bomb.zip")) == [("bomb.jsonl", "compression_ratio"), ("ok.txt", "member")]


@pytest.mark.parametrize(
    "data",
    [
        gzip.compress(tar_bytes({"bomb.txt": bytes(50 * MiB)}), compresslevel=9),
        gzip.compress(b"\n" * (50 * MiB), compresslevel=9),
    ],
    ids=["tar.gz", "gz-text"],
)
def test_a_gzip_stream_with_a_bomb_ratio_raises_limit_exceeded(data):
    with pytest.raises(LimitExceeded, match="expands more than 200 times"):
        split(data, "bomb.gz")


def test_a_zip_listing_more_entries_than_members_allowed_is_refused_before_any_is_read():
    # zipfile would hold a ZipInfo per entry (200,000 take ~110 MiB): the end record's count decides first.
    items, error = split_until_error(make_bundle("zip", SEEDS), "b.zip", Limits(max_members=3))

    assert items == []
    assert isinstance(error, LimitExceeded)
    assert "5 entries" in str(error) and "smaller archives" in str(error)


@pytest.mark.parametrize("kind", ["tar", "tar.gz", "jsonl", "json-array", "csv", "text-headers"])
def test_too_many_members_raises_after_yielding_the_allowed_ones(kind):
    items, error = split_until_error(make_bundle(kind, SEEDS), f"b.{kind}", Limits(max_members=3))

    assert len(items) == 3
    assert isinstance(error, LimitExceeded)
    assert "smaller bundles" in str(error)


@pytest.mark.parametrize("kind", ["zip", "tar.gz", "gz-jsonl"])
def test_too_many_uncompressed_bytes_raises_limit_exceeded(kind):
    items, error = split_until_error(
        make_bundle(kind, SEEDS), f"b.{kind}", Limits(max_uncompressed_bytes=7000)
    )

    assert isinstance(error, LimitExceeded)
    assert len(items) < 5


@pytest.mark.parametrize("kind", ["zip", "tar", "tar.xz", "jsonl", "json-object", "csv", "text-headers"])
def test_members_over_the_member_limit_are_problems(kind):
    limit = 3000
    members = split(make_bundle(kind, SEEDS), f"b.{kind}", Limits(max_member_bytes=limit))

    expected = ["too_large" if len(content) > limit else "member" for content in SEEDS.values()]
    assert [code for _, code in summary(members)] == expected


def test_a_huge_json_value_fails_before_it_is_assembled():
    data = json.dumps([{"text": "ok"}, {"text": "x" * 5 * MiB}]).encode()
    items, error = split_until_error(data, "huge.json", Limits(max_member_bytes=100_000))

    assert [m.content for m in items] == ["ok"]
    assert isinstance(error, LimitExceeded)


@pytest.mark.parametrize("seekable", [True, False], ids=["seekable", "stream"])
@pytest.mark.parametrize("kind", ["zip", "tar", "jsonl"])
def test_a_bundle_over_the_bundle_limit_raises_limit_exceeded(kind, seekable):
    with pytest.raises(LimitExceeded, match="limit"):
        split(make_bundle(kind, SEEDS), f"b.{kind}", Limits(max_bundle_bytes=5000), seekable=seekable)


# --- streaming: memory stays flat ----------------------------------------------------------------
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
