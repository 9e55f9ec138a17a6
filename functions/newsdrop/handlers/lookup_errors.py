"""The lookup API's error replies: one JSON shape for every error, and the handlers that send it."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import Decimal
from http import HTTPStatus
from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.exceptions import NotFoundError
from aws_lambda_powertools.event_handler.middlewares import NextMiddleware
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError

from newsdrop.errors import NewsdropError, StorageError
from newsdrop.lookup.errors import BadParameter, NoSuchItem, ResponseTooLarge
from newsdrop.lookup.params import plain
from newsdrop.observe import logger

RETRY_AFTER_SECONDS = 5


def dumps(value: Any) -> str:
    """Compact JSON with DynamoDB's Decimals as plain numbers (the resolver's serializer)."""

    def default(obj: Any) -> Any:
        if isinstance(obj, Decimal):
            return plain(obj)
        raise TypeError(f"{type(obj).__name__} is not JSON serialisable")

    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=default)


def error_reply(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> Response:
    return Response(
        status_code=status,
        content_type="application/json",
        body=dumps({"error": {"code": code, "message": message}}),
        headers=headers,
    )


def known_query_only(resolver: APIGatewayRestResolver, next_middleware: NextMiddleware) -> Response:
    """400 for a query parameter the route does not define: a misspelt filter must not return everything."""
    route = resolver.context.get("_route")
    given = resolver.current_event.query_string_parameters or {}
    if route is not None and route.include_in_schema and given:
        allowed = {field.alias for field in route.dependant.query_params}
        unknown = sorted(set(given) - allowed)
        if unknown:
            names = ", ".join(f"'{name}'" for name in unknown)
            known = ", ".join(sorted(allowed)) or "none"
            return error_reply(
                400,
                "bad_parameter",
                f"query parameter {names} is not known on {resolver.current_event.path}; "
                f"its parameters are: {known}",
            )
    return next_middleware(resolver)


def invalid_request_message(exc: RequestValidationError) -> str:
    """Every failed parameter in one sentence: where it is, its name and what is wrong with it."""
    problems = []
    for error in exc.errors():
        location = [str(part) for part in error.get("loc", ())]
        where = location[0] if location else "request"
        name = ".".join(location[1:]) or where
        problems.append(f"{where} parameter '{name}': {error.get('msg', 'invalid value')}")
    return "; ".join(problems) or "invalid request parameters"


def register_error_handlers(app: APIGatewayRestResolver, route_templates: Callable[[], list[str]]) -> None:
    """Map every exception to its status and JSON error; ``route_templates`` lists the API's paths for 405."""
    patterns: list[re.Pattern[str]] = []

    @app.exception_handler(RequestValidationError)
    def on_invalid_request(exc: RequestValidationError) -> Response:
        return error_reply(400, "bad_parameter", invalid_request_message(exc))

    @app.exception_handler(BadParameter)
    def on_bad_parameter(exc: BadParameter) -> Response:
        return error_reply(400, exc.code, str(exc))

    @app.exception_handler(NoSuchItem)
    def on_no_such_item(exc: NoSuchItem) -> Response:
        return error_reply(404, exc.code, str(exc))

    @app.exception_handler(ResponseTooLarge)
    def on_too_large(exc: ResponseTooLarge) -> Response:
        return error_reply(413, exc.code, str(exc))

    @app.exception_handler(NotFoundError)
    def on_unknown_route(exc: NotFoundError) -> Response:
        event = app.current_event
        if not patterns:
            # Built on the first unknown route: it needs the OpenAPI schema, which costs cold start.
            patterns.extend(
                re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path)) + "$")
                for path in route_templates()
            )
        if event.http_method != "GET" and any(pattern.match(event.path) for pattern in patterns):
            return error_reply(
                405,
                "method_not_allowed",
                f"{event.http_method} is not allowed on {event.path}: this API is read-only, use GET",
                headers={"Allow": "GET"},
            )
        return error_reply(404, "not_found", f"no route {event.path}: see /docs for the routes of this API")

    @app.exception_handler(StorageError)
    def on_storage_error(exc: StorageError) -> Response:
        logger.error("storage error: %s", exc)
        return error_reply(
            503,
            "storage_unavailable",
            f"storage is unavailable or busy: retry in {RETRY_AFTER_SECONDS} seconds",
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )

    @app.exception_handler([NewsdropError, Exception])
    def on_bug(exc: Exception) -> Response:
        # Any other NewsdropError (say, an undecodable stored body) or exception is our bug: log it with the
        # stack, answer without one.
        logger.exception("unhandled error in lookup: %s", exc)
        request_id = getattr(app.lambda_context, "aws_request_id", None) or "unknown"
        code = exc.code if isinstance(exc, NewsdropError) else "internal_error"
        return error_reply(
            HTTPStatus.INTERNAL_SERVER_ERROR,
            code,
            f"internal error (request id {request_id}); retry later or report the request id",
        )
