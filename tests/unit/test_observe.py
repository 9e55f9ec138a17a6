"""newsdrop.observe and the event's pure parts: when tracing is on, EMF shape, the event detail, the bus adapter."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from botocore.exceptions import ClientError

from newsdrop.adapters.events import EventBus
from newsdrop.errors import AccessDenied, StorageError
from newsdrop.ingest import announce
from newsdrop.observe import NAMESPACE, emit, tracing_enabled

FUNCTIONS = Path(__file__).resolve().parents[2] / "functions"


@pytest.mark.parametrize(
    ("environ", "enabled"),
    [
        ({}, False),  # a laptop, a test: no X-Ray daemon to talk to
        ({"LAMBDA_TASK_ROOT": "/var/task"}, True),
        ({"LAMBDA_TASK_ROOT": "/var/task", "POWERTOOLS_TRACE_DISABLED": "true"}, False),
        ({"LAMBDA_TASK_ROOT": "/var/task", "AWS_SAM_LOCAL": "true"}, False),
        ({"NEWSDROP_TRACE": "true"}, True),  # make run --trace
        ({"NEWSDROP_TRACE": "false", "LAMBDA_TASK_ROOT": "/var/task"}, True),
        ({"NEWSDROP_TRACE": "1", "POWERTOOLS_TRACE_DISABLED": "true"}, True),
    ],
)
def test_tracing_is_on_in_lambda_and_when_asked(environ, enabled):
    assert tracing_enabled(environ) is enabled


def test_no_stdlib_logger_is_left_in_the_functions():
    offenders = [
        str(path.relative_to(FUNCTIONS))
        for path in FUNCTIONS.rglob("*.py")
        if re.search(r"logging\.getLogger|^\s*print\(", path.read_text(), re.MULTILINE)
    ]
    assert offenders == []


def test_emit_prints_one_emf_line_with_units_and_dimensions(capsys):
    emit(
        {"ArticlesNew": ("Count", 3), "IngestDuration": ("Milliseconds", 1500)},
        dimensions={"Status": "DONE"},
    )
    [line] = capsys.readouterr().out.splitlines()
    blob = json.loads(line)
    [directive] = blob["_aws"]["CloudWatchMetrics"]
    assert directive["Namespace"] == NAMESPACE
    assert sorted(directive["Dimensions"][0]) == ["Status", "service"]
    assert {m["Name"]: m["Unit"] for m in directive["Metrics"]} == {
        "ArticlesNew": "Count",
        "IngestDuration": "Milliseconds",
    }
    assert (blob["ArticlesNew"], blob["IngestDuration"], blob["Status"]) == ([3.0], [1500.0], "DONE")


def test_emit_of_nothing_prints_nothing(capsys):
    emit({})
    assert capsys.readouterr().out == ""


RECORD: dict[str, Any] = {
    "bundle_id": "b" * 24,
    "bucket": "drop",
    "key": "incoming/a b.zip",
    "version_id": "v1",
    "status": "PARTIAL",
    "format": "zip",
    "size": 1234,
    "counts": {"members": 3, "articles": 2, "new": 2, "duplicates": 0, "skipped": 0, "failed": 1},
    "errors": [{"member": "x.bin", "code": "binary", "reason": "binary data"}],
    "errors_truncated": 0,
    "cleaner_version": "c1",
    "finished_at": "2026-12-05T10:00:00.000Z",
    "duration_ms": 900,
    "event_pending": True,
}


def test_event_id_is_stable_per_end_and_new_for_a_later_end():
    assert announce.event_id(RECORD) == announce.event_id(dict(RECORD))
    assert announce.event_id(RECORD) != announce.event_id(
        {**RECORD, "finished_at": "2026-12-05T11:00:00.000Z"}
    )
    assert re.fullmatch(r"[0-9a-f]{32}", announce.event_id(RECORD))


def test_detail_is_plain_json_with_links_quoted():
    from decimal import Decimal

    stored = {**RECORD, "size": Decimal(1234), "counts": {k: Decimal(v) for k, v in RECORD["counts"].items()}}
    detail = announce.detail(stored, "https://api.example/dev/")
    assert json.loads(json.dumps(detail)) == detail  # no Decimals
    assert detail["counts"]["failed"] == 1 and detail["size"] == 1234
    assert detail["error_codes"] == {"binary": 1}
    assert detail["links"]["articles"] == f"https://api.example/dev/articles?bundle={'b' * 24}"
    assert announce.detail(RECORD, None)["links"] == {"bundle": None, "articles": None}


class FakeEvents:
    def __init__(self, reply: dict[str, Any] | None = None, error: str | None = None) -> None:
        self.reply = reply or {"FailedEntryCount": 0, "Entries": [{"EventId": "e-1"}]}
        self.error = error
        self.sent: list[dict[str, Any]] = []

    def put_events(self, Entries: list[dict[str, Any]]) -> dict[str, Any]:
        self.sent.extend(Entries)
        if self.error:
            raise ClientError({"Error": {"Code": self.error, "Message": "no"}}, "PutEvents")
        return self.reply


def test_bus_puts_one_entry_on_the_named_bus():
    client = FakeEvents()
    assert EventBus(client, "news").put("newsdrop", "Bundle Finished", {"a": 1}) == "e-1"
    [entry] = client.sent
    assert entry == {
        "Source": "newsdrop",
        "DetailType": "Bundle Finished",
        "Detail": '{"a":1}',
        "EventBusName": "news",
    }


def test_a_rejected_entry_raises_so_sqs_retries():
    client = FakeEvents(
        {"FailedEntryCount": 1, "Entries": [{"ErrorCode": "InternalFailure", "ErrorMessage": "x"}]}
    )
    with pytest.raises(StorageError, match="InternalFailure") as caught:
        EventBus(client).put("newsdrop", "Bundle Finished", {})
    assert "retried by SQS" in caught.value.hint


def test_access_denied_names_the_permission():
    with pytest.raises(AccessDenied) as caught:
        EventBus(FakeEvents(error="AccessDeniedException"), "news").put("newsdrop", "Bundle Finished", {})
    assert "events:PutEvents" in caught.value.hint and "news" in str(caught.value)
