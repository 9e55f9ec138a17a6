"""Reading the local stack back over its own API: one GET with the key, and waiting for bundles to be final."""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

FINAL_STATES = ("DONE", "PARTIAL", "FAILED")


class LocalApiClient:
    """GETs against the local gateway, as a script holding the API key would make them."""

    def __init__(self, url: str, api_key: str) -> None:
        self.url = url
        self.api_key = api_key

    def get(self, path: str, **query: Any) -> Any:
        params = {name: value for name, value in query.items() if value is not None}
        url = self.url.rstrip("/") + path + ("?" + urllib.parse.urlencode(params) if params else "")
        request = urllib.request.Request(url, headers={"x-api-key": self.api_key})
        with urllib.request.urlopen(request, timeout=30) as reply:
            return json.loads(reply.read())

    def newest_status(self, key: str) -> str | None:
        """The status of the newest bundle record for ``key`` (None when nothing was recorded for it yet)."""
        items = self.get("/bundles", key=key, limit=1).get("items", [])
        return items[0].get("status") if items else None

    def wait_for_bundles(
        self, keys: list[str], timeout: float = 120.0, stop: threading.Event | None = None
    ) -> dict[str, dict[str, Any] | None]:
        """The newest bundle record of each key once it is final (None for a key still unfinished at the deadline)."""
        deadline = time.monotonic() + timeout
        records: dict[str, dict[str, Any] | None] = dict.fromkeys(keys)
        pending = set(keys)
        while pending and time.monotonic() < deadline and not (stop is not None and stop.is_set()):
            for key in sorted(pending):
                try:
                    items = self.get("/bundles", key=key, limit=1).get("items", [])
                except (urllib.error.URLError, OSError, ValueError):
                    items = []
                if items and items[0].get("status") in FINAL_STATES:
                    records[key] = items[0]
                    pending.discard(key)
            if pending:
                time.sleep(0.5)
        return records
