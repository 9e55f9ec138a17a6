"""Ingest cleans as the cleaner is measured: HTML members through the extractor, a bundle's own chrome removed."""

from __future__ import annotations

import json
from dataclasses import dataclass

from bundle_factory import zip_bytes

from newsdrop import wiring
from newsdrop.articles import heavy_fields_of
from newsdrop.handlers.ingest import lambda_handler
from tests.integration.harness import FakeLambdaContext, receive_all, sqs_event
from tests.integration.lookup_seed import Api
from tests.unit.test_bundle_cleaner import PAGE, PARAGRAPHS, story


def by_title(articles: list[dict]) -> dict[str, dict]:
    return {a["title"]: a for a in articles}


def test_an_html_member_is_stored_with_the_page_headline_date_and_site(drop):
    bundle = zip_bytes({"page.html": PAGE.encode(), "other.txt": story(1).encode()})
    assert drop.drop("incoming/mixed.zip", bundle) == {"batchItemFailures": []}
    article = by_title(drop.articles())["Talks resume after long pause"]
    assert article["source"] == "Daily Courier"
    assert article["published"].startswith("2019-11-19")
    body = heavy_fields_of(article)["body"]
    assert body.split("\n\n")[: len(PARAGRAPHS)] == PARAGRAPHS
    assert drop.bundle_for("incoming/mixed.zip")["status"] == "DONE"


def test_html_in_a_json_lines_field_is_extracted_and_the_record_fields_win(drop):
    line = json.dumps({"id": "a1", "title": "Talks resume", "source": "Wire", "content": PAGE})
    drop.drop("incoming/pages.jsonl", line.encode())
    (article,) = drop.articles()
    assert (article["title"], article["source"]) == ("Talks resume", "Wire")
    assert "<p>" not in heavy_fields_of(article)["body"]


def test_lines_repeated_across_the_bundle_are_removed_as_its_chrome(drop):
    drop.drop("incoming/outlet.zip", zip_bytes({f"{n}.txt": story(n).encode() for n in range(6)}))
    articles = drop.articles()
    assert len(articles) == 6
    for article in articles:
        heavy = heavy_fields_of(article)
        assert "Subscribe to our daily digest" not in heavy["body"]
        assert {"World news", "Follow us on the network"} <= {
            line["text"] for line in heavy["removed"] if line["rule"] == "bundle_chrome"
        }
    record = drop.bundle_for("incoming/outlet.zip")
    assert "world news" in record["chrome"]
    assert record["counts"]["new"] == 6
    wiring.reset()  # the lookup service is cached per container: build it against this test's stack
    status, shown = Api(stack=drop.stack).get(f"/bundles/{record['bundle_id']}")
    wiring.reset()
    assert status == 200 and "follow us on the network" in shown["chrome"], "the API shows the learned chrome"
    assert not any(key.startswith("council number") for key in shown["chrome"]), "headlines are no chrome"


@dataclass
class CountdownContext(FakeLambdaContext):
    """Plenty of time for the first ``calls`` checks, then about to time out."""

    calls: int = 0

    def get_remaining_time_in_millis(self) -> int:
        self.calls -= 1
        return 900_000 if self.calls >= 0 else 1_000


def test_a_continuation_cleans_with_the_chrome_the_first_invocation_learned(drop):
    drop.stack.s3.put_object(
        Bucket=drop.stack.bucket,
        Key="incoming/long.zip",
        Body=zip_bytes({f"{n}.txt": story(n).encode() for n in range(6)}),
    )
    first = receive_all(drop.stack.sqs, drop.stack.queue_url)
    # Four members fit the first invocation; the last two only ever meet the stored chrome.
    assert lambda_handler(sqs_event(first, drop.stack.queue_arn), CountdownContext(calls=3)) == {
        "batchItemFailures": []
    }
    record = drop.bundle_for("incoming/long.zip")
    assert record["status"] == "PROCESSING" and record["resume_at"] == 4
    assert "world news" in record["chrome"]
    continuation = [m for m in receive_all(drop.stack.sqs, drop.stack.queue_url) if "resume_at" in m["Body"]]
    assert drop.deliver(continuation) == {"batchItemFailures": []}
    assert drop.bundle_for("incoming/long.zip")["status"] == "DONE"
    late = [a for a in drop.articles() if a["first_member"] in {"4.txt", "5.txt"}]
    assert len(late) == 2
    for article in late:
        assert any(line["rule"] == "bundle_chrome" for line in heavy_fields_of(article)["removed"])


def test_a_printed_zone_is_kept_and_date_filters_see_the_article_in_utc(drop):
    text = "\n\n".join(
        [
            "Council approves the harbour budget",
            "Nov. 19, 2019 8:03 am ET",
            *story(3).split("\n\n")[3:5],
        ]
    )
    drop.drop("incoming/zoned.jsonl", json.dumps({"id": "z1", "text": text}).encode())
    (article,) = drop.articles()
    assert article["published"] == "2019-11-19T08:03-05:00", "the local time and zone as printed"
    wiring.reset()
    api = Api(stack=drop.stack)
    window = {"since": "2019-11-19T13:00:00Z", "until": "2019-11-19T13:05:00Z"}
    for query in ({}, {"source": article["source"]} if article.get("source") else {}):
        status, found = api.get("/articles", **window, **query)
        assert status == 200 and [a["id"] for a in found["items"]] == [article["id"]]
    status, found = api.get("/articles", since="2019-11-19T08:00:00Z", until="2019-11-19T09:00:00Z")
    assert status == 200 and found["items"] == [], "08:03 ET is not 08:03 UTC"
    wiring.reset()
