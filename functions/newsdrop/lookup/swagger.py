"""Swagger UI served from the function itself (assets of the swagger-ui-bundle package), so /docs works offline."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from swagger_ui_bundle import swagger_ui_path

# Only these files are served: a fixed allow-list keeps /docs/{asset} from reading anything else.
ASSET_TYPES = {
    "swagger-ui.css": "text/css; charset=utf-8",
    "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
    "swagger-ui-standalone-preset.js": "text/javascript; charset=utf-8",
}
HTML_TYPE = "text/html; charset=utf-8"

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>newsdrop lookup API</title>
<link rel="stylesheet" href="{base}/docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{base}/docs/swagger-ui-bundle.js"></script>
<script src="{base}/docs/swagger-ui-standalone-preset.js"></script>
<script>
window.ui = SwaggerUIBundle({{
  url: {spec_url},
  dom_id: "#swagger-ui",
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: "StandaloneLayout"
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
    return (Path(str(swagger_ui_path)) / name).read_text(encoding="utf-8")
