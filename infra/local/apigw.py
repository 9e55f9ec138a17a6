"""API Gateway (REST, proxy integration, payload 1.0) in front of the lookup handler, configured from the template."""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from infra.local.apigw_config import ApiConfig, Route
from infra.local.context import LocalLambdaContext
from infra.local.servers import ServerThread

logger = logging.getLogger("newsdrop.local.api")

Handler = Callable[[dict[str, Any], Any], Any]
_MAX_PATH_BYTES = 8192
_MAX_BODY_BYTES = 10 * 1024 * 1024  # API Gateway's payload limit


class TokenBucket:
    """API Gateway's throttle: ``rate`` tokens per second refill a bucket of ``burst``; a request takes one."""

    def __init__(self, rate: float, burst: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self.burst = burst
        self.clock = clock
        self._tokens = float(burst)
        self._updated = clock()
        self._lock = threading.Lock()

    def take(self) -> bool:
        with self._lock:
            now = self.clock()
            self._tokens = min(self.burst, self._tokens + (now - self._updated) * self.rate)
            self._updated = now
            if self._tokens >= 1:
                self._tokens -= 1
                return True
            return False


class DailyQuota:
    """Requests per UTC day for one key."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._day = ""
        self._used = 0
        self._lock = threading.Lock()

    def take(self) -> bool:
        with self._lock:
            today = datetime.now(UTC).strftime("%Y-%m-%d")
            if today != self._day:
                self._day, self._used = today, 0
            if self._used >= self.limit:
                return False
            self._used += 1
            return True


@dataclass
class GatewayReply:
    status: int
    headers: list[tuple[str, str]]
    body: bytes


class LocalApiGateway:
    """Turns HTTP requests into proxy events for ``handler``; answers key, throttle and route errors itself.

    One invocation at a time, like one warm Lambda container: the Powertools resolver keeps the
    current event in module state, so concurrent calls into it would mix requests up.
    """

    def __init__(
        self, config: ApiConfig, handler: Handler, api_key: str, *, region: str, account_id: str
    ) -> None:
        self.config = config
        self.handler = handler
        self.api_key = api_key
        self.api_key_id = "local-" + uuid.uuid5(uuid.NAMESPACE_URL, api_key).hex[:10]
        self.region = region
        self.account_id = account_id
        self.stage_bucket = (
            TokenBucket(config.stage_rate, config.stage_burst)
            if config.stage_rate is not None and config.stage_burst is not None
            else None
        )
        self.key_bucket = (
            TokenBucket(config.key_rate, config.key_burst)
            if config.key_rate is not None and config.key_burst is not None
            else None
        )
        self.quota = DailyQuota(config.quota_per_day) if config.quota_per_day else None
        self._invoke_lock = threading.Lock()
        self.api_id = "local" + uuid.uuid5(uuid.NAMESPACE_URL, api_key).hex[:5]

    # -- gateway answers
    def _gateway_error(
        self, status: int, message: str, extra: Mapping[str, str] | None = None
    ) -> GatewayReply:
        headers = [("Content-Type", "application/json"), ("x-amzn-ErrorType", _error_type(status))]
        headers += list(self.config.error_headers.items())
        headers += list((extra or {}).items())
        return GatewayReply(status, headers, json.dumps({"message": message}).encode())

    def find_route(self, method: str, path: str) -> tuple[Route, dict[str, str]] | None:
        for route in self.config.routes:
            if route.method not in (method, "ANY"):
                continue
            params = route.match(path)
            if params is not None:
                return route, params
        return None

    def handle(
        self,
        method: str,
        raw_path: str,
        headers: list[tuple[str, str]],
        body: bytes,
        source_ip: str,
        client_waiting: Callable[[], bool] = lambda: True,
    ) -> GatewayReply:
        split = urlsplit(raw_path)
        path = unquote(split.path) or "/"
        stage_prefix = f"/{self.config.stage}"
        # Accept the deployed URL shape (/dev/articles) as well as sam local's (/articles).
        under_stage = path == stage_prefix or path.startswith(stage_prefix + "/")
        resource_path = (path[len(stage_prefix) :] or "/") if under_stage else path
        lower = {name.lower(): value for name, value in headers}
        if self.stage_bucket is not None and not self.stage_bucket.take():
            return self._gateway_error(429, "Too Many Requests")
        preflight = method == "OPTIONS" and self.config.cors and not self.config.cors_preflight_needs_key
        if preflight and any(route.match(resource_path) is not None for route in self.config.routes):
            return GatewayReply(200, [*self.config.cors.items(), ("Content-Length", "0")], b"")
        found = self.find_route(method, resource_path)
        if found is None:
            # API Gateway answers an undefined resource or method this way, whatever the key.
            return self._gateway_error(403, "Missing Authentication Token")
        route, path_params = found
        if route.api_key_required:
            if lower.get("x-api-key") != self.api_key:
                return self._gateway_error(403, "Forbidden")
            if self.key_bucket is not None and not self.key_bucket.take():
                return self._gateway_error(429, "Too Many Requests")
            if self.quota is not None and not self.quota.take():
                return self._gateway_error(429, "Limit Exceeded")
        event = self.proxy_event(
            method, path, resource_path, route, path_params, split.query, headers, body, source_ip
        )
        context = LocalLambdaContext(
            function_name="LookupFunction",
            timeout_seconds=self.config.timeout_seconds,
            memory_limit_in_mb=self.config.memory_mb,
            region=self.region,
            account_id=self.account_id,
            aws_request_id=event["requestContext"]["requestId"],
        )
        try:
            with self._invoke_lock:
                if not client_waiting():
                    # The caller gave up (timed out) while an earlier call held the function: running this one
                    # anyway would only delay every call queued behind it, /health included.
                    logger.info("%s %s dropped: the client went away while it waited", method, path)
                    return GatewayReply(499, [], b"")
                result = self.handler(event, context)
        except Exception:
            logger.exception("the lookup handler raised")
            return self._gateway_error(502, "Internal server error")
        return self._proxy_reply(result)

    def proxy_event(
        self,
        method: str,
        path: str,
        resource_path: str,
        route: Route,
        path_params: dict[str, str],
        query: str,
        headers: list[tuple[str, str]],
        body: bytes,
        source_ip: str,
    ) -> dict[str, Any]:
        multi_headers: dict[str, list[str]] = {}
        for name, value in headers:
            multi_headers.setdefault(name, []).append(value)
        multi_query: dict[str, list[str]] = {}
        for name, value in parse_qsl(query, keep_blank_values=True):
            multi_query.setdefault(name, []).append(value)
        now = datetime.now(UTC)
        request_id = str(uuid.uuid4())
        text_body = body.decode("utf-8", errors="replace") if body else None
        return {
            "resource": route.resource,
            "path": resource_path,
            "httpMethod": method,
            # API Gateway keeps the last value of a repeated header or parameter in the single-value maps.
            "headers": {name: values[-1] for name, values in multi_headers.items()} or None,
            "multiValueHeaders": multi_headers or None,
            "queryStringParameters": {name: values[-1] for name, values in multi_query.items()} or None,
            "multiValueQueryStringParameters": multi_query or None,
            "pathParameters": path_params or None,
            "stageVariables": None,
            "body": text_body,
            "isBase64Encoded": False,
            "requestContext": {
                "accountId": self.account_id,
                "apiId": self.api_id,
                "resourceId": uuid.uuid5(uuid.NAMESPACE_URL, route.resource).hex[:6],
                "resourcePath": route.resource,
                "httpMethod": method,
                "path": path if path != resource_path else resource_path,
                "stage": self.config.stage,
                "protocol": "HTTP/1.1",
                "requestId": request_id,
                "extendedRequestId": request_id,
                "requestTime": now.strftime("%d/%b/%Y:%H:%M:%S +0000"),
                "requestTimeEpoch": int(now.timestamp() * 1000),
                "domainName": "127.0.0.1",
                "identity": {
                    "sourceIp": source_ip,
                    "userAgent": {n.lower(): v for n, v in headers}.get("user-agent"),
                    "apiKey": {n.lower(): v for n, v in headers}.get("x-api-key")
                    if route.api_key_required
                    else None,
                    "apiKeyId": self.api_key_id if route.api_key_required else None,
                    "accessKey": None,
                    "accountId": None,
                    "caller": None,
                    "user": None,
                    "userArn": None,
                    "cognitoIdentityId": None,
                    "cognitoIdentityPoolId": None,
                    "cognitoAuthenticationType": None,
                    "cognitoAuthenticationProvider": None,
                },
            },
        }

    def _proxy_reply(self, result: Any) -> GatewayReply:
        if not isinstance(result, dict) or not isinstance(result.get("statusCode"), int):
            logger.error("the lookup handler returned no proxy response: %r", result)
            return self._gateway_error(502, "Internal server error")
        headers: list[tuple[str, str]] = []
        singles = result.get("headers") or {}
        multi = result.get("multiValueHeaders") or {}
        for name, values in multi.items():
            headers += [(name, str(value)) for value in values]
        multi_lower = {name.lower() for name in multi}
        headers += [(name, str(value)) for name, value in singles.items() if name.lower() not in multi_lower]
        body = result.get("body") or ""
        if result.get("isBase64Encoded"):
            import base64

            payload = base64.b64decode(body)
        else:
            payload = str(body).encode("utf-8")
        return GatewayReply(int(result["statusCode"]), headers, payload)


def _client_closed(connection: socket.socket) -> bool:
    """True when the client has closed its end (a read would return EOF); pending request bytes do not count."""
    timeout = connection.gettimeout()
    try:
        connection.setblocking(False)
        return connection.recv(1, socket.MSG_PEEK) == b""
    except BlockingIOError:
        return False  # nothing to read: the client is still waiting for the answer
    except OSError:
        return True
    finally:
        connection.settimeout(timeout)


def _error_type(status: int) -> str:
    return {
        403: "ForbiddenException",
        429: "TooManyRequestsException",
        502: "InternalServerErrorException",
    }.get(status, "BadRequestException")


class _RequestHandler(BaseHTTPRequestHandler):
    server: _GatewayServer
    protocol_version = "HTTP/1.1"

    def _serve(self) -> None:
        if len(self.path.encode("utf-8", errors="replace")) > _MAX_PATH_BYTES:
            self._send(
                GatewayReply(414, [("Content-Type", "application/json")], b'{"message": "URI Too Long"}')
            )
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > _MAX_BODY_BYTES:
            self._send(
                GatewayReply(413, [("Content-Type", "application/json")], b'{"message": "Request Too Long"}')
            )
            self.close_connection = True
            return
        body = self.rfile.read(length) if length > 0 else b""
        reply = self.server.gateway.handle(
            self.command,
            self.path,
            list(self.headers.items()),
            body,
            self.client_address[0],
            client_waiting=lambda: not _client_closed(self.connection),
        )
        if reply.status == 499:
            self.close_connection = True
            return
        self._send(reply)

    def _send(self, reply: GatewayReply) -> None:
        self.send_response(reply.status)
        names = {name.lower() for name, _ in reply.headers}
        for name, value in reply.headers:
            if name.lower() not in ("content-length", "connection", "transfer-encoding"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(reply.body)))
        if "content-type" not in names:
            self.send_header("Content-Type", "application/json")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_HEAD = _serve

    def __getattr__(self, name: str) -> Any:
        # Any other method (TRACE, ...) goes through the gateway too, as on AWS, instead of http.server's 501 page.
        if name.startswith("do_"):
            return self._serve
        raise AttributeError(name)

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("%s " + format, self.client_address[0], *args)


class _GatewayServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], gateway: LocalApiGateway) -> None:
        self.gateway = gateway
        super().__init__(address, _RequestHandler)


class ApiServer(ServerThread):
    """The HTTP side: a threading server on ``host:port`` in a thread of its own."""

    def __init__(self, gateway: LocalApiGateway, host: str = "127.0.0.1", port: int = 3000) -> None:
        self.gateway = gateway
        super().__init__(
            "local-api",
            "the local API",
            "--api-port",
            host,
            port,
            lambda h, p: _GatewayServer((h, p), gateway),
        )

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/"
