"""Calling the lookup handler in-process, as the lookup unit tests do (their events: tests/gateway_events.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdrop.handlers import lookup

REPO = Path(__file__).resolve().parents[2]
EVENTS = REPO / "events"


class Context:
    function_name = "LookupFunction"
    memory_limit_in_mb = 256
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:LookupFunction"
    aws_request_id = "unit-request-id"


def call(evt: dict) -> tuple[int, dict[str, str], str]:
    reply = lookup.lambda_handler(evt, Context())
    headers = {k: v[-1] for k, v in reply.get("multiValueHeaders", {}).items()}
    headers.update(reply.get("headers") or {})
    return reply["statusCode"], headers, reply["body"]


def error_of(body: str) -> dict:
    parsed = json.loads(body)
    assert set(parsed) == {"error"}
    assert set(parsed["error"]) == {"code", "message"}
    return parsed["error"]


def refuse_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """The requests of these tests must be answered before any AWS client exists."""

    def refuse():
        raise AssertionError("the table was consulted")

    monkeypatch.setattr(lookup, "service", refuse)
