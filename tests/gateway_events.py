"""API Gateway REST proxy events for the lookup handler, built on the sample event `events/api-health.json`."""

from __future__ import annotations

import copy
import json
from pathlib import Path

EVENTS = Path(__file__).resolve().parents[1] / "events"


def lookup_event(path: str, query: dict[str, str] | None = None, method: str = "GET") -> dict:
    """The sample event sent to ``path`` with ``method`` and the query parameters ``query``."""
    built = copy.deepcopy(json.loads((EVENTS / "api-health.json").read_text()))
    built.update(
        path=path,
        httpMethod=method,
        queryStringParameters=query or None,
        multiValueQueryStringParameters={k: [v] for k, v in query.items()} if query else None,
    )
    built["requestContext"].update(path="/Prod" + path, httpMethod=method)
    return built
