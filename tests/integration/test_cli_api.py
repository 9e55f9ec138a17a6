"""The newsdrop command against the moto stack: a real HTTP server in front of the lookup handler, the ingest
handler run on the queue's messages as Lambda's event source would, and boto3 uploads into moto."""

from __future__ import annotations

import contextlib
import copy
import io
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from click.testing import CliRunner

from newsdrop import wiring
from newsdrop.handlers import ingest as ingest_handler
from newsdrop.handlers import lookup
from newsdrop_cli.main import cli
from tests.bundle_factory import load_seeds, zip_bytes
from tests.integration.harness import EVENTS, FakeLambdaContext, gold, receive_all, sqs_event

API_KEY = "cli-test-key"


class LookupContext(FakeLambdaContext):
    function_name: str = "LookupFunction"


class Gateway:
    """API Gateway and both Lambda event sources in one: each HTTP request first runs ingest on whatever the
    queue holds (so a bundle dropped a moment ago is being processed), then becomes a REST proxy event."""

    def __init__(self, stack: Any) -> None:
        self.stack = stack
        self.template = json.loads((EVENTS / "api-health.json").read_text())

    def run_ingest(self) -> None:
        messages = receive_all(self.stack.sqs, self.stack.queue_url)
        if not messages:
            return
        # The functions' logs and EMF lines go to their own stdout (CloudWatch), not the command's.
        with contextlib.redirect_stdout(io.StringIO()):
            reply = ingest_handler.lambda_handler(
                sqs_event(messages, self.stack.queue_arn), FakeLambdaContext()
            )
        failed = {f["itemIdentifier"] for f in reply.get("batchItemFailures", [])}
        for message in messages:
            if message["MessageId"] not in failed:
                self.stack.sqs.delete_message(
                    QueueUrl=self.stack.queue_url, ReceiptHandle=message["ReceiptHandle"]
                )

    def handle(self, method: str, target: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        if headers.get("x-api-key") != API_KEY:
            return 403, {"Content-Type": "application/json"}, b'{"message": "Forbidden"}'
        self.run_ingest()
        parts = urlsplit(target)
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        event = copy.deepcopy(self.template)
        event.update(
            path=parts.path,
            httpMethod=method,
            queryStringParameters=query or None,
            multiValueQueryStringParameters={k: [v] for k, v in query.items()} or None,
        )
        event["requestContext"].update(path="/Prod" + parts.path, httpMethod=method)
        with contextlib.redirect_stdout(io.StringIO()):
            reply = lookup.lambda_handler(event, LookupContext())
        out = {k: v[-1] for k, v in (reply.get("multiValueHeaders") or {}).items()}
        out.update(reply.get("headers") or {})
        return reply["statusCode"], out, reply["body"].encode("utf-8")


@pytest.fixture
def gateway(stack, monkeypatch) -> Iterator[str]:
    """The API's base URL; the CLI is pointed at it (and at the stack's bucket) through the environment."""
    wiring.reset()
    gw = Gateway(stack)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            status, headers, body = gw.handle(
                "GET", self.path, {k.lower(): v for k, v in self.headers.items()}
            )
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            return None

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    monkeypatch.setenv("NEWSDROP_API_URL", url)
    monkeypatch.setenv("NEWSDROP_API_KEY", API_KEY)
    monkeypatch.setenv("NEWSDROP_BUCKET", stack.bucket)
    monkeypatch.delenv("NEWSDROP_STACK", raising=False)
    monkeypatch.setattr("newsdrop_cli.drop.time.sleep", lambda s: None)
    yield url
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)
    wiring.reset()


@dataclass(frozen=True)
class CliResult:
    exit_code: int
    stdout: str
    stderr: str
    output: str


def _cli_lines(text: str) -> str:
    """The command's own output: the in-process gateway's service logs and EMF lines share CliRunner's stdout.

    (Run as a program, the CLI and the service are separate processes and never share a stream.)
    """

    def service_line(line: str) -> bool:
        if not line.startswith("{"):
            return False
        try:
            parsed = json.loads(line)
        except ValueError:
            return False
        return isinstance(parsed, dict) and ("_aws" in parsed or "level" in parsed)

    return "".join(line for line in text.splitlines(keepends=True) if not service_line(line))


def newsdrop(*args: str) -> CliResult:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return CliResult(
        result.exit_code, _cli_lines(result.stdout), _cli_lines(result.stderr), _cli_lines(result.output)
    )


def newsdrop_json(*args: str) -> Any:
    result = newsdrop(*args, "--json")
    return result.exit_code, json.loads(result.stdout)


@pytest.fixture
def seeds_zip(tmp_path):
    path = tmp_path / "seeds.zip"
    path.write_bytes(zip_bytes(load_seeds()))
    return path


def test_drop_follows_the_seed_bundle_to_done(gateway, seeds_zip):
    result = newsdrop("drop", str(seeds_zip))
    assert result.exit_code == 0, result.output
    assert "DONE" in result.stdout
    assert "members 5, articles 5 (new 5, duplicates 0), skipped 0, failed 0" in result.stdout


