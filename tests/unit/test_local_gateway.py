"""The local API gateway without a server: routes and limits from the template, proxy events, errors, throttles."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from infra.local.apigw import LocalApiGateway, TokenBucket
from infra.local.apigw_config import api_config
from infra.provision import stack_resolver

REPO = Path(__file__).resolve().parents[2]
KEY = "k" * 40


@pytest.fixture(scope="module")
def resolver():
    return stack_resolver(stack="newsdrop-local")


@pytest.fixture(scope="module")
def config(resolver):
    return api_config(resolver)


class Recorder:
    """A stand-in for the lookup handler that remembers the events it gets."""

    def __init__(self, reply: dict | None = None) -> None:
        self.events: list[dict] = []
        self.reply = reply or {
            "statusCode": 200,
            "headers": {"Content-Type": "application/json"},
            "body": "{}",
        }

    def __call__(self, event, context):
        self.events.append(event)
        return self.reply


def gateway(config, handler=None) -> LocalApiGateway:
    return LocalApiGateway(config, handler or Recorder(), KEY, region="us-east-1", account_id="123456789012")


# ------------------------------------------------------------------ gateway configuration
def test_routes_and_limits_come_from_the_template(config, resolver):
    params = resolver.parameters
    events = resolver.template["Resources"]["LookupFunction"]["Properties"]["Events"]
    assert {(r.resource, r.method) for r in config.routes} == {
        (e["Properties"]["Path"], e["Properties"]["Method"].upper()) for e in events.values()
    }
    assert config.stage == params["Stage"]
    assert config.key_rate == float(params["ApiThrottleRate"])
    assert config.key_burst == int(params["ApiThrottleBurst"])
    assert config.stage_rate == float(params["ApiThrottleRate"])
    assert config.quota_per_day == int(params["ApiQuotaPerDay"])
    assert config.cors["Access-Control-Allow-Origin"] == params["AllowedOrigins"]
    assert config.error_headers["Access-Control-Allow-Origin"] == params["AllowedOrigins"]


def test_api_key_requirement_is_per_route_as_the_template_says(config, resolver):
    events = resolver.template["Resources"]["LookupFunction"]["Properties"]["Events"]
    open_paths = {
        e["Properties"]["Path"]
        for e in events.values()
        if e["Properties"].get("Auth", {}).get("ApiKeyRequired") is False
    }
    assert open_paths
    for route in config.routes:
        assert route.api_key_required is (route.resource not in open_paths)


def test_template_parameters_change_the_throttle():
    config = api_config(stack_resolver(parameters={"ApiThrottleRate": 3, "ApiThrottleBurst": 4}))
    assert (config.key_rate, config.key_burst) == (3.0, 4)


@pytest.mark.parametrize(
    ("method", "path", "resource", "params"),
    [
        ("GET", "/articles", "/articles", None),
        ("GET", "/articles/0123abc", "/articles/{article_id}", {"article_id": "0123abc"}),
        ("GET", "/articles/0123abc/similar", "/articles/{article_id}/similar", {"article_id": "0123abc"}),
        ("GET", "/docs/assets/app.css", "/docs/{proxy+}", {"proxy": "assets/app.css"}),
        ("GET", "/bundles/b%3A1", "/bundles/{bundle_id}", {"bundle_id": "b:1"}),
    ],
)
def test_requests_become_proxy_events_of_their_route(config, method, path, resource, params):
    handler = Recorder()

    reply = gateway(config, handler).handle(method, path, [("x-api-key", KEY)], b"", "127.0.0.1")

    assert reply.status == 200
    (event,) = handler.events
    assert event["resource"] == resource
    assert event["httpMethod"] == method
    assert event["pathParameters"] == params
    assert event["requestContext"]["resourcePath"] == resource
    assert event["requestContext"]["stage"] == config.stage


def test_query_and_headers_keep_every_value_and_the_last_one_wins(config):
    handler = Recorder()
    headers = [("x-api-key", KEY), ("Accept", "text/html"), ("Accept", "application/json")]

    gateway(config, handler).handle("GET", "/articles?source=a&source=b&limit=2", headers, b"", "127.0.0.1")

    event = handler.events[0]
    assert event["multiValueQueryStringParameters"] == {"source": ["a", "b"], "limit": ["2"]}
    assert event["queryStringParameters"] == {"source": "b", "limit": "2"}
    assert event["multiValueHeaders"]["Accept"] == ["text/html", "application/json"]
    assert event["headers"]["Accept"] == "application/json"
    assert event["requestContext"]["identity"]["apiKey"] == KEY


def test_the_stage_prefix_of_deployed_urls_is_accepted(config):
    handler = Recorder()

    gateway(config, handler).handle(
        "GET", f"/{config.stage}/articles", [("x-api-key", KEY)], b"", "127.0.0.1"
    )

    event = handler.events[0]
    assert event["path"] == "/articles"
    assert event["requestContext"]["path"] == f"/{config.stage}/articles"


@pytest.mark.parametrize(
    ("method", "path", "headers", "status", "message"),
    [
        ("GET", "/articles", [], 403, "Forbidden"),
        ("GET", "/articles", [("x-api-key", "wrong" * 8)], 403, "Forbidden"),
        ("GET", "/nothing", [("x-api-key", KEY)], 403, "Missing Authentication Token"),
        ("POST", "/articles", [("x-api-key", KEY)], 403, "Missing Authentication Token"),
    ],
)
def test_gateway_errors_never_reach_the_function(config, method, path, headers, status, message):
    handler = Recorder()

    reply = gateway(config, handler).handle(method, path, headers, b"", "127.0.0.1")

    assert (reply.status, json.loads(reply.body)) == (status, {"message": message})
    assert ("Access-Control-Allow-Origin", config.cors["Access-Control-Allow-Origin"]) in reply.headers
    assert handler.events == []


def test_open_routes_need_no_key(config):
    handler = Recorder()
    assert gateway(config, handler).handle("GET", "/health", [], b"", "127.0.0.1").status == 200
    assert handler.events[0]["requestContext"]["identity"]["apiKey"] is None


def test_cors_preflight_is_answered_by_the_gateway(config):
    handler = Recorder()

    reply = gateway(config, handler).handle("OPTIONS", "/articles/abc", [], b"", "127.0.0.1")

    assert reply.status == 200
    assert dict(reply.headers)["Access-Control-Allow-Methods"] == config.cors["Access-Control-Allow-Methods"]
    assert handler.events == []


def test_a_key_over_its_burst_is_throttled(config):
    small = dataclasses.replace(config, key_rate=0.001, key_burst=2, stage_rate=None, stage_burst=None)
    gw = gateway(small)

    statuses = [
        gw.handle("GET", "/articles", [("x-api-key", KEY)], b"", "127.0.0.1").status for _ in range(3)
    ]

    assert statuses == [200, 200, 429]


def test_the_daily_quota_is_enforced(config):
    small = dataclasses.replace(config, quota_per_day=1, key_rate=None, key_burst=None)
    gw = gateway(small)
    first = gw.handle("GET", "/articles", [("x-api-key", KEY)], b"", "127.0.0.1")
    second = gw.handle("GET", "/articles", [("x-api-key", KEY)], b"", "127.0.0.1")
    assert first.status == 200
    assert (second.status, json.loads(second.body)) == (429, {"message": "Limit Exceeded"})


def test_multi_value_headers_of_the_reply_are_all_sent(config):
    handler = Recorder({"statusCode": 201, "multiValueHeaders": {"Set-Cookie": ["a=1", "b=2"]}, "body": "x"})

    reply = gateway(config, handler).handle("GET", "/health", [], b"", "127.0.0.1")

    assert reply.status == 201
    assert [v for n, v in reply.headers if n == "Set-Cookie"] == ["a=1", "b=2"]
    assert reply.body == b"x"


def test_token_bucket_refills_at_its_rate():
    now = [0.0]
    bucket = TokenBucket(rate=2, burst=2, clock=lambda: now[0])
    assert [bucket.take() for _ in range(3)] == [True, True, False]
    now[0] += 0.5  # one token at 2 per second
    assert [bucket.take(), bucket.take()] == [True, False]


def test_a_call_whose_client_went_away_while_it_waited_is_dropped_not_run(config):
    from infra.local.apigw import _client_closed

    handler = Recorder()
    gw = gateway(config, handler)
    dropped = gw.handle("GET", "/health", [], b"", "127.0.0.1", client_waiting=lambda: False)
    served = gw.handle("GET", "/health", [], b"", "127.0.0.1", client_waiting=lambda: True)
    assert (dropped.status, served.status) == (499, 200)
    assert len(handler.events) == 1

    import socket

    ours, theirs = socket.socketpair()
    try:
        assert _client_closed(ours) is False  # connected and silent: still waiting for its answer
        theirs.sendall(b"GET /next HTTP/1.1\r\n")
        assert _client_closed(ours) is False  # a pipelined request is not a hang-up
        theirs.close()
        ours.recv(64)
        assert _client_closed(ours) is True
    finally:
        ours.close()
