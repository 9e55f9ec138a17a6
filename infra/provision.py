"""Creates the template's bucket, queues and table in moto (in-process or a moto server) from their own properties."""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import boto3
from botocore.exceptions import ClientError

from infra.template import (
    DEFAULT_ACCOUNT_ID,
    DEFAULT_REGION,
    TEMPLATE_PATH,
    Resolver,
    StackContext,
    TemplateError,
    function_environment,
    function_properties,
    load_template,
)

DEFAULT_STACK = "newsdrop-local"
SERVICES = ("s3", "sqs", "dynamodb")

# Logical ids in template.yaml that StackResources names; the rest is created but not singled out.
BUCKET_ID = "DropBucket"
QUEUE_ID = "IngestQueue"
DLQ_ID = "IngestDLQ"
TABLE_ID = "ArticlesTable"
INGEST_FUNCTION_ID = "IngestFunction"
LOOKUP_FUNCTION_ID = "LookupFunction"

_MAX_DRAINED_MESSAGES = 10_000  # a bound on drain_queue, far above anything a test or the local stack queues


@dataclass(frozen=True, slots=True)
class StackResources:
    """Physical names of what provision created, and the function settings the template gives."""

    stack: str
    region: str
    account_id: str
    bucket: str
    table: str
    queue_url: str
    queue_arn: str
    dlq_url: str
    dlq_arn: str
    ingest_timeout: int
    ingest_batch_size: int
    ingest_memory: int
    lookup_timeout: int
    lookup_memory: int
    ingest_environment: Mapping[str, str] = field(default_factory=dict, hash=False)
    lookup_environment: Mapping[str, str] = field(default_factory=dict, hash=False)


Clients = Mapping[str, Any]
_Creator = Callable[[Clients, Resolver, str, dict[str, Any]], None]


# ---------------------------------------------------------------------------- helpers
def _clients(session_or_clients: Any, region: str | None) -> tuple[dict[str, Any], str]:
    """boto3 clients for s3/sqs/dynamodb from a Session (AWS_ENDPOINT_URL applies) or a ready mapping."""
    if isinstance(session_or_clients, Mapping):
        missing = [name for name in SERVICES if name not in session_or_clients]
        if missing:
            raise TypeError(f"provision needs clients for {list(SERVICES)}; missing {missing}")
        clients = {name: session_or_clients[name] for name in SERVICES}
        chosen = region or clients["sqs"].meta.region_name or DEFAULT_REGION
        # Secrets Manager where the others are: a local endpoint (moto server), else AWS's own (moto in-process).
        endpoint = clients["sqs"].meta.endpoint_url
        clients["secretsmanager"] = session_or_clients.get("secretsmanager") or boto3.client(
            "secretsmanager",
            region_name=chosen,
            endpoint_url=None if "amazonaws.com" in endpoint else endpoint,
        )
        return clients, chosen
    session = session_or_clients if session_or_clients is not None else boto3.session.Session()
    if not isinstance(session, boto3.session.Session):
        raise TypeError("provision takes a boto3 Session or a mapping of s3/sqs/dynamodb clients")
    chosen = region or session.region_name or DEFAULT_REGION
    names = (*SERVICES, "secretsmanager")
    return {name: session.client(name, region_name=chosen) for name in names}, chosen


def _error_code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))


