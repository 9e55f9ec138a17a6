"""One creator per template resource type infra provisions (SQS queue and policy, S3 bucket and policy, DynamoDB
table, generated secret), each from the resource's own properties."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Mapping
from typing import Any

from botocore.exceptions import ClientError

from infra.resolver import Resolver
from infra.template import TemplateError

Clients = Mapping[str, Any]
Creator = Callable[[Clients, Resolver, str, dict[str, Any]], None]


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


def create_secret(
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


CREATORS: dict[str, Creator] = {
    "AWS::SecretsManager::Secret": create_secret,  # called with the caller's secret_value, see provision
    "AWS::SQS::Queue": _create_queue,
    "AWS::SQS::QueuePolicy": _create_queue_policy,
    "AWS::S3::Bucket": _create_bucket,
    "AWS::S3::BucketPolicy": _create_bucket_policy,
    "AWS::DynamoDB::Table": _create_table,
}