def test_drop_json_and_dropping_again_finds_duplicates(gateway, seeds_zip, stack):
    code, first = newsdrop_json("drop", str(seeds_zip))
    assert code == 0
    assert [r["status"] for r in first] == ["DONE"]
    assert first[0]["key"] == "incoming/seeds.zip"
    assert first[0]["counts"]["new"] == 5
    code, second = newsdrop_json("drop", str(seeds_zip), "--prefix", "incoming/again")
    assert code == 0
    assert second[0]["key"] == "incoming/again/seeds.zip"
    assert second[0]["counts"]["duplicates"] == 5
    assert second[0]["bundle_id"] != first[0]["bundle_id"]
    listed = stack.s3.list_objects_v2(Bucket=stack.bucket, Prefix="incoming/")["Contents"]
    assert sorted(o["Key"] for o in listed) == ["incoming/again/seeds.zip", "incoming/seeds.zip"]


def test_same_key_dropped_twice_follows_the_new_version(gateway, seeds_zip):
    _, first = newsdrop_json("drop", str(seeds_zip))
    _, second = newsdrop_json("drop", str(seeds_zip))
    assert first[0]["bundle_id"] != second[0]["bundle_id"]
    assert second[0]["counts"]["duplicates"] == 5


def test_unreadable_bundle_fails_with_exit_1_and_the_reason(gateway, tmp_path):
    bad = tmp_path / "noise.bin"
    bad.write_bytes(bytes(range(256)) * 4)
    result = newsdrop("drop", str(bad))
    assert result.exit_code == 1
    assert "FAILED" in result.stdout
    assert "unknown_format" in result.stdout


def test_partial_bundle_exit_1_lists_the_bad_member(gateway, tmp_path):
    files = dict(load_seeds())
    files["scan.txt"] = bytes(range(256)) * 16
    path = tmp_path / "mixed.zip"
    path.write_bytes(zip_bytes(files))
    code, results = newsdrop_json("drop", str(path))
    assert code == 1
    assert results[0]["status"] == "PARTIAL"
    assert [e["member"] for e in results[0]["errors"]] == ["scan.txt"]


def test_status_get_search_and_articles_read_what_was_dropped(gateway, seeds_zip):
    _, dropped = newsdrop_json("drop", str(seeds_zip))
    bundle_id = dropped[0]["bundle_id"]

    code, bundles = newsdrop_json("status")
    assert code == 0
    assert [b["bundle_id"] for b in bundles] == [bundle_id]
    table = newsdrop("status")
    assert bundle_id in table.stdout and "DONE" in table.stdout
    code, one = newsdrop_json("status", bundle_id)
    assert (code, one["status"], one["key"]) == (0, "DONE", "incoming/seeds.zip")

    code, listed = newsdrop_json("articles", "--bundle", bundle_id, "--limit", "100")
    assert code == 0
    expected = {g["title"] for g in gold().values()}
    assert {a["title"] for a in listed} == expected
    assert {a["member"] for a in listed} == set(load_seeds())

    press = next(a for a in listed if a["member"].startswith("000_"))
    code, article = newsdrop_json("get", press["id"])
    assert code == 0
    assert article["body"] == gold()["000_f2edeccfed642c01"]["body"]
    readable = newsdrop("get", press["id"])
    assert article["title"] in readable.stdout

    code, by_source = newsdrop_json("articles", "--source", "press tv")
    assert press["id"] in {a["id"] for a in by_source}
    assert all(a["source"] == "Press TV" for a in by_source)

    code, found = newsdrop_json("search", "aleppo", "resistance")
    assert code == 0
    assert found["complete"] is True
    assert press["id"] in [hit["id"] for hit in found["items"]]
    table = newsdrop("search", "aleppo")
    assert "Search: aleppo" in table.stdout


def test_get_removed_marks_the_removed_lines(gateway, tmp_path):
    article = (
        "Harbour cranes return to the port\n\nShare this article\n\n"
        "The port authority said on Monday that the harbour cranes are back in service after the long repair work.\n\n"
        "Workers celebrated the return of the cranes, which had been idle for most of the year, with a small ceremony.\n"
    )
    path = tmp_path / "port.zip"
    path.write_bytes(zip_bytes({"port.txt": article.encode()}))
    _, dropped = newsdrop_json("drop", str(path))
    _, listed = newsdrop_json("articles", "--bundle", dropped[0]["bundle_id"])
    _, stored = newsdrop_json("get", listed[0]["id"])
    result = newsdrop("get", listed[0]["id"], "--removed")
    assert result.exit_code == 0
    for line in stored["removed"]:
        assert line["text"] in result.stdout
        assert f"[{line['role']}/{line['rule']}]" in result.stdout
    assert "Share this article" in {line["text"] for line in stored["removed"]}
    assert "+    5 The port authority said" in result.stdout, "kept lines at their own line number"


