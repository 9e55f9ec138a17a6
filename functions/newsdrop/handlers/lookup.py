"""Lookup API Lambda: a thin Powertools REST resolver over newsdrop.lookup (routes, validation, error shape)."""

from __future__ import annotations

import json
import logging
import os
import re
from decimal import Decimal
from functools import cache
from http import HTTPStatus
from typing import Annotated, Any

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, CORSConfig, Response
from aws_lambda_powertools.event_handler.exceptions import NotFoundError
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError
from aws_lambda_powertools.event_handler.openapi.models import APIKey, APIKeyIn
from aws_lambda_powertools.event_handler.openapi.params import Path, Query
from aws_lambda_powertools.utilities.typing import LambdaContext

from newsdrop import __version__
from newsdrop.adapters import aws
from newsdrop.adapters.bucket import DropBucket
from newsdrop.adapters.secrets import read_secret
from newsdrop.adapters.table import ArticleTable
from newsdrop.config import get_settings
from newsdrop.errors import NewsdropError, StorageError
from newsdrop.lookup import swagger
from newsdrop.lookup.cursor import MAX_CURSOR_LENGTH, CursorCodec, cursor_secret
from newsdrop.lookup.errors import BadParameter, NoSuchItem, ResponseTooLarge
from newsdrop.lookup.models import (
    Article,
    ArticleList,
    Bundle,
    BundleList,
    ErrorBody,
    Health,
    SearchResults,
    SimilarArticles,
)
from newsdrop.lookup.params import DateRange, plain
from newsdrop.lookup.service import Lookup, Page

logger = logging.getLogger(__name__)

TITLE = "newsdrop lookup API"
API_KEY_SCHEME = "apiKey"
ARTICLE_ID_PATTERN = r"^[0-9a-f]{32}$"
BUNDLE_ID_PATTERN = r"^[A-Za-z0-9._:-]{1,128}$"
MAX_S3_KEY_BYTES = 1024
RETRY_AFTER_SECONDS = 5


def _dumps(value: Any) -> str:
    def default(obj: Any) -> Any:
        if isinstance(obj, Decimal):
            return plain(obj)
        raise TypeError(f"{type(obj).__name__} is not JSON serialisable")

    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=default)


def _cors() -> CORSConfig | None:
    """CORS headers for the browser origin in ALLOWED_ORIGIN (the template's AllowedOrigins), if one is set.

    API Gateway answers preflights itself, but with a proxy integration the function's own answers
    (errors included) must carry Access-Control-Allow-Origin or browsers cannot read them.
    """
    origin = os.environ.get("ALLOWED_ORIGIN", "").strip()
    if not origin:
        return None
    return CORSConfig(allow_origin=origin, allow_headers=["x-api-key"], max_age=600)


app = APIGatewayRestResolver(enable_validation=True, serializer=_dumps, cors=_cors())
app.configure_openapi(
    title=TITLE,
    version=__version__,
    description=(
        "Read-only lookups over ingested news articles and bundles. Every route except /health, "
        "/openapi.json and /docs needs the API key in the x-api-key header. Lists answer "
        '{"items": [...], "next_cursor": ...}; pass next_cursor back as cursor until it is null.'
    ),
    security_schemes={API_KEY_SCHEME: APIKey(name="x-api-key", in_=APIKeyIn.header)},
)
_KEYED = [{API_KEY_SCHEME: []}]


def _error_doc(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"model": ErrorBody}}}


def _ok(model: type, description: str) -> dict[int, Any]:
    return {200: {"description": description, "content": {"application/json": {"model": model}}}}


_BAD = {400: _error_doc("A parameter is malformed or out of range; the message names it")}
_STORAGE = {503: _error_doc("The table is unavailable or throttled; retry after Retry-After seconds")}
_MISSING = {404: _error_doc("No item with that id")}
_TOO_LARGE = {413: _error_doc("The article is larger than a Lambda response may be (6 MB)")}

# Lambda's synchronous response limit is 6 MB (6,291,456 bytes); headers and the envelope need the rest.
MAX_RESPONSE_BYTES = 6_000_000
Limit = Annotated[int, Query(ge=1, le=100, description="Items per page (1-100)")]
Cursor = Annotated[
    str | None,
    Query(min_length=1, max_length=MAX_CURSOR_LENGTH, description="next_cursor of the previous page"),
]
DateBound = Annotated[
    str | None,
    Query(min_length=1, max_length=40, description="YYYY-MM-DD or ISO 8601 date-time (UTC if no offset)"),
]


# --- wiring: clients and the domain are built on first use and kept for the container's life ------
@cache
def service() -> Lookup:
    settings = get_settings()
    table = ArticleTable(aws.client("dynamodb"), settings.table_name)

    def fetch(key: str) -> bytes:
        return DropBucket(aws.client("s3"), settings.bucket_name).get_bytes(key)

    def read(secret_id: str) -> str:
        return read_secret(aws.client("secretsmanager"), secret_id)

    return Lookup(table, CursorCodec(cursor_secret(read=read)), fetch=fetch)


