"""Property-based test: schemathesis cases from the generated OpenAPI document, sent in-process as API Gateway
events to the lookup handler; no answer may be a 5xx and every answer must conform to the document."""

from __future__ import annotations

import json
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.core.transport import Response
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from newsdrop.handlers import lookup
from tests.integration.lookup_seed import Api

SCHEMA = schemathesis.openapi.from_dict(json.loads(lookup.openapi_document()))
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
EXAMPLES = {GenerationMode.POSITIVE: 15, GenerationMode.NEGATIVE: 10}


def _wire(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else json.dumps(value)


def send(api: Api, case: Any) -> Response:
    """The API Gateway REST proxy event API Gateway would build for this case, answered by the handler."""
    path = case.operation.path
    for name, value in (case.path_parameters or {}).items():
        path = path.replace("{" + name + "}", _wire(value))
    query = {}
    for name, value in (case.query or {}).items():
        if value is None:
            continue
        query[name] = _wire(value[-1] if isinstance(value, list) and value else value)
    status, headers, body = api.call(api.event(path, query, method=case.method.upper()))
    content = body if isinstance(body, str) else json.dumps(body)
    request = requests.Request(case.method.upper(), f"http://lookup.test{path}", params=query).prepare()
    return Response(
        status_code=status,
        headers={name.lower(): [value] for name, value in headers.items()},
        content=content.encode("utf-8"),
        request=request,
        elapsed=0.0,
        verify=True,
    )


# Negative cases need a parameter to break: /health has none.
CASES = [
    pytest.param(operation, mode, id=f"{operation.label}-{mode.value}")
    for operation in OPERATIONS
    for mode in EXAMPLES
    if mode is GenerationMode.POSITIVE or operation.path_parameters or operation.query
]


@pytest.mark.parametrize(("operation", "mode"), CASES)
def test_every_generated_request_gets_a_documented_non_5xx_answer(seeded, operation, mode):
    statuses: list[int] = []

    @settings(
        max_examples=EXAMPLES[mode],
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def check(case: Any) -> None:
        response = send(seeded, case)
        statuses.append(response.status_code)
        case.validate_response(response, checks=CHECKS)

    check()
    assert statuses, "hypothesis generated cases"
    assert all(status < 500 for status in statuses)


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (500, {"error": {"code": "internal_error", "message": "boom"}}),
        (200, {"items": "not a list", "next_cursor": None}),
        (200, {"items": [{"bundle_id": 7}], "next_cursor": None}),
    ],
)
def test_the_checks_would_catch_a_5xx_or_a_nonconforming_body(status, body):
    operation = next(op for op in OPERATIONS if op.path == "/bundles")
    response = Response(
        status_code=status,
        headers={"content-type": ["application/json"]},
        content=json.dumps(body).encode(),
        request=requests.Request("GET", "http://lookup.test/bundles").prepare(),
        elapsed=0.0,
        verify=True,
    )
    with pytest.raises(FailureGroup):
        operation.Case(query={"limit": 5}).validate_response(response, checks=CHECKS)
