"""template.yaml's operations pieces (#13): event bus permission, alarms, dashboard, tracing, the event's links."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from infra.resolver import Resolver, function_environment
from infra.template import StackContext, function_properties, load_template
from newsdrop.ingest import announce

STACK = "newsdrop-test"
ACCOUNT = "111122223333"
REGION = "eu-west-1"
TEMPLATE = load_template()
RESOURCES = TEMPLATE["Resources"]
OPS_ALARMS = (
    "IngestDurationNearTimeoutAlarm",
    "LookupDurationNearTimeoutAlarm",
    "Api5xxRateAlarm",
    "ApiLatencyP99Alarm",
)
REPO = Path(__file__).resolve().parents[2]


def resolver(**parameters: Any) -> Resolver:
    r = Resolver(TEMPLATE, StackContext(STACK, account_id=ACCOUNT, region=REGION, parameters=parameters))
    for function in ("IngestFunction", "LookupFunction"):
        r.register(function, f"{STACK}-{function}")
    for alarm in (*OPS_ALARMS, "DeadLetterAlarm"):
        r.register(alarm, alarm, Arn=f"arn:aws:cloudwatch:{REGION}:{ACCOUNT}:alarm:{alarm}")
    return r


def ingest_statements(r: Resolver) -> list[dict[str, Any]]:
    return [
        st for p in RESOURCES["IngestFunction"]["Properties"]["Policies"] for st in r.resolve(p)["Statement"]
    ]


@pytest.mark.parametrize(
    ("bus", "arn_tail"), [(None, "event-bus/default"), ("news-bus", "event-bus/news-bus")]
)
def test_ingest_may_put_only_bundle_finished_events_on_the_named_bus(bus, arn_tail):
    r = resolver(**({"EventBusName": bus} if bus else {}))
    [statement] = [st for st in ingest_statements(r) if "events:PutEvents" in st["Action"]]
    assert statement["Action"] == "events:PutEvents"
    assert statement["Resource"] == f"arn:aws:events:{REGION}:{ACCOUNT}:{arn_tail}"
    assert statement["Condition"]["StringEquals"] == {
        "events:source": announce.SOURCE,
        "events:detail-type": announce.DETAIL_TYPE,
    }
    lookup_actions = [
        action
        for policy in resolver().resolve(RESOURCES["LookupFunction"]["Properties"]["Policies"])
        for st in policy["Statement"]
        for action in (st["Action"] if isinstance(st["Action"], list) else [st["Action"]])
    ]
    assert not any(action.startswith("events:") for action in lookup_actions)
    environment = function_environment(r, "IngestFunction")
    assert environment["EVENT_BUS_NAME"] == (bus or "default")


def test_event_links_point_at_the_deployed_api_stage():
    r = resolver(Stage="prod")
    url = function_environment(r, "IngestFunction")["API_URL"]
    assert re.fullmatch(rf"https://[0-9a-f]+\.execute-api\.{REGION}\.amazonaws\.com/prod/", url)


@pytest.mark.parametrize("email", ["", "ops@example.org"])
def test_operations_alarms_go_to_the_alarm_topic(email):
    # The topic always exists (subscribe to it later); AlarmEmail only adds an email subscription.
    r = resolver(AlarmEmail=email)
    for alarm_id in OPS_ALARMS:
        alarm = r.resolve(RESOURCES[alarm_id]["Properties"])
        assert alarm["AlarmActions"] == [r.ref("AlarmTopic")], alarm_id
        assert alarm["TreatMissingData"] == "notBreaching", alarm_id
        assert "docs/operations.md" in alarm["AlarmDescription"], alarm_id


def test_duration_alarms_sit_below_each_timeout_and_above_the_continuation_window():
    r = resolver()
    ingest_timeout_ms = int(function_properties(TEMPLATE, "IngestFunction")["Timeout"]) * 1000
    lookup_timeout_ms = int(TEMPLATE["Globals"]["Function"]["Timeout"]) * 1000
    ingest = r.resolve(RESOURCES["IngestDurationNearTimeoutAlarm"]["Properties"])
    lookup = r.resolve(RESOURCES["LookupDurationNearTimeoutAlarm"]["Properties"])
    assert ingest["Dimensions"] == [{"Name": "FunctionName", "Value": f"{STACK}-IngestFunction"}]
    # A continuation starts 60 s before the end; the alarm is for the invocations that ran past that.
    assert ingest_timeout_ms - 60_000 < ingest["Threshold"] < ingest_timeout_ms
    assert lookup["Threshold"] < lookup_timeout_ms
    assert (ingest["Statistic"], lookup["Statistic"]) == ("Maximum", "Maximum")


def test_api_alarms_watch_the_named_api_and_stage():
    r = resolver(Stage="prod")
    api_name = r.resolve(RESOURCES["LookupApi"]["Properties"]["Name"])
    stage = [{"Name": "ApiName", "Value": api_name}, {"Name": "Stage", "Value": "prod"}]
    latency = r.resolve(RESOURCES["ApiLatencyP99Alarm"]["Properties"])
    assert (latency["MetricName"], latency["ExtendedStatistic"], latency["Dimensions"]) == (
        "Latency",
        "p99",
        stage,
    )
    rate = r.resolve(RESOURCES["Api5xxRateAlarm"]["Properties"])
    stats = {m["Id"]: m["MetricStat"] for m in rate["Metrics"] if "MetricStat" in m}
    assert (
        stats["errors"]["Metric"]["MetricName"] == "5XXError"
        and stats["requests"]["Metric"]["MetricName"] == "Count"
    )
    assert all(s["Metric"]["Dimensions"] == stage for s in stats.values())
    [expression] = [m for m in rate["Metrics"] if m.get("ReturnData")]
    assert "errors / requests" in expression["Expression"]


def test_dashboard_is_json_showing_every_emitted_metric_and_every_alarm():
    r = resolver()
    every_alarm = {lid for lid, res in RESOURCES.items() if res["Type"] == "AWS::CloudWatch::Alarm"}
    for alarm_id in every_alarm:
        r.register(alarm_id, alarm_id, Arn=f"arn:aws:cloudwatch:{REGION}:123456789012:alarm:{alarm_id}")
    body = json.loads(r.resolve(RESOURCES["OperationsDashboard"]["Properties"]["DashboardBody"]))
    text = json.dumps(body)
    emitted = set()
    for module in (
        "functions/newsdrop/ingest/telemetry.py",
        "functions/newsdrop/handlers/lookup.py",
        "functions/newsdrop/handlers/sweeper.py",
    ):
        source = (REPO / module).read_text()
        emitted |= set(
            re.findall(r'"([A-Z][A-Za-z]+)": \("(?:Count|Bytes|Milliseconds|Count/Second)"', source)
        )
        emitted |= set(re.findall(r'([A-Z][A-Za-z]+)=\("(?:Count|Bytes|Milliseconds|Count/Second)"', source))
    assert emitted >= {"BundlesFinished", "ArticlesNew", "MemberErrors", "LookupLatency", "LookupResults"}
    for metric in emitted:
        assert metric in text, metric
    alarms = next(w for w in body["widgets"] if w["type"] == "alarm")["properties"]["alarms"]
    assert {a.rsplit(":", 1)[1] for a in alarms} == every_alarm


def test_functions_trace_with_xray():
    assert TEMPLATE["Globals"]["Function"]["Tracing"] == "Active"
    assert RESOURCES["LookupApi"]["Properties"]["TracingEnabled"] is True
