"""The /review page: bundles, their members, errors, chrome and near-duplicates, and each article's cleaning line by line.

Plain HTML, CSS and JavaScript files under static/, served by the lookup function itself: no CDN, no build step.
"""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path

STATIC = Path(__file__).with_name("static")
# Only these files are served: a fixed allow-list keeps /review/{asset} from reading anything else.
ASSET_TYPES = {
    "review-kit.js": "text/javascript; charset=utf-8",
    "review.js": "text/javascript; charset=utf-8",
    "review.css": "text/css; charset=utf-8",
}
HTML_TYPE = "text/html; charset=utf-8"

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newsdrop review</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{base}/review/review.css">
</head>
<body data-base="{base}">
<header>
  <a class="brand" href="#/">newsdrop review</a>
  <a href="{base}/docs">API docs</a>
  <form id="key-form" autocomplete="off">
    <label for="key-input">API key</label>
    <input id="key-input" type="password" placeholder="paste the x-api-key value">
    <button type="submit">Use key</button>
    <button type="button" id="key-clear">Forget</button>
    <span class="key-state" id="key-state"></span>
  </form>
</header>
<main id="view"><noscript>This page needs JavaScript.</noscript></main>
<script src="{base}/review/review-kit.js"></script>
<script src="{base}/review/review.js"></script>
</body>
</html>
"""


def page(base_path: str) -> str:
    """The review page; ``base_path`` is the stage prefix ("/Prod") or "" behind a custom domain."""
    return _PAGE.format(base=html.escape(base_path, quote=True))


@cache
def asset(name: str) -> str | None:
    """Text of one allowed asset, or None for any other name."""
    if name not in ASSET_TYPES:
        return None
    return (STATIC / name).read_text(encoding="utf-8")