def _attribute_text(value: Any) -> str:
    """SQS attributes are strings; policies and redrive settings travel as JSON."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    return str(value)


def _policy_text(document: Any) -> str:
    return document if isinstance(document, str) else json.dumps(document)


def _references(value: Any) -> set[str]:
    """Logical ids a raw template value refers to (Ref, GetAtt, ${X} and ${X.Attr} in Sub)."""
    found: set[str] = set()
    if isinstance(value, list):
        for item in value:
            found |= _references(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key == "Ref" and isinstance(item, str):
                found.add(item)
            elif key == "Fn::GetAtt" and isinstance(item, list) and item:
                found.add(str(item[0]))
            elif key == "Fn::Sub":
                text = item if isinstance(item, str) else item[0]
                for expression in _sub_expressions(text):
                    found.add(expression.split(".", 1)[0])
                if isinstance(item, list) and len(item) > 1:
                    found |= _references(item[1])
            else:
                found |= _references(item)
    return found


def _sub_expressions(text: str) -> list[str]:
    parts = text.split("${")[1:]
    return [part.split("}", 1)[0] for part in parts if part and not part.startswith("!")]


# ---------------------------------------------------------------------------- SQS
def _create_queue(clients: Clients, resolver: Resolver, logical_id: str, props: dict[str, Any]) -> None:
    sqs = clients["sqs"]
    name = resolver.physical_name(logical_id)
    props.pop("QueueName", None)
    tags = props.pop("Tags", [])
    attributes = {key: _attribute_text(value) for key, value in props.items()}
    try:
        url = sqs.create_queue(QueueName=name, Attributes=attributes)["QueueUrl"]
    except ClientError as exc:
        # A moto server that outlived an earlier run keeps the queue: bring its attributes up to date.
        if _error_code(exc) not in ("QueueAlreadyExists", "QueueNameExists"):
            raise
        url = sqs.get_queue_url(QueueName=name)["QueueUrl"]
        settable = {key: value for key, value in attributes.items() if key not in ("FifoQueue",)}
        if settable:
            sqs.set_queue_attributes(QueueUrl=url, Attributes=settable)
    if tags:
        sqs.tag_queue(QueueUrl=url, Tags={tag["Key"]: str(tag["Value"]) for tag in tags})
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    resolver.register(logical_id, url, Arn=arn, QueueUrl=url, QueueName=name)


def _create_queue_policy(
    clients: Clients, resolver: Resolver, logical_id: str, props: dict[str, Any]
) -> None:
    policy = _policy_text(props["PolicyDocument"])
    for url in props["Queues"]:
        clients["sqs"].set_queue_attributes(QueueUrl=url, Attributes={"Policy": policy})
    resolver.register(logical_id, f"{resolver.context.stack_name}-{logical_id}")


# ---------------------------------------------------------------------------- S3
def _rename(mapping: Mapping[str, Any], names: Mapping[str, str]) -> dict[str, Any]:
    return {names.get(key, key): value for key, value in mapping.items()}


def _encryption(props: Mapping[str, Any]) -> dict[str, Any]:
    rules = [
        _rename(rule, {"ServerSideEncryptionByDefault": "ApplyServerSideEncryptionByDefault"})
        for rule in props["ServerSideEncryptionConfiguration"]
    ]
    return {"Rules": rules}


def _lifecycle_rule(rule: Mapping[str, Any]) -> dict[str, Any]:
    translated: dict[str, Any] = {"ID": rule.get("Id", "rule"), "Status": rule["Status"]}
    prefix = rule.get("Prefix")
    translated["Filter"] = {"Prefix": prefix or ""}
    if "ExpirationInDays" in rule:
        translated["Expiration"] = {"Days": int(rule["ExpirationInDays"])}
    if "NoncurrentVersionExpirationInDays" in rule:
        translated["NoncurrentVersionExpiration"] = {
            "NoncurrentDays": int(rule["NoncurrentVersionExpirationInDays"])
        }
    for same in ("NoncurrentVersionExpiration", "AbortIncompleteMultipartUpload"):
        if same in rule:
            translated[same] = {key: int(value) for key, value in rule[same].items()}
    unknown = set(rule) - {
        "Id",
        "Status",
        "Prefix",
        "ExpirationInDays",
        "NoncurrentVersionExpirationInDays",
        "NoncurrentVersionExpiration",
        "AbortIncompleteMultipartUpload",
    }
    if unknown:
        raise TemplateError(
            f"lifecycle rule fields {sorted(unknown)} have no local translation in infra/provision.py"
        )
    return translated


def _notification_target(kind: str, config: Mapping[str, Any]) -> dict[str, Any]:
    target_key = {"Queue": "QueueArn", "Topic": "TopicArn", "Function": "LambdaFunctionArn"}[kind]
    translated: dict[str, Any] = {target_key: config[kind], "Events": [config["Event"]]}
    rules = config.get("Filter", {}).get("S3Key", {}).get("Rules", [])
    if rules:
        translated["Filter"] = {
            "Key": {"FilterRules": [{"Name": r["Name"], "Value": r["Value"]} for r in rules]}
        }
    return translated


def _notifications(props: Mapping[str, Any]) -> dict[str, Any]:
    translated: dict[str, Any] = {}
    for section, kind in (
        ("QueueConfigurations", "Queue"),
        ("TopicConfigurations", "Topic"),
        ("LambdaConfigurations", "Function"),
    ):
        if section in props:
            translated[section] = [_notification_target(kind, config) for config in props[section]]
    if props.get("EventBridgeConfiguration", {}).get("EventBridgeEnabled"):
        translated["EventBridgeConfiguration"] = {}
    return translated


def _cors(props: Mapping[str, Any]) -> dict[str, Any]:
    rules = [_rename(rule, {"Id": "ID", "MaxAge": "MaxAgeSeconds"}) for rule in props["CorsRules"]]
    return {"CORSRules": rules}


# CFN bucket property -> (boto3 method, its parameter, translation). Applied in this order, notification last
# as in CloudFormation, which configures it once the bucket and its settings exist.
_BUCKET_SETTINGS: tuple[tuple[str, str, str, Callable[[Any], Any]], ...] = (
    ("OwnershipControls", "put_bucket_ownership_controls", "OwnershipControls", lambda v: v),
    (
        "PublicAccessBlockConfiguration",
        "put_public_access_block",
        "PublicAccessBlockConfiguration",
        lambda v: v,
    ),
    ("BucketEncryption", "put_bucket_encryption", "ServerSideEncryptionConfiguration", _encryption),
    ("VersioningConfiguration", "put_bucket_versioning", "VersioningConfiguration", lambda v: v),
    (
        "LifecycleConfiguration",
        "put_bucket_lifecycle_configuration",
        "LifecycleConfiguration",
        lambda v: {"Rules": [_lifecycle_rule(rule) for rule in v["Rules"]]},
    ),
    ("CorsConfiguration", "put_bucket_cors", "CORSConfiguration", _cors),
    ("Tags", "put_bucket_tagging", "Tagging", lambda v: {"TagSet": v}),
    (
        "NotificationConfiguration",
        "put_bucket_notification_configuration",
        "NotificationConfiguration",
        _notifications,
    ),
)


def _create_bucket(clients: Clients, resolver: Resolver, logical_id: str, props: dict[str, Any]) -> None:
    s3 = clients["s3"]
    name = resolver.physical_name(logical_id)
    props.pop("BucketName", None)
    unknown = set(props) - {setting[0] for setting in _BUCKET_SETTINGS}
    if unknown:
        raise TemplateError(
            f"bucket {logical_id} properties {sorted(unknown)} have no local translation: add them to "
            "_BUCKET_SETTINGS in infra/provision.py"
        )
    create: dict[str, Any] = {"Bucket": name}
    if resolver.context.region != "us-east-1":
        create["CreateBucketConfiguration"] = {"LocationConstraint": resolver.context.region}
    try:
        s3.create_bucket(**create)
    except ClientError as exc:
        if _error_code(exc) != "BucketAlreadyOwnedByYou":
            raise
    for prop, method, parameter, translate in _BUCKET_SETTINGS:
        if prop in props:
            getattr(s3, method)(Bucket=name, **{parameter: translate(props[prop])})
    ctx = resolver.context
    resolver.register(
        logical_id,
        name,
        Arn=f"arn:{ctx.partition}:s3:::{name}",
        DomainName=f"{name}.s3.{ctx.url_suffix}",
        RegionalDomainName=f"{name}.s3.{ctx.region}.{ctx.url_suffix}",
    )


def moto_enforceable_policy(document: Mapping[str, Any]) -> dict[str, Any]:
    """The bucket policy minus conditional Deny statements, which moto would apply unconditionally.

    moto evaluates a bucket policy's Deny statements but ignores their conditions (getmoto/moto#5820),
    so the TLS-only statement (Deny when aws:SecureTransport is false) would refuse every request.
    Such statements are checked in the template's unit tests instead.
    """
    statements = document.get("Statement", [])
    if isinstance(statements, Mapping):
        statements = [statements]
    kept = [st for st in statements if not (st.get("Effect") == "Deny" and st.get("Condition"))]
    return {**document, "Statement": kept}


def _create_bucket_policy(
    clients: Clients, resolver: Resolver, logical_id: str, props: dict[str, Any]
) -> None:
    policy = moto_enforceable_policy(props["PolicyDocument"])
    if policy["Statement"]:
        clients["s3"].put_bucket_policy(Bucket=props["Bucket"], Policy=_policy_text(policy))
    resolver.register(logical_id, props["Bucket"])


# ---------------------------------------------------------------------------- DynamoDB
_TABLE_CREATE_AS_IS = (
    "TableName",
    "AttributeDefinitions",
    "KeySchema",
    "BillingMode",
    "GlobalSecondaryIndexes",
    "LocalSecondaryIndexes",
    "ProvisionedThroughput",
    "DeletionProtectionEnabled",
    "TableClass",
    "Tags",
)


def _create_table(clients: Clients, resolver: Resolver, logical_id: str, props: dict[str, Any]) -> None:
    dynamodb = clients["dynamodb"]
    name = resolver.physical_name(logical_id)
    props["TableName"] = name
    handled = {*_TABLE_CREATE_AS_IS, "SSESpecification", "StreamSpecification"}
    handled |= {"PointInTimeRecoverySpecification", "TimeToLiveSpecification"}
    unknown = set(props) - handled
    if unknown:
        raise TemplateError(
            f"table {logical_id} properties {sorted(unknown)} have no local translation in infra/provision.py"
        )
    create = {key: props[key] for key in _TABLE_CREATE_AS_IS if key in props}
    if "SSESpecification" in props:
        create["SSESpecification"] = _rename(props["SSESpecification"], {"SSEEnabled": "Enabled"})
    if "StreamSpecification" in props:
        create["StreamSpecification"] = {"StreamEnabled": True, **props["StreamSpecification"]}
    try:
        dynamodb.create_table(**create)
    except ClientError as exc:
        if _error_code(exc) != "ResourceInUseException":
            raise
    dynamodb.get_waiter("table_exists").wait(TableName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 60})
    try:
        if "PointInTimeRecoverySpecification" in props:
            enabled = bool(props["PointInTimeRecoverySpecification"].get("PointInTimeRecoveryEnabled"))
            dynamodb.update_continuous_backups(
                TableName=name, PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": enabled}
            )
        if "TimeToLiveSpecification" in props:
            dynamodb.update_time_to_live(
                TableName=name, TimeToLiveSpecification=props["TimeToLiveSpecification"]
            )
    except ClientError as exc:
        # dynalite (the local stack's table) has neither backups nor TTL expiry; neither changes what is read.
        if _error_code(exc) != "UnknownOperationException":
            raise
    table = dynamodb.describe_table(TableName=name)["Table"]
    attributes = {"Arn": table["TableArn"]}
    if "LatestStreamArn" in table:
        attributes["StreamArn"] = table["LatestStreamArn"]
    resolver.register(logical_id, name, **attributes)


def _create_secret(
    clients: Clients,
    resolver: Resolver,
    logical_id: str,
    props: dict[str, Any],
    value_of: Callable[[str], str] | None = None,
) -> None:
    """A generated secret (GenerateSecretString): a random value, or the caller's (the local stack keeps one)."""
    value = value_of(logical_id) if value_of else secrets.token_urlsafe(36)
    try:
        clients["secretsmanager"].create_secret(Name=resolver.physical_name(logical_id), SecretString=value)
    except ClientError as exc:
        if _error_code(exc) != "ResourceExistsException":  # provisioning again is harmless
            raise


