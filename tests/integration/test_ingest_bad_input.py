"""The ingest handler against moto on bad input: unreadable and truncated bundles, member problems, junk, bombs, links."""

from __future__ import annotations

import codecs
import io
import json
import tarfile
import zipfile

import pytest
from bundle_factory import make_bundle, zip_bytes

from tests.integration.harness import (
    assert_accounted,
    seed_articles,
)


def many_articles(copies: int) -> dict[str, bytes]:
    """The seeds, each repeated with an edit so every copy is its own article."""
    return {
        f"{i:03d}_{name}": data.replace(b"Aleppo", f"Aleppo ({i})".encode(), 1) + f"\nUpdate {i}.".encode()
        for i in range(copies)
        for name, data in seed_articles().items()
    }


def truncated_tar_gz() -> bytes:
    # Cut mid-archive so the first members are readable and the stream then breaks off.
    data = make_bundle("tar.gz", many_articles(8))
    return data[: len(data) * 6 // 10]


SEED = next(iter(seed_articles().values()))
UNREADABLE = {
    "unknown_format": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "unknown_format"),
    "empty": (b"", "empty_bundle"),
    "corrupt_zip": (b"PK\x03\x04" + b"\x00garbage" * 100, "corrupt_bundle"),
}


@pytest.mark.parametrize("case", sorted(UNREADABLE))
def test_unreadable_bundle_fails_is_quarantined_and_original_kept(drop, case):
    data, code = UNREADABLE[case]
    key = f"incoming/{case}.bin"
    reply = drop.drop(key, data)
    assert reply == {"batchItemFailures": []}, "bad input is a result, not a retry"
    record = drop.bundle_for(key)
    assert record["status"] == "FAILED"
    assert record["errors"][0]["code"] == code and record["errors"][0]["reason"]
    original = drop.stack.s3.get_object(Bucket=drop.stack.bucket, Key=key)["Body"].read()
    assert original == data
    qkey = record["quarantine_key"]
    assert qkey.startswith("quarantine/")
    report = json.loads(
        drop.stack.s3.get_object(Bucket=drop.stack.bucket, Key=f"{qkey}.error.json")["Body"].read()
    )
    assert report["error"]["code"] == code and "what_to_do" in report
    # The key the record names holds the bundle, an empty one included.
    assert drop.stack.s3.get_object(Bucket=drop.stack.bucket, Key=qkey)["Body"].read() == data
    assert drop.articles() == []


def test_truncated_archive_keeps_what_was_read_and_is_partial(drop):
    drop.drop("incoming/cut.tar.gz", truncated_tar_gz())
    record = drop.bundle_for("incoming/cut.tar.gz")
    assert record["status"] == "PARTIAL"
    assert record["errors"][0]["code"] == "corrupt_bundle"
    assert 1 <= len(drop.articles()) < 40
    assert record["counts"]["new"] == len(drop.articles())
    assert record["quarantine_key"]


MEMBER_PROBLEMS = {
    "binary": ({"a.txt": SEED, "photo.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8}, "binary"),
    "unsafe_path": ({"a.txt": SEED, "../../etc/evil.txt": SEED + b" x"}, "unsafe_path"),
    "absolute_path": ({"a.txt": SEED, "/abs/evil.txt": SEED + b" y"}, "unsafe_path"),
    "nested_too_deep": (
        {"a.txt": SEED, "inner.zip": zip_bytes({"deeper.zip": zip_bytes({"x.txt": SEED})})},
        "nested_too_deep",
    ),
    "undecodable": (
        {"a.txt": SEED, "bad.txt": codecs.BOM_UTF16_LE + "broken".encode("utf-16-le") + b"\x00\xd8"},
        "undecodable",
    ),
    "no_text_left": (
        {"a.txt": SEED, "widgets.txt": b"Add comment\nSecurity code\nRead 12 times\n"},
        "empty_after_cleaning",
    ),
}


@pytest.mark.parametrize("case", sorted(MEMBER_PROBLEMS))
def test_member_problems_are_recorded_and_the_rest_is_kept(drop, case):
    members, code = MEMBER_PROBLEMS[case]
    key = f"incoming/{case}.zip"
    drop.drop(key, zip_bytes(members))
    record = drop.bundle_for(key)
    assert record["status"] == "PARTIAL"
    assert [e["code"] for e in record["errors"]] == [code]
    assert record["errors"][0]["member"] and record["errors"][0]["reason"]
    assert record["counts"]["new"] == 1 and record["counts"]["failed"] == 1
    assert_accounted(record)


def test_junk_members_are_skipped_and_counted(drop):
    members = {"a.txt": SEED, "__MACOSX/._a.txt": b"\x00\x05\x16\x07", ".DS_Store": b"\x00\x00\x00\x01Bud1"}
    drop.drop("incoming/mac.zip", zip_bytes(members))
    record = drop.bundle_for("incoming/mac.zip")
    assert record["status"] == "DONE"
    assert record["counts"]["skipped"] == 2 and record["counts"]["articles"] == 1
    assert_accounted(record)


def test_zip_bomb_is_refused(drop, monkeypatch):
    monkeypatch.setenv("MAX_COMPRESSION_RATIO", "50")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.txt", SEED)
        zf.writestr("bomb.txt", b"A" * (20 * 1024 * 1024))
    drop.drop("incoming/bomb.zip", bomb.getvalue())
    record = drop.bundle_for("incoming/bomb.zip")
    assert record["status"] in {"PARTIAL", "FAILED"}
    assert {e["code"] for e in record["errors"]} & {"compression_ratio", "limit_exceeded"}


def test_tar_with_symlink_member_is_refused_for_that_member(drop):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        info = tarfile.TarInfo("a.txt")
        info.size = len(SEED)
        tf.addfile(info, io.BytesIO(SEED))
        link = tarfile.TarInfo("link.txt")
        link.type = tarfile.SYMTYPE
        link.linkname = "/etc/passwd"
        tf.addfile(link)
    drop.drop("incoming/links.tgz", buf.getvalue())
    record = drop.bundle_for("incoming/links.tgz")
    assert record["counts"]["new"] == 1 and record["counts"]["failed"] == 1
    assert record["status"] == "PARTIAL"
