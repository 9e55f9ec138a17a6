"""A fanned-out bundle (JSON Lines, CSV, zip) stores the articles, sightings, index and counts one invocation does."""

from __future__ import annotations

import dataclasses
import functools
import random
from collections.abc import Iterator
from typing import Any

import pytest
from bundle_factory import csv_bytes, jsonl_bytes, load_seeds, zip_bytes

import infra.provision as provision_module
from infra.template import DEFAULT_ACCOUNT_ID, DEFAULT_REGION
from tests.faults.harness import Account, RunResult, Shape, account

# Every article ends with the outlet's line: bundle chrome, learned from the first sample and shared.
CHROME = b"\n\nHarbour Courier | Local | Weather | Sport\n"
ARTICLES = 40


def fanout_articles(n: int = ARTICLES) -> dict[str, bytes]:
    """``n`` distinct stories sharing a chrome line, then the fourth one again (a duplicate in a later chunk)."""
    seeds = list(load_seeds().items())
    out: dict[str, bytes] = {}
    for i in range(n):
        name, body = seeds[i % len(seeds)]
        paragraphs = body.split(b"\n\n")
        # A sentence of its own in the body: the cleaned stories, and with them the ids, differ.
        own = b"Officials in district %d counted %d ballots by noon on day %d of the count." % (
            i,
            1000 + i,
            i + 1,
        )
        paragraphs.insert(2, own)
        out[f"{i:03d}-{name}"] = b"\n\n".join(paragraphs) + CHROME
    out["zz-again.txt"] = out[sorted(out)[3]]
    return out


def _jsonl() -> bytes:
    lines = jsonl_bytes(fanout_articles()).splitlines(keepends=True)
    # A bad record and a record without text, past the sample: errors a later chunk reports.
    return b"".join([*lines[:30], b"not json at all\n", b'{"title": "no text here"}\n', *lines[30:]])


def _zip() -> bytes:
    files = {f"{name}.txt": body for name, body in fanout_articles().items()}
    files["docs/logo.png"] = b"\x89PNG\r\n\x1a\n" + bytes(range(256))  # skipped as not an article
    return zip_bytes(files)


SHAPES = {
    "jsonl": (Shape("jsonl", "incoming/big.jsonl", _jsonl()), 16_000),
    "csv": (Shape("csv", "incoming/big.csv", csv_bytes(fanout_articles())), 16_000),
    "zip": (Shape("zip", "incoming/big.zip", _zip()), 6_000),
}
# Fields of the bundle record that are the same however the bundle was cut.
RECORD_FIELDS = ("status", "counts", "errors", "errors_truncated", "format", "size", "quarantine_key")


