"""Security and operability properties of template.yaml, and the local intrinsic resolver that reads it."""

from __future__ import annotations

from typing import Any

import pytest

from infra.resolver import Resolver, function_environment
from infra.template import (
    NO_VALUE,
    StackContext,
    TemplateError,
    function_properties,
    load_template,
    parse_yaml,
    resolve_parameters,
)
from newsdrop.dal.store import GSI_PROJECTION

STACK = "newsdrop-test"
ACCOUNT = "111122223333"
REGION = "eu-west-1"
TEMPLATE = load_template()
RESOURCES = TEMPLATE["Resources"]
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


def resolver(**parameters: Any) -> Resolver:
    context = StackContext(STACK, account_id=ACCOUNT, region=REGION, parameters=parameters)
    return Resolver(TEMPLATE, context)


def props(logical_id: str, **parameters: Any) -> dict[str, Any]:
    return resolver(**parameters).resolve(RESOURCES[logical_id]["Properties"])


def of_type(kind: str) -> list[str]:
    return [lid for lid, res in RESOURCES.items() if res["Type"] == kind]


def listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def all_policy_statements() -> list[tuple[str, dict[str, Any]]]:
    """Every IAM statement the template writes: function policies and resource policies, resolved."""
    r = resolver(AlarmEmail="ops@example.org", CreateApiGatewayLoggingRole="true")
    found: list[tuple[str, dict[str, Any]]] = []
    for lid in of_type("AWS::Serverless::Function"):
        for policy in RESOURCES[lid]["Properties"].get("Policies", []):
            found += [(lid, st) for st in r.resolve(policy)["Statement"]]
    for lid, res in RESOURCES.items():
        for key in ("PolicyDocument", "AssumeRolePolicyDocument"):
            if key in res.get("Properties", {}):
                found += [(lid, st) for st in listed(r.resolve(res["Properties"][key])["Statement"])]
    return found


def bucket_arn() -> str:
    return f"arn:aws:s3:::{STACK}-drop-{ACCOUNT}"


def table_arns() -> set[str]:
    table = f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/{STACK}-articles"
    return {table, f"{table}/index/gsi1", f"{table}/index/gsi2"}


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


# ---------------------------------------------------------------------------- IAM
@pytest.mark.parametrize(("owner", "statement"), all_policy_statements())
def test_no_policy_allows_wildcard_actions_or_bare_wildcard_resources(owner, statement):
    resources = listed(statement.get("Resource", []))
    assert "*" not in resources, owner
    if statement["Effect"] == "Allow":
        actions = listed(statement["Action"])
        assert all(a != "*" and not a.endswith(":*") for a in actions), owner
        # Wildcards only as object prefixes (bucket/prefix/*), never in a table or queue ARN.
        for resource in resources:
            if isinstance(resource, str) and "*" in resource:
                assert resource.startswith(f"{bucket_arn()}/") and resource.endswith("/*"), (owner, resource)


def function_statements(logical_id: str) -> list[dict[str, Any]]:
    r = resolver()
    return [st for p in RESOURCES[logical_id]["Properties"]["Policies"] for st in r.resolve(p)["Statement"]]


def granted(logical_id: str) -> dict[str, set[str]]:
    """Action -> the resources a function may apply it to."""
    grants: dict[str, set[str]] = {}
    for statement in function_statements(logical_id):
        assert statement["Effect"] == "Allow"
        for action in listed(statement["Action"]):
            grants.setdefault(action, set()).update(listed(statement["Resource"]))
    return grants


def test_ingest_reads_only_incoming_and_writes_only_quarantine_and_bodies():
    grants = granted("IngestFunction")
    s3_reads = {a for a in grants if a.startswith("s3:Get")}
    s3_lists = {a for a in grants if a.startswith("s3:List")}
    s3_writes = {a for a in grants if a.startswith("s3:") and a not in s3_reads | s3_lists}

    assert {"s3:GetObject", "s3:GetObjectVersion"} <= s3_reads
    for action in s3_reads - {"s3:GetObject"}:
        assert grants[action] == {f"{bucket_arn()}/incoming/*"}, action
    # Reprocessing reads a relocated body back (the current one: no version reads there).
    assert grants["s3:GetObject"] == {f"{bucket_arn()}/incoming/*", f"{bucket_arn()}/bodies/*"}
    assert "s3:PutObject" in s3_writes
    for action in s3_writes:
        assert grants[action] <= {f"{bucket_arn()}/quarantine/*", f"{bucket_arn()}/bodies/*"}, action
    assert not any("Delete" in a for a in grants)
    # Listing (so a deleted bundle reads as 404, not 403) is granted on the bucket itself, not its objects.
    assert all(grants[a] == {bucket_arn()} for a in s3_lists)


