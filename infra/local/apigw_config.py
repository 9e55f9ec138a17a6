"""What the template says of the lookup API: its routes (path templates), API keys, throttle and quota, and the
function behind it; read into an ``ApiConfig`` for the local gateway."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from infra.resolver import Resolver
from infra.template import TemplateError, function_properties


@dataclass(frozen=True, slots=True)
class Route:
    """One Api event of the function: its path template, method and whether it needs the API key."""

    resource: str
    method: str
    api_key_required: bool
    pattern: re.Pattern[str] = field(compare=False)

    def match(self, path: str) -> dict[str, str] | None:
        found = self.pattern.fullmatch(path)
        if found is None:
            return None
        return {name: unquote(value) for name, value in found.groupdict().items()}


def _route_pattern(resource: str) -> re.Pattern[str]:
    parts = []
    for segment in resource.strip("/").split("/"):
        greedy = re.fullmatch(r"\{(\w+)\+\}", segment)
        single = re.fullmatch(r"\{(\w+)\}", segment)
        if greedy:
            parts.append(f"(?P<{greedy.group(1)}>.+)")
        elif single:
            parts.append(f"(?P<{single.group(1)}>[^/]+)")
        else:
            parts.append(re.escape(segment))
    return re.compile("/" + "/".join(parts) if resource.strip("/") else "/")


@dataclass(frozen=True, slots=True)
class ApiConfig:
    """What the template says about the API: stage, routes, key requirement, throttles, quota, CORS."""

    stage: str
    routes: tuple[Route, ...]
    stage_rate: float | None
    stage_burst: int | None
    key_rate: float | None
    key_burst: int | None
    quota_per_day: int | None
    cors: Mapping[str, str]
    error_headers: Mapping[str, str]
    cors_preflight_needs_key: bool
    timeout_seconds: int
    memory_mb: int


def _unquote_header(value: Any) -> str:
    """SAM writes header values as quoted literals ("'GET,OPTIONS'")."""
    text = str(value)
    return text[1:-1] if len(text) >= 2 and text[0] == text[-1] == "'" else text


def api_config(resolver: Resolver, function_id: str = "LookupFunction") -> ApiConfig:
    """Routes of ``function_id``'s Api events and the settings of the Serverless::Api they name."""
    template = resolver.template
    function = function_properties(template, function_id)
    events = function.get("Events") or {}
    api_events = {name: ev for name, ev in events.items() if ev.get("Type") == "Api"}
    if not api_events:
        raise TemplateError(
            f"{function_id} has no Api events in the template: the local API would have no routes"
        )
    api_ids = set()
    for event in api_events.values():
        rest_api = event.get("Properties", {}).get("RestApiId")
        if isinstance(rest_api, dict) and "Ref" in rest_api:
            api_ids.add(rest_api["Ref"])
    if len(api_ids) != 1:
        raise TemplateError(
            f"{function_id}'s Api events must all name one RestApiId (found {sorted(api_ids)})"
        )
    (api_id,) = api_ids
    # Only what the gateway enforces: the rest (access logs, tracing) refers to resources never created locally.
    enforced = ("StageName", "Auth", "MethodSettings", "Cors", "GatewayResponses")
    api_properties = template["Resources"][api_id].get("Properties", {}) or {}
    api = resolver.resolve({k: v for k, v in api_properties.items() if k in enforced})
    auth = api.get("Auth") or {}
    default_key = bool(auth.get("ApiKeyRequired", False))
    routes = []
    for event in api_events.values():
        raw = {k: v for k, v in (event.get("Properties") or {}).items() if k != "RestApiId"}
        props = resolver.resolve(raw)
        needs_key = bool((props.get("Auth") or {}).get("ApiKeyRequired", default_key))
        resource = str(props["Path"])
        routes.append(Route(resource, str(props["Method"]).upper(), needs_key, _route_pattern(resource)))
    stage_rate = stage_burst = None
    for setting in api.get("MethodSettings") or []:
        if setting.get("ResourcePath") == "/*" and setting.get("HttpMethod") == "*":
            stage_rate = float(setting["ThrottlingRateLimit"]) if "ThrottlingRateLimit" in setting else None
            stage_burst = int(setting["ThrottlingBurstLimit"]) if "ThrottlingBurstLimit" in setting else None
    plan = auth.get("UsagePlan") or {}
    throttle = plan.get("Throttle") or {}
    quota = plan.get("Quota") or {}
    if quota and str(quota.get("Period", "DAY")).upper() != "DAY":
        raise TemplateError(
            "the local API counts usage-plan quotas per DAY only; change Quota.Period or infra/local"
        )
    cors_settings = api.get("Cors") or {}
    cors = {}
    if isinstance(cors_settings, str):
        cors_settings = {"AllowOrigin": cors_settings}
    for prop, header in (
        ("AllowOrigin", "Access-Control-Allow-Origin"),
        ("AllowMethods", "Access-Control-Allow-Methods"),
        ("AllowHeaders", "Access-Control-Allow-Headers"),
        ("MaxAge", "Access-Control-Max-Age"),
    ):
        if prop in cors_settings:
            cors[header] = _unquote_header(cors_settings[prop])
    error_headers: dict[str, str] = {}
    for response in (api.get("GatewayResponses") or {}).values():
        for name, value in ((response.get("ResponseParameters") or {}).get("Headers") or {}).items():
            error_headers[name] = _unquote_header(value)
    resolved_function = resolver.resolve(
        {key: function.get(key) for key in ("Timeout", "MemorySize") if key in function}
    )
    return ApiConfig(
        stage=str(api.get("StageName", "Prod")),
        routes=tuple(routes),
        stage_rate=stage_rate,
        stage_burst=stage_burst,
        key_rate=float(throttle["RateLimit"]) if "RateLimit" in throttle else None,
        key_burst=int(throttle["BurstLimit"]) if "BurstLimit" in throttle else None,
        quota_per_day=int(quota["Limit"]) if "Limit" in quota else None,
        cors=cors,
        error_headers=error_headers,
        cors_preflight_needs_key=bool(auth.get("AddApiKeyRequiredToCorsPreflight", True)),
        timeout_seconds=int(resolved_function.get("Timeout", 3)),
        memory_mb=int(resolved_function.get("MemorySize", 128)),
    )