@pytest.fixture
def runs(aws_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Iterator[Account]:
    """A moto account that provisions a fresh stack per run (the fault harness's, without faults)."""
    monkeypatch.setattr(random, "uniform", lambda low, high: 0.0)
    monkeypatch.setattr(provision_module, "load_template", functools.cache(provision_module.load_template))

    def environ(variables: dict[str, str]) -> None:
        for name, value in variables.items():
            monkeypatch.setenv(name, value)

    from newsdrop import wiring

    with account(environ) as acct:
        yield acct
    wiring.reset()


def status_record(result: RunResult) -> dict[str, Any]:
    [record] = [v for k, v in result.snapshot["items"].items() if k.endswith("| STATUS")]
    return record


def stored(result: RunResult) -> dict[str, Any]:
    """Every item but the bundle record and the posting blocks (keyed by where an invocation started)."""
    return {
        k: v
        for k, v in result.snapshot["items"].items()
        if not k.endswith("| STATUS") and not k.startswith("TERM#")
    }


def postings() -> dict[str, list[str]]:
    """Each search term's article ids, whichever blocks hold them (read from moto's last table)."""
    from boto3.dynamodb.types import TypeDeserializer
    from moto.dynamodb.models import dynamodb_backends

    from newsdrop.dal.items import block_ids

    tables = dynamodb_backends[DEFAULT_ACCOUNT_ID][DEFAULT_REGION].tables
    table = tables[sorted(tables)[-1]]
    out: dict[str, list[str]] = {}
    deserializer = TypeDeserializer()
    for raw in table.all_items():
        item = {k: deserializer.deserialize(v) for k, v in raw.to_json()["Attributes"].items()}
        if item["pk"].startswith("TERM#"):
            item["ids"] = bytes(item["ids"].value) if hasattr(item["ids"], "value") else item["ids"]
            out.setdefault(item["pk"], []).extend(block_ids(item))
    return {term: sorted(ids) for term, ids in out.items()}


@pytest.mark.parametrize("kind", sorted(SHAPES))
def test_a_fanned_out_bundle_stores_what_one_invocation_stores(runs, kind):
    shape, chunk_bytes = SHAPES[kind]
    runs.overrides = {}
    single = runs.run(shape)
    single_postings = postings()
    runs.overrides = {"FANOUT_BYTES": "1", "FANOUT_CHUNK_BYTES": str(chunk_bytes)}
    fanned = runs.run(shape)

    record = status_record(fanned)
    assert len(record["chunks"]) >= 3, "the bundle was cut into chunks"
    assert fanned.invocations == 1 + len(record["chunks"]), "one invocation plans, one per chunk"
    assert record["chunks_done"] == len(record["chunks"])
    assert record["chrome"], "the first sample taught chrome that the later chunks used"
    expected = status_record(single)
    assert {f: record.get(f) for f in RECORD_FIELDS} == {f: expected.get(f) for f in RECORD_FIELDS}
    assert record["counts"]["duplicates"] >= 1 and record["counts"]["new"] == ARTICLES
    if kind == "jsonl":
        assert record["counts"]["failed"] == 2 and record["status"] == "PARTIAL"
    assert stored(fanned) == stored(single), "articles, sightings, links and groups differ"
    assert postings() == single_postings
    assert fanned.snapshot["objects"] == single.snapshot["objects"]
    assert fanned.snapshot["queued"] == {"queue": 0, "dlq": 0}


def test_a_bundle_below_the_threshold_is_ingested_by_one_invocation(runs):
    shape, _ = SHAPES["jsonl"]
    runs.overrides = {"FANOUT_BYTES": str(len(shape.data) + 1), "FANOUT_CHUNK_BYTES": "1000"}
    result = runs.run(shape)
    assert result.invocations == 1
    assert "chunks" not in status_record(result)


@pytest.mark.parametrize("every", [1, 4, 9])
def test_chunks_continued_in_new_invocations_store_what_one_invocation_stores(runs, every):
    """A chunk whose invocation runs short of time hands the rest to a continuation (every ``every`` members:
    each chunk once, twice or at every member), and the bundle ends as one uncontinued invocation ends it."""
    shape, chunk_bytes = SHAPES["jsonl"]
    runs.overrides = {}
    single = runs.run(shape)
    single_postings = postings()
    runs.overrides = {"FANOUT_BYTES": "1", "FANOUT_CHUNK_BYTES": str(chunk_bytes)}
    fanned = runs.run(dataclasses.replace(shape, continue_every=every))
    fanned_postings = postings()

    record = status_record(fanned)
    chunks = len(record["chunks"])
    continued = fanned.invocations - 1 - chunks
    assert continued >= {1: ARTICLES - 20, 4: chunks, 9: 2}[every], "chunks continued in new invocations"
    assert record["chunk_progress"] == {}, "a recorded chunk's checkpoint is dropped"
    assert record["chunks_done"] == chunks
    expected = status_record(single)
    assert {f: record.get(f) for f in RECORD_FIELDS} == {f: expected.get(f) for f in RECORD_FIELDS}
    assert without_head_ids(fanned) == without_head_ids(single), "articles, sightings, links, groups differ"
    assert heads_name_their_groups(fanned)
    assert fanned_postings == single_postings
    assert fanned.snapshot["objects"] == single.snapshot["objects"]
    assert fanned.snapshot["queued"] == {"queue": 0, "dlq": 0}


def without_head_ids(result: RunResult) -> dict[str, Any]:
    """``stored``, but a band head keeps only its group: it names the newest article under its band, and
    continued chunks interleave their members, so which of a group's articles was written last differs
    (docs/fanout.md, Limits), as between two bundles ingested at once."""
    return {
        k: {f: v for f, v in item.items() if f != "id"} if k.startswith("SIMBAND#") else item
        for k, item in stored(result).items()
    }


def heads_name_their_groups(result: RunResult) -> bool:
    """Every band head names an article of the head's group."""
    items = stored(result)
    groups = {item["id"]: item.get("group_id") for k, item in items.items() if k.endswith("| META")}
    heads = [item for k, item in items.items() if k.startswith("SIMBAND#")]
    return bool(heads) and all(groups.get(head["id"]) == head["group_id"] for head in heads)


# --- limits: MAX_MEMBERS and MAX_UNCOMPRESSED_BYTES bound one invocation's read, so a chunk, not a bundle --------
@pytest.mark.parametrize("kind", ["jsonl", "zip"])
def test_a_bundle_over_one_invocations_member_limit_fans_out_and_ingests_fully(runs, kind):
    shape, chunk_bytes = SHAPES[kind]
    runs.overrides = {}
    whole = runs.run(shape)
    whole_postings = postings()
    runs.overrides = {"MAX_MEMBERS": "25"}
    limited = runs.run(shape)
    [first] = status_record(limited)["errors"][:1]
    # One invocation stops at the 25th member (JSON Lines) or refuses the zip's 42-entry directory.
    assert first["code"] == "limit_exceeded"
    assert "more than 25 members" in first["reason"] or "25-member limit" in first["reason"]
    assert status_record(limited)["counts"]["articles"] < status_record(whole)["counts"]["articles"]

    runs.overrides = {"MAX_MEMBERS": "25", "FANOUT_BYTES": "1", "FANOUT_CHUNK_BYTES": str(chunk_bytes)}
    fanned = runs.run(shape)
    record = status_record(fanned)
    assert all(c["end"] - c["first"] <= 25 for c in record["chunks"] if kind == "zip")
    assert record["chunks_done"] == len(record["chunks"]) >= 2
    expected = status_record(whole)
    assert {f: record.get(f) for f in RECORD_FIELDS} == {f: expected.get(f) for f in RECORD_FIELDS}
    assert stored(fanned) == stored(whole)
    assert postings() == whole_postings


def test_a_bundle_past_the_chunk_limits_even_fanned_out_is_refused_whole_and_quarantined(runs):
    """1,400 records in chunks of at most 21 (MAX_MEMBERS) need 67 chunks, over the 64 a bundle may have."""
    records = {
        f"note-{i:04d}.txt": b"Harbour note %d: the ferry left the quay on time today." % i
        for i in range(1400)
    }
    shape = Shape("tiny", "incoming/tiny.jsonl", jsonl_bytes(records))
    runs.overrides = {"MAX_MEMBERS": "21", "FANOUT_BYTES": "1", "FANOUT_CHUNK_BYTES": str(10**6)}
    result = runs.run(shape)
    record = status_record(result)
    assert result.invocations == 1 and "chunks" not in record
    assert record["status"] == "FAILED" and record["counts"]["articles"] == 0
    [error] = record["errors"]
    assert error["code"] == "limit_exceeded"
    assert "holds 1400 records" in error["reason"] and "more than 64 chunks" in error["reason"]
    assert "split it into smaller bundles" in error["reason"]
    assert record["quarantine_key"] and any(k.startswith("quarantine/") for k in result.snapshot["objects"])
    assert not [k for k in result.snapshot["items"] if k.startswith("ART#")]
    assert result.snapshot["queued"] == {"queue": 0, "dlq": 0}


def test_a_chunk_crossing_a_limit_at_run_time_stops_says_what_to_do_and_the_rest_is_ingested(runs):
    """A zip entry that is itself a zip of 25 articles: the first chunk holds 20 articles and that archive, more
    than MAX_MEMBERS (25) members, which a plan by entries cannot see. That chunk stops at its limit like one
    invocation; the other chunk is ingested; the bundle ends PARTIAL and is quarantined."""
    articles = list(fanout_articles(30).items())
    inner = zip_bytes(
        {f"inner/{i:02d}.txt": body + b"\n\nFrom the archive." for i, (_, body) in enumerate(articles[:25])}
    )
    outer = {
        **{f"{name}.txt": body for name, body in articles[:20]},
        "more.zip": inner,
        **{f"{name}.txt": body for name, body in articles[20:]},
    }
    shape = Shape("nested", "incoming/nested.zip", zip_bytes(outer))
    runs.overrides = {"MAX_MEMBERS": "25", "FANOUT_BYTES": "1", "FANOUT_CHUNK_BYTES": "40000"}
    result = runs.run(shape)
    record = status_record(result)
    assert [(c["start"], c["end"]) for c in record["chunks"]] == [(0, 21), (21, 32)]
    assert record["chunks_done"] == 2
    assert record["status"] == "PARTIAL" and record["quarantine_key"]
    [error] = [e for e in record["errors"] if e["member"] == "(bundle)"]
    assert error["code"] == "limit_exceeded"
    assert "chunk 0 of the fanned-out bundle" in error["reason"] and "more than 25 members" in error["reason"]
    assert "FanOutChunkBytes" in error["reason"] and "upload it again" in error["reason"]
    # Chunk 0 up to its limit (25 members) and all of chunk 1 (11 entries) were ingested.
    assert record["counts"]["members"] == 25 + 11
    assert any(k.startswith("quarantine/") for k in result.snapshot["objects"])
    assert result.snapshot["queued"] == {"queue": 0, "dlq": 0}
