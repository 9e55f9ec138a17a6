"""Lookup API Lambda: a thin Powertools REST resolver over newsdrop.lookup (routes, validation, error shape)."""

from __future__ import annotations

import json
import os
import threading
import time
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, CORSConfig
from aws_lambda_powertools.event_handler.openapi.params import Path, Query
from aws_lambda_powertools.utilities.typing import LambdaContext

from newsdrop import __version__
from newsdrop.handlers.lookup_errors import dumps, known_query_only, register_error_handlers
from newsdrop.handlers.lookup_pages import PAGE_PATHS, register_page_routes
from newsdrop.lookup import api_docs
from newsdrop.lookup.cursor import MAX_CURSOR_LENGTH
from newsdrop.lookup.errors import BadParameter, ResponseTooLarge
from newsdrop.lookup.models import (
    Article,
    ArticleList,
    Bundle,
    BundleGroups,
    BundleList,
    Health,
    SearchResults,
    SimilarArticles,
)
from newsdrop.lookup.params import DateRange
from newsdrop.observe import emit, invocation, logger

if TYPE_CHECKING:
    from newsdrop.lookup.service import Lookup, Page


TITLE = "newsdrop lookup API"
API_KEY_SCHEME = "apiKey"
ARTICLE_ID_PATTERN = r"^[0-9a-f]{32}$"
BUNDLE_ID_PATTERN = r"^[A-Za-z0-9._:-]{1,128}$"
MAX_S3_KEY_BYTES = 1024
READY_ENV = "NEWSDROP_READY"


def _cors() -> CORSConfig | None:
    """CORS headers for the browser origin in ALLOWED_ORIGIN (the template's AllowedOrigins), if one is set.

    API Gateway answers preflights itself, but with a proxy integration the function's own answers
    (errors included) must carry Access-Control-Allow-Origin or browsers cannot read them.
    """
    origin = os.environ.get("ALLOWED_ORIGIN", "").strip()
    if not origin:
        return None
    return CORSConfig(allow_origin=origin, allow_headers=["x-api-key"], max_age=600)


app = APIGatewayRestResolver(enable_validation=True, serializer=dumps, cors=_cors())


app.use([known_query_only])


@cache
def _openapi_configured() -> None:
    """Title, description and key scheme of the OpenAPI document, set when a document is first asked for.

    Powertools' OpenAPI models (hundreds of pydantic classes) cost more cold start than the rest of the
    function; only /openapi.json and /docs need them.
    """
    from aws_lambda_powertools.event_handler.openapi.models import APIKey, APIKeyIn

    app.configure_openapi(
        title=api_docs.TITLE,
        version=__version__,
        description=api_docs.DESCRIPTION,
        security_schemes={api_docs.API_KEY_SCHEME: APIKey(name="x-api-key", in_=APIKeyIn.header)},
    )


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


def service() -> Lookup:
    """The domain, built on first use and kept for the container's life (``newsdrop.wiring``).

    Imported here, not with the module: the store, its item shapes and boto3 are not needed by /health
    or /docs, and they are a third of the handler's cold import.
    """
    from newsdrop import wiring

    return wiring.lookup()


def _utf8(name: str, value: str | None) -> str | None:
    """Reject text that cannot be sent to DynamoDB (lone surrogates) as a bad parameter, not a crash."""
    if value is not None:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise BadParameter(name, f"{name} is not valid UTF-8 text") from exc
    return value


_request = threading.local()  # per request: how many results the route answered (LookupResults)


def _results(count: int) -> None:
    _request.results = count


def _page(page: Page) -> dict[str, Any]:
    _results(len(page.items))
    return {"items": page.items, "next_cursor": page.next_cursor}


