"""The #11 audit's hostile bundles dropped into the local stack: each ends DONE, PARTIAL or FAILED with a
reason, and the stack's peak memory (VmHWM of its processes, read with psutil) grows by less than 300 MiB."""

from __future__ import annotations

import io
import struct
import tarfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from tests.e2e.localstack import SEEDS, LocalStackProcess, seed_zip

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

MiB = 1024 * 1024
ARTICLE = (SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0]).read_bytes()


def _streamed_zip(method: int, size: int) -> bytes:
    """One member of ``size`` bytes of "A", compressed by zipfile chunk by chunk (the test stays small)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        with archive.open("bomb.txt", "w", force_zip64=True) as member:
            chunk = b"A" * (8 * MiB)
            for _ in range(size // len(chunk)):
                member.write(chunk)
        archive.writestr("ok.txt", ARTICLE)
    return buffer.getvalue()


def _hidden_end_record_zip(entries: int = 800_000) -> bytes:
    """A real member, then a central directory of tiny entries (37 MB) whose end record hides a second
    "PK\x05\x06" in its entry counts."""
    real = io.BytesIO()
    with zipfile.ZipFile(real, "w") as archive:
        archive.writestr("ok.txt", ARTICLE)
    data = real.getvalue()
    directory_at = data.index(b"PK\x01\x02")
    local, real_entry = data[:directory_at], data[directory_at : data.index(b"PK\x05\x06")]
    name = b"a"
    entry = struct.pack(
        "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, 0, 0, 0, len(name), 0, 0, 0, 0, 0, 0
    )
    directory = real_entry + (entry + name) * entries
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0x4B50, 0x0605, len(directory), len(local), 0)
    return local + directory + end


def _sparse_tar(real_size: int) -> bytes:
    """A GNU sparse member whose few stored bytes stand for ``real_size`` bytes, then a real article."""
    stored = b'{"text": "x"}\n'
    info = tarfile.TarInfo("holes.jsonl")
    info.type = tarfile.GNUTYPE_SPARSE
    info.size = len(stored)
    header = bytearray(info.tobuf(format=tarfile.GNU_FORMAT))
    header[386:398] = tarfile.itn(0, 12, tarfile.GNU_FORMAT)
    header[398:410] = tarfile.itn(len(stored), 12, tarfile.GNU_FORMAT)
    header[483:495] = tarfile.itn(real_size, 12, tarfile.GNU_FORMAT)
    header[148:156] = b" " * 8
    header[148:155] = b"%06o\0" % sum(header[:512])
    rest = io.BytesIO()
    with tarfile.open(fileobj=rest, mode="w", format=tarfile.PAX_FORMAT) as archive:
        data = ARTICLE
        member = tarfile.TarInfo("ok.txt")
        member.size = len(data)
        archive.addfile(member, io.BytesIO(data))
    return bytes(header[:512]) + stored + b"\0" * (-len(stored) % 512) + rest.getvalue()


def _long_name_tar() -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        for name in ("n" * 420_000 + ".txt", "ok.txt"):
            member = tarfile.TarInfo(name)
            member.size = len(ARTICLE)
            archive.addfile(member, io.BytesIO(ARTICLE))
    return buffer.getvalue()


def _peak_rss(pid: int) -> int:
    """Peak resident memory (VmHWM) of the stack's process and its children, in bytes."""
    root = psutil.Process(pid)
    total = 0
    for process in [root, *root.children(recursive=True)]:
        status = Path(f"/proc/{process.pid}/status").read_text()
        (line,) = [line for line in status.splitlines() if line.startswith("VmHWM:")]
        total += int(line.split()[1]) * 1024
    return total


@pytest.fixture(scope="module")
def own_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStackProcess]:
    """A stack of its own: the memory baseline must not include what other tests dropped."""
    root = tmp_path_factory.mktemp("hostile")
    stack = LocalStackProcess(root / "state", root / "drop", ["--retry-visibility", "1", "--quiet"])
    stack.start()
    try:
        yield stack
    finally:
        stack.stop()


HOSTILE = {
    # finding 1: bzip2 and LZMA zip members inflate in one piece in zipfile
    "bzip2-bomb.zip": (lambda: _streamed_zip(zipfile.ZIP_BZIP2, 400 * MiB), "compression_ratio"),
    "lzma-bomb.zip": (lambda: _streamed_zip(zipfile.ZIP_LZMA, 256 * MiB), "compression_ratio"),
    # finding 4: the directory guard found the hidden signature, zipfile the real record
    "hidden-end.zip": (_hidden_end_record_zip, "limit_exceeded"),
    # finding 5: 2 KB that spooled 1.1 GiB to /tmp
    "sparse.tar": (lambda: _sparse_tar(1100 * MiB), "sparse_member"),
    # finding 6: a 420,000-character pax name put a sighting over 400 KB
    "long-name.tar": (_long_name_tar, "name_too_long"),
}


def test_hostile_bundles_end_with_a_reason_in_bounded_memory(own_stack: LocalStackProcess):
    s3 = own_stack.client("s3")
    bucket = own_stack.info["bucket"]
    s3.put_object(Bucket=bucket, Key="incoming/warm-up.zip", Body=seed_zip())
    assert own_stack.bundle_for_key("incoming/warm-up.zip", timeout=120)["status"] == "DONE"
    pid = own_stack.process.pid  # type: ignore[union-attr]
    baseline = _peak_rss(pid)

    for name, (build, _) in HOSTILE.items():
        s3.put_object(Bucket=bucket, Key=f"incoming/{name}", Body=build())
    for name, (_, code) in HOSTILE.items():
        record = own_stack.bundle_for_key(f"incoming/{name}", timeout=300)
        assert record["status"] in ("DONE", "PARTIAL", "FAILED"), name
        codes = [error["code"] for error in record.get("errors") or []]
        assert code in codes, f"{name}: {codes}"
        assert all(error["reason"] for error in record["errors"]), name

    growth = _peak_rss(pid) - baseline
    print(f"hostile bundles: peak RSS grew {growth / MiB:.0f} MiB over {baseline / MiB:.0f} MiB")
    assert growth < 300 * MiB, f"peak memory grew {growth / MiB:.0f} MiB"
