"""`newsdrop events`: the Bundle Finished events the local stack recorded, once or as they come (--follow)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from typing import Any

import click

from newsdrop_cli.errors import EXIT_CODES_HELP, ConfigError, Unreachable
from newsdrop_cli.target import Target, resolve

POLL_SECONDS = 1.0


def logs_client(target: Target) -> Any:
    """A CloudWatch Logs client for the local stack's AWS endpoint (any credentials do there)."""
    import boto3

    session = boto3.session.Session(
        aws_access_key_id="testing", aws_secret_access_key="testing", region_name=target.region
    )
    return session.client("logs", endpoint_url=target.aws_endpoint)


def read_events(logs: Any, group: str, *, start_ms: int = 0) -> list[dict[str, Any]]:
    """Every event in the log group from ``start_ms`` on, oldest first (EventBridge's JSON, detail included)."""
    from botocore.exceptions import BotoCoreError, ClientError

    found: list[tuple[int, dict[str, Any]]] = []
    kwargs: dict[str, Any] = {"logGroupName": group, "startTime": start_ms}
    try:
        while True:
            reply = logs.filter_log_events(**kwargs)
            for entry in reply.get("events", []):
                try:
                    found.append((int(entry["timestamp"]), json.loads(entry["message"])))
                except (KeyError, ValueError):
                    continue  # not an event: nothing else writes there, but never stop on one line
            if not reply.get("nextToken"):
                break
            kwargs["nextToken"] = reply["nextToken"]
    except ClientError as exc:
        raise ConfigError(
            f"cannot read the events log group {group}: {exc.response['Error'].get('Message', exc)}",
            hint="restart `make run`: it creates the group and the rule that fills it",
        ) from None
    except BotoCoreError as exc:
        raise Unreachable(
            f"cannot reach the local stack's AWS endpoint: {exc}", hint="is `make run` still running?"
        ) from None
    found.sort(key=lambda pair: (pair[0], str(pair[1].get("detail", {}).get("finished_at"))))
    return [event for _, event in found]


def follow(
    logs: Any,
    group: str,
    *,
    since_ms: int = 0,
    poll: float = POLL_SECONDS,
    sleep: Callable[[float], None] = time.sleep,
) -> Iterator[dict[str, Any]]:
    """Events as they arrive, each once (by EventBridge's id), forever: the caller stops iterating."""
    seen: set[str] = set()
    start = since_ms
    while True:
        for event in read_events(logs, group, start_ms=start):
            key = str(event.get("id") or json.dumps(event, sort_keys=True))
            if key in seen:
                continue
            seen.add(key)
            yield event
        # Re-read from a little before now: a line can land with an older timestamp than the newest seen.
        start = max(since_ms, int(time.time() * 1000) - 60_000)
        sleep(poll)


def summary(event: dict[str, Any]) -> str:
    """One line per event: when, status, key, counts, error codes and where the articles are."""
    detail = event.get("detail") or {}
    counts = detail.get("counts") or {}
    shown = ", ".join(
        f"{name} {counts[name]}" for name in ("articles", "new", "duplicates", "failed") if name in counts
    )
    codes = detail.get("error_codes") or {}
    errors = ("  errors " + ", ".join(f"{code} {n}" for code, n in codes.items())) if codes else ""
    articles = (detail.get("links") or {}).get("articles") or ""
    return (
        f"{detail.get('finished_at', '?')}  {detail.get('status', '?'):<7} {detail.get('key', '?')}  "
        f"bundle {detail.get('bundle_id', '?')}  ({shown}){errors}  {articles}".rstrip()
    )


def events_source(target: Target, group: str | None) -> tuple[Any, str]:
    if not target.aws_endpoint or not group:
        raise ConfigError(
            f"newsdrop events reads the local stack's record of events; {target.origin} has none",
            hint="start the local stack with `make run`; on AWS, add an EventBridge rule for source "
            "newsdrop on the stack's bus (docs/events.md shows one)",
        )
    return logs_client(target), group


@click.command(epilog=EXIT_CODES_HELP)
@click.option(
    "--follow",
    "-f",
    "follow_events",
    is_flag=True,
    help="Keep printing events as bundles finish (Ctrl-C stops).",
)
@click.option("--json", "as_json", is_flag=True, help="One event per line as EventBridge's JSON.")
@click.option(
    "--count",
    type=click.IntRange(min=1),
    help="With --follow: stop after this many events (default: until Ctrl-C).",
)
def events(follow_events: bool, as_json: bool, count: int | None) -> None:
    """Bundle Finished events of the local stack (one per finished bundle), oldest first."""
    target = resolve()
    logs, group = events_source(target, target.events_log_group)

    def show(event: dict[str, Any]) -> None:
        click.echo(json.dumps(event, ensure_ascii=False) if as_json else summary(event))

    if not follow_events:
        for event in read_events(logs, group):
            show(event)
        return
    shown = 0
    try:
        for event in follow(logs, group):
            show(event)
            shown += 1
            if count is not None and shown >= count:
                return
    except KeyboardInterrupt:
        return