def reset() -> None:
    """Forget the cached service (tests change environment and endpoints between cases)."""
    service.cache_clear()


def _utf8(name: str, value: str | None) -> str | None:
    """Reject text that cannot be sent to DynamoDB (lone surrogates) as a bad parameter, not a crash."""
    if value is not None:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise BadParameter(name, f"{name} is not valid UTF-8 text") from exc
    return value


def _page(page: Page) -> dict[str, Any]:
    return {"items": page.items, "next_cursor": page.next_cursor}


# --- routes -----------------------------------------------------------------------------------
@app.get("/health", summary="Liveness; touches no table", tags=["meta"])
def health() -> Health:
    return Health(status="ok", version=__version__)


@app.get(
    "/articles/<article_id>",
    summary="One article: body, metadata, removed lines and the bundles it came from",
    tags=["articles"],
    security=_KEYED,
    responses={**_ok(Article, "The article"), **_BAD, **_MISSING, **_TOO_LARGE, **_STORAGE},
)
def get_article(
    article_id: Annotated[str, Path(pattern=ARTICLE_ID_PATTERN, description="32 lowercase hex characters")],
) -> Article:
    article = Article.model_validate(service().get_article(article_id))
    # Lambda refuses a response over 6 MB (the body string is JSON inside the JSON envelope): say so first.
    size = len(json.dumps({"body": _dumps(article.model_dump(mode="json"))}).encode("utf-8"))
    if size > MAX_RESPONSE_BYTES:
        raise ResponseTooLarge(
            f"article {article_id} is {size} bytes as a response, over the {MAX_RESPONSE_BYTES} bytes "
            "the API can return",
            hint="read its body from bodies/" + article_id + ".json.gz in the drop bucket (AWS credentials "
            "needed), or find it in its bundle through the bundles listed by GET /articles?bundle=...",
        )
    return article


@app.get(
    "/articles",
    summary="Article summaries, newest first, optionally by bundle, source and published date",
    tags=["articles"],
    security=_KEYED,
    responses={**_ok(ArticleList, "One page of article summaries"), **_BAD, **_STORAGE},
)
def list_articles(
    bundle: Annotated[
        str | None, Query(pattern=BUNDLE_ID_PATTERN, description="Only articles of this bundle")
    ] = None,
    source: Annotated[
        str | None,
        Query(min_length=1, max_length=200, description="Only this source (case and accents ignored)"),
    ] = None,
    since: DateBound = None,
    until: DateBound = None,
    limit: Limit = 20,
    cursor: Cursor = None,
) -> ArticleList:
    dates = DateRange.parse(since, until)
    page = service().list_articles(
        bundle=bundle, source=_utf8("source", source), dates=dates, limit=limit, cursor=cursor
    )
    return ArticleList.model_validate(_page(page))


@app.get(
    "/articles/<article_id>/similar",
    summary="Near-duplicates of one article: the same story as other outlets posted it",
    tags=["articles"],
    security=_KEYED,
    responses={**_ok(SimilarArticles, "One page of the article's group"), **_BAD, **_MISSING, **_STORAGE},
)
def similar_articles(
    article_id: Annotated[str, Path(pattern=ARTICLE_ID_PATTERN, description="32 lowercase hex characters")],
    limit: Limit = 20,
    cursor: Cursor = None,
) -> SimilarArticles:
    return SimilarArticles.model_validate(service().similar(article_id, limit=limit, cursor=cursor))


@app.get(
    "/search",
    summary="Articles containing every word of q, best first",
    tags=["articles"],
    security=_KEYED,
    responses={**_ok(SearchResults, "One page of matches, best first"), **_BAD, **_STORAGE},
)
def search(
    q: Annotated[str, Query(min_length=1, max_length=200, description="Words to find (all must match)")],
    limit: Limit = 20,
    cursor: Cursor = None,
) -> SearchResults:
    page = service().search(_utf8("q", q) or "", limit=limit, cursor=cursor)
    return SearchResults.model_validate({**_page(page), "complete": page.complete})


@app.get(
    "/bundles/<bundle_id>",
    summary="One bundle's status record, counts and member errors",
    tags=["bundles"],
    security=_KEYED,
    responses={**_ok(Bundle, "The bundle record"), **_BAD, **_MISSING, **_STORAGE},
)
def get_bundle(bundle_id: Annotated[str, Path(pattern=BUNDLE_ID_PATTERN)]) -> Bundle:
    return Bundle.model_validate(service().get_bundle(bundle_id))


