"""The ingest handler against moto: seed bundles in every format, idempotency, retries, throttling, oversize."""

from __future__ import annotations

import json
from typing import Any

import pytest
from bundle_factory import make_bundle, zip_bytes

from newsdrop import wiring
from newsdrop.adapters import aws
from newsdrop.articles import heavy_fields_of
from newsdrop.dal import keys
from newsdrop.handlers.ingest import lambda_handler
from newsdrop.ingest import service
from newsdrop.terms import index_terms
from tests.integration.harness import (
    EVENTS,
    FakeLambdaContext,
    assert_accounted,
    gold,
    message_with_body,
    receive_all,
    scan_all,
    seed_articles,
)

SEED_FORMATS = ["zip", "tar.gz", "jsonl", "text-headers"]


def text_only_jsonl(articles: dict[str, bytes]) -> bytes:
    """JSON Lines records holding only an id and the scraped text: the cleaner finds the metadata itself."""
    lines = [
        json.dumps({"id": name, "text": data.decode("utf-8")}, ensure_ascii=False)
        for name, data in articles.items()
    ]
    return "\n".join(lines).encode("utf-8")


def seed_bundle(kind: str) -> bytes:
    return text_only_jsonl(seed_articles()) if kind == "jsonl" else make_bundle(kind, seed_articles())


ALL_FIVE_NEW = {"members": 5, "articles": 5, "new": 5, "duplicates": 0, "skipped": 0, "failed": 0}


def expected_titles() -> set[str | None]:
    return {g["title"] for g in gold().values()}


def assert_seed_articles(articles: list[dict]) -> None:
    assert len(articles) == 5
    assert {a.get("title") for a in articles} == expected_titles()
    bodies = {heavy_fields_of(a)["body"] for a in articles}
    assert bodies == {g["body"] for g in gold().values()}


@pytest.mark.parametrize("kind", SEED_FORMATS)
def test_seed_bundle_in_every_format_becomes_the_five_gold_articles(drop, kind):
    key = f"incoming/seeds.{kind.replace('text-headers', 'txt')}"
    reply = drop.drop(key, seed_bundle(kind))
    assert reply == {"batchItemFailures": []}
    assert_seed_articles(drop.articles())
    record = drop.bundle_for(key)
    assert record["status"] == "DONE"
    assert record["counts"] == ALL_FIVE_NEW
    assert record["errors"] == []
    assert record["cleaner_version"] and record["started_at"] <= record["finished_at"]
    assert record["size"] > 0 and record["format"]
    assert_accounted(record)


def test_every_article_links_back_to_its_bundle_and_member(drop):
    drop.drop("incoming/seeds.zip", make_bundle("zip", seed_articles()))
    bid = drop.bundle_for("incoming/seeds.zip")["bundle_id"]
    sightings = drop.sightings()
    assert sorted(s["member"] for s in sightings) == sorted(seed_articles())
    assert {s["bundle_id"] for s in sightings} == {bid}
    links = [i for i in drop.items() if i["pk"] == keys.bundle_pk(bid) and i["sk"].startswith("ART#")]
    assert len(links) == 5


def test_same_bundle_dropped_twice_counts_duplicates_not_new_articles(drop):
    data = make_bundle("zip", seed_articles())
    drop.drop("incoming/seeds.zip", data)
    drop.drop("incoming/seeds.zip", data)
    records = [b for b in drop.bundles() if b["key"] == "incoming/seeds.zip"]
    assert len(records) == 2, "each upload (object version) gets its own record"
    assert records[1]["counts"]["new"] == 0 and records[1]["counts"]["duplicates"] == 5
    assert records[1]["status"] == "DONE"
    assert len(drop.articles()) == 5
    sightings = drop.sightings()
    assert len(sightings) == 10, "each article remembers both bundles"


