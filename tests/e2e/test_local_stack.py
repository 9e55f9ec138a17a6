"""The local stack end to end, over HTTP on 127.0.0.1 only: drop bundles, follow them, read, search, restart."""

from __future__ import annotations

import io
import json
import shutil
import time
import zipfile
from urllib.parse import unquote_plus

import pytest

from tests.e2e.localstack import SEEDS, LocalStackProcess, seed_zip

pytestmark = pytest.mark.e2e
MAX_RECEIVE_COUNT = 5  # template.yaml's MaxReceiveCount default


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_seed_bundle_is_ingested_and_readable(local_stack: LocalStackProcess):
    s3 = local_stack.client("s3")
    s3.put_object(Bucket=local_stack.info["bucket"], Key="incoming/e2e-seeds.zip", Body=seed_zip())

    bundle = local_stack.bundle_for_key("incoming/e2e-seeds.zip")

    seed_names = {path.name for path in SEEDS.glob("*.txt")}
    assert bundle["status"] == "DONE", bundle
    assert bundle["counts"]["members"] == len(seed_names)
    assert bundle["counts"]["articles"] == len(seed_names)
    articles = local_stack.articles_of(bundle["bundle_id"])
    assert {a["member"] for a in articles} == seed_names
    for summary in articles:
        article = local_stack.get(f"/articles/{summary['id']}").json()
        assert article["id"] == summary["id"]
        assert article["body"].strip()
        assert bundle["bundle_id"] in {s["bundle_id"] for s in article["bundles"]}


def test_search_finds_an_ingested_article_by_a_title_word(local_stack: LocalStackProcess):
    s3 = local_stack.client("s3")
    s3.put_object(Bucket=local_stack.info["bucket"], Key="incoming/e2e-search.zip", Body=seed_zip())
    bundle = local_stack.bundle_for_key("incoming/e2e-search.zip")
    titled = [a for a in local_stack.articles_of(bundle["bundle_id"]) if a.get("title")]
    assert titled, "the seed bundle gave no article with a title"
    article = titled[0]
    word = max((w for w in article["title"].split() if w.isalpha()), key=len)

    reply = local_stack.get("/search", q=word)

    assert reply.status == 200, reply.body
    assert article["id"] in {hit["id"] for hit in reply.json()["items"]}


@pytest.mark.parametrize(
    ("name", "body", "status", "code"),
    [
        ("empty.zip", b"", "FAILED", "empty_bundle"),
        (
            "truncated.zip",
            _zip({"a.txt": b"Headline\n\n" + b"Body text of an article. " * 40})[:60],
            "FAILED",
            None,
        ),
        (
            "mixed.zip",
            _zip(
                {
                    "good.txt": (SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0]).read_bytes(),
                    "image.txt": bytes(range(256)) * 8,
                }
            ),
            "PARTIAL",
            None,
        ),
    ],
)
def test_bad_bundles_end_with_a_status_and_reasons(local_stack: LocalStackProcess, name, body, status, code):
    key = f"incoming/bad/{name}"
    local_stack.client("s3").put_object(Bucket=local_stack.info["bucket"], Key=key, Body=body)

    bundle = local_stack.bundle_for_key(key)

    assert bundle["status"] == status, bundle
    assert bundle["errors"], bundle
    assert all(error["reason"] for error in bundle["errors"])
    if code is not None:
        assert bundle["errors"][0]["code"] == code


def test_drop_folder_uploads_files_and_moves_them_aside(local_stack: LocalStackProcess, tmp_path):
    drop = local_stack.drop_dir
    source = tmp_path / "dropped.zip"
    source.write_bytes(seed_zip())
    shutil.copy(source, drop / "dropped.zip")

    bundle = local_stack.bundle_for_key("incoming/dropped.zip")

    assert bundle["status"] == "DONE"
    assert (drop / ".uploaded" / "dropped.zip").read_bytes() == source.read_bytes()
    assert not (drop / "dropped.zip").exists()


def test_a_bundle_that_keeps_failing_goes_to_the_dlq_after_max_receive_count(local_stack: LocalStackProcess):
    # An object in an archive storage class has metadata but cannot be read: every attempt fails the same way.
    key = "incoming/archived.zip"
    local_stack.client("s3").put_object(
        Bucket=local_stack.info["bucket"], Key=key, Body=seed_zip(), StorageClass="GLACIER"
    )

    # Five deliveries, each after the local queue's visibility backoff: on a loaded machine that takes
    # well over the default minute (it timed out once beside other CPU-heavy work); the wait is a guard.
    bundle = local_stack.bundle_for_key(key, want=("FAILED",), timeout=180.0)

    assert bundle["attempts"] == MAX_RECEIVE_COUNT
    (error,) = bundle["errors"]
    assert error["code"] == "gave_up"
    assert f"gave up after {MAX_RECEIVE_COUNT} attempts" in error["reason"]
    assert "InvalidObjectState" in error["reason"]
    sqs = local_stack.client("sqs")
    dead: list[dict] = []
    deadline = time.monotonic() + 30
    while not dead and time.monotonic() < deadline:
        dead = sqs.receive_message(
            QueueUrl=local_stack.info["dlq"], WaitTimeSeconds=1, AttributeNames=["All"]
        ).get("Messages", [])
    assert dead, "no message in the dead-letter queue"
    record = json.loads(dead[0]["Body"])["Records"][0]
    assert unquote_plus(record["s3"]["object"]["key"]) == key  # notifications URL-encode keys
    assert int(dead[0]["Attributes"]["ApproximateReceiveCount"]) >= MAX_RECEIVE_COUNT