@app.get(
    "/bundles",
    summary="Bundle records newest first, optionally of one S3 object key",
    tags=["bundles"],
    security=_KEYED,
    responses={**_ok(BundleList, "One page of bundle records"), **_BAD, **_STORAGE},
)
def list_bundles(
    key: Annotated[
        str | None, Query(min_length=1, max_length=MAX_S3_KEY_BYTES, description="S3 object key")
    ] = None,
    limit: Limit = 20,
    cursor: Cursor = None,
) -> BundleList:
    if key is not None and len((_utf8("key", key) or "").encode("utf-8")) > MAX_S3_KEY_BYTES:
        raise BadParameter("key", f"key is longer than {MAX_S3_KEY_BYTES} bytes, the S3 maximum")
    return BundleList.model_validate(_page(service().list_bundles(key=key, limit=limit, cursor=cursor)))


def _base_path() -> str:
    """The stage prefix clients see ("/Prod"), or "" behind a custom domain or sam local."""
    context = app.current_event.request_context
    stage = context.stage
    if stage and stage != "$default" and (context.path or "").startswith(f"/{stage}/"):
        return f"/{stage}"
    return ""


def openapi_document(base_path: str = "") -> str:
    """The OpenAPI 3 document: Powertools' generated schema, with 400 in place of its unused 422 answers."""
    document = json.loads(app.get_openapi_json_schema())
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            operation.get("responses", {}).pop("422", None)
    schemas = document.get("components", {}).get("schemas", {})
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)
    document["servers"] = [{"url": base_path or "/"}]
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@app.get("/openapi.json", include_in_schema=False)
def openapi_json() -> Response[str]:
    return Response(status_code=200, content_type="application/json", body=openapi_document(_base_path()))


@app.get("/docs", include_in_schema=False)
def docs_page() -> Response[str]:
    return Response(status_code=200, content_type=swagger.HTML_TYPE, body=swagger.page(_base_path()))


@app.get("/docs/<asset>", include_in_schema=False)
def docs_asset(asset: str) -> Response[str]:
    text = swagger.asset(asset)
    if text is None:
        raise NoSuchItem(
            f"no documentation asset {asset}", hint=f"open /docs; assets are {', '.join(swagger.ASSET_TYPES)}"
        )
    return Response(
        status_code=200,
        content_type=swagger.ASSET_TYPES[asset],
        body=text,
        headers={"Cache-Control": "public, max-age=86400"},
    )


# --- errors: one JSON shape for all of them ---------------------------------------------------
def _error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> Response:
    return Response(
        status_code=status,
        content_type="application/json",
        body=_dumps({"error": {"code": code, "message": message}}),
        headers=headers,
    )


def _route_templates() -> list[re.Pattern[str]]:
    paths = json.loads(app.get_openapi_json_schema()).get("paths", {})
    extra = ["/openapi.json", "/docs", "/docs/{asset}"]
    return [re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(p)) + "$") for p in [*paths, *extra]]


_TEMPLATES: list[re.Pattern[str]] = []


@app.exception_handler(RequestValidationError)
def on_invalid_request(exc: RequestValidationError) -> Response:
    problems = []
    for error in exc.errors():
        location = [str(part) for part in error.get("loc", ())]
        where = location[0] if location else "request"
        name = ".".join(location[1:]) or where
        problems.append(f"{where} parameter '{name}': {error.get('msg', 'invalid value')}")
    return _error(400, "bad_parameter", "; ".join(problems) or "invalid request parameters")


@app.exception_handler(BadParameter)
def on_bad_parameter(exc: BadParameter) -> Response:
    return _error(400, exc.code, str(exc))


@app.exception_handler(NoSuchItem)
def on_no_such_item(exc: NoSuchItem) -> Response:
    return _error(404, exc.code, str(exc))


@app.exception_handler(ResponseTooLarge)
def on_too_large(exc: ResponseTooLarge) -> Response:
    return _error(413, exc.code, str(exc))


@app.exception_handler(NotFoundError)
def on_unknown_route(exc: NotFoundError) -> Response:
    event = app.current_event
    if not _TEMPLATES:
        _TEMPLATES.extend(_route_templates())
    if event.http_method != "GET" and any(template.match(event.path) for template in _TEMPLATES):
        return _error(
            405,
            "method_not_allowed",
            f"{event.http_method} is not allowed on {event.path}: this API is read-only, use GET",
            headers={"Allow": "GET"},
        )
    return _error(404, "not_found", f"no route {event.path}: see /docs for the routes of this API")


@app.exception_handler(StorageError)
def on_storage_error(exc: StorageError) -> Response:
    logger.error("storage error: %s", exc)
    return _error(
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
    return _error(
        HTTPStatus.INTERNAL_SERVER_ERROR,
        code,
        f"internal error (request id {request_id}); retry later or report the request id",
    )


def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return app.resolve(event, context)