def test_same_article_in_two_bundles_is_stored_once_and_remembers_both(drop):
    seeds = seed_articles()
    drop.drop("incoming/a.zip", make_bundle("zip", seeds))
    drop.drop("incoming/b.jsonl", seed_bundle("jsonl"))
    assert len(drop.articles()) == 5
    second = drop.bundle_for("incoming/b.jsonl")
    assert second["counts"]["duplicates"] == 5 and second["counts"]["new"] == 0
    per_article: dict[str, set[str]] = {}
    for s in drop.sightings():
        per_article.setdefault(s["id"], set()).add(s["key"])
    assert all(keys_ == {"incoming/a.zip", "incoming/b.jsonl"} for keys_ in per_article.values())


def test_duplicated_notification_is_processed_once(drop):
    drop.stack.s3.put_object(
        Bucket=drop.stack.bucket, Key="incoming/seeds.zip", Body=make_bundle("zip", seed_articles())
    )
    messages = receive_all(drop.stack.sqs, drop.stack.queue_url)
    body = json.loads(messages[0]["Body"])
    drop.deliver(messages)
    first = drop.bundle_for("incoming/seeds.zip")
    reply = drop.deliver([message_with_body(body)])
    assert reply == {"batchItemFailures": []}
    again = drop.bundle_for("incoming/seeds.zip")
    assert again["counts"] == first["counts"] and again["attempts"] == 1
    assert again["finished_at"] == first["finished_at"]
    assert len(drop.bundles()) == 1 and len(drop.articles()) == 5


def test_a_retry_after_a_crash_counts_articles_once(drop, monkeypatch):
    """The first attempt dies after writing some articles; the retry still reports 5 new, 0 duplicates."""
    from newsdrop.ingest import writer

    drop.stack.s3.put_object(
        Bucket=drop.stack.bucket, Key="incoming/seeds.zip", Body=make_bundle("zip", seed_articles())
    )
    messages = receive_all(drop.stack.sqs, drop.stack.queue_url)
    monkeypatch.setattr(writer, "ARTICLES_PER_FLUSH", 2)
    real_flush = writer.ArticleWriter.flush
    calls = {"n": 0}

    def crash_on_second_flush(self):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("simulated Lambda crash")
        real_flush(self)

    monkeypatch.setattr(writer.ArticleWriter, "flush", crash_on_second_flush)
    reply = drop.deliver(messages)
    assert [f["itemIdentifier"] for f in reply["batchItemFailures"]] == [messages[0]["MessageId"]]
    assert drop.bundle_for("incoming/seeds.zip")["status"] == "PROCESSING"
    assert "simulated Lambda crash" in drop.bundle_for("incoming/seeds.zip")["last_error"]
    monkeypatch.setattr(writer.ArticleWriter, "flush", real_flush)
    service.ingestor().lease_seconds = 0  # the crashed attempt's lease has run out by the redelivery
    body = json.loads(messages[0]["Body"])
    assert drop.deliver([message_with_body(body, receive_count=2)]) == {"batchItemFailures": []}
    record = drop.bundle_for("incoming/seeds.zip")
    assert record["status"] == "DONE" and record["attempts"] == 2
    assert record["counts"]["new"] == 5 and record["counts"]["duplicates"] == 0
    assert len(drop.articles()) == 5


@pytest.mark.parametrize("crash_at", [2, 3])
def test_a_crash_between_articles_and_their_postings_still_leaves_every_article_searchable(
    drop, monkeypatch, crash_at
):
    """Windows of two articles: the crash lands after a window's articles, before or after its postings."""
    from newsdrop.dal import Store
    from newsdrop.ingest import postings, writer

    drop.stack.s3.put_object(
        Bucket=drop.stack.bucket, Key="incoming/seeds.zip", Body=make_bundle("zip", seed_articles())
    )
    messages = receive_all(drop.stack.sqs, drop.stack.queue_url)
    monkeypatch.setattr(writer, "ARTICLES_PER_FLUSH", 2)
    monkeypatch.setattr(postings, "WINDOW_ARTICLES", 2)
    real_put = Store.put_postings
    calls = {"n": 0}

    def crash_on_a_window(self, block_sk, found):
        calls["n"] += 1
        if calls["n"] == crash_at:
            raise RuntimeError("simulated Lambda crash")
        return real_put(self, block_sk, found)

    monkeypatch.setattr(Store, "put_postings", crash_on_a_window)
    drop.deliver(messages)
    monkeypatch.setattr(Store, "put_postings", real_put)
    service.ingestor().lease_seconds = 0
    body = json.loads(messages[0]["Body"])
    assert drop.deliver([message_with_body(body, receive_count=2)]) == {"batchItemFailures": []}
    assert drop.bundle_for("incoming/seeds.zip")["counts"]["new"] == 5
    lookup = wiring.lookup()
    for article in drop.articles():
        for word in index_terms(article.get("title"), heavy_fields_of(article)["body"])[:6]:
            hits = lookup.search(word, limit=100, cursor=None)
            ids = [hit["id"] for hit in hits.items]
            assert article["id"] in ids and len(ids) == len(set(ids)), word
    every = scan_all(drop.stack.dynamodb, drop.stack.table, exclude_terms=False)
    blocks = [i for i in every if i["pk"].startswith(keys.term_pk(""))]
    assert blocks and all(len(bytes(b["ids"])) <= 2 * 16 for b in blocks), "a window holds two articles"


