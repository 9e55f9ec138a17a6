"""Chunk plans of big bundles: cuts fall on record boundaries, and chunk members equal a whole read's."""

from __future__ import annotations

import io

import pytest
from bundle_factory import csv_bytes, jsonl_bytes, load_seeds, zip_bytes

from newsdrop.bundles import iter_members
from newsdrop.bundles.chunks import (
    MAX_CHUNKS,
    Chunk,
    NotSplittable,
    Plan,
    TooManyChunks,
    iter_chunk,
    plan_csv,
    plan_jsonl,
    plan_zip,
)
from newsdrop.config import Limits
from newsdrop.errors import LimitExceeded

LIMITS = Limits()


def _blocks(data: bytes, size: int) -> list[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)]


def _starts(plan: Plan) -> list[tuple[int, int]]:
    return [(chunk.start, chunk.first) for chunk in plan.chunks]


JSONL_CASES = [
    # (data, chunk_bytes, expected (start, records before) of each chunk)
    pytest.param(b'{"a":1}\n{"a":2}\n{"a":3}\n', 8, [(0, 0), (16, 2)], id="offset-on-a-newline-cuts-there"),
    pytest.param(b'{"a":1}\n{"a":2}\n{"a":3}\n', 7, [(0, 0), (8, 1), (16, 2)], id="newline-at-offset"),
    pytest.param(b'{"a":1}\n{"a":2}\n{"a":3}\n', 9, [(0, 0), (16, 2)], id="mid-record-offset-skips-on"),
    pytest.param(
        b'{"a":1}\n\n  \n{"a":2}\n{"a":3}', 8, [(0, 0), (9, 1), (20, 2)], id="blank-lines-not-counted"
    ),
    pytest.param(
        b'{"a":"' + b"x" * 40 + b'"}\n{"a":2}\n', 8, [(0, 0), (49, 1)], id="a-long-record-spans-offsets"
    ),
    pytest.param(b'{"a":1}\n{"a":2}\n', 100, [(0, 0)], id="smaller-than-a-chunk"),
    pytest.param(b'\xef\xbb\xbf{"a":1}\n{"a":2}\n{"a":3}\n', 10, [(0, 0), (11, 1)], id="bom-is-not-a-record"),
]


@pytest.mark.parametrize(("data", "chunk_bytes", "expected"), JSONL_CASES)
@pytest.mark.parametrize("block", [1, 3, 64])
def test_jsonl_chunks_start_after_the_first_newline_at_or_after_their_offset(
    data, chunk_bytes, expected, block
):
    plan = plan_jsonl(_blocks(data, block), size=len(data), chunk_bytes=chunk_bytes)
    assert _starts(plan) == expected
    assert plan.chunks[-1].end == len(data)
    assert all(a.end == b.start for a, b in zip(plan.chunks, plan.chunks[1:], strict=False))


def test_the_first_chunk_holds_at_least_the_chrome_sample():
    data = b"".join(b'{"n":%d}\n' % i for i in range(10))
    plan = plan_jsonl([data], size=len(data), chunk_bytes=8, min_first=4)
    assert plan.chunks[0].end > 0 and plan.chunks[1].first >= 4


def test_no_more_than_max_chunks():
    data = b'{"a":1}\n' * (MAX_CHUNKS * 4)
    plan = plan_jsonl([data], size=len(data), chunk_bytes=1)
    assert len(plan.chunks) == MAX_CHUNKS


CSV_CASES = [
    pytest.param(b"title,text\nA,one\nB,two\nC,three\n", 12, [(0, 0), (17, 1)], id="plain-rows"),
    pytest.param(
        b'title,text\nA,"one\nline two\n"\nB,two\n',
        14,
        [(0, 0), (29, 1)],
        id="quoted-newline-is-not-a-row-end",
    ),
    pytest.param(b"title,text\r\nA,one\r\n\r\nB,two\r\n", 12, [(0, 0), (19, 1)], id="crlf-and-blank-row"),
    pytest.param(b'title,text\nA,"x""\ny"\nB,b\n', 11, [(0, 0), (21, 1)], id="escaped-quote-inside-quotes"),
]