_CREATORS: dict[str, _Creator] = {
    "AWS::SecretsManager::Secret": _create_secret,  # called with the caller's secret_value, see provision
    "AWS::SQS::Queue": _create_queue,
    "AWS::SQS::QueuePolicy": _create_queue_policy,
    "AWS::S3::Bucket": _create_bucket,
    "AWS::S3::BucketPolicy": _create_bucket_policy,
    "AWS::DynamoDB::Table": _create_table,
}


def _creation_order(template: Mapping[str, Any], resolver: Resolver) -> list[str]:
    """Resources infra can create, each after the ones it refers to or DependsOn (as CloudFormation orders)."""
    resources = template["Resources"]
    wanted = [
        lid for lid, res in resources.items() if res.get("Type") in _CREATORS and resolver.is_active(lid)
    ]
    wanted_set = set(wanted)
    dependencies: dict[str, set[str]] = {}
    for lid in wanted:
        depends_on = resources[lid].get("DependsOn", [])
        depends = {depends_on} if isinstance(depends_on, str) else set(depends_on)
        depends |= _references(resources[lid].get("Properties", {}))
        dependencies[lid] = (depends & wanted_set) - {lid}
    ordered: list[str] = []
    placed: set[str] = set()
    while len(ordered) < len(wanted):
        ready = [lid for lid in wanted if lid not in placed and dependencies[lid] <= placed]
        if not ready:
            stuck = sorted(wanted_set - placed)
            raise TemplateError(
                f"circular dependency among {stuck}; break it as the template comments explain"
            )
        ordered.extend(ready)
        placed.update(ready)
    return ordered