def test_an_article_twice_in_one_bundle_counts_one_new_one_duplicate(drop):
    seeds = seed_articles()
    first = next(iter(seeds.values()))
    drop.drop("incoming/twice.zip", zip_bytes({"a.txt": first, "copy/a.txt": first}))
    record = drop.bundle_for("incoming/twice.zip")
    assert record["counts"]["new"] == 1 and record["counts"]["duplicates"] == 1
    assert len(drop.articles()) == 1
    members = sorted(i["member"] for i in drop.sightings())
    assert members == ["a.txt", "copy/a.txt"]


def test_a_bundle_that_outlasts_an_invocation_continues_in_the_next(drop, monkeypatch):
    from newsdrop.ingest import pipeline

    # Pretend every invocation is about to time out: each one hands the rest of the bundle on.
    monkeypatch.setattr(pipeline, "CONTINUE_WHEN_SECONDS_LEFT", 10.0**9)
    drop.stack.s3.put_object(
        Bucket=drop.stack.bucket, Key="incoming/seeds.zip", Body=make_bundle("zip", seed_articles())
    )
    invocations, stale = 0, None
    while messages := receive_all(drop.stack.sqs, drop.stack.queue_url):
        assert len(messages) == 1, "one bundle, one message in flight at a time"
        if invocations == 2:
            stale = messages[0]["Body"]
        assert drop.deliver(messages) == {"batchItemFailures": []}
        invocations += 1
        record = drop.bundle_for("incoming/seeds.zip")
        if record["status"] == "PROCESSING":
            assert record["counts"]["members"] == record["resume_at"], "progress is checkpointed"
        assert invocations < 10
    assert invocations == 6  # one member each, then one that finds nothing left
    record = drop.bundle_for("incoming/seeds.zip")
    assert record["status"] == "DONE"
    assert record["counts"] == ALL_FIVE_NEW
    assert_seed_articles(drop.articles())
    assert stale is not None
    assert drop.deliver([message_with_body(json.loads(stale))]) == {"batchItemFailures": []}
    assert drop.bundle_for("incoming/seeds.zip")["counts"] == record["counts"], (
        "a stale continuation changes nothing"
    )


def test_s3_test_event_is_ignored(drop):
    event = json.loads((EVENTS / "sqs-s3-test-event.json").read_text())
    assert lambda_handler(event, FakeLambdaContext()) == {"batchItemFailures": []}
    assert drop.bundles() == []


def test_plain_s3_event_from_events_dir(drop):
    event = json.loads((EVENTS / "s3-put.json").read_text())
    obj = event["Records"][0]["s3"]
    obj["bucket"]["name"] = drop.stack.bucket
    put = drop.stack.s3.put_object(
        Bucket=drop.stack.bucket, Key="incoming/seed bundle été.zip", Body=make_bundle("zip", seed_articles())
    )
    obj["object"]["versionId"] = put["VersionId"]
    reply = lambda_handler(event, FakeLambdaContext())
    assert reply["bundles"][0]["status"] == "DONE"
    assert drop.bundle_for("incoming/seed bundle été.zip")["counts"]["new"] == 5


