"""The lookup handler's own documents: the OpenAPI document, the docs page and the review page with their assets."""

from __future__ import annotations

import json

import pytest

from newsdrop.handlers import lookup
from tests.gateway_events import lookup_event as event
from tests.unit.lookup_calls import REPO, call, error_of, refuse_the_table


@pytest.fixture(autouse=True)
def no_table(monkeypatch):
    refuse_the_table(monkeypatch)


def test_committed_openapi_document_is_the_generated_one():
    committed = (REPO / "docs" / "openapi.json").read_text(encoding="utf-8")
    assert committed == lookup.openapi_document(), "run: .venv/bin/python tools/gen_openapi.py"


def test_openapi_document_describes_every_route_with_the_error_shape():
    document = json.loads(lookup.openapi_document())
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == {
        "/health",
        "/articles",
        "/articles/{article_id}",
        "/articles/{article_id}/similar",
        "/search",
        "/bundles",
        "/bundles/{bundle_id}",
        "/bundles/{bundle_id}/groups",
    }
    for path, operations in document["paths"].items():
        responses = operations["get"]["responses"]
        assert "422" not in responses, path
        assert "200" in responses, path
        if path != "/health":
            assert responses["400"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")
            assert operations["get"]["security"] == [{"apiKey": []}]
    assert document["components"]["securitySchemes"]["apiKey"] == {
        "in": "header",
        "name": "x-api-key",
        "type": "apiKey",
    }


def test_served_openapi_points_at_the_stage():
    status, headers, body = call(event("/openapi.json"))
    assert status == 200
    assert headers["Content-Type"] == "application/json"
    served = json.loads(body)
    assert served["servers"] == [{"url": "/Prod"}]
    assert served["paths"] == json.loads(lookup.openapi_document())["paths"]


def test_docs_page_loads_only_local_assets():
    status, headers, body = call(event("/docs"))
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    assert "https://" not in body and "http://" not in body
    for asset in ("/Prod/docs/swagger-ui.css", "/Prod/docs/swagger-ui-bundle.js", '"/Prod/openapi.json"'):
        assert asset in body


@pytest.mark.parametrize(
    ("asset", "content_type", "marker"),
    [
        ("swagger-ui.css", "text/css", ".swagger-ui"),
        ("swagger-ui-bundle.js", "text/javascript", "SwaggerUIBundle"),
    ],
)
def test_docs_assets_have_their_content_type(asset, content_type, marker):
    status, headers, body = call(event(f"/docs/{asset}"))
    assert status == 200
    assert headers["Content-Type"].startswith(content_type)
    assert marker in body


@pytest.mark.parametrize("asset", ["index.j2", "..%2F..%2Fconfig.py", "swagger-ui.js.map", "nope.css"])
def test_unlisted_docs_assets_are_404(asset):
    status, _, body = call(event(f"/docs/{asset}"))
    assert status == 404
    assert error_of(body)["code"] == "not_found"


def test_document_declares_the_key_formats_patterns_and_gateway_answers():
    document = json.loads(lookup.openapi_document())
    assert document["components"]["securitySchemes"]["apiKey"] == {
        "in": "header",
        "name": "x-api-key",
        "type": "apiKey",
    }
    articles = document["paths"]["/articles"]["get"]
    params = {p["name"]: p["schema"] for p in articles["parameters"]}
    assert params["since"]["anyOf"] == [
        {"type": "string", "format": "date"},
        {"type": "string", "format": "date-time"},
    ]
    assert "pattern" in params["cursor"] and "pattern" in params["bundle"]
    assert all("null" not in json.dumps(schema) for schema in params.values())
    for path, operations in document["paths"].items():
        for operation in operations.values():
            statuses = set(operation["responses"])
            assert {"200", "429", "500", "502"} <= statuses, path
            if operation.get("security"):
                assert {"400", "403", "503"} <= statuses, path
    assert "405" in document["paths"]["/health"]["get"]["responses"]


def test_review_page_loads_only_its_own_assets():
    status, headers, body = call(event("/review"))
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    assert "https://" not in body and "http://" not in body
    assert 'data-base="/Prod"' in body
    for asset in ("/Prod/review/review.css", "/Prod/review/review-kit.js", "/Prod/review/review.js"):
        assert asset in body
    # The kit defines what the views' script reads, so it loads first.
    assert body.index("review-kit.js") < body.index("review/review.js")


@pytest.mark.parametrize(
    ("asset", "content_type", "marker"),
    [
        ("review-kit.js", "text/javascript", "x-api-key"),
        ("review.js", "text/javascript", "reviewKit"),
        ("review.css", "text/css", ".columns"),
    ],
)
def test_review_assets_have_their_content_type_and_fetch_nothing_from_elsewhere(asset, content_type, marker):
    status, headers, body = call(event(f"/review/{asset}"))
    assert status == 200
    assert headers["Content-Type"].startswith(content_type)
    assert marker in body
    assert "http://" not in body and "https://" not in body


@pytest.mark.parametrize("asset", ["review.py", "..%2Flookup.py", "index.html"])
def test_unlisted_review_assets_are_404(asset):
    status, _, body = call(event(f"/review/{asset}"))
    assert status == 404
    assert error_of(body)["code"] == "not_found"


@pytest.mark.parametrize("name", ["review-kit.js", "review.js"])
def test_review_script_never_puts_api_values_in_the_page_as_html(name):
    script = (REPO / "functions" / "newsdrop" / "lookup" / "static" / name).read_text(encoding="utf-8")
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script