@pytest.mark.parametrize(("data", "chunk_bytes", "expected"), CSV_CASES)
@pytest.mark.parametrize("block", [1, 5, 64])
def test_csv_chunks_start_after_a_row_end_outside_quotes(data, chunk_bytes, expected, block):
    plan = plan_csv(_blocks(data, block), size=len(data), chunk_bytes=chunk_bytes, limits=LIMITS)
    assert _starts(plan) == expected
    assert plan.header == (0, data.index(b"\n") + 1)


@pytest.mark.parametrize(
    "data",
    [b"just some prose\nwithout a header\n", b"title,text\rA,old mac line ends\rB,x\r"],
    ids=["no-header", "lone-carriage-returns"],
)
def test_csv_that_cannot_be_cut_alike_is_not_split(data):
    with pytest.raises(NotSplittable):
        plan_csv([data], size=len(data), chunk_bytes=4, limits=LIMITS)


def test_zip_chunks_are_entry_ranges_by_compressed_bytes():
    plan = plan_zip([10, 10, 10, 10, 10], chunk_bytes=20)
    assert [(c.start, c.end) for c in plan.chunks] == [(0, 2), (2, 4), (4, 5)]
    assert plan_zip([10, 10], chunk_bytes=100).chunks == [Chunk(0, 2, 0)]


def _whole(data: bytes, name: str) -> list[tuple[str, object]]:
    return [
        (m.name, getattr(m, "content", None))
        for m in iter_members(io.BytesIO(data), name=name, limits=LIMITS)
    ]


def _chunked(data: bytes, plan: Plan, name: str) -> list[tuple[str, object]]:
    header = data[plan.header[0] : plan.header[1]] if plan.header else b""
    out = []
    for chunk in plan.chunks:
        stream = io.BytesIO(data) if plan.format == "zip" else io.BytesIO(data[chunk.start : chunk.end])
        for member in iter_chunk(stream, plan, chunk, name=name, limits=LIMITS, header=header):
            out.append((member.name, getattr(member, "content", None)))
    return out


ARTICLES = {f"{name}-{i}": body for i in range(3) for name, body in load_seeds().items()}


@pytest.mark.parametrize("chunk_bytes", [1, 5_000, 20_000])
def test_jsonl_chunks_read_the_members_a_whole_read_does(chunk_bytes):
    first, rest = jsonl_bytes(ARTICLES).split(b"\n", 1)
    data = first + b"\n\n  \nnot json\n" + rest  # a blank line, a blank one, a bad record
    plan = plan_jsonl(_blocks(data, 4096), size=len(data), chunk_bytes=chunk_bytes)
    assert len(plan.chunks) > 1
    assert _chunked(data, plan, "b.jsonl") == _whole(data, "b.jsonl")


@pytest.mark.parametrize("chunk_bytes", [1, 5_000, 20_000])
def test_csv_chunks_read_the_members_a_whole_read_does(chunk_bytes):
    data = csv_bytes(ARTICLES)
    assert b'"' in data and b"\n\n" in data, "the articles' paragraphs make quoted multi-line fields"
    plan = plan_csv(_blocks(data, 4096), size=len(data), chunk_bytes=chunk_bytes, limits=LIMITS)
    assert len(plan.chunks) > 1
    assert _chunked(data, plan, "b.csv") == _whole(data, "b.csv")


def test_zip_chunks_read_the_members_a_whole_read_does():
    data = zip_bytes({f"{name}.txt": body for name, body in ARTICLES.items()})
    import zipfile

    sizes = [info.compress_size for info in zipfile.ZipFile(io.BytesIO(data)).infolist()]
    plan = plan_zip(sizes, chunk_bytes=3_000)
    assert len(plan.chunks) > 1
    assert _chunked(data, plan, "b.zip") == _whole(data, "b.zip")


