"""The lookup handler without a table: routing, parameter validation, the error shape and CORS."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from newsdrop import wiring
from newsdrop.errors import UndecodableText
from newsdrop.handlers import lookup
from tests.gateway_events import lookup_event as event
from tests.unit.lookup_calls import EVENTS, REPO, call, error_of, refuse_the_table

REAL_SERVICE = lookup.service  # before the autouse fixture below replaces it


@pytest.fixture(autouse=True)
def no_table(monkeypatch):
    refuse_the_table(monkeypatch)


def test_health_from_the_sample_event():
    status, headers, body = call(json.loads((EVENTS / "api-health.json").read_text()))
    assert status == 200
    assert headers["Content-Type"] == "application/json"
    assert json.loads(body) == {"status": "ok", "version": lookup.__version__, "ready": True}


@pytest.mark.parametrize(
    "path", ["/", "/nope", "/articles/0123456789abcdef0123456789abcdef/similar/more", "/bundle"]
)
def test_unknown_routes_are_404_in_the_error_shape(path):
    status, headers, body = call(event(path))
    assert status == 404
    assert headers["Content-Type"] == "application/json"
    assert path in error_of(body)["message"]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/articles"),
        ("DELETE", "/articles/0123456789abcdef0123456789abcdef"),
        ("POST", "/articles/0123456789abcdef0123456789abcdef/similar"),
        ("PUT", "/bundles/b1"),
        ("PATCH", "/health"),
        ("POST", "/search"),
    ],
)
def test_wrong_method_on_a_known_route_is_405(method, path):
    status, headers, body = call(event(path, method=method))
    assert status == 405
    assert headers["Allow"] == "GET"
    assert error_of(body)["code"] == "method_not_allowed"


@pytest.mark.parametrize(
    ("path", "query", "parameter"),
    [
        ("/articles", {"limit": "0"}, "limit"),
        ("/articles", {"limit": "101"}, "limit"),
        ("/articles", {"limit": "ten"}, "limit"),
        ("/articles", {"since": "last week"}, "since"),
        ("/articles", {"until": "2016-02-30"}, "until"),
        ("/articles", {"since": "2017-01-01", "until": "2016-01-01"}, "since"),
        ("/articles", {"bundle": "a#b"}, "bundle"),
        ("/articles", {"source": "x" * 201}, "source"),
        ("/articles", {"cursor": ""}, "cursor"),
        ("/search", {}, "q"),
        ("/search", {"q": "q" * 201}, "q"),
        ("/search", {"q": "x", "limit": "-1"}, "limit"),
        ("/bundles", {"limit": "1000"}, "limit"),
        ("/bundles", {"key": "k" * 1025}, "key"),
        ("/articles/NOT-AN-ID", None, "article_id"),
        ("/articles/0123456789ABCDEF0123456789ABCDEF", None, "article_id"),
        ("/articles/NOT-AN-ID/similar", None, "article_id"),
        ("/articles/0123456789abcdef0123456789abcdef/similar", {"limit": "0"}, "limit"),
        ("/articles/0123456789abcdef0123456789abcdef/similar", {"limit": "101"}, "limit"),
        ("/articles/0123456789abcdef0123456789abcdef/similar", {"cursor": ""}, "cursor"),
        ("/bundles/has%23hash", None, "bundle_id"),
    ],
)
def test_bad_parameters_are_400_naming_the_parameter(path, query, parameter):
    status, _, body = call(event(path, query))
    assert status == 400
    error = error_of(body)
    assert error["code"] == "bad_parameter"
    assert parameter in error["message"]


def test_bugs_answer_500_without_a_stack_trace(monkeypatch):
    def broken():
        raise ZeroDivisionError("secret internals")

    monkeypatch.setattr(lookup, "service", broken)
    status, _, body = call(event("/bundles"))
    assert status == 500
    error = error_of(body)
    assert error["code"] == "internal_error"
    assert "unit-request-id" in error["message"]
    assert "secret internals" not in body and "Traceback" not in body


CORS_PROBE = """
import json, sys
from newsdrop.handlers import lookup
event = json.loads(open(sys.argv[1]).read())
event["headers"]["Origin"] = sys.argv[2]
event["multiValueHeaders"]["Origin"] = [sys.argv[2]]
event["path"] = sys.argv[3]
reply = lookup.lambda_handler(event, None)
headers = {k: v[-1] for k, v in reply.get("multiValueHeaders", {}).items()}
print(json.dumps({"status": reply["statusCode"], "origin": headers.get("Access-Control-Allow-Origin")}))
"""


@pytest.mark.parametrize(
    ("allowed", "origin", "path", "expected"),
    [
        ("https://news.example", "https://news.example", "/health", "https://news.example"),
        ("https://news.example", "https://news.example", "/nope", "https://news.example"),
        ("https://news.example", "https://evil.example", "/health", None),
        ("", "https://news.example", "/health", None),
    ],
)
def test_answers_carry_cors_headers_for_the_configured_origin_only(allowed, origin, path, expected):
    # The resolver reads ALLOWED_ORIGIN once at import, so each setting gets a fresh interpreter.
    env = {**os.environ, "ALLOWED_ORIGIN": allowed, "PYTHONPATH": str(REPO / "functions")}
    probe = subprocess.run(
        [sys.executable, "-c", CORS_PROBE, str(EVENTS / "api-health.json"), origin, path],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    result = json.loads(probe.stdout.strip().splitlines()[-1])
    assert result["origin"] == expected
    assert result["status"] == (200 if path == "/health" else 404)


def test_our_own_errors_outside_the_mapped_ones_are_500_with_their_code(monkeypatch):
    def broken():
        raise UndecodableText("stored body is not UTF-8", hint="re-ingest the bundle")

    monkeypatch.setattr(lookup, "service", broken)
    status, _, body = call(event("/bundles/b1"))
    assert status == 500
    error = error_of(body)
    assert error["code"] == "undecodable"
    assert "stored body" not in error["message"]


@pytest.mark.parametrize(
    ("value", "ready"), [(None, True), ("true", True), ("false", False), ("FALSE", False)]
)
def test_health_says_ready_unless_the_local_stack_is_still_replaying(monkeypatch, value, ready):
    if value is None:
        monkeypatch.delenv(lookup.READY_ENV, raising=False)
    else:
        monkeypatch.setenv(lookup.READY_ENV, value)
    status, _, body = call(event("/health"))
    assert status == 200
    assert json.loads(body)["ready"] is ready


@pytest.mark.parametrize(
    ("path", "query", "unknown"),
    [
        ("/articles", {"sourc": "x"}, "'sourc'"),
        ("/search", {"q": "aleppo", "page": "2"}, "'page'"),
        ("/bundles", {"keys": "incoming/x.zip", "limit": "5"}, "'keys'"),
        ("/health", {"verbose": "1"}, "'verbose'"),
    ],
)
def test_unknown_query_parameters_are_400_naming_them(path, query, unknown):
    status, _, body = call(event(path, query))
    assert status == 400
    error = error_of(body)
    assert error["code"] == "bad_parameter"
    assert unknown in error["message"]
    assert "parameters are:" in error["message"]


def test_a_key_longer_than_s3_allows_has_no_bundles_and_touches_no_table():
    status, _, body = call(event("/bundles", {"key": "é" * 600}))
    assert status == 200
    assert json.loads(body) == {"items": [], "next_cursor": None}


@pytest.mark.parametrize(
    "bound",
    [
        "2024-01-01t00:00:00z",
        "2016-12-31T23:59:60Z",
        "0001-01-01T00:00:00+01:00",
        "9999-12-31T23:59:59-01:00",
    ],
)
def test_every_rfc3339_date_time_is_a_valid_bound(bound):
    status, _, body = call(event("/articles", {"since": bound, "source": "x"}))
    # The fixture's service raises, so 500 (not 400) shows the bound passed validation and reached the service.
    assert status == 500, body


@pytest.mark.parametrize(("body_bytes", "status"), [(1_000_000, 200), (7_000_000, 413)])
def test_an_article_larger_than_a_lambda_response_is_refused_with_a_reason(monkeypatch, body_bytes, status):
    article_id = "0" * 32
    stored = {
        "id": article_id,
        "body": "word " * (body_bytes // 5),
        "bundles": [],
        "bundles_truncated": False,
        "removed": [],
    }

    class Service:
        def get_article(self, wanted: str) -> dict:
            assert wanted == article_id
            return stored

    monkeypatch.setattr(lookup, "service", Service)
    got, _, body = call(event(f"/articles/{article_id}"))

    assert got == status
    assert len(body.encode()) < 6_000_000
    if status == 413:
        error = error_of(body)
        assert error["code"] == "response_too_large"
        assert "over the 6000000 bytes" in error["message"] and "bodies/" in error["message"]


def test_without_a_cursor_secret_the_api_fails_closed(aws_env, monkeypatch):
    for name in ("CURSOR_SECRET_ARN", "CURSOR_SECRET"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(lookup, "service", REAL_SERVICE)
    wiring.reset()
    try:
        status, _, body = call(event("/articles"))
    finally:
        wiring.reset()

    assert status == 500
    assert error_of(body)["code"] == "cursor_secret_missing"