def test_sqs_event_from_events_dir_and_a_bad_message_fails_alone(drop):
    event = json.loads((EVENTS / "sqs-mixed-batch.json").read_text())
    s3_event = json.loads(event["Records"][0]["body"])
    s3_event["Records"][0]["s3"]["bucket"]["name"] = drop.stack.bucket
    put = drop.stack.s3.put_object(
        Bucket=drop.stack.bucket, Key="incoming/seed bundle été.zip", Body=make_bundle("zip", seed_articles())
    )
    s3_event["Records"][0]["s3"]["object"]["versionId"] = put["VersionId"]
    event["Records"][0]["body"] = json.dumps(s3_event)
    reply = lambda_handler(event, FakeLambdaContext())
    assert reply == {"batchItemFailures": [{"itemIdentifier": event["Records"][1]["messageId"]}]}
    assert drop.bundle_for("incoming/seed bundle été.zip")["status"] == "DONE"


# --- throttling and size -------------------------------------------------------------------------
def test_throttling_and_unprocessed_items_are_retried_to_completion(drop, monkeypatch):
    from newsdrop.dal import table as table_module

    monkeypatch.setattr(table_module.ArticleTable, "_backoff", lambda self, attempt: None)
    monkeypatch.setattr(wiring, "WRITE_CONCURRENCY", 1)  # the hooks below count requests in order
    ddb = aws.client("dynamodb")
    state = {"writes": 0}

    def flaky(params: dict[str, Any], **_: Any) -> Any:
        state["writes"] += 1
        if state["writes"] == 1:
            from botocore.exceptions import ClientError

            raise ClientError(
                {"Error": {"Code": "ProvisionedThroughputExceededException", "Message": "slow"}},
                "BatchWriteItem",
            )
        if state["writes"] == 2:
            requests = next(iter(params["RequestItems"].values()))
            table_name = next(iter(params["RequestItems"]))
            # Pretend DynamoDB accepted only the first half of the batch.
            unprocessed = requests[len(requests) // 2 :]
            params["RequestItems"][table_name] = requests[: len(requests) // 2]
            state["unprocessed"] = {table_name: unprocessed}
        return None

    def add_unprocessed(parsed: dict, **_: Any) -> None:
        if state.get("unprocessed") and state["writes"] == 2:
            parsed["UnprocessedItems"] = state.pop("unprocessed")

    ddb.meta.events.register("provide-client-params.dynamodb.BatchWriteItem", flaky)
    ddb.meta.events.register("after-call.dynamodb.BatchWriteItem", add_unprocessed)
    drop.drop("incoming/seeds.zip", make_bundle("zip", seed_articles()))
    assert state["writes"] >= 4
    assert drop.bundle_for("incoming/seeds.zip")["status"] == "DONE"
    assert_seed_articles(drop.articles())


def test_oversize_article_is_stored_whole(drop):
    paragraphs = [
        f"Paragraph {i}: the committee reviewed report number {i * 7919 % 100003} and its annex {i}."
        for i in range(9000)
    ]
    text = "A very long report\n\n" + "\n\n".join(paragraphs)
    assert len(text.encode()) > 400_000
    drop.drop("incoming/long.txt", text.encode())
    record = drop.bundle_for("incoming/long.txt")
    assert record["status"] == "DONE"
    [article] = drop.articles()
    stored = heavy_fields_of(
        article, lambda k: drop.stack.s3.get_object(Bucket=drop.stack.bucket, Key=k)["Body"].read()
    )
    assert stored["body"].count("Paragraph ") == 9000
    assert stored["body"].endswith(paragraphs[-1])


def test_the_ingested_log_line_carries_counts_as_numbers_and_the_record_names_a_tar_gz(drop, caplog):
    import logging

    caplog.set_level(logging.INFO)
    key = "incoming/seeds.tar.gz"
    assert drop.drop(key, seed_bundle("tar.gz")) == {"batchItemFailures": []}
    [line] = [r for r in caplog.records if r.getMessage() == "bundle ingested"]
    assert line.counts == ALL_FIVE_NEW
    assert all(type(value) is int for value in line.counts.values())
    assert drop.bundle_for(key)["format"] == "tar.gz"
