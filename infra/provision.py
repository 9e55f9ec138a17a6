"""Provisions the template's bucket, queues, table and secrets into moto (in-process or a moto server), in
CloudFormation's order, and names what it created (``StackResources``); the creators are in ``infra.creators``."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import boto3

from infra.creators import CREATORS, create_secret
from infra.resolver import Resolver, function_environment
from infra.template import (
    DEFAULT_ACCOUNT_ID,
    DEFAULT_REGION,
    TEMPLATE_PATH,
    StackContext,
    TemplateError,
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


def _creation_order(template: Mapping[str, Any], resolver: Resolver) -> list[str]:
    """Resources infra can create, each after the ones it refers to or DependsOn (as CloudFormation orders)."""
    resources = template["Resources"]
    wanted = [
        lid for lid, res in resources.items() if res.get("Type") in CREATORS and resolver.is_active(lid)
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
            create_secret(clients, resolver, logical_id, dict(properties), secret_value)
            continue
        CREATORS[resource["Type"]](clients, resolver, logical_id, dict(properties))

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