def test_ingest_writes_the_table_and_reads_no_index():
    grants = granted("IngestFunction")
    dynamo = {a for a in grants if a.startswith("dynamodb:")}

    assert dynamo == {
        "dynamodb:BatchWriteItem",
        "dynamodb:PutItem",
        "dynamodb:UpdateItem",
        "dynamodb:GetItem",
        "dynamodb:BatchGetItem",
        "dynamodb:Query",  # reprocessing: a bundle's links and an article's sightings, one partition each
    }
    for action in dynamo:
        assert grants[action] <= table_arns(), action
    assert not any(
        arn.endswith(("/index/*", "/index/gsi1", "/index/gsi2")) for arn in grants["dynamodb:Query"]
    )


def test_ingest_may_send_only_to_its_own_queue():
    grants = granted("IngestFunction")
    sqs = {a for a in grants if a.startswith("sqs:")}
    assert sqs == {"sqs:SendMessage"}
    assert len(grants["sqs:SendMessage"]) == 1


def test_lookup_is_read_only():
    grants = granted("LookupFunction")

    assert set(grants) == {
        "dynamodb:GetItem",
        "dynamodb:Query",
        "dynamodb:BatchGetItem",
        "s3:GetObject",
        "secretsmanager:GetSecretValue",
    }
    assert grants["s3:GetObject"] == {f"{bucket_arn()}/bodies/*"}
    assert grants["secretsmanager:GetSecretValue"] == {resolver().ref("CursorSecret")}
    assert grants["dynamodb:Query"] <= table_arns()


def test_the_cursor_secret_is_named_not_given_in_plain_text():
    lookup = function_environment(resolver(), "LookupFunction")

    assert lookup["CURSOR_SECRET_ARN"] == resolver().ref("CursorSecret")
    assert "CURSOR_SECRET" not in lookup
    assert not any("{{resolve:" in value for value in lookup.values())


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


# ---------------------------------------------------------------------------- resolver
MINI = parse_yaml(
    """
Parameters:
  Env: {Type: String, Default: dev}
  Size: {Type: Number, Default: 3}
  Names: {Type: CommaDelimitedList, Default: "a,b,c"}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsBig: !Not [!Equals [!Ref Size, 3]]
  Either: !Or [!Condition IsProd, !Condition IsBig]
  Both: !And [!Condition IsProd, !Condition IsBig]
Mappings:
  Tiers: {dev: {Memory: 256}, prod: {Memory: 2048}}
Resources:
  Queue: {Type: AWS::SQS::Queue, Properties: {QueueName: !Sub "${AWS::StackName}-q"}}
  Bucket: {Type: AWS::S3::Bucket, Properties: {BucketName: !Sub "b-${Env}"}}
  Table: {Type: AWS::DynamoDB::Table, Properties: {}}
  Only: {Type: AWS::SNS::Topic, Condition: IsProd}
"""
)


