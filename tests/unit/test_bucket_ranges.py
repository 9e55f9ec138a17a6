"""A chunk's ranged reads ask S3 for its own bytes only."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest

from newsdrop.adapters.bucket import DropBucket, ObjectInfo

DATA = bytes(range(256)) * 40  # 10,240 bytes


class RangeClient:
    """A get_object that serves ``DATA`` and notes every Range asked for."""

    def __init__(self) -> None:
        self.ranges: list[tuple[int, int]] = []

    def get_object(self, **kwargs: Any) -> dict[str, Any]:
        first, last = map(int, re.fullmatch(r"bytes=(\d+)-(\d+)", kwargs["Range"]).groups())
        self.ranges.append((first, last))
        return {"Body": io.BytesIO(DATA[first : last + 1])}


@pytest.mark.parametrize(("start", "end", "chunk"), [(0, 100, 64), (1000, 5000, 1024), (9000, 20000, 4096)])
def test_open_range_reads_exactly_its_bytes(start, end, chunk):
    client = RangeClient()
    bucket = DropBucket(client, "drops")
    info = ObjectInfo(key="incoming/big.jsonl", size=len(DATA), etag="e", version_id="v1")
    with bucket.open_range(info, start, end, chunk=chunk) as stream:
        assert stream.read() == DATA[start:end]
    assert client.ranges, "it read through ranged GETs"
    assert all(start <= first <= last < min(end, len(DATA)) for first, last in client.ranges)
    assert bucket.bytes_read == len(DATA[start:end])