# --- limits per chunk: one invocation reads a chunk, so MAX_MEMBERS and MAX_UNCOMPRESSED_BYTES bound a chunk ---
def test_a_jsonl_chunk_holds_at_most_max_members_records_and_reads_within_them():
    data = b"".join(b'{"title": "t%d", "text": "story %d"}\n' % (i, i) for i in range(50))
    limits = Limits(max_members=12)
    plan = plan_jsonl([data], size=len(data), chunk_bytes=10**6, max_records=limits.max_members)
    assert [c.first for c in plan.chunks] == [0, 12, 24, 36, 48]
    with pytest.raises(LimitExceeded, match="the bundle holds more than 12 members"):
        list(iter_members(io.BytesIO(data), name="b.jsonl", limits=limits))
    members = [
        m.name
        for chunk in plan.chunks
        for m in iter_chunk(
            io.BytesIO(data[chunk.start : chunk.end]), plan, chunk, name="b.jsonl", limits=limits
        )
    ]
    assert members == [f"b.jsonl#{i}" for i in range(1, 51)]


def test_a_csv_chunk_holds_at_most_max_members_rows():
    data = csv_bytes(ARTICLES)
    plan = plan_csv([data], size=len(data), chunk_bytes=10**6, limits=Limits(max_members=4))
    assert [c.first for c in plan.chunks] == list(range(0, len(ARTICLES), 4))


def test_zip_chunks_hold_at_most_max_members_entries_and_max_uncompressed_bytes():
    by_entries = plan_zip([1] * 7, chunk_bytes=1000, sizes=[1] * 7, limits=Limits(max_members=3))
    assert [(c.start, c.end) for c in by_entries.chunks] == [(0, 3), (3, 6), (6, 7)]
    by_size = plan_zip(
        [1] * 7, chunk_bytes=1000, sizes=[40] * 7, limits=Limits(max_members=3, max_uncompressed_bytes=100)
    )
    assert [(c.start, c.end) for c in by_size.chunks] == [(0, 2), (2, 4), (4, 6), (6, 7)]


def test_a_bundle_needing_more_than_max_chunks_within_the_chunk_limits_is_refused_with_what_to_do():
    record = b'{"a":1}\n'
    fits = record * (MAX_CHUNKS * 2)
    assert len(plan_jsonl([fits], size=len(fits), chunk_bytes=10**6, max_records=2).chunks) == MAX_CHUNKS
    over = fits + record
    with pytest.raises(TooManyChunks, match="split it into smaller bundles") as caught:
        plan_jsonl([over], size=len(over), chunk_bytes=10**6, max_records=2)
    assert f"holds {MAX_CHUNKS * 2 + 1} records" in str(caught.value)
    assert "MAX_MEMBERS" in str(caught.value)
    with pytest.raises(TooManyChunks, match="MAX_UNCOMPRESSED_BYTES"):
        plan_zip([1] * 70, chunk_bytes=1000, sizes=[60] * 70, limits=Limits(max_uncompressed_bytes=100))


def test_a_chunk_past_a_limit_says_which_chunk_and_what_to_do():
    data = b"".join(b'{"title": "t%d", "text": "story %d"}\n' % (i, i) for i in range(6))
    plan = Plan("jsonl", [Chunk(0, len(data), 0)])
    with pytest.raises(LimitExceeded) as caught:
        list(iter_chunk(io.BytesIO(data), plan, plan.chunks[0], name="b.jsonl", limits=Limits(max_members=4)))
    message = str(caught.value)
    assert "chunk 0 of the fanned-out bundle" in message and "after the bundle's first 0 records" in message
    assert "holds more than 4 members" in message and "FanOutChunkBytes" in message