def mini(**parameters: Any) -> Resolver:
    return Resolver(MINI, StackContext("st", account_id=ACCOUNT, region=REGION, parameters=parameters))


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ({"Fn::Sub": "${AWS::StackName}/${AWS::Region}/${AWS::AccountId}"}, f"st/{REGION}/{ACCOUNT}"),
        ({"Fn::Sub": "arn:${AWS::Partition}:x:${AWS::URLSuffix}"}, "arn:aws:x:amazonaws.com"),
        ({"Fn::Sub": "${Env}-${Size}"}, "dev-3"),
        ({"Fn::Sub": "${Queue.Arn}"}, f"arn:aws:sqs:{REGION}:{ACCOUNT}:st-q"),
        ({"Fn::Sub": "${!Literal}-${Env}"}, "${Literal}-dev"),
        ({"Fn::Sub": ["${X}/${Env}", {"X": {"Ref": "Bucket"}}]}, "b-dev/dev"),
        ({"Ref": "Queue"}, f"https://sqs.{REGION}.amazonaws.com/{ACCOUNT}/st-q"),
        ({"Fn::GetAtt": ["Queue", "QueueName"]}, "st-q"),
        ({"Fn::GetAtt": ["Queue", "QueueUrl"]}, f"https://sqs.{REGION}.amazonaws.com/{ACCOUNT}/st-q"),
        ({"Fn::GetAtt": ["Bucket", "Arn"]}, "arn:aws:s3:::b-dev"),
        ({"Ref": "Table"}, "st-Table"),
        ({"Fn::Join": ["-", ["a", {"Ref": "Env"}, {"Ref": "Size"}]]}, "a-dev-3"),
        ({"Fn::Select": [1, {"Ref": "Names"}]}, "b"),
        ({"Fn::Select": ["2", {"Fn::Split": ["/", "x/y/z"]}]}, "z"),
        ({"Fn::If": ["IsProd", "big", "small"]}, "small"),
        ({"Fn::FindInMap": ["Tiers", {"Ref": "Env"}, "Memory"]}, 256),
        ({"Fn::Base64": "hi"}, "aGk="),
        ({"Ref": "AWS::NoValue"}, NO_VALUE),
        ({"Keep": 1, "Drop": {"Fn::If": ["IsProd", 1, {"Ref": "AWS::NoValue"}]}}, {"Keep": 1}),
        ([1, {"Fn::If": ["IsProd", 2, {"Ref": "AWS::NoValue"}]}, 3], [1, 3]),
    ],
)
def test_resolver_evaluates_intrinsics(expression, expected):
    assert mini().resolve(expression) == expected


@pytest.mark.parametrize(
    ("parameters", "expected"),
    [
        ({}, {"IsProd": False, "IsBig": False, "Either": False, "Both": False}),
        ({"Env": "prod"}, {"IsProd": True, "IsBig": False, "Either": True, "Both": False}),
        ({"Env": "prod", "Size": 9}, {"IsProd": True, "IsBig": True, "Either": True, "Both": True}),
    ],
)
def test_conditions_combine_and_decide_which_resources_exist(parameters, expected):
    r = mini(**parameters)

    assert {name: r.condition(name) for name in expected} == expected
    assert r.is_active("Only") is expected["IsProd"]
    assert r.is_active("Queue") is True


def test_registered_values_replace_derived_ones():
    r = mini()
    r.register("Queue", "http://127.0.0.1:5000/1/st-q", Arn="arn:moto:q")

    assert r.resolve({"Fn::Sub": "${Queue}|${Queue.Arn}"}) == "http://127.0.0.1:5000/1/st-q|arn:moto:q"


@pytest.mark.parametrize(
    "expression",
    [
        {"Ref": "Nowhere"},
        {"Fn::GetAtt": ["Queue", "NoSuchAttribute"]},
        {"Fn::If": ["NoSuchCondition", 1, 2]},
        {"Fn::ImportValue": "shared"},
        {"Fn::Sub": "${AWS::Nonsense}"},
        {"Fn::Select": [5, ["a"]]},
    ],
)
def test_resolver_refuses_what_it_cannot_resolve_with_a_reason(expression):
    with pytest.raises(TemplateError):
        mini().resolve(expression)


def test_loader_turns_short_tags_into_long_form():
    loaded = parse_yaml(
        "a: !GetAtt Res.Attr.With.Dots\nb: !Ref X\nc: !Sub '${X}'\nd: !If [C, !Ref Y, !Ref AWS::NoValue]\n"
    )

    assert loaded == {
        "a": {"Fn::GetAtt": ["Res", "Attr.With.Dots"]},
        "b": {"Ref": "X"},
        "c": {"Fn::Sub": "${X}"},
        "d": {"Fn::If": ["C", {"Ref": "Y"}, {"Ref": "AWS::NoValue"}]},
    }