def _function_settings(resolver: Resolver, logical_id: str) -> tuple[int, int, int | None]:
    """Timeout, memory and SQS batch size of a function, resolved without touching unrelated references."""
    properties = function_properties(resolver.template, logical_id)
    timeout = int(resolver.resolve(properties.get("Timeout", 3)))
    memory = int(resolver.resolve(properties.get("MemorySize", 128)))
    batch_size: int | None = None
    for event in (properties.get("Events") or {}).values():
        if event.get("Type") == "SQS":
            # SAM's default batch size for SQS events is 10.
            batch_size = int(resolver.resolve(event.get("Properties", {}).get("BatchSize", 10)))
    return timeout, memory, batch_size


# ---------------------------------------------------------------------------- public
def stack_resolver(
    template_path: str | Path = TEMPLATE_PATH,
    stack: str = DEFAULT_STACK,
    account_id: str = DEFAULT_ACCOUNT_ID,
    region: str = DEFAULT_REGION,
    parameters: Mapping[str, Any] | None = None,
) -> Resolver:
    """A resolver over template.yaml for one local stack: names are known before anything is created."""
    context = StackContext(stack, account_id=account_id, region=region, parameters=dict(parameters or {}))
    return Resolver(load_template(template_path), context)


def provision(
    session_or_clients: Any = None,
    template_path: str | Path = TEMPLATE_PATH,
    stack: str = DEFAULT_STACK,
    account_id: str = DEFAULT_ACCOUNT_ID,
    region: str | None = None,
    parameters: Mapping[str, Any] | None = None,
    secret_value: Callable[[str], str] | None = None,
) -> StackResources:
    """Create the template's queues, queue policy, bucket (settings, policy, notification), table and
    generated secrets (``secret_value(logical_id)`` picks their values; random by default).

    Works against moto in-process (inside ``mock_aws``) and against a moto server: a boto3 Session
    honours AWS_ENDPOINT_URL. Running it again against the same server is harmless. Lambda, API
    Gateway, alarms and log groups are not created; the function settings are returned instead.
    """
    if re.fullmatch(r"[a-z0-9][a-z0-9-]{0,44}", stack) is None:
        raise TemplateError(
            f"stack name {stack!r} must be 1-45 lowercase letters, digits or hyphens: the drop bucket is named after it"
        )
    clients, chosen_region = _clients(session_or_clients, region)
    resolver = stack_resolver(template_path, stack, account_id, chosen_region, parameters)
    template = resolver.template
    for logical_id in _creation_order(template, resolver):
        resource = template["Resources"][logical_id]
        properties = resolver.resolve(resource.get("Properties", {}))
        if resource["Type"] == "AWS::SecretsManager::Secret":
            _create_secret(clients, resolver, logical_id, dict(properties), secret_value)
            continue
        _CREATORS[resource["Type"]](clients, resolver, logical_id, dict(properties))

    ingest_timeout, ingest_memory, ingest_batch = _function_settings(resolver, INGEST_FUNCTION_ID)
    lookup_timeout, lookup_memory, _ = _function_settings(resolver, LOOKUP_FUNCTION_ID)
    if ingest_batch is None:
        raise TemplateError(
            f"{INGEST_FUNCTION_ID} has no SQS event in the template; it must consume {QUEUE_ID}"
        )
    return StackResources(
        stack=stack,
        region=chosen_region,
        account_id=account_id,
        bucket=resolver.ref(BUCKET_ID),
        table=resolver.ref(TABLE_ID),
        queue_url=resolver.ref(QUEUE_ID),
        queue_arn=resolver.get_att(QUEUE_ID, "Arn"),
        dlq_url=resolver.ref(DLQ_ID),
        dlq_arn=resolver.get_att(DLQ_ID, "Arn"),
        ingest_timeout=ingest_timeout,
        ingest_batch_size=ingest_batch,
        ingest_memory=ingest_memory,
        lookup_timeout=lookup_timeout,
        lookup_memory=lookup_memory,
        ingest_environment=function_environment(resolver, INGEST_FUNCTION_ID),
        lookup_environment=function_environment(resolver, LOOKUP_FUNCTION_ID),
    )


