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


def html_page(pages: Any, app: APIGatewayRestResolver) -> Response[str]:
    """A page module's HTML (``pages.page``) with the stage prefix its links need."""
    return Response(status_code=200, content_type=pages.HTML_TYPE, body=pages.page(base_path(app)))


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

    _register_page(app, "/docs", swagger, max_age=86400)
    _register_page(app, "/review", review, max_age=300)


def _register_page(app: APIGatewayRestResolver, path: str, pages: Any, *, max_age: int) -> None:
    """``path`` serves the module's HTML, ``path/<asset>`` its allow-listed files, cached ``max_age`` seconds."""

    @app.get(path, include_in_schema=False)
    def page() -> Response[str]:
        return html_page(pages, app)

    @app.get(f"{path}/<asset>", include_in_schema=False)
    def page_asset(asset: str) -> Response[str]:
        return static_asset(pages, asset, page=path, max_age=max_age)
