"""Argument parsing, exit codes and the API client's paging and URLs, without a network or AWS."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsdrop_cli import target as target_mod
from newsdrop_cli.api import ApiClient
from newsdrop_cli.drop import expected_bundle_id, object_key
from newsdrop_cli.errors import CliError
from newsdrop_cli.main import cli


@pytest.fixture
def unconfigured(monkeypatch, tmp_path):
    for name in ("NEWSDROP_API_URL", "NEWSDROP_STACK", "NEWSDROP_LOCAL_FILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(target_mod, "REPO_ROOT", tmp_path)
    monkeypatch.chdir(tmp_path)


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_help_documents_the_exit_codes():
    result = invoke("--help")
    assert result.exit_code == 0
    for code in (
        "0 ok",
        "1 a bundle ended FAILED or PARTIAL",
        "2 usage error",
        "3 the service cannot be reached",
    ):
        assert code in " ".join(result.output.split())


@pytest.mark.parametrize(
    "args",
    [
        ["nosuchcommand"],
        ["status", "--limit", "0"],
        ["search"],
        ["get"],
        ["drop"],
        ["articles", "--limit", "many"],
    ],
)
def test_usage_errors_exit_2(args, unconfigured):
    assert invoke(*args).exit_code == 2


@pytest.mark.parametrize(
    "args", [["status"], ["search", "aleppo"], ["get", "abc"], ["articles", "--source", "x"]]
)
def test_no_stack_configured_exits_3_and_says_make_run(args, unconfigured):
    result = invoke(*args)
    assert result.exit_code == 3
    assert "make run" in result.stderr


def test_unreachable_api_exits_3(unconfigured, monkeypatch):
    monkeypatch.setenv("NEWSDROP_API_URL", "http://127.0.0.1:9/")  # discard port: nothing listens
    monkeypatch.setattr("newsdrop_cli.api.time.sleep", lambda s: None)
    result = invoke("status")
    assert result.exit_code == 3
    assert "nothing listens at http://127.0.0.1:9/" in result.stderr


def test_drop_needs_a_bucket(unconfigured, monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSDROP_API_URL", "http://127.0.0.1:9/")
    (tmp_path / "x.zip").write_bytes(b"PK")
    result = invoke("drop", str(tmp_path / "x.zip"))
    assert result.exit_code == 2
    assert "NEWSDROP_BUCKET" in result.stderr


@pytest.mark.parametrize(
    ("prefix", "key"),
    [
        ("incoming/", "incoming/b.zip"),
        ("incoming", "incoming/b.zip"),
        ("/incoming/2026", "incoming/2026/b.zip"),
    ],
)
def test_object_key_stays_under_incoming(tmp_path, prefix, key):
    assert object_key(tmp_path / "b.zip", prefix) == key


@pytest.mark.parametrize("prefix", ["uploads/", "", "incoming/../quarantine/", "incomingx/"])
def test_object_key_outside_incoming_is_refused(tmp_path, prefix):
    with pytest.raises(CliError, match="outside incoming/"):
        object_key(tmp_path / "b.zip", prefix)


def test_expected_bundle_id_prefers_the_version_and_matches_ingest():
    from newsdrop.ingest.records import ObjectRef

    by_version = expected_bundle_id("b", "incoming/x.zip", {"VersionId": "v1", "ETag": '"e"'})
    assert by_version == ObjectRef(bucket="b", key="incoming/x.zip", version_id="v1").bundle_id
    by_etag = expected_bundle_id("b", "incoming/x.zip", {"VersionId": "null", "ETag": '"e"'})
    assert by_etag == ObjectRef(bucket="b", key="incoming/x.zip", etag="e").bundle_id
    assert by_version != by_etag
    assert expected_bundle_id("b", "k", {}) is None


def test_url_encodes_parameters_and_drops_empty_ones():
    api = ApiClient("http://h:1/Prod", "k")
    assert api.url("/search", {"q": "aleppo liberation", "limit": 5, "cursor": None}) == (
        "http://h:1/Prod/search?q=aleppo%20liberation&limit=5"
    )
    assert (
        api.url("articles", {"source": "Press TV", "since": ""})
        == "http://h:1/Prod/articles?source=Press%20TV"
    )


class PagedApi(ApiClient):
    """Serves 7 items in pages of at most 3 and records the requests."""

    def __init__(self) -> None:
        super().__init__("http://h/", None)
        self.requests: list[dict] = []

    def get(self, path, params=None):
        self.requests.append(dict(params or {}))
        start = int(params.get("cursor") or 0)
        size = min(3, int(params["limit"]))
        items = [{"id": str(i)} for i in range(start, min(7, start + size))]
        following = start + size
        return {"items": items, "next_cursor": str(following) if following < 7 else None}


@pytest.mark.parametrize(("total", "ids", "calls"), [(2, 2, 1), (5, 5, 2), (7, 7, 3), (50, 7, 3)])
def test_pages_follow_the_cursor_up_to_the_total(total, ids, calls):
    api = PagedApi()
    items = api.articles(limit=total, source="s")
    assert [i["id"] for i in items] == [str(i) for i in range(ids)]
    assert len(api.requests) == calls
    assert all(r["source"] == "s" for r in api.requests)
    assert api.requests[0].get("cursor") is None


class ScriptedApi(ApiClient):
    """Answers GET /bundles?key= from a script of listings, one per poll, and GET /bundles/{id} with detail."""

    def __init__(self, listings: list[list[dict]]) -> None:
        super().__init__("http://h/", None)
        self.listings = listings
        self.polls = 0

    def bundles(self, *, key=None, limit=20):
        listing = self.listings[min(self.polls, len(self.listings) - 1)]
        self.polls += 1
        return listing

    def bundle(self, bundle_id):
        return {
            "bundle_id": bundle_id,
            "status": "PARTIAL",
            "errors": [{"member": "x", "code": "binary", "reason": "r"}],
        }


def uploaded(bundle_id="new", before=frozenset({"old"})):
    from newsdrop_cli.drop import Uploaded

    return Uploaded(key="incoming/a.zip", size=1, bundle_id=bundle_id, before=before)


def test_follow_waits_for_the_upload_s_own_bundle_to_be_final():
    from newsdrop_cli.drop import follow

    old = {"bundle_id": "old", "status": "DONE"}
    api = ScriptedApi(
        [
            [old],
            [{"bundle_id": "new", "status": "RECEIVED"}, old],
            [{"bundle_id": "new", "status": "PROCESSING", "counts": {"articles": 3}}, old],
            [{"bundle_id": "new", "status": "PARTIAL"}, old],
        ]
    )
    seen = []
    record = follow(
        api, uploaded(), timeout=60, on_update=lambda s: seen.append(s["status"]), sleep=lambda s: None
    )
    assert seen == ["RECEIVED", "PROCESSING", "PARTIAL"]
    assert record["errors"][0]["code"] == "binary"


def test_follow_without_a_known_id_takes_the_bundle_that_was_not_there_before():
    from newsdrop_cli.drop import follow

    api = ScriptedApi([[{"bundle_id": "other", "status": "DONE"}, {"bundle_id": "old", "status": "DONE"}]])
    record = follow(api, uploaded(bundle_id=None), timeout=60, on_update=lambda s: None, sleep=lambda s: None)
    assert record["bundle_id"] == "other"


def test_follow_gives_up_after_the_timeout_and_says_what_it_saw():
    from newsdrop_cli.drop import follow

    now = [0.0]

    def sleep(seconds):
        now[0] += seconds

    api = ScriptedApi([[{"bundle_id": "new", "status": "PROCESSING"}]])
    with pytest.raises(CliError, match="gave up waiting after 5 s \\(it is PROCESSING\\)") as caught:
        follow(api, uploaded(), timeout=5, on_update=lambda s: None, clock=lambda: now[0], sleep=sleep)
    assert "newsdrop status" in caught.value.hint
    assert api.polls == 6


# --- what the client says when the service is slow, absent, or refuses a parameter --------------------------
@pytest.fixture
def silent_server():
    """A listener that accepts connections and never answers: a running but busy service. Counts connections."""
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/", accepted
    stop.set()
    thread.join(timeout=2)
    for conn in accepted:
        conn.close()
    listener.close()


def test_a_timeout_is_not_retried_and_says_the_stack_is_busy_not_down(silent_server):
    from newsdrop_cli.errors import TimedOut

    url, accepted = silent_server
    slept: list[float] = []
    client = ApiClient(url, "key", timeout=0.3, retries=3, sleep=slept.append)
    with pytest.raises(TimedOut) as caught:
        client.get("articles/" + "a" * 32)
    assert "did not answer within 0.3 s" in str(caught.value)
    assert "make run" not in caught.value.hint
    assert "busy" in caught.value.hint
    assert len(accepted) == 1  # one request: nothing left queued behind the slow call
    assert slept == []


def test_a_refused_connection_says_start_the_local_stack(unconfigured, monkeypatch):
    monkeypatch.setenv("NEWSDROP_API_URL", "http://127.0.0.1:9/")
    monkeypatch.setattr("newsdrop_cli.api.time.sleep", lambda s: None)
    result = invoke("get", "a" * 32)
    assert result.exit_code == 3
    assert "connection refused" in result.stderr
    assert "what to do: start the local stack with `make run`" in " ".join(result.stderr.split())


@pytest.fixture
def canned_api(monkeypatch, unconfigured):
    """NEWSDROP_API_URL pointing at a server that answers every GET with the status and JSON body given."""
    import http.server
    import threading

    reply: dict = {"status": 200, "body": {}}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            payload = json.dumps(reply["body"]).encode()
            self.send_response(reply["status"])
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("NEWSDROP_API_URL", f"http://127.0.0.1:{server.server_address[1]}/")
    monkeypatch.setenv("NEWSDROP_API_KEY", "key")
    yield reply
    server.shutdown()
    server.server_close()


def _bad(message: str, code: str = "bad_parameter") -> dict:
    return {"status": 400, "body": {"error": {"code": code, "message": message}}}


@pytest.mark.parametrize(
    ("args", "answer", "advice"),
    [
        (
            ["get", "0000"],
            _bad("path parameter 'article_id': String should match pattern '^[0-9a-f]{32}$'"),
            "32 lowercase hex characters",
        ),
        (
            ["search", "the"],
            _bad("q has no searchable word: use words of 2 to 40 letters that are not stop words like 'the'"),
            "not stop words",
        ),
        (
            ["articles", "--since", "yesterday"],
            _bad("since must be a date YYYY-MM-DD or an ISO 8601 date-time; got 'yesterday'"),
            "YYYY-MM-DD",
        ),
        (
            ["get", "f" * 32],
            {"status": 404, "body": {"error": {"code": "not_found", "message": "no article ffff"}}},
            "`newsdrop articles` lists articles",
        ),
        (
            ["status", "nosuchbundle"],
            {"status": 404, "body": {"error": {"code": "not_found", "message": "no bundle nosuchbundle"}}},
            "`newsdrop status` lists bundles",
        ),
        (
            ["articles"],
            _bad("cursor was altered", code="invalid_cursor"),
            "run the command again from the start",
        ),
        (["search", "aleppo"], {"status": 429, "body": {"message": "Limit Exceeded"}}, "wait a minute"),
    ],
)
def test_every_api_error_says_what_to_do(canned_api, monkeypatch, args, answer, advice):
    monkeypatch.setattr("newsdrop_cli.api.time.sleep", lambda s: None)
    canned_api.update(answer)
    result = invoke(*args)
    assert result.exit_code == 1
    said = " ".join(result.stderr.split())
    assert said.startswith("error: ")
    assert f"what to do: {advice}" in said or advice in said.split("what to do:", 1)[1]


@pytest.mark.parametrize("args", [["get"], ["nosuchcommand"], ["articles", "--limit", "many"]])
def test_usage_errors_say_what_to_do_too(args, unconfigured):
    result = invoke(*args)
    assert result.exit_code == 2
    assert "error: " in result.stderr
    assert "what to do: see `newsdrop" in " ".join(result.stderr.split())


def test_an_empty_date_filtered_listing_says_undated_articles_are_left_out(canned_api):
    canned_api.update({"status": 200, "body": {"items": [], "next_cursor": None}})
    result = invoke("articles", "--source", "Press TV", "--since", "2016-12-01")
    assert result.exit_code == 0
    assert "leave out undated articles" in " ".join(result.stderr.split())
    assert "leave out" not in invoke("articles", "--source", "Press TV").stderr
