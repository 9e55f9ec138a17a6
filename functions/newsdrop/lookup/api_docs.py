"""The lookup API's contract as documented: response descriptions, parameter schemas and the OpenAPI document's
final form (what Powertools cannot say from the type hints)."""

from __future__ import annotations

import json
from typing import Any

from newsdrop.lookup.cursor import CURSOR_PATTERN, MAX_CURSOR_LENGTH
from newsdrop.lookup.models import ErrorBody, GatewayError
from newsdrop.lookup.params import MAX_DATE_LENGTH

TITLE = "newsdrop lookup API"
API_KEY_SCHEME = "apiKey"
DESCRIPTION = (
    "Read-only lookups over ingested news articles and bundles. Every route except /health, "
    "/openapi.json, /docs and /review needs the API key in the x-api-key header (press Authorize). "
    'Lists answer {"items": [...], "next_cursor": ...}; pass next_cursor back as cursor until it is null. '
    "API Gateway answers some errors itself, in its own shape "
    '{"message": "..."}: 403 for a missing or wrong key and for a route or method the API does not '
    "define, 429 when throttled. /review shows what cleaning did to each bundle and article."
)
# q must hold a word of 2 to 40 word characters that is not all digits (newsdrop.terms); stop words and more than
# 8 distinct words are refused too, which no pattern can say briefly: the parameter's description says it.
SEARCH_PATTERN = r"(?:^|\W)(?!\d+(?:\W|$))\w{2,40}(?:\W|$)"


KEYED = [{API_KEY_SCHEME: []}]


def error_doc(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"model": ErrorBody}}}


def ok(model: type, description: str) -> dict[int, Any]:
    return {200: {"description": description, "content": {"application/json": {"model": model}}}}


def gateway_doc(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"model": GatewayError}}}


BAD = {400: error_doc("A parameter is malformed or out of range, or unknown; the message names it")}
STORAGE = {503: error_doc("The table is unavailable or throttled; retry after Retry-After seconds")}
MISSING = {404: error_doc("No item with that id")}
INTERNAL = {
    500: error_doc("A bug on our side; the message gives the request id to report"),
    502: gateway_doc("API Gateway: the function failed or timed out ({'message': 'Internal server error'})"),
}
GATEWAY_THROTTLED = {
    429: gateway_doc("API Gateway: throttled (Too Many Requests) or the key's daily quota is used up"),
}
# API Gateway answers these itself, before the function runs, in its own shape {"message": "..."}.
GATEWAY = {
    403: gateway_doc(
        "API Gateway: no or wrong x-api-key (Forbidden), or a method this route does not define "
        "(Missing Authentication Token)"
    ),
    414: gateway_doc("API Gateway: the URL is longer than it takes (URI Too Long)"),
    **GATEWAY_THROTTLED,
    **INTERNAL,
}
TOO_LARGE = {413: error_doc("The article is larger than a Lambda response may be (6 MB)")}

# Formats and patterns of query parameters that Powertools cannot express from the type hints: the document
# says exactly what the function accepts, so a request the document allows is never refused.
DATE_BOUND_SCHEMA: dict[str, Any] = {
    "anyOf": [{"type": "string", "format": "date"}, {"type": "string", "format": "date-time"}],
    "maxLength": MAX_DATE_LENGTH,
}
QUERY_SCHEMAS: dict[str, dict[str, Any]] = {
    "since": DATE_BOUND_SCHEMA,
    "until": DATE_BOUND_SCHEMA,
    # A cursor is <base64url payload>.<base64url HMAC-SHA256>, exactly as next_cursor gave it.
    "cursor": {"type": "string", "pattern": CURSOR_PATTERN, "maxLength": MAX_CURSOR_LENGTH},
    # At least one word of 2 to 40 letters that is not a stop word, at most 8 distinct words.
    "q": {"type": "string", "minLength": 2, "maxLength": 200, "pattern": SEARCH_PATTERN},
    "source": {"type": "string", "minLength": 1, "maxLength": 200, "pattern": r"\S"},
}


def plain_query_schema(parameter: dict[str, Any]) -> None:
    """An optional query parameter is absent, never JSON null: drop Powertools' ``anyOf [..., null]``."""
    schema = parameter.get("schema", {})
    options = schema.get("anyOf")
    if isinstance(options, list):
        kept = [option for option in options if option.get("type") != "null"]
        if len(kept) == 1:
            extra = {k: v for k, v in schema.items() if k != "anyOf"}
            parameter["schema"] = {**extra, **kept[0]}
    override = QUERY_SCHEMAS.get(parameter.get("name", ""))
    if override is not None and parameter.get("in") == "query":
        extra = {k: v for k, v in parameter["schema"].items() if k in ("title", "description", "default")}
        parameter["schema"] = {**extra, **override}


def contract_document(generated: str, base_path: str = "") -> str:
    """Powertools' generated schema with 400 in place of its unused 422 answers and the parameter formats,
    patterns and gateway answers the contract needs, served under ``base_path``."""
    document = json.loads(generated)
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            operation.get("responses", {}).pop("422", None)
            for parameter in operation.get("parameters", []):
                plain_query_schema(parameter)
    schemas = document.get("components", {}).get("schemas", {})
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)
    document["servers"] = [{"url": base_path or "/"}]
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
