"""A small client of the lookup API over urllib (no dependency beyond the standard library)."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from newsdrop_cli.errors import ApiError, NotFound, TimedOut, Unreachable

MAX_PAGE = 100  # the API's own upper bound on `limit`
# Fast answers that say "try again": retried. A timeout is never retried (see ApiClient.get).
RETRY_STATUSES = frozenset({429, 502, 503, 504})
# What to do about a 400, by the parameter the API's message names (the API always names it).
PARAMETER_HINTS = {
    "article_id": "an article id is 32 lowercase hex characters: copy one from `newsdrop articles` "
    "or `newsdrop search WORDS`",
    "bundle_id": "copy a bundle id from `newsdrop status`",
    "since": "give dates as YYYY-MM-DD (e.g. --since 2016-12-01) or an ISO 8601 date-time "
    "such as 2016-12-18T15:00:00Z",
    "until": "give dates as YYYY-MM-DD (e.g. --until 2016-12-31) or an ISO 8601 date-time "
    "such as 2016-12-18T15:00:00Z",
    "q": "search for words of two letters or more that are not stop words (the, of, and, ...), "
    "at most 8 distinct words",
    "cursor": "run the command again from the start; a cursor only works for the query that gave it",
    "source": "give the outlet's name as `newsdrop articles` shows it, e.g. --source 'Press TV'",
}


class ApiClient:
    """GETs JSON from the lookup API with the API key; retries throttling and transient 5xx a few times."""

    def __init__(
        self,
        base_url: str,
        api_key: str | None,
        *,
        timeout: float = 30.0,
        retries: int = 3,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.api_key = api_key
        self.timeout = timeout
        self.retries = retries
        # Looked up at call time, so a test that patches time.sleep reaches clients built before it.
        self.sleep = sleep if sleep is not None else (lambda seconds: time.sleep(seconds))

    def url(self, path: str, params: Mapping[str, Any] | None = None) -> str:
        query = {k: str(v) for k, v in (params or {}).items() if v is not None and v != ""}
        encoded = urllib.parse.urlencode(query, quote_via=urllib.parse.quote)
        return self.base_url + path.lstrip("/") + (f"?{encoded}" if encoded else "")

    def get(self, path: str, params: Mapping[str, Any] | None = None) -> Any:
        url = self.url(path, params)
        headers = {"Accept": "application/json", "User-Agent": "newsdrop-cli"}
        if self.api_key:
            headers["x-api-key"] = self.api_key
        for attempt in range(self.retries + 1):
            request = urllib.request.Request(url, headers=headers, method="GET")
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as reply:
                    return json.loads(reply.read().decode("utf-8"))
            except urllib.error.HTTPError as exc:
                if exc.code in RETRY_STATUSES and attempt < self.retries:
                    self.sleep(_retry_after(exc.headers.get("Retry-After"), attempt))
                    continue
                raise _api_error(exc, url) from None
            except (TimeoutError, urllib.error.URLError, ConnectionError) as exc:
                reason = getattr(exc, "reason", exc)
                if isinstance(reason, TimeoutError):
                    # The service is up but slow: a retry would only queue behind the call it is still
                    # serving (the local gateway serves one call at a time), so give up at once.
                    raise TimedOut(
                        f"the newsdrop API at {self.base_url} did not answer within {self.timeout:g} s",
                        hint="the stack is running but busy (a large bundle being ingested, or a slow call "
                        "before this one): wait a minute and run the command again; "
                        "`curl " + self.base_url + "health` answers at once when it is free",
                    ) from None
                if attempt < self.retries:
                    self.sleep(0.5 * 2**attempt)
                    continue
                raise _unreachable(self.base_url, reason) from None
            except ValueError:
                raise ApiError(
                    f"{url} did not answer JSON",
                    status=200,
                    hint="check that NEWSDROP_API_URL points at the newsdrop API (the stack's ApiUrl output)",
                ) from None
        raise AssertionError("unreachable: the loop returns or raises")

    def pages(self, path: str, params: Mapping[str, Any], total: int) -> Iterator[dict[str, Any]]:
        """Items of a list route, following next_cursor until ``total`` items or the last page."""
        cursor: str | None = None
        given = 0
        while given < total:
            page = self.get(path, {**params, "limit": min(MAX_PAGE, total - given), "cursor": cursor})
            for item in page.get("items", []):
                yield item
                given += 1
                if given >= total:
                    return
            cursor = page.get("next_cursor")
            if not cursor:
                return

    # --- routes ------------------------------------------------------------------------------
    def article(self, article_id: str) -> dict[str, Any]:
        return self.get(f"articles/{urllib.parse.quote(article_id, safe='')}")

    def bundle(self, bundle_id: str) -> dict[str, Any]:
        return self.get(f"bundles/{urllib.parse.quote(bundle_id, safe='')}")

    def bundles(self, *, key: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
        return list(self.pages("bundles", {"key": key}, limit))

    def articles(self, *, limit: int = 20, **filters: str | None) -> list[dict[str, Any]]:
        return list(self.pages("articles", filters, limit))

    def similar(self, article_id: str, *, limit: int = 20) -> dict[str, Any]:
        """The first page's answer (article_id, group_id, reason) with items of later pages up to ``limit``."""
        return self._first_with_items(f"articles/{urllib.parse.quote(article_id, safe='')}/similar", limit)

    def groups(self, bundle_id: str, *, limit: int = 20) -> dict[str, Any]:
        """The bundle's near-duplicate groups, following next_cursor until ``limit`` groups or the last page."""
        return self._first_with_items(f"bundles/{urllib.parse.quote(bundle_id, safe='')}/groups", limit)

    def _first_with_items(self, path: str, limit: int) -> dict[str, Any]:
        """The first page's answer with the items of the pages after it, up to ``limit`` items."""
        first = self.get(path, {"limit": min(MAX_PAGE, limit)})
        items = list(first.get("items", []))
        cursor = first.get("next_cursor")
        while cursor and len(items) < limit:
            page = self.get(path, {"limit": min(MAX_PAGE, limit - len(items)), "cursor": cursor})
            items += page.get("items", [])
            cursor = page.get("next_cursor")
        return {**first, "items": items[:limit], "next_cursor": cursor}

    def search(self, words: str, *, limit: int = 20) -> tuple[list[dict[str, Any]], bool]:
        """Up to ``limit`` hits, most recently stored first; a page may come back short, so follow the cursor."""
        page = self.get("search", {"q": words, "limit": min(MAX_PAGE, limit)})
        items, complete = list(page.get("items", [])), bool(page.get("complete", True))
        cursor = page.get("next_cursor")
        while cursor and len(items) < limit:
            page = self.get(
                "search", {"q": words, "limit": min(MAX_PAGE, limit - len(items)), "cursor": cursor}
            )
            items += page.get("items", [])
            complete = complete and bool(page.get("complete", True))
            cursor = page.get("next_cursor")
        return items[:limit], complete