@pytest.mark.parametrize(
    ("path", "method", "key", "status", "message"),
    [
        ("/articles", "GET", False, 403, "Forbidden"),
        ("/search", "GET", False, 403, "Forbidden"),
        ("/no/such/route", "GET", True, 403, "Missing Authentication Token"),
        ("/articles", "DELETE", True, 403, "Missing Authentication Token"),
    ],
)
def test_gateway_answers_key_and_route_errors_itself(
    local_stack: LocalStackProcess, path, method, key, status, message
):
    reply = local_stack.get(path, with_key=key, method=method)

    assert reply.status == status
    assert reply.json() == {"message": message}


@pytest.mark.parametrize(
    "path", ["/health", "/openapi.json", "/docs", "/review", "/review/review-kit.js", "/review/review.js"]
)
def test_routes_the_template_leaves_open_need_no_key(local_stack: LocalStackProcess, path):
    assert local_stack.get(path, with_key=False).status == 200


def test_cors_preflight_is_answered_without_a_key(local_stack: LocalStackProcess):
    reply = local_stack.get("/articles", with_key=False, method="OPTIONS")

    assert reply.status == 200
    assert reply.headers["Access-Control-Allow-Origin"]
    assert "GET" in reply.headers["Access-Control-Allow-Methods"]


@pytest.mark.parametrize("engine", ["dynalite", "moto"])
def test_restart_keeps_every_bundle_with_the_same_article_ids(tmp_path, engine):
    stack = LocalStackProcess(tmp_path / "state", tmp_path / "drop", ["--quiet", "--dynamodb", engine])
    try:
        stack.start()
        api_key = stack.info["api_key"]
        dropped = seed_zip()
        stack.client("s3").put_object(Bucket=stack.info["bucket"], Key="incoming/keep.zip", Body=dropped)
        before = stack.bundle_for_key("incoming/keep.zip")
        ids_before = {a["id"] for a in stack.articles_of(before["bundle_id"])}
        first_page = stack.get("/articles", limit=2).json()
        assert first_page["next_cursor"]
        assert stack.stop() == 0

        stack.start()
        # /health says ready only once the replay is done: from then on, the data is whole without polling.
        deadline = time.monotonic() + 60
        while not stack.get("/health", with_key=False).json()["ready"]:
            assert time.monotonic() < deadline, f"/health never said ready:\n{stack.log()}"
            time.sleep(0.2)
        replayed = stack.get("/bundles", key="incoming/keep.zip", limit=1).json()["items"]
        assert replayed and replayed[0]["status"] == "DONE", replayed
        after = stack.bundle_for_key("incoming/keep.zip")
        ids_after = {a["id"] for a in stack.articles_of(after["bundle_id"])}
        # The cursor secret is kept with the state, so a page cursor handed out before the restart still works.
        next_page = stack.get("/articles", limit=2, cursor=first_page["next_cursor"])
        records_of_key = stack.get("/bundles", key="incoming/keep.zip", limit=10).json()["items"]
        kept_object = (
            stack.client("s3").get_object(Bucket=stack.info["bucket"], Key="incoming/keep.zip")["Body"].read()
        )
    finally:
        stack.stop()

    if engine == "dynalite":
        # The table was on disk: the bundle is not ingested again, its one record is the one from before.
        assert [r["bundle_id"] for r in records_of_key] == [before["bundle_id"]]
    else:
        # moto's table starts empty and is rebuilt by ingesting the kept upload again: a new S3 version, so
        # the key's one record is a new bundle id.
        assert [r["bundle_id"] for r in records_of_key] == [after["bundle_id"]] != [before["bundle_id"]]

    assert kept_object == dropped  # the bucket holds the dropped bundle again
    assert after["status"] == before["status"] == "DONE"
    assert ids_after == ids_before
    assert len(ids_before) == len(list(SEEDS.glob("*.txt")))
    assert stack.info["api_key"] == api_key
    assert next_page.status == 200, next_page.body
    assert "ready: http://127.0.0.1:" in stack.log()
    assert {a["id"] for a in next_page.json()["items"]}.isdisjoint(a["id"] for a in first_page["items"])


def test_make_run_prints_where_everything_is_and_the_seed_articles_it_ingested(tmp_path):
    """The banner `make run` prints, read as the person at the terminal reads it."""
    stack = LocalStackProcess(tmp_path / "state", tmp_path / "drop", ["--quiet"], seed=True)
    try:
        stack.start()
        deadline = time.monotonic() + 180
        while "try: curl" not in stack.log(tail=20_000):
            assert time.monotonic() < deadline, f"no banner:\n{stack.log()}"
            time.sleep(0.2)
        printed = stack.log(tail=20_000)
        listed = stack.get(
            "/articles", bundle=stack.bundle_for_key("incoming/seeds.zip")["bundle_id"], limit=100
        )
    finally:
        stack.stop()

    lines = printed.splitlines()
    api_url, api_key = stack.info["api_url"], stack.info["api_key"]
    assert f"  API           {api_url}   (docs: {api_url}docs)" in lines
    assert f"  API key       {api_key}   (header x-api-key)" in lines
    assert f"  bucket        s3://{stack.info['bucket']}/incoming/" in lines
    seed_line = next(line for line in lines if line.startswith("  incoming/seeds.zip: "))
    count = len(list(SEEDS.glob("*.txt")))
    assert seed_line.startswith(f"  incoming/seeds.zip: DONE (members {count}, articles {count}")
    # One line per article under its bundle: the id and the headline the API serves for it, or a note that the
    # text has none (the cleaner never invents one).
    for article in listed.json()["items"]:
        assert f"    {article['id']}  {article['title'] or '(no headline in the text)'}" in lines
    assert len(listed.json()["items"]) == count
    example = next(line for line in lines if line.startswith("try: curl"))
    assert f"-H 'x-api-key: {api_key}'" in example and f"'{api_url}search?q=" in example