# --- routes -----------------------------------------------------------------------------------
@app.get(
    "/health",
    summary="Liveness and readiness; touches no table",
    tags=["meta"],
    responses={
        **api_docs.ok(Health, "The function answers; ready says whether the data is complete"),
        405: api_docs.error_doc("Any method but GET (Allow: GET)"),
        **api_docs.GATEWAY_THROTTLED,
        **api_docs.INTERNAL,
    },
)
def health() -> Health:
    # NEWSDROP_READY is set only by the local stack, false while it replays the bundles it keeps; on AWS the
    # variable is absent and the data is whatever ingest has stored, so the function is always ready.
    ready = os.environ.get(READY_ENV, "true").strip().lower() != "false"
    return Health(status="ok", version=__version__, ready=ready)


@app.get(
    "/articles/<article_id>",
    summary="One article: body, metadata, removed lines and the bundles it came from",
    tags=["articles"],
    security=api_docs.KEYED,
    responses={
        **api_docs.ok(Article, "The article"),
        **api_docs.BAD,
        **api_docs.MISSING,
        **api_docs.TOO_LARGE,
        **api_docs.STORAGE,
        **api_docs.GATEWAY,
    },
)
def get_article(
    article_id: Annotated[str, Path(pattern=ARTICLE_ID_PATTERN, description="32 lowercase hex characters")],
) -> Article:
    article = Article.model_validate(service().get_article(article_id))
    # Lambda refuses a response over 6 MB (the body string is JSON inside the JSON envelope): say so first.
    size = len(json.dumps({"body": dumps(article.model_dump(mode="json"))}).encode("utf-8"))
    if size > MAX_RESPONSE_BYTES:
        raise ResponseTooLarge(
            f"article {article_id} is {size} bytes as a response, over the {MAX_RESPONSE_BYTES} bytes "
            "the API can return",
            hint="read its body from bodies/" + article_id + ".json.gz in the drop bucket (AWS credentials "
            "needed), or find it in its bundle through the bundles listed by GET /articles?bundle=...",
        )
    _results(1)
    return article


@app.get(
    "/articles",
    summary="Article summaries, newest first, optionally by bundle, source and published date",
    tags=["articles"],
    security=api_docs.KEYED,
    responses={
        **api_docs.ok(ArticleList, "One page of article summaries"),
        **api_docs.BAD,
        **api_docs.STORAGE,
        **api_docs.GATEWAY,
    },
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
    security=api_docs.KEYED,
    responses={
        **api_docs.ok(SimilarArticles, "One page of the article's group"),
        **api_docs.BAD,
        **api_docs.MISSING,
        **api_docs.STORAGE,
        **api_docs.GATEWAY,
    },
)
def similar_articles(
    article_id: Annotated[str, Path(pattern=ARTICLE_ID_PATTERN, description="32 lowercase hex characters")],
    limit: Limit = 20,
    cursor: Cursor = None,
) -> SimilarArticles:
    similar = service().similar(article_id, limit=limit, cursor=cursor)
    _results(len(similar.get("items") or []))
    return SimilarArticles.model_validate(similar)


@app.get(
    "/search",
    summary="Articles whose title or key terms hold every word of q, most recently stored first",
    tags=["articles"],
    security=api_docs.KEYED,
    responses={
        **api_docs.ok(SearchResults, "One page of matches, most recently stored first"),
        **api_docs.BAD,
        **api_docs.STORAGE,
        **api_docs.GATEWAY,
    },
)
def search(
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=200,
            description="Words to find, all must match: 1 to 8 distinct words of 2 to 40 letters or digits, "
            "not only digits, stop words (the, of, and, ...) ignored",
        ),
    ],
    limit: Limit = 20,
    cursor: Cursor = None,
) -> SearchResults:
    page = service().search(_utf8("q", q) or "", limit=limit, cursor=cursor)
    return SearchResults.model_validate({**_page(page), "complete": page.complete})


@app.get(
    "/bundles/<bundle_id>",
    summary="One bundle's status record, counts and member errors",
    tags=["bundles"],
    security=api_docs.KEYED,
    responses={
        **api_docs.ok(Bundle, "The bundle record"),
        **api_docs.BAD,
        **api_docs.MISSING,
        **api_docs.STORAGE,
        **api_docs.GATEWAY,
    },
)
def get_bundle(bundle_id: Annotated[str, Path(pattern=BUNDLE_ID_PATTERN)]) -> Bundle:
    bundle = service().get_bundle(bundle_id)
    _results(1)
    return Bundle.model_validate(bundle)