@pytest.mark.parametrize(("args", "code"), [(["get", "0" * 32], 1), (["status", "0" * 24], 1)])
def test_unknown_ids_exit_1(gateway, args, code):
    result = newsdrop(*args)
    assert result.exit_code == code
    assert "error:" in result.stderr


def test_bad_parameter_is_reported_with_the_api_message(gateway):
    result = newsdrop("articles", "--since", "last tuesday")
    assert result.exit_code == 1
    assert "since" in result.stderr


def test_wrong_api_key_says_how_to_fix_it(gateway, monkeypatch):
    monkeypatch.setenv("NEWSDROP_API_KEY", "wrong")
    result = newsdrop("status")
    assert result.exit_code == 1
    assert "NEWSDROP_API_KEY" in result.stderr


def test_similar_lists_the_other_outlets_version_of_a_story(gateway, tmp_path, monkeypatch):
    from tests.integration.test_similar import BRIEF, GAZETTE, HERALD, MUSEUM, TIMES, jsonl

    monkeypatch.setenv("COLUMNS", "200")  # rich folds the table's columns on CliRunner's 80 columns

    path = tmp_path / "wire.jsonl"
    path.write_bytes(jsonl(HERALD, TIMES, MUSEUM, BRIEF, GAZETTE))
    _, dropped = newsdrop_json("drop", str(path))
    _, listed = newsdrop_json("articles", "--bundle", dropped[0]["bundle_id"])
    ids = {a["source"] + ":" + a["title"]: a["id"] for a in listed}
    herald, times = ids[f"Valley Herald:{HERALD[0]}"], ids[f"Coast Times:{TIMES[0]}"]
    gazette, museum = ids[f"Hill Gazette:{GAZETTE[0]}"], ids[f"City Post:{MUSEUM[0]}"]

    code, answer = newsdrop_json("similar", herald)
    assert code == 0
    assert answer["group_id"] == herald and answer["reason"] is None
    assert sorted(i["id"] for i in answer["items"]) == sorted([times, gazette])
    assert all(i["similarity"] >= 0.5 for i in answer["items"])
    code, one = newsdrop_json("similar", herald, "--limit", "1")
    assert code == 0 and len(one["items"]) == 1

    table = newsdrop("similar", times)
    assert table.exit_code == 0
    for column in ("similarity", "id", "source", "published", "title"):
        assert column in table.stdout
    assert herald in table.stdout and "Valley Herald" in table.stdout and museum not in table.stdout
    score = next(i for i in answer["items"] if i["id"] == times)["similarity"]
    assert f"{score:.3f}" in table.stdout

    alone = newsdrop("similar", museum)
    assert alone.exit_code == 0
    assert "no similar articles" in alone.stderr and "no other version" in alone.stderr
    brief = next(a["id"] for a in listed if a["title"] == BRIEF[0])
    short = newsdrop("similar", brief)
    assert short.exit_code == 0 and "too short" in short.stderr


def test_groups_lists_a_bundles_near_duplicates_with_the_articles_elsewhere(gateway, tmp_path, monkeypatch):
    from tests.integration.test_similar import GAZETTE, HERALD, MUSEUM, TIMES, jsonl

    monkeypatch.setenv("COLUMNS", "200")
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_bytes(jsonl(HERALD, MUSEUM))
    second.write_bytes(jsonl(TIMES, GAZETTE))
    _, dropped_first = newsdrop_json("drop", str(first))
    alone = newsdrop("groups", dropped_first[0]["bundle_id"])
    assert alone.exit_code == 0 and "no near-duplicate groups" in alone.stderr
    _, dropped = newsdrop_json("drop", str(second))
    bundle_id = dropped[0]["bundle_id"]

    code, answer = newsdrop_json("groups", bundle_id)
    assert code == 0 and answer["bundle_id"] == bundle_id and answer["reason"] is None
    [group] = answer["items"]
    assert (group["articles"], group["others"]) == (2, 1)
    assert sorted(m["title"] for m in group["members"]) == sorted([TIMES[0], GAZETTE[0]])

    table = newsdrop("groups", bundle_id)
    assert table.exit_code == 0
    for column in ("group", "here", "elsewhere", "member", "title"):
        assert column in table.stdout
    assert TIMES[0] in table.stdout and group["group_id"][:12] in table.stdout
    assert MUSEUM[0] not in table.stdout

    unknown = newsdrop("groups", "no-such-bundle")
    assert unknown.exit_code == 1 and "newsdrop status" in unknown.stderr


@pytest.mark.parametrize(("article_id", "message"), [("0" * 32, "no article"), ("not-an-id", "article_id")])
def test_similar_of_an_unknown_or_malformed_id_exits_1(gateway, article_id, message):
    result = newsdrop("similar", article_id)
    assert result.exit_code == 1
    assert "error:" in result.stderr and message in result.stderr
