"""Bundle safety: nesting, junk, binary and unsafe members, corrupt input, bombs and limits."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
import zipfile
import zlib

import pytest
from bundle_factory import (
    load_seeds,
    make_bundle,
    split,
    split_until_error,
    summary,
    tar_bytes,
    zip_bytes,
)

from newsdrop.config import Limits, MiB
from newsdrop.errors import CorruptBundle, EmptyBundle, LimitExceeded, UnknownFormat
from newsdrop.models import Member, MemberProblem

SEEDS = load_seeds()
NAMES = list(SEEDS)
ARTICLE = b"A short article about a city.\n\nIt has two paragraphs."


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