@app.get(
    "/bundles/<bundle_id>/groups",
    summary="One bundle's near-duplicate groups: its articles by group, with the group's other articles counted",
    tags=["bundles"],
    security=api_docs.KEYED,
    responses={
        **api_docs.ok(BundleGroups, "One page of the bundle's groups, groups of two or more articles first"),
        **api_docs.BAD,
        **api_docs.MISSING,
        **api_docs.STORAGE,
        **api_docs.GATEWAY,
    },
)
def bundle_groups(
    bundle_id: Annotated[str, Path(pattern=BUNDLE_ID_PATTERN)],
    limit: Limit = 20,
    cursor: Cursor = None,
) -> BundleGroups:
    answer = service().bundle_groups(bundle_id, limit=limit, cursor=cursor)
    _results(len(answer["items"]))
    return BundleGroups.model_validate(answer)


@app.get(
    "/bundles",
    summary="Bundle records newest first, optionally of one S3 object key",
    tags=["bundles"],
    security=api_docs.KEYED,
    responses={
        **api_docs.ok(BundleList, "One page of bundle records"),
        **api_docs.BAD,
        **api_docs.STORAGE,
        **api_docs.GATEWAY,
    },
)
def list_bundles(
    key: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=MAX_S3_KEY_BYTES,
            description="S3 object key (a key longer than S3's 1,024 bytes has no bundles)",
        ),
    ] = None,
    limit: Limit = 20,
    cursor: Cursor = None,
) -> BundleList:
    if key is not None and len((_utf8("key", key) or "").encode("utf-8")) > MAX_S3_KEY_BYTES:
        # Longer than S3 allows, so no bundle can have it (and it would not fit in an index key).
        return BundleList(items=[], next_cursor=None)
    return BundleList.model_validate(_page(service().list_bundles(key=key, limit=limit, cursor=cursor)))


def openapi_document(base_path: str = "") -> str:
    """The OpenAPI document of the routes, as ``api_docs.contract_document`` completes Powertools' schema."""
    _openapi_configured()
    return api_docs.contract_document(app.get_openapi_json_schema(), base_path)


def _route_templates() -> list[str]:
    _openapi_configured()
    return [*json.loads(app.get_openapi_json_schema()).get("paths", {}), *PAGE_PATHS]


register_page_routes(app, openapi_document)
register_error_handlers(app, _route_templates)


# Routes as API Gateway names them (event "resource"); anything else is one "other", so the Route
# dimension stays a handful of values whatever paths clients send.
ROUTES = frozenset(
    {
        "/health",
        "/articles",
        "/articles/{article_id}",
        "/articles/{article_id}/similar",
        "/search",
        "/bundles",
        "/bundles/{bundle_id}",
        "/bundles/{bundle_id}/groups",
        "/openapi.json",
        "/docs",
        "/docs/{proxy+}",
    }
)


def route_of(event: dict[str, Any]) -> str:
    resource = event.get("resource") or ""
    return resource if resource in ROUTES else "other"


def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    route = route_of(event)
    request_context = event.get("requestContext") or {}
    # The key's id, never the key: API Gateway puts the id here once it has checked the x-api-key header.
    api_key_id = (request_context.get("identity") or {}).get("apiKeyId")
    _request.results = 0
    started = time.perf_counter()
    with invocation(context, request_id=request_context.get("requestId"), route=route, api_key_id=api_key_id):
        response = app.resolve(event, context)
        elapsed_ms = round((time.perf_counter() - started) * 1000, 3)
        status = int(response.get("statusCode") or 0)
        results = _request.results
        logger.info("request", extra={"status": status, "latency_ms": elapsed_ms, "results": results})
    emit(
        {"LookupLatency": ("Milliseconds", elapsed_ms), "LookupResults": ("Count", results)},
        dimensions={"Route": route},
    )
    return response