def drain_queue(sqs: Any, queue_url: str) -> list[dict[str, Any]]:
    """Receive and delete every visible message; returns their bodies (JSON-decoded when they are JSON).

    moto sends an ``s3:TestEvent`` when a bucket notification is configured: drain it before a test counts.
    """
    bodies: list[dict[str, Any]] = []
    while len(bodies) < _MAX_DRAINED_MESSAGES:
        batch = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=0).get(
            "Messages", []
        )
        if not batch:
            break
        for message in batch:
            try:
                body = json.loads(message["Body"])
            except ValueError:
                body = {"Body": message["Body"]}
            bodies.append(body if isinstance(body, dict) else {"Body": body})
        sqs.delete_message_batch(
            QueueUrl=queue_url,
            Entries=[{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(batch)],
        )
    return bodies


def main(argv: list[str] | None = None) -> int:
    """``python -m infra.provision``: provision into the moto server at AWS_ENDPOINT_URL, print the names as JSON."""
    import argparse
    import dataclasses
    import os

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--stack", default=DEFAULT_STACK)
    parser.add_argument("--region", default=os.environ.get("AWS_DEFAULT_REGION", DEFAULT_REGION))
    parser.add_argument("--account-id", default=DEFAULT_ACCOUNT_ID)
    parser.add_argument("--template", default=str(TEMPLATE_PATH))
    parser.add_argument(
        "--parameter", action="append", default=[], metavar="NAME=VALUE", help="template parameter override"
    )
    args = parser.parse_args(argv)
    if not os.environ.get("AWS_ENDPOINT_URL"):
        parser.error(
            "AWS_ENDPOINT_URL is not set: point it at a moto server (this never provisions real AWS)"
        )
    overrides: dict[str, str] = {}
    for item in args.parameter:
        name, sep, value = item.partition("=")
        if not sep:
            parser.error(f"--parameter {item!r} must look like NAME=VALUE")
        overrides[name] = value
    session = boto3.session.Session(region_name=args.region)
    resources = provision(session, args.template, args.stack, args.account_id, args.region, overrides)
    print(json.dumps(dataclasses.asdict(resources), indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
