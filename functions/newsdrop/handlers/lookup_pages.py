"""The lookup API's browser pages: /openapi.json, /docs and /review with their allow-listed assets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response

from newsdrop.lookup import review, swagger
from newsdrop.lookup.errors import NoSuchItem

# Paths of these pages as OpenAPI writes them (they are left out of the schema).
PAGE_PATHS = ("/openapi.json", "/docs", "/docs/{asset}", "/review", "/review/{asset}")


def base_path(app: APIGatewayRestResolver) -> str:
    """The stage prefix clients see ("/Prod"), or "" behind a custom domain or sam local."""
    context = app.current_event.request_context
    stage = context.stage
    if stage and stage != "$default" and (context.path or "").startswith(f"/{stage}/"):
        return f"/{stage}"
    return ""


def static_asset(pages: Any, asset: str, *, page: str, max_age: int) -> Response[str]:
    """One file of a page's allow-list (``pages.ASSET_TYPES``), or 404 naming the files there are."""
    text = pages.asset(asset)
    if text is None:
        raise NoSuchItem(
            f"no asset {asset} for {page}", hint=f"open {page}; its assets are {', '.join(pages.ASSET_TYPES)}"
        )
    return Response(
        status_code=200,
        content_type=pages.ASSET_TYPES[asset],
        body=text,
        headers={"Cache-Control": f"public, max-age={max_age}"},
    )


def register_page_routes(app: APIGatewayRestResolver, openapi_document: Callable[[str], str]) -> None:
    """Add the pages to ``app``; ``openapi_document(base_path)`` renders the contract."""

    @app.get("/openapi.json", include_in_schema=False)
    def openapi_json() -> Response[str]:
        return Response(
            status_code=200, content_type="application/json", body=openapi_document(base_path(app))
        )

    @app.get("/docs", include_in_schema=False)
    def docs_page() -> Response[str]:
        return Response(status_code=200, content_type=swagger.HTML_TYPE, body=swagger.page(base_path(app)))

    @app.get("/docs/<asset>", include_in_schema=False)
    def docs_asset(asset: str) -> Response[str]:
        return static_asset(swagger, asset, page="/docs", max_age=86400)

    @app.get("/review", include_in_schema=False)
    def review_page() -> Response[str]:
        return Response(status_code=200, content_type=review.HTML_TYPE, body=review.page(base_path(app)))

    @app.get("/review/<asset>", include_in_schema=False)
    def review_asset(asset: str) -> Response[str]:
        return static_asset(review, asset, page="/review", max_age=300)
