"""The local stack's record of Bundle Finished events: a rule on the bus into a log group in moto, and a printer."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from typing import Any

from botocore.exceptions import ClientError

from newsdrop_cli.events import follow, summary

logger = logging.getLogger("newsdrop.local.events")

SOURCE = "newsdrop"


def log_group_name(stack: str) -> str:
    # EventBridge writes only to groups under /aws/events/.
    return f"/aws/events/{stack}-bundles"


def record_events(events: Any, logs: Any, *, stack: str, bus: str, region: str, account_id: str) -> str:
    """Route every event from source newsdrop on ``bus`` into a log group; returns the group's name."""
    group = log_group_name(stack)
    try:
        logs.create_log_group(logGroupName=group)
    except ClientError as exc:
        if exc.response.get("Error", {}).get("Code") != "ResourceAlreadyExistsException":
            raise
    if bus != "default":
        try:
            events.create_event_bus(Name=bus)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") != "ResourceAlreadyExistsException":
                raise
    rule = f"{stack}-bundle-finished"
    events.put_rule(
        Name=rule, EventBusName=bus, EventPattern=json.dumps({"source": [SOURCE]}), State="ENABLED"
    )
    events.put_targets(
        Rule=rule,
        EventBusName=bus,
        Targets=[{"Id": "record", "Arn": f"arn:aws:logs:{region}:{account_id}:log-group:{group}"}],
    )
    return group


class EventPrinter:
    """Prints each recorded event as one line while the stack runs (``newsdrop events -f`` does the same)."""

    def __init__(
        self, logs: Any, group: str, *, since_ms: int, write: Callable[[str], None], poll: float = 1.0
    ) -> None:
        self._logs = logs
        self._group = group
        self._since_ms = since_ms
        self._write = write
        self._poll = poll
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="local-events", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def _sleep(self, seconds: float) -> None:
        if self._stop.wait(seconds):
            raise _Stopped

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                for event in follow(
                    self._logs, self._group, since_ms=self._since_ms, poll=self._poll, sleep=self._sleep
                ):
                    self._write(f"event: {summary(event)}")
            except _Stopped:
                return
            except Exception:  # the local AWS may be shutting down; try again until told to stop
                logger.exception("reading the recorded events failed")
                self._stop.wait(1)


class _Stopped(Exception):
    """Ends the follow loop when the stack stops."""
