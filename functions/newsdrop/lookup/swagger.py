"""Swagger UI 5 served from the function itself (vendored swagger-ui-dist files under static/), so /docs works offline."""

from __future__ import annotations

import gzip
import json
from functools import cache
from pathlib import Path

# swagger-ui-dist 5.35.0 (npm), minified, stored gzip-compressed to keep the repository small. Swagger UI 4
# (the swagger-ui-bundle pip package) cannot render an OpenAPI 3.1 document, which is what Powertools writes.
SWAGGER_UI_VERSION = "5.35.0"
STATIC = Path(__file__).with_name("static")

# Only these files are served: a fixed allow-list keeps /docs/{asset} from reading anything else.
ASSET_TYPES = {
    "swagger-ui.css": "text/css; charset=utf-8",
    "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
}
HTML_TYPE = "text/html; charset=utf-8"

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newsdrop lookup API</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{base}/docs/swagger-ui.css">
<style>body {{ margin: 0; }} .topnote {{ font: 14px sans-serif; padding: 8px 20px; background: #f3f6f8; }}</style>
</head>
<body>
<div class="topnote">newsdrop lookup API. Press <b>Authorize</b> and paste the API key
(<code>make run</code> prints it) to try the routes; <a href="{base}/review">/review</a> shows what cleaning did.</div>
<div id="swagger-ui"></div>
<script src="{base}/docs/swagger-ui-bundle.js"></script>
<script>
window.ui = SwaggerUIBundle({{
  url: {spec_url},
  dom_id: "#swagger-ui",
  deepLinking: true,
  persistAuthorization: true,
  validatorUrl: null,
  tryItOutEnabled: false,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout"
}});
</script>
</body>
</html>
"""


def page(base_path: str) -> str:
    """The Swagger UI page; ``base_path`` is the stage prefix ("/Prod") or "" behind a custom domain."""
    spec_url = json.dumps(f"{base_path}/openapi.json").replace("</", "<\\/")
    return _PAGE.format(base=base_path, spec_url=spec_url)


@cache
def asset(name: str) -> str | None:
    """Text of one allowed asset, or None for any other name."""
    if name not in ASSET_TYPES:
        return None
    return gzip.decompress((STATIC / f"{name}.gz").read_bytes()).decode("utf-8")
