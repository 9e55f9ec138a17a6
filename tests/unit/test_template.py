"""Security and operability properties of template.yaml: storage, queues, table, IAM, functions, API, parameters."""

from __future__ import annotations

from typing import Any

import pytest

from infra.resolver import function_environment
from infra.template import (
    TemplateError,
    function_properties,
    resolve_parameters,
)
from newsdrop.dal.store import GSI_PROJECTION
from tests.unit.template_view import (
    ACCOUNT,
    REGION,
    RESOURCES,
    STACK,
    TEMPLATE,
    bucket_arn,
    granted,
    listed,
    of_type,
    props,
    resolver,
)

PUBLIC_ROUTES = {"/health", "/openapi.json", "/docs", "/docs/{proxy+}", "/review", "/review/{proxy+}"}
KEYED_ROUTES = {
    "/articles",
    "/articles/{article_id}",
    "/articles/{article_id}/similar",
    "/search",
    "/bundles",
    "/bundles/{bundle_id}",
    "/bundles/{bundle_id}/groups",
}


# ---------------------------------------------------------------------------- bucket
def test_drop_bucket_is_encrypted_private_versioned_and_owner_enforced():
    bucket = props("DropBucket")

    (rule,) = bucket["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    assert rule["ServerSideEncryptionByDefault"]["SSEAlgorithm"] in {"AES256", "aws:kms"}
    assert bucket["PublicAccessBlockConfiguration"] == {
        "BlockPublicAcls": True,
        "BlockPublicPolicy": True,
        "IgnorePublicAcls": True,
        "RestrictPublicBuckets": True,
    }
    assert bucket["VersioningConfiguration"] == {"Status": "Enabled"}
    assert bucket["OwnershipControls"]["Rules"] == [{"ObjectOwnership": "BucketOwnerEnforced"}]


def test_drop_bucket_expires_noncurrent_versions():
    rules = props("DropBucket")["LifecycleConfiguration"]["Rules"]

    days = [
        r["NoncurrentVersionExpiration"]["NoncurrentDays"]
        for r in rules
        if "NoncurrentVersionExpiration" in r
    ]
    assert days and all(0 < d <= 365 for d in days)
    assert all(r["Status"] == "Enabled" for r in rules)


def test_drop_bucket_name_is_lowercase_and_fits_bucket_rules():
    name = resolver().physical_name("DropBucket")

    assert name == f"{STACK}-drop-{ACCOUNT}"
    assert name == name.lower() and 3 <= len(name) <= 63


def test_bucket_policy_refuses_every_request_without_tls():
    document = props("DropBucketPolicy")["PolicyDocument"]

    tls = [st for st in document["Statement"] if st["Effect"] == "Deny" and "aws:SecureTransport" in str(st)]
    assert len(tls) == 1
    (statement,) = tls
    assert statement["Principal"] == "*"
    assert "s3:*" in listed(statement["Action"])
    assert statement["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}
    assert set(listed(statement["Resource"])) == {bucket_arn(), f"{bucket_arn()}/*"}


def test_bucket_notifies_the_ingest_queue_only_for_incoming_prefix():
    r = resolver()
    bucket = r.resolve(RESOURCES["DropBucket"]["Properties"])

    (config,) = bucket["NotificationConfiguration"]["QueueConfigurations"]
    assert config["Event"] == "s3:ObjectCreated:*"
    assert config["Queue"] == r.get_att("IngestQueue", "Arn")
    assert config["Filter"]["S3Key"]["Rules"] == [{"Name": "prefix", "Value": "incoming/"}]
    # S3 checks it may send to the queue when the notification is created.
    assert "IngestQueuePolicy" in listed(RESOURCES["DropBucket"]["DependsOn"])


# ---------------------------------------------------------------------------- queues
def test_queues_are_encrypted():
    queues = of_type("AWS::SQS::Queue")

    assert set(queues) >= {"IngestQueue", "IngestDLQ"}
    for lid in queues:
        p = props(lid)
        assert p.get("SqsManagedSseEnabled") is True or "KmsMasterKeyId" in p, lid


@pytest.mark.parametrize("receives", [5, 8])
def test_ingest_queue_redrives_after_max_receive_count_and_the_function_reads_the_same(receives):
    r = resolver(MaxReceiveCount=receives)
    redrive = r.resolve(RESOURCES["IngestQueue"]["Properties"])["RedrivePolicy"]

    assert redrive == {"deadLetterTargetArn": r.get_att("IngestDLQ", "Arn"), "maxReceiveCount": receives}
    assert function_environment(r, "IngestFunction")["MAX_RECEIVE_COUNT"] == str(receives)
    assert TEMPLATE["Parameters"]["MaxReceiveCount"]["MinValue"] >= 5
    assert props("IngestDLQ")["MessageRetentionPeriod"] == 14 * 24 * 3600


def test_visibility_timeout_is_at_least_six_ingest_timeouts():
    timeout = resolver().resolve(function_properties(TEMPLATE, "IngestFunction")["Timeout"])

    assert timeout == 900
    assert props("IngestQueue")["VisibilityTimeout"] >= 6 * timeout


def test_queue_policy_lets_only_the_drop_bucket_of_this_account_send():
    r = resolver()
    policy = r.resolve(RESOURCES["IngestQueuePolicy"]["Properties"])

    assert policy["Queues"] == [r.ref("IngestQueue")]
    (statement,) = policy["PolicyDocument"]["Statement"]
    assert statement["Principal"] == {"Service": "s3.amazonaws.com"}
    assert listed(statement["Action"]) == ["sqs:SendMessage"]
    assert statement["Resource"] == r.get_att("IngestQueue", "Arn")
    assert statement["Condition"]["ArnEquals"]["aws:SourceArn"] == bucket_arn()
    assert statement["Condition"]["StringEquals"]["aws:SourceAccount"] == ACCOUNT


@pytest.mark.parametrize(("email", "subscribed"), [("", False), ("ops@example.org", True)])
def test_dead_letter_alarm_fires_on_one_message_and_the_topic_mails_only_with_an_email(email, subscribed):
    r = resolver(AlarmEmail=email)
    alarm = r.resolve(RESOURCES["DeadLetterAlarm"]["Properties"])

    assert (alarm["Namespace"], alarm["MetricName"]) == ("AWS/SQS", "ApproximateNumberOfMessagesVisible")
    assert alarm["Dimensions"] == [{"Name": "QueueName", "Value": r.get_att("IngestDLQ", "QueueName")}]
    assert alarm["Threshold"] == 1 and alarm["ComparisonOperator"] == "GreaterThanOrEqualToThreshold"
    assert alarm["AlarmActions"] == [r.ref("AlarmTopic")]
    assert ("Subscription" in r.resolve(RESOURCES["AlarmTopic"]["Properties"])) is subscribed


def test_alarms_cover_ingest_errors_throttles_backlog_dlq_and_stuck_bundles_on_one_topic():
    r = resolver()
    for function in of_type("AWS::Serverless::Function"):
        r.register(function, f"{STACK}-{function}")  # a function's name is CloudFormation's to choose
    alarms = {lid: r.resolve(RESOURCES[lid]["Properties"]) for lid in of_type("AWS::CloudWatch::Alarm")}
    watched = set()
    for alarm in alarms.values():
        if "MetricName" in alarm:
            watched.add((alarm["Namespace"], alarm["MetricName"]))
        for query in alarm.get("Metrics", []):  # metric-math alarms (rates) name their metrics inside
            if "MetricStat" in query:
                metric = query["MetricStat"]["Metric"]
                watched.add((metric["Namespace"], metric["MetricName"]))

    assert {
        ("AWS/Lambda", "Errors"),
        ("AWS/Lambda", "Throttles"),
        ("AWS/SQS", "ApproximateAgeOfOldestMessage"),
        ("AWS/SQS", "ApproximateNumberOfMessagesVisible"),
        ("newsdrop", "StuckBundles"),
    } <= watched
    for lid, alarm in alarms.items():
        assert alarm["AlarmActions"] == [r.ref("AlarmTopic")], lid
        assert alarm["AlarmDescription"].strip(), lid


def test_sweeper_runs_on_a_schedule_and_may_only_query_bundles_update_records_and_resume():
    events = function_properties(TEMPLATE, "SweeperFunction")["Events"]
    (schedule,) = events.values()
    grants = granted("SweeperFunction")

    assert schedule["Type"] in ("Schedule", "ScheduleV2")
    assert schedule["Properties"]["ScheduleExpression"].startswith("rate(")
    assert set(grants) == {"dynamodb:Query", "dynamodb:GetItem", "dynamodb:UpdateItem", "sqs:SendMessage"}
    assert grants["dynamodb:Query"] == {
        f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/{STACK}-articles/index/gsi2"
    }


def test_ingest_concurrency_is_capped_and_tmp_fits_the_spool_bound():
    r = resolver(IngestMaxConcurrency=7)
    events = function_properties(TEMPLATE, "IngestFunction")["Events"]
    (sqs_event,) = [r.resolve(e["Properties"]) for e in events.values() if e["Type"] == "SQS"]
    function = r.resolve(
        {k: v for k, v in function_properties(TEMPLATE, "IngestFunction").items() if k != "Events"}
    )
    spool = int(function_environment(r, "IngestFunction")["MAX_SPOOL_BYTES"])

    assert sqs_event["ScalingConfig"] == {"MaximumConcurrency": 7}
    assert 0 < spool <= function["EphemeralStorage"]["Size"] * 1024 * 1024 * 0.8


# ---------------------------------------------------------------------------- table
def test_table_is_on_demand_encrypted_and_recoverable():
    table = props("ArticlesTable")

    assert table["BillingMode"] == "PAY_PER_REQUEST"
    assert table["SSESpecification"]["SSEEnabled"] is True
    assert table["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
    assert RESOURCES["ArticlesTable"]["DeletionPolicy"] == "Retain"


@pytest.mark.parametrize(("setting", "protected"), [("true", True), ("false", False)])
def test_table_deletion_protection_follows_its_parameter(setting, protected):
    assert props("ArticlesTable", TableDeletionProtection=setting)["DeletionProtectionEnabled"] is protected


def test_table_keys_and_gsis_match_the_key_layout():
    table = props("ArticlesTable")
    defined = {a["AttributeName"]: a["AttributeType"] for a in table["AttributeDefinitions"]}

    def schema(keys: list[dict[str, str]]) -> dict[str, str]:
        return {k["KeyType"]: k["AttributeName"] for k in keys}

    assert schema(table["KeySchema"]) == {"HASH": "pk", "RANGE": "sk"}
    indexes = {gsi["IndexName"]: gsi for gsi in table["GlobalSecondaryIndexes"]}
    assert {name: schema(gsi["KeySchema"]) for name, gsi in indexes.items()} == {
        "gsi1": {"HASH": "gsi1pk", "RANGE": "gsi1sk"},
        "gsi2": {"HASH": "gsi2pk", "RANGE": "gsi2sk"},
    }
    # Each GSI copies only what the listings read, so an article's copy is one write unit, not its body.
    for gsi in indexes.values():
        assert gsi["Projection"]["ProjectionType"] == "INCLUDE"
        assert set(gsi["Projection"]["NonKeyAttributes"]) == set(GSI_PROJECTION)
    # Every key attribute is declared, as a string, and nothing else is (CloudFormation rejects extras).
    assert defined == dict.fromkeys(["pk", "sk", "gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk"], "S")


# ---------------------------------------------------------------------------- functions
@pytest.mark.parametrize("logical_id", ["IngestFunction", "LookupFunction"])
def test_functions_run_python312_on_arm_with_tracing_and_retained_logs(logical_id):
    r = resolver(LogRetentionDays=14)
    # Events name the API, which has no local value; the rest resolves.
    unresolved = function_properties(TEMPLATE, logical_id)
    function = r.resolve({key: value for key, value in unresolved.items() if key != "Events"})

    assert function["Runtime"] == "python3.12"
    assert function["Architectures"] == ["arm64"]
    assert function["Tracing"] == "Active"
    assert function["Handler"].startswith("newsdrop.handlers.") and function["Handler"].endswith(
        ".lambda_handler"
    )
    log_group = function["LoggingConfig"]["LogGroup"]
    (group_id,) = [lid for lid in of_type("AWS::Logs::LogGroup") if r.ref(lid) == log_group]
    assert r.resolve(RESOURCES[group_id]["Properties"])["RetentionInDays"] == 14


def test_ingest_consumes_the_queue_with_partial_batch_failures():
    r = resolver()
    events = function_properties(TEMPLATE, "IngestFunction")["Events"]
    (sqs_event,) = [r.resolve(e["Properties"]) for e in events.values() if e["Type"] == "SQS"]

    assert sqs_event["Queue"] == r.get_att("IngestQueue", "Arn")
    assert sqs_event["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert 1 <= sqs_event["BatchSize"] <= 10


def test_functions_get_table_bucket_and_limits_from_the_stack():
    r = resolver(MaxBundleBytes=5_000_000)
    ingest = function_environment(r, "IngestFunction")
    lookup = function_environment(r, "LookupFunction")

    for environment in (ingest, lookup):
        assert environment["TABLE_NAME"] == r.ref("ArticlesTable") == f"{STACK}-articles"
        assert environment["BUCKET_NAME"] == r.ref("DropBucket")
        assert environment["POWERTOOLS_SERVICE_NAME"]
    assert ingest["MAX_BUNDLE_BYTES"] == "5000000"


# ---------------------------------------------------------------------------- API
def api_events() -> dict[str, dict[str, Any]]:
    events = RESOURCES["LookupFunction"]["Properties"]["Events"]
    return {e["Properties"]["Path"]: e["Properties"] for e in events.values() if e["Type"] == "Api"}


def test_api_serves_exactly_the_documented_routes_with_get():
    events = api_events()

    assert set(events) == PUBLIC_ROUTES | KEYED_ROUTES
    # /health takes every method so the function, not the gateway, answers 405 to the ones it does not serve.
    assert {path: e["Method"].lower() for path, e in events.items() if e["Method"].lower() != "get"} == {
        "/health": "any"
    }
    assert all(e["RestApiId"] == {"Ref": "LookupApi"} for e in events.values())


@pytest.mark.parametrize("path", sorted(PUBLIC_ROUTES | KEYED_ROUTES))
def test_api_key_is_required_everywhere_but_health_and_docs(path):
    api_default = RESOURCES["LookupApi"]["Properties"]["Auth"]["ApiKeyRequired"]
    required = api_events()[path].get("Auth", {}).get("ApiKeyRequired", api_default)

    assert api_default is True
    assert required is (path not in PUBLIC_ROUTES)


def test_api_is_throttled_with_a_quota_logged_and_cors_limited():
    r = resolver(AllowedOrigins="https://news.example.org", ApiThrottleRate=7, ApiQuotaPerDay=1000)
    api = r.resolve(RESOURCES["LookupApi"]["Properties"])

    plan = api["Auth"]["UsagePlan"]
    assert plan["CreateUsagePlan"] == "PER_API"
    assert plan["Throttle"]["RateLimit"] == 7 and plan["Quota"] == {"Limit": 1000, "Period": "DAY"}
    assert all(m["ThrottlingRateLimit"] == 7 for m in api["MethodSettings"])
    assert api["AccessLogSetting"]["DestinationArn"] == r.get_att("ApiAccessLogGroup", "Arn")
    assert api["Cors"]["AllowOrigin"] == "'https://news.example.org'"
    # Preflights carry no key, and gateway errors must be readable cross-origin.
    assert api["Auth"]["AddApiKeyRequiredToCorsPreflight"] is False
    for response in api["GatewayResponses"].values():
        assert (
            response["ResponseParameters"]["Headers"]["Access-Control-Allow-Origin"]
            == api["Cors"]["AllowOrigin"]
        )


def test_outputs_tell_where_everything_is():
    assert set(TEMPLATE["Outputs"]) >= {
        "DropBucketName",
        "IngestQueueUrl",
        "DeadLetterQueueUrl",
        "ArticlesTableName",
        "ApiUrl",
        "ApiKeyId",
    }
    assert "get-api-key" in TEMPLATE["Outputs"]["ApiKeyId"]["Description"]


# ---------------------------------------------------------------------------- parameters
@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"Stage": "Prod"}, "Stage"),
        ({"AllowedOrigins": "https://a.org, https://b.org"}, "AllowedOrigins"),
        ({"IngestBatchSize": 11}, "MaxValue"),
        ({"IngestBatchSize": 0}, "MinValue"),
        ({"LogRetentionDays": 10}, "one of"),
        ({"AlarmEmail": "not-an-address"}, "AlarmEmail"),
        ({"MaxBundleBytes": "lots"}, "number"),
        ({"Stag": "dev"}, "unknown parameter"),
    ],
)
def test_parameter_constraints_are_enforced(overrides, message):
    with pytest.raises(TemplateError, match=message):
        resolve_parameters(TEMPLATE, overrides)


def test_parameter_defaults_apply_and_numbers_are_numbers():
    values = resolve_parameters(TEMPLATE, {"IngestBatchSize": "4"})

    assert values["IngestBatchSize"] == 4
    assert values["Stage"] == TEMPLATE["Parameters"]["Stage"]["Default"]