def _retry_after(raw: str | None, attempt: int) -> float:
    try:
        return min(30.0, max(0.0, float(raw))) if raw else 0.5 * 2**attempt
    except ValueError:
        return 0.5 * 2**attempt


def _unreachable(base_url: str, reason: object) -> Unreachable:
    """Nothing answers at all: refused (nothing listens), or the name or network is wrong."""
    if isinstance(reason, ConnectionRefusedError):
        local = urllib.parse.urlsplit(base_url).hostname in ("127.0.0.1", "localhost", "::1")
        return Unreachable(
            f"nothing listens at {base_url} (connection refused)",
            hint="start the local stack with `make run` (it prints `ready:` when it answers)"
            if local
            else "check the URL: --stack NAME, or NEWSDROP_API_URL set to the stack's ApiUrl output",
        )
    return Unreachable(
        f"cannot reach the newsdrop API at {base_url}: {reason}",
        hint="check the host name and your network, and --stack / NEWSDROP_API_URL",
    )


def _api_error(exc: urllib.error.HTTPError, url: str) -> Exception:
    try:
        body = json.loads(exc.read().decode("utf-8"))
    except (ValueError, OSError):
        body = {}
    detail = body.get("error") if isinstance(body, dict) else None
    if isinstance(detail, dict):
        code, message = detail.get("code"), str(detail.get("message", ""))
    else:
        code, message = None, str((body or {}).get("message", "") if isinstance(body, dict) else "")
    path = urllib.parse.urlsplit(url).path
    if exc.code == 404 and code in (None, "not_found"):
        if "/articles/" in path:
            hint = "check the id: `newsdrop articles` lists articles, `newsdrop search WORDS` finds them"
        elif "/bundles/" in path:
            hint = "check the id: `newsdrop status` lists bundles"
        else:
            hint = "check NEWSDROP_API_URL: it must be the stack's ApiUrl output"
        return NotFound(message or f"not found: {url}", hint=hint)
    if exc.code == 403:
        return ApiError(
            message or "forbidden",
            status=403,
            code=code,
            hint="the API key is missing or wrong: set NEWSDROP_API_KEY, or use --stack NAME to read it",
        )
    if exc.code == 429:
        return ApiError(
            message or "too many requests",
            status=429,
            code=code,
            hint="the API key's usage plan is throttling or its daily quota is used up: wait a minute, "
            "or ask for a higher ApiThrottleRate / ApiDailyQuota",
        )
    if exc.code >= 500:
        return Unreachable(
            f"the API answered {exc.code}: {message or exc.reason}",
            hint="retry in a moment; if it persists, check the stack's logs",
        )
    return ApiError(
        message or f"HTTP {exc.code}", status=exc.code, code=code, hint=_parameter_hint(code, message)
    )


def _parameter_hint(code: str | None, message: str) -> str:
    """What to do about a refused parameter: the API's message names it first (``query parameter 'q': ...``)."""
    if code == "invalid_cursor":
        return PARAMETER_HINTS["cursor"]
    for name, hint in PARAMETER_HINTS.items():
        if f"'{name}'" in message or message.startswith((f"{name} ", f"{name}:")):
            return hint
    return "change the value the message names; `newsdrop COMMAND --help` lists what each option accepts"
